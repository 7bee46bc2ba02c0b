package cn.propertycompliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.evaluation.RequestParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A policy officer edits the files and reloads: a valid change is in service for the next request; invalid files are
 * a 422 listing file:line and the release in service stays. Runs on a copy of rules/ and policies/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReleaseReloadApiTest {

    private static final String OFFICER_KEY = "officer-key";
    private static final String PLATFORM_KEY = "platform-key";
    /** 1.45 is inside 白银's 1.30 ± 15% (≤ 1.495) and above it once the band is 10% (≤ 1.43). */
    private static final String BAIYIN_145 = """
            {"region":"620402","asOf":"2026-11-01","community":{"id":"BY-RELOAD"},
             "fee":{"phase":"PRELIMINARY","buildingType":"HIGH_RISE","serviceLevel":3,"chargedPrice":1.45}}""";

    @TempDir
    static Path copy;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        copyTree(Path.of("rules"), copy.resolve("rules"));
        copyTree(Path.of("policies"), copy.resolve("policies"));
        registry.add("compliance.rules-dir", () -> copy.resolve("rules").toString());
        registry.add("compliance.policies-dir", () -> copy.resolve("policies").toString());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:reload;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("compliance.security.clients[0].name", () -> "policy-officer");
        registry.add("compliance.security.clients[0].key-sha256", () -> ApiSecurityConfig.keySha256(OFFICER_KEY));
        registry.add("compliance.security.clients[0].roles", () -> "OFFICER");
        registry.add("compliance.security.clients[1].name", () -> "platform");
        registry.add("compliance.security.clients[1].key-sha256", () -> ApiSecurityConfig.keySha256(PLATFORM_KEY));
        registry.add("compliance.security.clients[1].roles", () -> "PLATFORM");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @LocalServerPort
    int port;
    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("X-API-Key", key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) {
        return RequestParser.JSON.readTree(r.body());
    }

    private String currentId() throws Exception {
        return json(send("GET", "/api/v1/releases/current", null, PLATFORM_KEY)).path("releaseId").asString();
    }

    @Test
    void anOfficerReloadsInvalidFilesAreRefusedWithFileAndLineAndAValidChangeIsInServiceAtOnce() throws Exception {
        String initial = currentId();
        assertThat(initial).startsWith("sha256:");
        assertThat(send("POST", "/api/v1/evaluations", BAIYIN_145, PLATFORM_KEY).body()).doesNotContain("FEE_ABOVE_GUIDANCE_BAND");

        // Same files: nothing to do. A platform may not reload.
        HttpResponse<String> same = send("POST", "/api/v1/releases", null, OFFICER_KEY);
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(json(same).path("changed").asBoolean()).isFalse();
        assertThat(send("POST", "/api/v1/releases", null, PLATFORM_KEY).statusCode()).isEqualTo(403);

        // A rule citing a clause that does not exist: 422 naming the file and line; the release in service stays.
        Path broken = copy.resolve("rules/gansu/baiyin/broken.drl");
        Files.writeString(broken, """
                package rules.gansu.baiyin.fee;
                import cn.propertycompliance.facts.Fee;
                global cn.propertycompliance.evaluation.FindingCollector findings;

                rule "BY-BROKEN"
                    @code("FEE_UNDISCLOSED_ITEM")
                    @cite("no-such-document#第一条")
                    @effective("2022-08-25")
                    @message("x")
                when
                    Fee()
                then
                    findings.add(drools);
                end
                """);
        HttpResponse<String> refused = send("POST", "/api/v1/releases", null, OFFICER_KEY);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(refused).path("type").asString()).isEqualTo("/problems/release-invalid");
        JsonNode errors = json(refused).path("errors");
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.get(0).path("file").asString()).isEqualTo("rules/gansu/baiyin/broken.drl");
        assertThat(errors.get(0).path("line").asInt()).isPositive();
        assertThat(errors.get(0).path("message").asString()).contains("no-such-document");
        assertThat(currentId()).isEqualTo(initial);
        assertThat(send("POST", "/api/v1/evaluations", BAIYIN_145, PLATFORM_KEY).statusCode()).isEqualTo(200);

        // The officer fixes it and narrows 白银's band to 10% (a change to the copy, to see it take effect).
        Files.delete(broken);
        Path table = copy.resolve("rules/gansu/baiyin/parameters/fee-guidance-price.yaml");
        Files.writeString(table, Files.readString(table).replace("{basePrice: 1.30, band: 0.15}", "{basePrice: 1.30, band: 0.10}"));
        HttpResponse<String> reloaded = send("POST", "/api/v1/releases?label=2026-12-01.1", null, OFFICER_KEY);
        assertThat(reloaded.statusCode()).isEqualTo(200);
        assertThat(json(reloaded).path("changed").asBoolean()).isTrue();
        assertThat(json(reloaded).path("previousReleaseId").asString()).isEqualTo(initial);
        assertThat(json(reloaded).path("release").path("label").asString()).isEqualTo("2026-12-01.1");
        String next = json(reloaded).path("release").path("releaseId").asString();
        assertThat(next).isNotEqualTo(initial).isEqualTo(currentId());

        HttpResponse<String> verdict = send("POST", "/api/v1/evaluations", BAIYIN_145, PLATFORM_KEY);
        assertThat(verdict.body()).contains("FEE_ABOVE_GUIDANCE_BAND").contains("1.43");
        assertThat(json(verdict).path("release").path("id").asString()).isEqualTo(next);
    }
}
