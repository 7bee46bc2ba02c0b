package cn.propertycompliance.evaluation;

import cn.propertycompliance.facts.Limits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * How a request body is read: one streaming pass into the records, with Jackson's own limits (number and string
 * length, nesting depth, duplicate keys) and lenient-to-strict scalar handling (no "3" for 3, no 1.5 for a count, no
 * 3000000000 wrapped into an int). Problems a field can have on its own are collected, not thrown, so one answer
 * lists every bad field; the bad field is bound as null and Bean Validation then skips it.
 */
final class RequestBinding {

    /** The per-call list of problems, passed to deserializers and the problem handler as a context attribute. */
    static final Object ERRORS = new Object();

    static final int MAX_NESTING = 16;
    static final int MAX_NUMBER_CHARS = 40;
    static final int MAX_STRING_CHARS = 10_000;

    private RequestBinding() {
    }

    static JsonMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxNumberLength(MAX_NUMBER_CHARS)
                        .maxStringLength(MAX_STRING_CHARS)
                        .maxNameLength(200)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        SimpleModule scalars = new SimpleModule("bounded-scalars")
                .addDeserializer(Integer.class, new IntegerValue())
                .addDeserializer(BigDecimal.class, new DecimalValue())
                .addDeserializer(Boolean.class, new BooleanValue())
                .addDeserializer(String.class, new StringValue())
                .addDeserializer(LocalDate.class, new DateValue());
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(tools.jackson.databind.cfg.EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(scalars)
                .addHandler(new Collector())
                .build();
    }

    @SuppressWarnings("unchecked")
    static Set<FieldError> errors(DeserializationContext ctxt) {
        return (Set<FieldError>) ctxt.getAttribute(ERRORS);
    }

    static void add(DeserializationContext ctxt, JsonParser p, String message) {
        add(ctxt, new FieldError(path(p.streamReadContext()), message));
    }

    /** Collects at most {@link RequestParser#MAX_LISTED_ERRORS} + 1, so a body of 100,000 bad fields costs no more. */
    static void add(DeserializationContext ctxt, FieldError error) {
        Set<FieldError> errors = errors(ctxt);
        if (errors.size() <= RequestParser.MAX_LISTED_ERRORS) {
            errors.add(error);
        }
    }

    /** {@code fee.chargedItems[0].name}, from where the parser is. */
    static String path(TokenStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray() && c.hasCurrentIndex()) {
                parts.addFirst("[" + c.getCurrentIndex() + "]");
            } else if (c.inObject() && c.currentName() != null) {
                parts.addFirst("." + c.currentName());
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "must be a whole number";
        }
        if (type == BigDecimal.class) {
            return "must be a number";
        }
        if (type == Boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == LocalDate.class) {
            return "must be a real date in the form yyyy-MM-dd, in the years " + Limits.MIN_YEAR + "–" + Limits.MAX_YEAR;
        }
        if (type.isEnum()) {
            StringBuilder values = new StringBuilder();
            for (Object c : type.getEnumConstants()) {
                values.append(values.isEmpty() ? "" : ", ").append(((Enum<?>) c).name());
            }
            return "must be one of " + values;
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        return "must be an object";
    }

    /** Records what Jackson would otherwise throw at the first bad field, and lets binding go on. */
    static final class Collector extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, ValueDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) {
            String at = path(p.streamReadContext());
            if (!at.equals(propertyName) && !at.endsWith("." + propertyName)) {
                at = at.isEmpty() ? propertyName : at + "." + propertyName;
            }
            add(ctxt, new FieldError(at, "is not a field of this object (api.md v1)"));
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                             String failureMsg) {
            add(ctxt, ctxt.getParser(), expected(targetType));
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                             String failureMsg) {
            add(ctxt, ctxt.getParser(), expected(targetType));
            return null;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                            String failureMsg) {
            add(ctxt, p, expected(targetType.getRawClass()));
            p.skipChildren();
            return null;
        }
    }

    /** Reads only its own token type; anything else is "must be …" for this field, and null. */
    private abstract static class Scalar<T> extends ValueDeserializer<T> {
        final Class<T> type;

        Scalar(Class<T> type) {
            this.type = type;
        }

        @Override
        public Class<?> handledType() {
            return type;
        }

        T mismatch(JsonParser p, DeserializationContext ctxt) {
            add(ctxt, p, expected(type));
            p.skipChildren();
            return null;
        }
    }

    static final class IntegerValue extends Scalar<Integer> {
        IntegerValue() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                return mismatch(p, ctxt);
            }
            if (p.getNumberType() != JsonParser.NumberType.INT) {
                add(ctxt, p, "is out of range");
                return null;
            }
            return p.getIntValue();
        }
    }

    static final class DecimalValue extends Scalar<BigDecimal> {
        DecimalValue() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return mismatch(p, ctxt);
            }
            try {
                return p.getDecimalValue();
            } catch (JacksonException | NumberFormatException | ArithmeticException e) {
                // e.g. 1e2147483648: an exponent BigDecimal cannot hold
                add(ctxt, p, "is out of range");
                return null;
            }
        }
    }

    static final class BooleanValue extends Scalar<Boolean> {
        BooleanValue() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.hasToken(JsonToken.VALUE_TRUE)) {
                return Boolean.TRUE;
            }
            if (p.hasToken(JsonToken.VALUE_FALSE)) {
                return Boolean.FALSE;
            }
            return mismatch(p, ctxt);
        }
    }

    static final class StringValue extends Scalar<String> {
        StringValue() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            return p.hasToken(JsonToken.VALUE_STRING) ? p.getString() : mismatch(p, ctxt);
        }
    }

    /** ISO dates, strictly (no 2026-02-30), within {@link Limits#MIN_YEAR}–{@link Limits#MAX_YEAR}. */
    static final class DateValue extends Scalar<LocalDate> {
        DateValue() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return mismatch(p, ctxt);
            }
            String text = p.getString();
            if (text.length() == 10) {
                try {
                    LocalDate date = LocalDate.parse(text);
                    if (date.getYear() >= Limits.MIN_YEAR && date.getYear() <= Limits.MAX_YEAR) {
                        return date;
                    }
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            add(ctxt, p, expected(LocalDate.class));
            return null;
        }
    }
}
