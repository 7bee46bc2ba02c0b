package cn.propertycompliance.bench;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.evaluation.EvaluationRequest;
import cn.propertycompliance.evaluation.RequestParser;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a request (bench/jmh.sh RequestBenchmark): the full four-area body of {@link EvaluationBenchmark}, bound
 * once into the records, validated and checked — everything before the engine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RequestBenchmark {

    private RequestParser parser;
    private byte[] full;
    private byte[] fee;

    @Setup
    public void setUp() {
        parser = new RequestParser(RepoRelease.REGIONS);
        full = body(EvaluationBenchmark.FEE, EvaluationBenchmark.FILINGS, EvaluationBenchmark.COMMITTEE, EvaluationBenchmark.REPAIR);
        fee = body(EvaluationBenchmark.FEE);
    }

    static byte[] body(String... blocks) {
        return ("{\"region\":\"420102\",\"asOf\":\"2026-11-01\"," + EvaluationBenchmark.COMMUNITY + ","
                + String.join(",", blocks) + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public EvaluationRequest readFullFourAreas() {
        return parser.parse(full);
    }

    @Benchmark
    public EvaluationRequest readFee() {
        return parser.parse(fee);
    }
}
