package cn.propertycompliance.bench;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.evaluation.EvaluationRequest;
import cn.propertycompliance.evaluation.EvaluationResult;
import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.evaluation.RequestParser;
import cn.propertycompliance.parameters.ParameterView;
import cn.propertycompliance.region.Region;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.vocabulary.Finding;
import java.time.LocalDate;
import java.util.List;
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
 * In-process evaluation cost per area and for a full four-area request, against the repository's release, and the
 * plain-Java fee check as the floor (bench/jmh.sh). Parsing and recording are not included: this is the engine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvaluationBenchmark {

    public static final String FEE = """
            "fee":{"phase":"PRELIMINARY","buildingType":"HIGH_RISE","serviceLevel":3,"assessedServiceLevel":2,
                   "chargedPrice":1.60,"priceDisplay":{"basePrice":true,"band":false,"actualPrice":true},
                   "publicizedItems":["物业服务费","停车服务费"],
                   "chargedItems":[{"name":"物业服务费","amount":1680.0},{"name":"装修管理费","amount":300.0}]}""";
    public static final String FILINGS = """
            "filings":{"events":[{"type":"SERVICE_CONTRACT_SIGNED","date":"2026-09-01"},
                                 {"type":"OWNER_COMMITTEE_ELECTED","date":"2026-08-10"},
                                 {"type":"PROPERTY_HANDED_OVER","date":"2026-06-01"},
                                 {"type":"DELIVERED_TO_BUYERS","date":"2026-06-20"}],
                       "records":[{"filing":"SERVICE_CONTRACT","filedOn":"2026-09-25","authority":"区住建局"}]}""";
    public static final String COMMITTEE = """
            "committee":{"electedOn":"2024-01-10","members":[
               {"id":"m-01","role":"CHAIR","partyMember":true,"owner":true,
                "conduct":[{"code":"UNAUTHORIZED_SEAL_USE","date":"2026-09-01"}],
                "meetingsHeldLast12Months":6,"meetingsAbsentLast12Months":4,"consecutiveUnexcusedAbsences":3},
               {"id":"m-02","role":"VICE_CHAIR","partyMember":false,"owner":true},
               {"id":"m-03","role":"MEMBER","partyMember":false,"owner":true},
               {"id":"m-04","role":"MEMBER","partyMember":true,"owner":false},
               {"id":"m-05","role":"MEMBER","partyMember":false,"owner":true,"relativeEmployedByProvider":true}]}""";
    public static final String REPAIR = """
            "repair":{"id":"R-1","category":"ELEVATOR_FAULT","component":"ELEVATOR","endangersSafety":true,
               "evidence":[{"type":"INSPECTION_RECTIFICATION_NOTICE","issuedOn":"2026-10-02"}],"cause":"WEAR",
               "reportedOn":"2026-10-03","estimatedCost":180000.0,"fundHandedToOwnersAssembly":true,
               "committeeApprovalRequestedOn":"2026-10-04",
               "vote":{"purpose":"USE","participatingArea":90000,"participatingOwners":700,"agreeingArea":50000,
                       "agreeingOwners":400,"heldOn":"2026-10-20"}}""";
    public static final String COMMUNITY = """
            "community":{"id":"C-1","completionAcceptanceDate":"2019-06-01","deliveryDate":"2019-09-01",
               "ownersAssemblyEstablished":true,"ownerCommitteeEstablished":true,"totalExclusiveArea":120000.0,
               "totalOwners":980,"households":1000}""";

    private Release release;
    private Evaluator evaluator;
    private Region region;
    private LocalDate asOf;
    private EvaluationRequest fee;
    private EvaluationRequest filing;
    private EvaluationRequest committee;
    private EvaluationRequest repair;
    private EvaluationRequest full;
    private Region baiyin;
    private EvaluationRequest feeBaiyin;
    private ParameterView baiyinParams;
    private PlainJavaFeeCheck plainFee;

    public static EvaluationRequest request(RequestParser parser, String region, String... blocks) {
        return parser.parse(RequestParser.JSON.readTree("{\"region\":\"" + region + "\",\"asOf\":\"2026-11-01\","
                + COMMUNITY + "," + String.join(",", blocks) + "}"));
    }

    @Setup
    public void setUp() {
        release = RepoRelease.get();
        evaluator = new Evaluator(10_000);
        RequestParser parser = new RequestParser(RepoRelease.REGIONS);
        region = RepoRelease.REGIONS.resolve("420102").orElseThrow(); // 武汉: national + Hubei + Wuhan layers
        asOf = LocalDate.parse("2026-11-01");
        fee = request(parser, region.code(), FEE);
        filing = request(parser, region.code(), FILINGS);
        committee = request(parser, region.code(), COMMITTEE);
        repair = request(parser, region.code(), REPAIR);
        full = request(parser, region.code(), FEE, FILINGS, COMMITTEE, REPAIR);
        // The engine-vs-floor pair runs where only the national fee rules and a real guidance table apply (白银).
        baiyin = RepoRelease.REGIONS.resolve("620402").orElseThrow();
        feeBaiyin = request(parser, baiyin.code(), FEE);
        baiyinParams = new ParameterView(release.parameters(), baiyin.layers(), asOf);
        plainFee = new PlainJavaFeeCheck(release.policies());
    }

    private EvaluationResult run(EvaluationRequest r) {
        return evaluator.evaluate(release, r, region, asOf, r.effectiveAreas(), false);
    }

    @Benchmark
    public EvaluationResult feeArea() {
        return run(fee);
    }

    @Benchmark
    public EvaluationResult filingArea() {
        return run(filing);
    }

    @Benchmark
    public EvaluationResult committeeArea() {
        return run(committee);
    }

    @Benchmark
    public EvaluationResult repairArea() {
        return run(repair);
    }

    @Benchmark
    public EvaluationResult fullFourAreas() {
        return run(full);
    }

    /** All four areas with trace=true: what explaining every rule (probe queries over the same facts) adds. */
    @Benchmark
    public EvaluationResult fullFourAreasTraced() {
        return evaluator.evaluate(release, full, region, asOf, full.effectiveAreas(), true);
    }

    /** The engine on the national fee rules (白银: national layer plus a real table, no local fee rules). */
    @Benchmark
    public EvaluationResult feeEngineBaiyin() {
        return evaluator.evaluate(release, feeBaiyin, baiyin, asOf, feeBaiyin.effectiveAreas(), false);
    }

    /** The floor: the same national fee rules in plain Java, producing the same findings (checked by a test). */
    @Benchmark
    public List<Finding> feePlainJava() {
        return plainFee.check(feeBaiyin.community().id(), feeBaiyin.fee(), baiyinParams);
    }

    EvaluationResult engineFeeBaiyin() {
        return feeEngineBaiyin();
    }

    List<Finding> plainFeeBaiyin() {
        return feePlainJava();
    }
}
