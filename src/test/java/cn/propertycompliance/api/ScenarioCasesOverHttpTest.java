package cn.propertycompliance.api;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.evaluation.CaseRunner;
import cn.propertycompliance.evaluation.EvaluationResult;
import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.evaluation.RequestParser;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.support.Http;
import cn.propertycompliance.vocabulary.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import static org.assertj.core.api.Assertions.assertThat;
import tools.jackson.databind.JsonNode;

/**
 * Every scenario case also goes through HTTP (dryRun): the API answers with the same findings, statuses and
 * citations as the in-process evaluation the cases are checked against — so every code a case produces is
 * produced through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:cases;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1")
class ScenarioCasesOverHttpTest {

    @LocalServerPort
    int port;

    @TestFactory
    Stream<DynamicTest> everyCaseAnswersTheSameOverHttp() {
        Release release = RepoRelease.get();
        CaseRunner runner = new CaseRunner(release, RepoRelease.REGIONS, new Evaluator(10_000));
        Http http = new Http(port);
        return release.cases().stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> {
            if (!c.invalid().isEmpty()) {
                Http.Response rejected = http.post("/api/v1/evaluations?dryRun=true", c.request().toString());
                assertThat(rejected.status()).as(rejected.body()).isEqualTo(400);
                List<String> fields = new ArrayList<>();
                rejected.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
                assertThat(fields).containsAll(c.invalid());
                return;
            }
            EvaluationResult expected = runner.evaluate(c);
            Http.Response r = http.post("/api/v1/evaluations?dryRun=true", c.request().toString());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode body = r.json();
            assertThat(body.path("outcome").asString()).isEqualTo(expected.outcome().name());
            assertThat(summary(body.path("findings"))).isEqualTo(summary(expected.findings()));
        }));
    }

    private static List<String> summary(JsonNode findings) {
        List<String> out = new ArrayList<>();
        findings.forEach(f -> {
            List<String> cites = new ArrayList<>();
            f.path("citations").forEach(c -> cites.add(c.path("document").asString() + c.path("clause").asString()));
            out.add(f.path("ruleId").asString() + " " + f.path("code").asString() + " " + f.path("severity").asString() + " "
                    + f.path("subject").asString() + " " + f.path("message").asString() + " " + cites);
        });
        return out;
    }

    private static List<String> summary(List<Finding> findings) {
        return summary(RequestParser.JSON.valueToTree(findings));
    }
}
