package cn.propertycompliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** api.md's 401/403: with clients configured, no or an unknown key is a 401 problem, a key without the role a 403. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiKeysApiTest {

    private static final String PLATFORM_KEY = "platform-key-liaoning";
    private static final String REVIEWER_KEY = "reviewer-key";
    private static final String OTHER_PLATFORM_KEY = "platform-key-hubei";
    private static final String OPERATOR_KEY = "operator-key";
    private static final String BAIYIN = """
            {"region":"620402","asOf":"2026-11-01","community":{"id":"BY-AUTH"},
             "fee":{"publicizedItems":[],"chargedItems":[{"name":"装修垃圾清运费"}]}}""";

    @DynamicPropertySource
    static void clients(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:apikeys;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("compliance.security.clients[0].name", () -> "liaoning-platform");
        registry.add("compliance.security.clients[0].key-sha256", () -> ApiSecurityConfig.keySha256(PLATFORM_KEY));
        registry.add("compliance.security.clients[0].roles", () -> "PLATFORM");
        registry.add("compliance.security.clients[1].name", () -> "legal-review");
        registry.add("compliance.security.clients[1].key-sha256", () -> ApiSecurityConfig.keySha256(REVIEWER_KEY).toUpperCase());
        registry.add("compliance.security.clients[1].roles", () -> "REVIEWER");
        registry.add("compliance.security.clients[2].name", () -> "hubei-platform");
        registry.add("compliance.security.clients[2].key-sha256", () -> ApiSecurityConfig.keySha256(OTHER_PLATFORM_KEY));
        registry.add("compliance.security.clients[2].roles", () -> "PLATFORM");
        registry.add("compliance.security.clients[3].name", () -> "ops");
        registry.add("compliance.security.clients[3].key-sha256", () -> ApiSecurityConfig.keySha256(OPERATOR_KEY));
        registry.add("compliance.security.clients[3].roles", () -> "OPERATOR");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) {
        return cn.propertycompliance.evaluation.RequestParser.JSON.readTree(r.body());
    }

    private long decisions() {
        return jdbc.queryForObject("select count(*) from decision", Long.class);
    }

    @Test
    void withoutAKeyAnEvaluationIsA401ProblemAndNothingIsRecorded() throws Exception {
        long before = decisions();
        HttpResponse<String> r = send("POST", "/api/v1/evaluations", BAIYIN);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(json(r).path("type").asString()).isEqualTo("/problems/unauthorized");
        assertThat(json(r).path("status").asInt()).isEqualTo(401);
        assertThat(decisions()).isEqualTo(before);
    }

    @Test
    void anUnknownKeyIsA401() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/evaluations", BAIYIN, "Authorization", "Bearer guessed");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).path("detail").asString()).contains("not known");
        assertThat(send("POST", "/api/v1/evaluations/batch", BAIYIN, "Content-Type", "application/x-ndjson").statusCode()).isEqualTo(401);
    }

    @Test
    void aPlatformKeyEvaluatesByEitherHeader() throws Exception {
        HttpResponse<String> bearer = send("POST", "/api/v1/evaluations", BAIYIN, "Authorization", "Bearer " + PLATFORM_KEY);
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(bearer.body()).contains("FEE_UNDISCLOSED_ITEM");
        String id = json(bearer).path("decisionId").asString();
        assertThat(send("GET", "/api/v1/decisions/" + id, null, "X-API-Key", PLATFORM_KEY).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/decisions/" + id, null, "X-API-Key", REVIEWER_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void aPlatformSeesOnlyItsOwnDecisionsAndTheRecordNamesIt() throws Exception {
        String id = json(send("POST", "/api/v1/evaluations", BAIYIN, "X-API-Key", PLATFORM_KEY)).path("decisionId").asString();
        HttpResponse<String> own = send("GET", "/api/v1/decisions/" + id, null, "X-API-Key", PLATFORM_KEY);
        assertThat(json(own).path("client").asString()).isEqualTo("liaoning-platform");
        assertThat(jdbc.queryForObject("select client from decision where id = ?", String.class, java.util.UUID.fromString(id)))
                .isEqualTo("liaoning-platform");
        // Another platform is told nothing, not even that the decision exists; a reviewer reads it.
        assertThat(send("GET", "/api/v1/decisions/" + id, null, "X-API-Key", OTHER_PLATFORM_KEY).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/decisions/" + id, null, "X-API-Key", REVIEWER_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void twoPlatformsUsingTheSameRequestIdGetTheirOwnDecisions() throws Exception {
        String body = BAIYIN.replace("{\"region\"", "{\"requestId\":\"scan-2026-11-01-0001\",\"region\"");
        String mine = json(send("POST", "/api/v1/evaluations", body, "X-API-Key", PLATFORM_KEY)).path("decisionId").asString();
        HttpResponse<String> theirs = send("POST", "/api/v1/evaluations", body.replace("装修垃圾清运费", "电梯使用费"),
                "X-API-Key", OTHER_PLATFORM_KEY);
        assertThat(theirs.statusCode()).isEqualTo(200);
        assertThat(json(theirs).path("decisionId").asString()).isNotEqualTo(mine);
        assertThat(theirs.body()).contains("电梯使用费").doesNotContain("装修垃圾清运费");
        // Each platform's retry is answered from its own record.
        assertThat(json(send("POST", "/api/v1/evaluations", body, "X-API-Key", PLATFORM_KEY)).path("decisionId").asString())
                .isEqualTo(mine);
    }

    @Test
    void aReviewerKeyMayReadTheCatalogueButNotEvaluate() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/evaluations", BAIYIN, "X-API-Key", REVIEWER_KEY);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).path("type").asString()).isEqualTo("/problems/forbidden");
        assertThat(json(r).path("detail").asString()).contains("PLATFORM").contains("legal-review");
        assertThat(send("GET", "/api/v1/rules?area=FEE", null, "X-API-Key", REVIEWER_KEY).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/rules?area=FEE", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aPathThroughAnOpenEndpointDoesNotOpenAProtectedOne() throws Exception {
        for (String path : List.of("/actuator/health/../../api/v1/evaluations", "/swagger-ui/../api/v1/evaluations",
                "/v3/api-docs/%2e%2e/../api/v1/evaluations", "/actuator/health;x=1/../../api/v1/evaluations")) {
            HttpResponse<String> r = send("POST", path, BAIYIN);
            assertThat(r.statusCode()).as(path).isIn(400, 401, 404);
            assertThat(r.body()).as(path).doesNotContain("FEE_UNDISCLOSED_ITEM");
        }
    }

    @Test
    void dotSegmentsAreRefusedAlikeWithAValidKeyNeverA500() throws Exception {
        for (String path : List.of("/actuator/health/../../api/v1/rules", "/api/v1/rules/../rules", "/api/v1/./rules",
                "/actuator/health/%2e%2e/%2e%2e/api/v1/rules", "/api/v1//rules", "/api/v1/rules;x=1")) {
            HttpResponse<String> r = send("GET", path, null, "X-API-Key", REVIEWER_KEY);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(json(r).path("type").asString()).as(path).isEqualTo("/problems/bad-path");
        }
        assertThat(send("GET", "/api/v1/rules", null, "X-API-Key", REVIEWER_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void healthDetailsAndMetricsNeedAnOperatorKey() throws Exception {
        HttpResponse<String> anonymous = send("GET", "/actuator/health", null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(json(anonymous).path("status").asString()).isEqualTo("UP");
        assertThat(anonymous.body()).doesNotContain("components").doesNotContain("diskSpace").doesNotContain("free");
        assertThat(send("GET", "/actuator/health", null, "X-API-Key", PLATFORM_KEY).body()).doesNotContain("components");
        HttpResponse<String> operator = send("GET", "/actuator/health", null, "X-API-Key", OPERATOR_KEY);
        assertThat(json(operator).path("components").path("database").path("status").asString()).isEqualTo("UP");
        assertThat(send("GET", "/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/actuator/prometheus", null, "X-API-Key", PLATFORM_KEY).statusCode()).isEqualTo(403);
        HttpResponse<String> metrics = send("GET", "/actuator/prometheus", null, "Authorization", "Bearer " + OPERATOR_KEY);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("compliance_decisions_chain_breaks_total");
        assertThat(send("GET", "/actuator/metrics", null, "X-API-Key", REVIEWER_KEY).statusCode()).isEqualTo(403);
    }

    @Test
    void onlyReviewersVerifyTheDecisionChain() throws Exception {
        send("POST", "/api/v1/evaluations", BAIYIN, "X-API-Key", PLATFORM_KEY);
        assertThat(send("GET", "/api/v1/decisions/verification", null, "X-API-Key", PLATFORM_KEY).statusCode()).isEqualTo(403);
        HttpResponse<String> r = send("GET", "/api/v1/decisions/verification?from=2020-01-01", null, "X-API-Key", REVIEWER_KEY);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("status").asString()).isEqualTo("INTACT");
        assertThat(json(r).path("checked").asLong()).isPositive();
        HttpResponse<String> bad = send("GET", "/api/v1/decisions/verification?from=yesterday&to=2020-01-01T00:00", null,
                "X-API-Key", REVIEWER_KEY);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).path("errors").toString()).contains("\"from\"").contains("\"to\"");
    }

    @Test
    void operationsEndpointsStayOpen() throws Exception {
        assertThat(send("GET", "/api/v1/ping", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
        HttpResponse<String> docs = send("GET", "/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        // Swagger UI offers both ways of sending a key.
        assertThat(json(docs).path("components").path("securitySchemes").path("apiKey").path("name").asString()).isEqualTo("X-API-Key");
        assertThat(json(docs).path("components").path("securitySchemes").path("bearer").path("scheme").asString()).isEqualTo("bearer");
    }
}
