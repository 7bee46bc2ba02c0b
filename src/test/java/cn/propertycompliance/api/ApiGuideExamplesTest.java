package cn.propertycompliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.evaluation.RequestParser;
import cn.propertycompliance.support.Http;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Runs every example of docs/api-guide.md: each {@code http} request block is sent to the service built from this
 * repository and the {@code http} response block after it must match — status, content type, and every field the
 * example shows (fields it leaves out are not compared; arrays item by item from the first, or — an array ending with
 * {@code "…"} — the items shown in that order among others; NDJSON line by line).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1")
class ApiGuideExamplesTest {

    private static final Path GUIDE = Path.of("docs/api-guide.md");
    private static final Pattern HTTP_BLOCK = Pattern.compile("(?s)```http\\n(.*?)```");

    record Example(int number, String request, String response) {
        @Override
        public String toString() {
            return "example " + number + ": " + request.lines().findFirst().orElse("");
        }
    }

    @LocalServerPort
    int port;

    static Stream<Example> examples() throws IOException {
        Matcher m = HTTP_BLOCK.matcher(Files.readString(GUIDE, StandardCharsets.UTF_8));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            assertThat(blocks.get(i)).as("http block %d of the guide is a request", i + 1).doesNotStartWith("HTTP/");
            assertThat(i + 1 < blocks.size() && blocks.get(i + 1).startsWith("HTTP/1.1 "))
                    .as("the request block %d is followed by its response block", i + 1).isTrue();
            out.add(new Example(out.size() + 1, blocks.get(i), blocks.get(++i)));
        }
        assertThat(out).as("the guide has runnable examples").hasSizeGreaterThanOrEqualTo(4);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theGuideShowsWhatTheServiceAnswers(Example example) {
        Message request = Message.parse(example.request());
        String[] requestLine = request.startLine().split(" ", 2);
        Http http = new Http(port);
        Http.Response actual = switch (requestLine[0]) {
            case "GET" -> http.get(requestLine[1]);
            case "POST" -> http.post(requestLine[1], request.body(), request.headers().getOrDefault("content-type", "application/json"));
            default -> throw new IllegalArgumentException("unsupported method in " + example);
        };
        Message expected = Message.parse(example.response());
        assertThat(actual.status()).as("status of %s: %s", example, actual.body())
                .isEqualTo(Integer.parseInt(expected.startLine().substring("HTTP/1.1 ".length()).strip()));
        String contentType = expected.headers().get("content-type");
        if (contentType != null) {
            assertThat(actual.contentType()).startsWith(contentType);
        }
        if (expected.body().isBlank()) {
            return;
        }
        List<String> expectedLines = contentType != null && contentType.contains("ndjson")
                ? expected.body().lines().filter(l -> !l.isBlank()).toList() : List.of(expected.body());
        List<String> actualLines = contentType != null && contentType.contains("ndjson")
                ? actual.body().lines().filter(l -> !l.isBlank()).toList() : List.of(actual.body());
        assertThat(actualLines).as("lines of %s", example).hasSizeGreaterThanOrEqualTo(expectedLines.size());
        for (int i = 0; i < expectedLines.size(); i++) {
            List<String> mismatches = new ArrayList<>();
            contains(RequestParser.JSON.readTree(actualLines.get(i)), RequestParser.JSON.readTree(expectedLines.get(i)), "$", mismatches);
            assertThat(mismatches).as("%s differs from the service's answer %s", example, actualLines.get(i)).isEmpty();
        }
    }

    /** The example bodies Swagger UI offers are requests the service accepts. */
    @org.junit.jupiter.api.Test
    void theOpenApiExamplesAreValidRequests() {
        Http http = new Http(port);
        JsonNode paths = http.get("/v3/api-docs").json().path("paths");
        JsonNode single = paths.path("/api/v1/evaluations").path("post").path("requestBody").path("content")
                .path("application/json").path("examples");
        JsonNode batch = paths.path("/api/v1/evaluations/batch").path("post").path("requestBody").path("content")
                .path("application/x-ndjson").path("examples");
        assertThat(single.size()).isPositive();
        assertThat(batch.size()).isPositive();
        // springdoc shows a JSON example as an object, an NDJSON one as text
        single.forEach(example -> assertThat(http.post("/api/v1/evaluations?dryRun=true", example.path("value").toString()).json()
                .path("outcome").asString()).isEqualTo("NON_COMPLIANT"));
        batch.forEach(example -> assertThat(http.post("/api/v1/evaluations/batch?dryRun=true", example.path("value").asString(),
                "application/x-ndjson").body().lines().filter(l -> !l.isBlank()))
                .hasSize(2).allSatisfy(line -> assertThat(line).contains("\"status\":200")));
    }

    /** Every field of {@code expected} is in {@code actual} with an equal value; arrays item by item. */
    private static void contains(JsonNode actual, JsonNode expected, String path, List<String> mismatches) {
        if (expected.isObject()) {
            expected.properties().forEach(e -> {
                if (!actual.has(e.getKey())) {
                    mismatches.add(path + "." + e.getKey() + " is missing");
                } else {
                    contains(actual.get(e.getKey()), e.getValue(), path + "." + e.getKey(), mismatches);
                }
            });
        } else if (expected.isArray() && !expected.isEmpty() && "…".equals(expected.get(expected.size() - 1).asString(""))) {
            inOrder(actual, expected, path, mismatches);
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() < expected.size()) {
                mismatches.add(path + " has fewer items than shown (" + actual + ")");
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                contains(actual.get(i), expected.get(i), path + "[" + i + "]", mismatches);
            }
        } else if (expected.isNumber() ? !actual.isNumber() || actual.decimalValue().compareTo(expected.decimalValue()) != 0
                : !expected.equals(actual)) {
            mismatches.add(path + " is " + actual + ", the guide shows " + expected);
        }
    }

    /**
     * An array the guide ends with {@code "…"} shows some of the items: each must be in {@code actual}, in the order
     * shown, other items between them allowed.
     */
    private static void inOrder(JsonNode actual, JsonNode expected, String path, List<String> mismatches) {
        if (!actual.isArray()) {
            mismatches.add(path + " is not an array (" + actual + ")");
            return;
        }
        int next = 0;
        for (int i = 0; i < expected.size() - 1; i++) {
            int found = -1;
            for (int j = next; j < actual.size() && found < 0; j++) {
                List<String> itemMismatches = new ArrayList<>();
                contains(actual.get(j), expected.get(i), path + "[" + j + "]", itemMismatches);
                if (itemMismatches.isEmpty()) {
                    found = j;
                }
            }
            if (found < 0) {
                mismatches.add(path + ": the guide's item " + i + " " + expected.get(i) + " is not in the answer after item " + next);
                return;
            }
            next = found + 1;
        }
    }

    /** An HTTP message as written in the guide: start line, headers, blank line, body. */
    private record Message(String startLine, Map<String, String> headers, String body) {
        static Message parse(String text) {
            String[] parts = text.split("\\n\\n", 2);
            List<String> head = parts[0].lines().toList();
            Map<String, String> headers = new java.util.HashMap<>();
            head.stream().skip(1).map(h -> h.split(":", 2))
                    .forEach(h -> headers.put(h[0].strip().toLowerCase(java.util.Locale.ROOT), h[1].strip()));
            return new Message(head.get(0).strip(), headers, parts.length > 1 ? parts[1].strip() : "");
        }
    }
}
