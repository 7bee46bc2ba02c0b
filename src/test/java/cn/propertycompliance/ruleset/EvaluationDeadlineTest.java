package cn.propertycompliance.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.evaluation.EvaluationDeadlineException;
import cn.propertycompliance.evaluation.EvaluationResult;
import cn.propertycompliance.evaluation.Evaluator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The time budget: a rule that computes forever (loaded with both guard layers off, since the guard refuses it) cannot
 * hold an evaluation slot, delay later requests past the deadline plus a second, or freeze reloads. The loop ignores
 * interrupts and halts, like {@code Stream.iterate(…).count()}; it polls a system property only so this test can let
 * the abandoned threads end instead of leaving them spinning in the build JVM.
 */
class EvaluationDeadlineTest {

    private static final String RELEASE_LOOPS = "deadline-test.release";
    private static final Duration DEADLINE = Duration.ofMillis(200);

    @TempDir
    Path root;

    @BeforeEach
    void tree() throws IOException {
        System.clearProperty(RELEASE_LOOPS);
        NationalTestTree.write(root);
    }

    @AfterEach
    void releaseLoops() {
        System.setProperty(RELEASE_LOOPS, "done");
    }

    @Test
    void aLoopingRuleCannotHoldSlotsNorDelayLaterRequests() throws Exception {
        write("rules/national/loop.drl", rule("LOOP"));
        Release release = new ReleaseBuilder(RepoRelease.REGIONS, RuleGuard.OFF).build(root.resolve("rules"), root.resolve("policies"), "loop");
        Evaluator evaluator = new Evaluator(10_000, 2, DEADLINE, Duration.ofSeconds(10));
        evaluator.warmUp(release); // the warm-up community does not loop

        // Three looping requests on two slots. Each computation ignores halts, so its thread stays in it, but its slot
        // is free again at its deadline: the third gets a slot after one deadline, and later requests are not delayed.
        List<CompletableFuture<Throwable>> loops = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            loops.add(CompletableFuture.supplyAsync(() -> catchThrowable(() -> evaluate(evaluator, release, "LOOP"))));
        }
        long until = System.nanoTime() + 2 * DEADLINE.toNanos() + 1_000_000_000L;
        while (evaluator.stuckWorkers() < 3 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(evaluator.stuckWorkers()).as("health counts the requests stuck past their deadline").isEqualTo(3);

        long started = System.nanoTime();
        EvaluationResult ok = evaluate(evaluator, release, "OK");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(DEADLINE.toMillis() + 1000);
        assertThat(ok.findings()).isEmpty();

        // When the computations end at last, their requests get the deadline problem, never a late verdict.
        System.setProperty(RELEASE_LOOPS, "done");
        for (CompletableFuture<Throwable> loop : loops) {
            assertThat(loop.get(5, TimeUnit.SECONDS)).isInstanceOf(EvaluationDeadlineException.class).hasMessageContaining("200 ms");
        }
        assertThat(evaluator.stuckWorkers()).as("a request that returns is no longer counted").isZero();
    }

    @Test
    void anAgendaThatNeverEndsIsHaltedAtTheDeadline() throws IOException {
        write("rules/national/loop.drl", """
                package rules.national.loop;
                import cn.propertycompliance.facts.Community;
                
                rule "AGAIN"
                    @code("FEE_UNDISCLOSED_ITEM")
                    @cite("test-law#第一条")
                    @effective("2020-01-01")
                    @message("x")
                when
                    $c : Community( id == "LOOP" )
                then
                    update($c);
                end
                """);
        Release release = new ReleaseBuilder(RepoRelease.REGIONS, RuleGuard.OFF).build(root.resolve("rules"), root.resolve("policies"), "agenda");
        // A firing cap far above what fits in the deadline: the deadline, not the cap, ends it.
        Evaluator evaluator = new Evaluator(Integer.MAX_VALUE, 2, DEADLINE, Duration.ofSeconds(10));
        long started = System.nanoTime();
        assertThatThrownBy(() -> evaluate(evaluator, release, "LOOP")).isInstanceOf(EvaluationDeadlineException.class);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(DEADLINE.toMillis() + 1000);
        assertThat(evaluator.stuckWorkers()).isZero();
        assertThat(evaluate(evaluator, release, "OK").findings()).isEmpty();
    }

    @Test
    void aWarmUpThatLoopsRefusesTheReleaseAndTheNextReloadWorks() throws IOException {
        ActiveRelease active = new ActiveRelease(new ReleaseBuilder(RepoRelease.REGIONS).build(root.resolve("rules"), root.resolve("policies"), "before"));
        Release before = active.current();
        Evaluator evaluator = new Evaluator(10_000, 2, DEADLINE, Duration.ofMillis(500));
        ReleaseReloader reloader = new ReleaseReloader(active, RepoRelease.REGIONS, evaluator::warmUp, root.resolve("rules"),
                root.resolve("policies"), RuleGuard.OFF);

        write("rules/national/loop.drl", rule("warm-up"));
        ReleaseException refused = catchThrowableOfType(ReleaseException.class, () -> reloader.reload("loops"));
        assertThat(refused).isNotNull();
        assertThat(refused.problems()).anySatisfy(p -> assertThat(p.message()).contains("warm-up evaluation failed", "500 ms"));
        assertThat(active.current()).isSameAs(before);

        write("rules/national/loop.drl", rule("never-sent"));
        long started = System.nanoTime();
        ReleaseReloader.Reload next = reloader.reload("fixed");
        assertThat(next.changed()).isTrue();
        assertThat(active.current().label()).isEqualTo("fixed");
        assertThat((System.nanoTime() - started) / 1_000_000_000).as("seconds for the next reload").isLessThan(60);
    }

    /** A rule whose consequence computes without end for one community id (it fires for a Fee of that community). */
    private static String rule(String communityId) {
        return NationalTestTree.communityRule("rules.national.loop", "LOOP", communityId,
                "while (System.getProperty(\"%s\") == null) { Thread.interrupted(); }".formatted(RELEASE_LOOPS));
    }

    private static EvaluationResult evaluate(Evaluator evaluator, Release release, String communityId) {
        return NationalTestTree.evaluateFee(evaluator, release, communityId);
    }

    private void write(String path, String text) throws IOException {
        NationalTestTree.write(root, path, text);
    }
}
