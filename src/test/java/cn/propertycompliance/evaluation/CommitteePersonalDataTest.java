package cn.propertycompliance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.region.Region;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.ScenarioCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Member names, ID-card and phone numbers never reach an answer, a log line, or the verdict: every scenario case with a
 * committee is evaluated again with personal data added to each member (seeded); the response and everything logged
 * meanwhile (at every level) must contain none of it, and the findings must be those without it.
 */
class CommitteePersonalDataTest {

    private static final Release RELEASE = RepoRelease.get();
    private static final RequestParser PARSER = new RequestParser(RepoRelease.REGIONS);
    private static final Evaluator EVALUATOR = new Evaluator(10_000);

    @TestFactory
    Stream<DynamicTest> personalDataNeverReachesTheAnswer() {
        List<ScenarioCase> cases = RELEASE.cases().stream()
                .filter(c -> c.request().path("committee").path("members").size() > 0).toList();
        assertThat(cases).hasSizeGreaterThan(20);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> check(c)));
    }

    private static void check(ScenarioCase c) {
        Random r = new Random(c.displayName().hashCode());
        ObjectNode withData = (ObjectNode) c.request().deepCopy();
        List<String> personal = new ArrayList<>();
        for (JsonNode m : withData.path("committee").path("members")) {
            String name = "姓名" + (char) ('甲' + r.nextInt(10)) + r.nextInt(100_000);
            String id = String.format("11010519%02d%02d%02d%04d", 50 + r.nextInt(50), 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(10_000));
            String phone = "139" + String.format("%08d", r.nextInt(100_000_000));
            ((ObjectNode) m).put("name", name).put("idCardNumber", id).put("phone", phone);
            personal.addAll(List.of(name, id, phone));
        }
        EvaluationResult plain = evaluate(c.request());
        // Capture everything logged at every level (Drools traces each inserted fact) instead of printing it.
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        List<Appender<ILoggingEvent>> console = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(console::add);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        console.forEach(root::detachAppender);
        root.addAppender(logged);
        root.setLevel(Level.ALL);
        EvaluationResult masked;
        try {
            masked = evaluate(withData);
        } finally {
            root.setLevel(level);
            root.detachAppender(logged);
            console.forEach(root::addAppender);
        }
        assertThat(logged.list).as("the capture works: Drools traces the inserted facts").isNotEmpty();
        for (ILoggingEvent event : logged.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
            assertThat(line).doesNotContain(personal);
        }
        String json = RequestParser.JSON.writeValueAsString(masked);
        assertThat(json).doesNotContain(personal);
        assertThat(masked.findings().toString()).doesNotContain(personal);
        assertThat(masked.findings()).isEqualTo(plain.findings());
    }

    private static EvaluationResult evaluate(JsonNode body) {
        EvaluationRequest request = PARSER.parse(body);
        Region region = RepoRelease.REGIONS.resolve(request.region()).orElseThrow();
        return EVALUATOR.evaluate(RELEASE, request, region, request.asOf(), request.effectiveAreas(), false);
    }
}
