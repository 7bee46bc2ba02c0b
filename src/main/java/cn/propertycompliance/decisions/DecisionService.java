package cn.propertycompliance.decisions;

import cn.propertycompliance.evaluation.EvaluationRequest;
import cn.propertycompliance.evaluation.EvaluationResult;
import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.evaluation.RequestParser;
import cn.propertycompliance.region.Region;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.ruleset.ActiveRelease;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.vocabulary.Area;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluate and record: validates the body, answers a repeated requestId from its record, evaluates against the
 * active release and returns only after the decision is committed (unless dryRun).
 */
public class DecisionService {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Canonical JSON (sorted keys) so that the same body always hashes the same, whatever its key order. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private final RequestParser parser;
    private final RegionTable regions;
    private final ActiveRelease activeRelease;
    private final Evaluator evaluator;
    private final PersonalDataMasker masker;
    private final DecisionStore store;
    private final DecisionWriter writer;
    private final Duration commitTimeout;
    private final MeterRegistry meters;
    private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();
    /**
     * Failure follow-ups run off the writer thread, so a replay lookup never stalls the group commit. A small
     * executor of our own: on a 2-core machine CompletableFuture silently swaps the common pool for a new thread per
     * task (parallelism 1), which cost ~1,000 thread creations a second under load.
     */
    private final Executor followUps = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "decision-follow-up");
        t.setDaemon(true);
        return t;
    });

    public DecisionService(RequestParser parser, RegionTable regions, ActiveRelease activeRelease, Evaluator evaluator,
                           PersonalDataMasker masker, DecisionStore store, DecisionWriter writer, Duration commitTimeout,
                           MeterRegistry meters) {
        this.parser = parser;
        this.regions = regions;
        this.activeRelease = activeRelease;
        this.evaluator = evaluator;
        this.masker = masker;
        this.store = store;
        this.writer = writer;
        this.commitTimeout = commitTimeout;
        this.meters = meters;
    }

    /**
     * @param client the API client asking ({@code ""} without keys): recorded, and the scope of its requestIds
     * @return the response body (JSON), after the decision is committed (unless dryRun)
     */
    public String evaluate(byte[] body, boolean dryRun, boolean trace, String client) {
        CompletableFuture<String> answer = evaluateAsync(parser.readTree(body), dryRun, trace, client);
        try {
            return answer.get(commitTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new DecisionNotRecordedException("recording failed", e.getCause());
        } catch (TimeoutException e) {
            throw new DecisionNotRecordedException("the decision log did not confirm the record within " + commitTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DecisionNotRecordedException("interrupted while recording", e);
        }
    }

    /**
     * Validates and evaluates now (an invalid request throws here), and completes once the decision is committed:
     * with the response JSON, or exceptionally with {@link DecisionNotRecordedException} /
     * {@link RequestIdConflictException}. Callers that pipeline many requests (batch) keep several in flight.
     */
    public CompletableFuture<String> evaluateAsync(JsonNode tree, boolean dryRun, boolean trace, String client) {
        OffsetDateTime receivedAt = OffsetDateTime.now(CHINA);
        long started = System.nanoTime();
        EvaluationRequest request = parser.parse(tree);
        String maskedJson = CANONICAL.writeValueAsString(masker.mask(tree));
        String requestHash = DecisionWriter.sha256(maskedJson);
        if (!dryRun && request.requestId() != null) {
            Optional<String> replay = replay(client, request.requestId(), requestHash);
            if (replay.isPresent()) {
                return CompletableFuture.completedFuture(replay.get());
            }
        }
        Region region = regions.resolve(request.region()).orElseThrow();
        LocalDate asOf = request.asOf() != null ? request.asOf() : LocalDate.now(CHINA);
        Set<Area> areas = request.effectiveAreas();
        Release release = activeRelease.current();
        EvaluationResult result = evaluator.evaluate(release, request, region, asOf, areas, trace);
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started);
        record(areas, result, micros);
        if (dryRun) {
            return CompletableFuture.completedFuture(RequestParser.JSON.writeValueAsString(result));
        }
        UUID id = ids.generate();
        String responseJson = RequestParser.JSON.writeValueAsString(result.withDecisionId(id.toString()));
        Decision draft = new Decision(id, receivedAt, request.requestId(), requestHash, region.code(), asOf,
                release.id(), result.outcome().name(), micros, maskedJson, responseJson, client);
        // Success completes on the writer thread (nothing to do but hand over the JSON); only a failure hops to the
        // follow-up executor, because answering a requestId race needs a database read.
        return writer.submit(draft).thenApply(stored -> responseJson).exceptionallyAsync(failure -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null ? c.getCause() : failure;
            if (cause instanceof DuplicateRequestIdException) {
                // Someone recorded this requestId first: answer from that record (or 409 for another body).
                return replay(client, request.requestId(), requestHash)
                        .orElseThrow(() -> new DecisionNotRecordedException("requestId race could not be resolved", cause));
            }
            throw cause instanceof DecisionNotRecordedException d ? d : new DecisionNotRecordedException("the decision could not be recorded", cause);
        }, followUps);
    }

    /** The recorded response for a repeated requestId with the same body; 409 for a different body. */
    private Optional<String> replay(String client, String requestId, String requestHash) {
        return store.findByRequestId(client, requestId).map(existing -> {
            if (!existing.decision().requestHash().equals(requestHash)) {
                throw new RequestIdConflictException(requestId);
            }
            return existing.decision().responseJson();
        });
    }

    public Optional<DecisionRecord> find(UUID id) {
        return store.findById(id);
    }

    private void record(Set<Area> areas, EvaluationResult result, long micros) {
        String areaTag = new TreeSet<>(areas).stream().map(Enum::name).collect(Collectors.joining("+"));
        Timer.builder("compliance.evaluations")
                .description("Evaluations by requested areas and outcome")
                .tag("areas", areaTag)
                .tag("outcome", result.outcome().name())
                .register(meters)
                .record(micros, TimeUnit.MICROSECONDS);
        result.areas().forEach((area, r) -> meters.counter("compliance.area.results", "area", area.name(),
                "status", r.status().name()).increment());
    }
}
