package cn.propertycompliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages form layers, each using only the layers below it: no package loop, and no import from a lower layer to
 * a higher one. Read from the main sources (imports and fully qualified names, comments and string literals left out:
 * a DRL text naming a class is not a dependency).
 */
class PackageLayersTest {

    /** Bottom first; packages on one line are one layer and may not use each other. */
    static final List<List<String>> LAYERS = List.of(
            List.of("policy", "region", "facts"),
            List.of("parameters"),
            List.of("calendar"),
            List.of("vocabulary"),                                  // Area, Severity, FindingCode, ActionCode, Finding …
            List.of("coverage"),                                    // the spans each jurisdiction declares per area
            List.of("fee", "filing", "committee", "repair"),        // the areas' assessments and table types
            List.of("ruleset"),
            List.of("evaluation"),
            List.of("review", "decisions"),
            List.of("(root)"),                                      // configuration and wiring, Role
            List.of("releases"),                                    // releases in the database: checks, sign-off, replicas
            List.of("api", "console"));                             // HTTP: the JSON API and the web console, side by side

    private static final Pattern REF = Pattern.compile("\\bcn\\.propertycompliance\\.([A-Za-z]\\w*)");

    static Map<String, Set<String>> dependencies() {
        Path main = Path.of("src/main/java/cn/propertycompliance");
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(f)
                        .replaceAll("(?s)/\\*.*?\\*/", " ")
                        .replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"")
                        .replaceAll("\"(?:[^\"\\\\\\n]|\\\\.)*\"", "\"\"")
                        .replaceAll("//[^\\n]*", " ");
                Path rel = main.relativize(f.getParent());
                String pkg = rel.toString().isEmpty() ? "(root)" : rel.getName(0).toString();
                Matcher m = REF.matcher(code.replaceFirst("package [^;]+;", ""));
                Set<String> out = deps.computeIfAbsent(pkg, p -> new TreeSet<>());
                while (m.find()) {
                    String target = Character.isUpperCase(m.group(1).charAt(0)) ? "(root)" : m.group(1);
                    if (!target.equals(pkg)) {
                        out.add(target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deps;
    }

    private static int layerOf(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void everyPackageHasALayer() {
        assertThat(dependencies().keySet()).allSatisfy(p -> assertThat(layerOf(p)).as(p).isNotNegative());
    }

    @Test
    void everyDependencyGoesToALowerLayer() {
        List<String> upward = new ArrayList<>();
        dependencies().forEach((from, tos) -> tos.forEach(to -> {
            if (layerOf(to) >= layerOf(from)) {
                upward.add(from + " -> " + to);
            }
        }));
        assertThat(upward).isEmpty();
    }

    @Test
    void theScanSeesDependencies() {
        Map<String, Set<String>> deps = dependencies();
        assertThat(deps.get("evaluation")).contains("ruleset", "vocabulary", "filing");
        assertThat(deps.get("api")).contains("(root)");
        assertThat(deps.get("(root)")).doesNotContain("api");
    }
}
