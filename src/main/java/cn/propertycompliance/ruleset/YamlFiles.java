package cn.propertycompliance.ruleset;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Strict YAML reading for rules/ and policies/: an unknown field is an error with its line, not ignored. */
public final class YamlFiles {

    static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private YamlFiles() {
    }

    public static <T> Optional<T> read(SourceFile file, Class<T> type, Problems problems) {
        try {
            T value = MAPPER.readValue(file.bytes(), type);
            if (value == null) {
                problems.error(file, 1, "the file is empty");
            }
            return Optional.ofNullable(value);
        } catch (UnrecognizedPropertyException e) {
            // Records are built after their properties are buffered, so the parser position is past the typo;
            // point at the first line that names the property instead.
            problems.error(file, file.lineOf(e.getPropertyName() + ":"), "unknown field '" + e.getPropertyName()
                    + "' (known: " + e.getKnownPropertyIds() + ")");
            return Optional.empty();
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            problems.error(file, at == null ? 1 : Math.max(1, at.getLineNr()), e.getOriginalMessage());
            return Optional.empty();
        }
    }

    public static Optional<JsonNode> readTree(SourceFile file, Problems problems) {
        return read(file, JsonNode.class, problems);
    }

    public static YAMLMapper mapper() {
        return MAPPER;
    }
}
