package cn.propertycompliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** Server-side failures: a runaway evaluation is a 500 problem, an unrecordable decision a 503; the service lives on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:failures;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "compliance.engine.max-rule-firings=2"})
class FailureModesApiTest {

    private static final String THREE_UNDISCLOSED = """
            {"region":"620402","asOf":"2026-11-01","community":{"id":"BY-1"},
             "fee":{"publicizedItems":[],"chargedItems":[{"name":"甲"},{"name":"乙"},{"name":"丙"}]}}""";
    private static final String ONE_UNDISCLOSED = THREE_UNDISCLOSED.replace(",{\"name\":\"乙\"},{\"name\":\"丙\"}", "");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aRunawayEvaluationIsA500ProblemAndTheServiceKeepsServing() {
        Http.Response r = http.post("/api/v1/evaluations", THREE_UNDISCLOSED);
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("type").asString()).isEqualTo("/problems/rule-evaluation-failed");
        assertThat(r.json().path("detail").asString()).contains("limit 2");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at cn.");
        assertThat(http.post("/api/v1/evaluations", ONE_UNDISCLOSED).status()).isEqualTo(200);
        assertThat(http.get("/actuator/health").json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void aDecisionThatCannotBeRecordedIsA503AndNoVerdictIsReturned() {
        long before = jdbc.queryForObject("select count(*) from decision", Long.class);
        jdbc.execute("alter table decision rename to decision_offline");
        try {
            Http.Response r = http.post("/api/v1/evaluations", ONE_UNDISCLOSED);
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("recorded").asBoolean(true)).isFalse();
            assertThat(r.body()).doesNotContain("FEE_UNDISCLOSED_ITEM").doesNotContain("SQL").doesNotContain("Exception");
        } finally {
            jdbc.execute("alter table decision_offline rename to decision");
        }
        assertThat(jdbc.queryForObject("select count(*) from decision", Long.class)).isEqualTo(before);
        assertThat(http.post("/api/v1/evaluations", ONE_UNDISCLOSED).status()).isEqualTo(200);
    }
}
