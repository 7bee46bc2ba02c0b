package cn.propertycompliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.evaluation.EvaluationRequest;
import cn.propertycompliance.support.Http;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The request schema published in {@code /v3/api-docs} and the binding cannot drift: both come from the records,
 * and this walks every record of the request and checks that each field, and each constraint the binding enforces,
 * is in the published schema — and nothing else is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestSchemaDriftTest {

    @LocalServerPort
    int port;

    @Test
    void thePublishedRequestSchemaIsTheRecordsWithTheirConstraints() {
        JsonNode schemas = new Http(port).get("/v3/api-docs").json().path("components").path("schemas");
        List<String> drift = new ArrayList<>();
        compare(EvaluationRequest.class, schemas, new HashSet<>(), drift);
        assertThat(drift).isEmpty();
    }

    private void compare(Class<?> record, JsonNode schemas, Set<Class<?>> seen, List<String> drift) {
        if (!seen.add(record)) {
            return;
        }
        JsonNode schema = schemas.path(record.getSimpleName());
        if (schema.isMissingNode()) {
            drift.add(record.getSimpleName() + ": not in /v3/api-docs");
            return;
        }
        Set<String> published = new TreeSet<>();
        schema.path("properties").propertyNames().forEach(published::add);
        Set<String> bound = new TreeSet<>(Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList());
        if (!published.equals(bound)) {
            drift.add(record.getSimpleName() + ": published " + published + " but binds " + bound);
        }
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        for (RecordComponent component : record.getRecordComponents()) {
            // Constraint annotations do not target record components: Java puts them on the field (and accessor).
            Field c = field(record, component.getName());
            String where = record.getSimpleName() + "." + c.getName();
            JsonNode property = resolve(schema.path("properties").path(c.getName()), schemas);
            if (c.isAnnotationPresent(NotNull.class) != required.contains(c.getName())) {
                drift.add(where + ": required is " + required.contains(c.getName()) + " in the docs");
            }
            checkConstraints(where, c.getAnnotations(), c.getType(), property, drift);
            checkType(where, c.getType(), property, schemas, seen, drift);
            if (List.class.isAssignableFrom(c.getType())) {
                AnnotatedType element = ((AnnotatedParameterizedType) c.getAnnotatedType()).getAnnotatedActualTypeArguments()[0];
                Class<?> elementClass = (Class<?>) element.getType();
                JsonNode items = resolve(property.path("items"), schemas);
                checkConstraints(where + "[]", element.getAnnotations(), elementClass, items, drift);
                checkType(where + "[]", elementClass, items, schemas, seen, drift);
            }
        }
    }

    private static Field field(Class<?> record, String name) {
        try {
            return record.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private void checkType(String where, Class<?> type, JsonNode property, JsonNode schemas, Set<Class<?>> seen, List<String> drift) {
        if (type.isRecord()) {
            compare(type, schemas, seen, drift);
        } else if (type.isEnum()) {
            List<String> values = new ArrayList<>();
            property.path("enum").forEach(v -> values.add(v.asString()));
            List<String> constants = Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
            if (!values.equals(constants)) {
                drift.add(where + ": enum " + values + " but binds " + constants);
            }
        } else if (type == LocalDate.class && !property.path("format").asString().equals("date")) {
            drift.add(where + ": not a date in the docs");
        } else if (type == Integer.class && !property.path("type").asString().equals("integer")) {
            drift.add(where + ": not an integer in the docs");
        } else if (type == BigDecimal.class && !property.path("type").asString().equals("number")) {
            drift.add(where + ": not a number in the docs");
        }
    }

    private static void checkConstraints(String where, Annotation[] annotations, Class<?> type, JsonNode property, List<String> drift) {
        boolean list = List.class.isAssignableFrom(type);
        for (Annotation a : annotations) {
            if (a instanceof Min m) {
                expect(where, property, "minimum", BigDecimal.valueOf(m.value()), drift);
            } else if (a instanceof Max m) {
                expect(where, property, "maximum", BigDecimal.valueOf(m.value()), drift);
            } else if (a instanceof DecimalMin m) {
                expect(where, property, "minimum", new BigDecimal(m.value()), drift);
            } else if (a instanceof DecimalMax m) {
                expect(where, property, "maximum", new BigDecimal(m.value()), drift);
            } else if (a instanceof Digits d) {
                expect(where, property, "multipleOf", BigDecimal.ONE.movePointLeft(d.fraction()), drift);
            } else if (a instanceof Size s) {
                expect(where, property, list ? "maxItems" : "maxLength", BigDecimal.valueOf(s.max()), drift);
                if (s.min() > 0) {
                    expect(where, property, list ? "minItems" : "minLength", BigDecimal.valueOf(s.min()), drift);
                }
            } else if (a instanceof Pattern p && !property.path("pattern").asString().equals(p.regexp())) {
                drift.add(where + ": pattern " + property.path("pattern") + " but binds " + p.regexp());
            }
        }
    }

    private static void expect(String where, JsonNode property, String keyword, BigDecimal value, List<String> drift) {
        JsonNode published = property.path(keyword);
        if (!published.isNumber() || published.decimalValue().compareTo(value) != 0) {
            drift.add(where + ": " + keyword + " " + published + " but binds " + value.toPlainString());
        }
    }

    /** A property that is a {@code $ref} (a nested record) is compared with the schema it refers to. */
    private static JsonNode resolve(JsonNode property, JsonNode schemas) {
        String ref = property.path("$ref").asString("");
        if (ref.isEmpty() && property.path("allOf").isArray()) {
            ref = property.path("allOf").get(0).path("$ref").asString("");
        }
        return ref.isEmpty() ? property : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
