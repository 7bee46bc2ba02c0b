package cn.propertycompliance.parameters;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binds a table entry's value (the YAML mapping) to the table's value type, a record: every field of the mapping must
 * be a component, every component not marked {@link OptionalField} must be given, numbers must fit (no 1.5 for a count),
 * enums must name a constant, and the record's own checks must pass. The release loader binds every entry this way, so
 * a misspelt field or code is a load problem with {@code file:line}, never a failure during an evaluation.
 */
public final class ValueBinder {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ValueBinder() {
    }

    /** The typed value, or an {@link IllegalArgumentException} saying, in one line, which field is wrong and how. */
    public static <T> T bind(Map<String, Object> value, Class<T> type) {
        unknownFields(value, type, "");
        T bound;
        try {
            bound = MAPPER.convertValue(exact(value), type);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("field '" + path(e) + "' is not a field of this table (fields: "
                    + fields(e.getReferringClass()) + ")");
        } catch (InvalidFormatException e) {
            Class<?> target = e.getTargetType();
            throw new IllegalArgumentException("field '" + path(e) + "' is " + e.getValue()
                    + (target != null && target.isEnum() ? ", not one of " + Arrays.toString(target.getEnumConstants())
                    : ", not a " + (target == null ? "valid value" : target.getSimpleName())));
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException(cause.getMessage());
        } catch (DatabindException e) {
            throw new IllegalArgumentException("field '" + path(e) + "': " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        requireFields(bound, "");
        return bound;
    }

    /** Every field of the mapping must be a component of the record, in nested records (a list's items) too. */
    private static void unknownFields(Object value, java.lang.reflect.Type type, String prefix) {
        Class<?> raw = type instanceof Class<?> c ? c
                : type instanceof java.lang.reflect.ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
        if (value instanceof Map<?, ?> map && raw.isRecord()) {
            Map<String, RecordComponent> components = new java.util.LinkedHashMap<>();
            for (RecordComponent c : raw.getRecordComponents()) {
                components.put(c.getName(), c);
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                RecordComponent c = components.get(String.valueOf(e.getKey()));
                if (c == null) {
                    throw new IllegalArgumentException("field '" + prefix + e.getKey() + "' is not a field of this table (fields: "
                            + String.join(", ", components.keySet()) + ")");
                }
                unknownFields(e.getValue(), c.getGenericType(), prefix + c.getName() + (e.getValue() instanceof List<?> ? "" : "."));
            }
        } else if (value instanceof List<?> list && List.class.isAssignableFrom(raw)
                && type instanceof java.lang.reflect.ParameterizedType p) {
            for (int i = 0; i < list.size(); i++) {
                unknownFields(list.get(i), p.getActualTypeArguments()[0], prefix + "[" + i + "].");
            }
        }
    }

    /** Whole numbers as integers (so that 15 binds to an int and 1.5 does not); decimals stay exact. */
    private static Object exact(Object v) {
        if (v instanceof java.math.BigDecimal d) {
            java.math.BigDecimal s = d.stripTrailingZeros();
            return s.scale() <= 0 ? (Object) s.toBigIntegerExact() : d;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, exact(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(ValueBinder::exact).toList();
        }
        return v;
    }

    /** Components not marked {@link OptionalField} must be present, in nested records too (e.g. each action of a list). */
    private static void requireFields(Object value, String prefix) {
        if (value == null || !value.getClass().isRecord()) {
            if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    requireFields(list.get(i), prefix.substring(0, Math.max(0, prefix.length() - 1)) + "[" + i + "].");
                }
            }
            return;
        }
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (v == null && !c.isAnnotationPresent(OptionalField.class)) {
                throw new IllegalArgumentException("field '" + prefix + c.getName() + "' is missing");
            }
            requireFields(v, prefix + c.getName() + ".");
        }
    }

    private static String path(DatabindException e) {
        return e.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String fields(Class<?> type) {
        return type == null || !type.isRecord() ? "?"
                : Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.joining(", "));
    }
}
