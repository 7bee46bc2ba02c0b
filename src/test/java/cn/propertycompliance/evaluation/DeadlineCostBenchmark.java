package cn.propertycompliance.evaluation;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.bench.EvaluationBenchmark;
import cn.propertycompliance.region.Region;
import cn.propertycompliance.ruleset.Release;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the evaluation deadline costs a request (bench/jmh.sh DeadlineCostBenchmark): the same evaluation without any
 * deadline ({@code withoutDeadline}) and as the service runs it ({@code withDeadline}: a slot taken, the session
 * registered with the shared {@link DeadlineWatch} and removed again, all on the caller's thread). The earlier design,
 * a hand-off to a worker thread, cost ~100 µs here (bench/RESULTS.md); this measures what is left.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DeadlineCostBenchmark {

    /** {@code fee}: the national fee rules at 白银 (~10 µs); {@code fourAreas}: a full request at 武汉 (~50 µs). */
    @Param({"fee", "fourAreas"})
    public String request;

    private Release release;
    private Evaluator evaluator;
    private Region region;
    private EvaluationRequest evaluation;
    private final LocalDate asOf = LocalDate.parse("2026-11-01");

    @Setup
    public void setUp() {
        release = RepoRelease.get();
        // Two slots as on a 2-core replica; a long deadline, because what it costs does not depend on its length and on
        // a loaded shared machine a cold four-area evaluation can pass 300 ms (seen: the run then fails in warm-up).
        evaluator = new Evaluator(10_000, 2, Duration.ofSeconds(10), Duration.ofSeconds(10));
        RequestParser parser = new RequestParser(RepoRelease.REGIONS);
        region = RepoRelease.REGIONS.resolve(request.equals("fee") ? "620402" : "420102").orElseThrow();
        evaluation = request.equals("fee")
                ? EvaluationBenchmark.request(parser, region.code(), EvaluationBenchmark.FEE)
                : EvaluationBenchmark.request(parser, region.code(), EvaluationBenchmark.FEE, EvaluationBenchmark.FILINGS,
                        EvaluationBenchmark.COMMITTEE, EvaluationBenchmark.REPAIR);
        evaluator.warmUp(release);
    }

    @Benchmark
    public EvaluationResult withoutDeadline() {
        return evaluator.evaluateWithoutDeadline(release, evaluation, region, asOf, evaluation.effectiveAreas());
    }

    @Benchmark
    public EvaluationResult withDeadline() {
        return evaluator.evaluate(release, evaluation, region, asOf, evaluation.effectiveAreas(), false);
    }
}
