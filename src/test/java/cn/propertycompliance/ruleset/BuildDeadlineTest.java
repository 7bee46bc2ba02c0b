package cn.propertycompliance.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.evaluation.EvaluationResult;
import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.vocabulary.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build deadline: a rule file on which the Drools compiler itself spins (an MVEL inline cast, corpus 37), loaded
 * with both guard layers off so nothing refuses it before compiling, through the reload path. The reload is refused
 * within the deadline plus a second, the release in service stays and answers, and the next reload works — the
 * abandoned compiler holds no lock or slot. It is still running afterwards (which is what shows the deadline, not
 * the compiler, ended the reload); health counts it.
 */
class BuildDeadlineTest {

    /** Long enough for a cold compile of this small tree on a loaded 2-core machine, short for a test. */
    private static final Duration BUILD_DEADLINE = Duration.ofSeconds(8);
    private static final Duration EVALUATION_DEADLINE = Duration.ofMillis(500);
    private static final String RULE_FILE = "rules/national/fee.drl";

    @TempDir
    Path root;
    private ReleaseReloader reloader;

    @Test
    void aCompilerThatSpinsIsAbandonedAtTheDeadlineAndTheServiceGoesOn() throws IOException {
        NationalTestTree.write(root);
        write(RULE_FILE, rule("BEFORE"));
        ActiveRelease active = new ActiveRelease(new ReleaseBuilder(RepoRelease.REGIONS).build(root.resolve("rules"), root.resolve("policies"), "before"));
        Release before = active.current();
        Evaluator evaluator = new Evaluator(10_000, 2, EVALUATION_DEADLINE, Duration.ofSeconds(10));
        evaluator.warmUp(before);
        reloader = new ReleaseReloader(active, RepoRelease.REGIONS, evaluator::warmUp, root.resolve("rules"),
                root.resolve("policies"), RuleGuard.OFF, BUILD_DEADLINE);

        Path marker = root.resolve("marker");
        write("rules/national/attack.drl", Files.readString(GuardCorpusTest.CORPUS.resolve("37-inline-cast.drl"))
                .replace("@@MARKER@@", marker.toString().replace('\\', '/')));
        long started = System.nanoTime();
        ReleaseException refused = catchThrowableOfType(ReleaseException.class, () -> reloader.reload("spins"));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(refused).as("the reload is refused").isNotNull();
        assertThat(refused.problems()).anySatisfy(p -> assertThat(p.message()).contains("did not build within 8 s"));
        assertThat(tookMs).as("ms until the reload is answered").isLessThan(BUILD_DEADLINE.toMillis() + 1000);
        assertThat(active.current()).isSameAs(before);
        assertThat(reloader.builds().abandonedRunning()).as("the compiler is still spinning: the deadline ended the reload").isEqualTo(1);
        assertThat(marker).doesNotExist();

        // The release in service answers, within the evaluation deadline plus a second, while that thread burns a core.
        started = System.nanoTime();
        EvaluationResult answer = evaluate(evaluator, before, "BEFORE");
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms for an evaluation").isLessThan(EVALUATION_DEADLINE.toMillis() + 1000);
        assertThat(answer.findings()).extracting(Finding::ruleId).contains("DEADLINE-TEST");

        // The next reload neither waits for the abandoned build nor finds anything of it locked.
        Files.delete(root.resolve("rules/national/attack.drl"));
        write(RULE_FILE, rule("AFTER"));
        started = System.nanoTime();
        ReleaseReloader.Reload next = reloader.reload("fixed");
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms for the next reload").isLessThan(BUILD_DEADLINE.toMillis());
        assertThat(next.changed()).isTrue();
        assertThat(active.current().label()).isEqualTo("fixed");
        assertThat(evaluate(evaluator, active.current(), "AFTER").findings()).extracting(Finding::ruleId).contains("DEADLINE-TEST");
        assertThat(marker).doesNotExist();
    }

    /**
     * Test hygiene only: the abandoned compiler would burn a core for the rest of the build's JVM, so the test stops it
     * with {@code Thread.stop} (Java 17: works; from Java 20 it throws and the daemon thread is left to the JVM's end).
     * The service does not do this — {@link BoundedBuild} says why.
     */
    @AfterEach
    @SuppressWarnings({"deprecation", "removal"})
    void stopTheAbandonedCompiler() throws InterruptedException {
        if (reloader == null) {
            return;
        }
        for (Thread spinning : reloader.builds().abandonedThreads()) {
            try {
                spinning.stop();
                spinning.join(5000);
            } catch (UnsupportedOperationException e) {
                // Java 20+: nothing can stop it
            }
        }
    }

    /** A plain rule that finds FEE_UNDISCLOSED_ITEM for one community id. */
    private static String rule(String communityId) {
        return NationalTestTree.communityRule("rules.national.fee", "DEADLINE-TEST", communityId, "");
    }

    private static EvaluationResult evaluate(Evaluator evaluator, Release release, String communityId) {
        return NationalTestTree.evaluateFee(evaluator, release, communityId);
    }

    private void write(String path, String text) throws IOException {
        NationalTestTree.write(root, path, text);
    }
}
