package cn.propertycompliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docs/configuration.md lists every setting: each {@code compliance.*} key of {@link ComplianceProperties}, and every
 * setting the container recipe and the compose file give the service. The recipes cannot run on the build machine
 * (no container engine), so this is what keeps them honest.
 */
class ConfigurationReferenceTest {

    private static final String REFERENCE = read("docs/configuration.md");

    @Test
    void everyComplianceSettingIsDocumented() {
        List<String> keys = new ArrayList<>();
        collect("compliance", ComplianceProperties.class, keys);
        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(REFERENCE).as("docs/configuration.md lists " + key)
                .contains("`" + key + "`"));
    }

    @Test
    void everySettingOfTheContainerRecipesIsDocumented() {
        List<String> settings = new ArrayList<>();
        Matcher env = Pattern.compile("(?m)^(?:ENV\\s+|\\s+)([A-Z][A-Z0-9_]+)=").matcher(dockerfileEnv());
        while (env.find()) {
            settings.add(env.group(1));
        }
        JsonNode compose = YAMLMapper.builder().build().readTree(read("compose.yaml"));
        compose.path("services").path("app1").path("environment").properties().forEach(e -> settings.add(e.getKey()));
        assertThat(settings).contains("COMPLIANCE_RULES_DIR", "SPRING_DATASOURCE_URL", "COMPLIANCE_PRIVACY_HMAC_KEY");
        assertThat(settings).allSatisfy(s -> assertThat(REFERENCE).as("docs/configuration.md documents " + s).contains("`" + s));
        String readme = read("README.md");
        assertThat(readme).contains("Dockerfile").contains("compose.yaml").contains("untested");
    }

    /** The ENV instruction of the run stage, continuation lines included. */
    private static String dockerfileEnv() {
        String dockerfile = read("Dockerfile");
        StringBuilder out = new StringBuilder();
        for (String line : dockerfile.substring(dockerfile.indexOf("\nENV ") + 1).split("\n")) {
            out.append(line).append('\n');
            if (!line.endsWith("\\")) {
                break;
            }
        }
        return out.toString();
    }

    /** Record components in kebab case; nested settings records are walked, anything else is one setting. */
    private static void collect(String prefix, Class<?> type, List<String> keys) {
        for (RecordComponent c : type.getRecordComponents()) {
            String key = prefix + "." + c.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
            Class<?> t = c.getType();
            boolean nested = t.isRecord() && t.getEnclosingClass() == ComplianceProperties.class
                    && !(c.getGenericType() instanceof ParameterizedType);
            if (nested) {
                collect(key, t, keys);
            } else {
                keys.add(key);
            }
        }
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
