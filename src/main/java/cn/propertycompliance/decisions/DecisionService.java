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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.dao.DataAccessException;
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
    private final Duration timeout;
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

    /**
     * Database reads on the request path (replay lookup, reading a decision) run here, so a database that does not
     * answer costs a request at most the timeout, whatever the driver does with its socket. Threads stuck on a dead
     * connection stay here, and requests queue behind them only until their own deadline.
     */
    private final ExecutorService reads = Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "decision-read");
        t.setDaemon(true);
        return t;
    });

    /**
     * Batch lines ({@link #evaluateAsync}) may wait this many timeouts in the writer's queue while the database is busy
     * but answering (a long stream on a loaded database); single requests wait one. When the database stops answering,
     * single requests fail at one timeout, batch lines within two.
     */
    static final int BATCH_PATIENCE = 10;
    /** After a database failure, requests are answered 503 at once for this long instead of each waiting its bound. */
    static final long COOL_OFF_MILLIS = 1_000;
    /** When the database last failed a read or a commit (System.nanoTime), 0 after a success. */
    private volatile long failedAt;

    /**
     * @param timeout the longest a request waits for the database (replay lookup and commit together) before it is
     *                answered 503
     */
    public DecisionService(RequestParser parser, RegionTable regions, ActiveRelease activeRelease, Evaluator evaluator,
                           PersonalDataMasker masker, DecisionStore store, DecisionWriter writer, Duration timeout,
                           MeterRegistry meters) {
        this.parser = parser;
        this.regions = regions;
        this.activeRelease = activeRelease;
        this.evaluator = evaluator;
        this.masker = masker;
        this.store = store;
        this.writer = writer;
        this.timeout = timeout;
        this.meters = meters;
    }

    /**
     * @param client the API client asking ({@code ""} without keys): recorded, and the scope of its requestIds
     * @return the response body (JSON), after the decision is committed (unless dryRun)
     */
    public String evaluate(byte[] body, boolean dryRun, boolean trace, String client) {
        CompletableFuture<String> answer = evaluateAsync(parser.readTree(body), dryRun, trace, client, timeout);
        try {
            // The writer answers every submission within the timeout (committed, not recorded, or unknown); the margin
            // only guards against a bug there.
            return answer.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new DecisionNotRecordedException("recording failed", e.getCause());
        } catch (TimeoutException e) {
            // Not expected (the writer answers within the timeout), and then nobody can say whether it was recorded.
            throw new DecisionOutcomeUnknownException(null, e);
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
        return evaluateAsync(tree, dryRun, trace, client, timeout.multipliedBy(BATCH_PATIENCE));
    }

    /** @param patience how long a record may wait in the writer's queue while the database is busy but answering */
    private CompletableFuture<String> evaluateAsync(JsonNode tree, boolean dryRun, boolean trace, String client, Duration patience) {
        OffsetDateTime receivedAt = OffsetDateTime.now(CHINA);
        long started = System.nanoTime();
        long deadline = started + waitNanos();
        EvaluationRequest request = parser.parse(tree);
        String maskedJson = CANONICAL.writeValueAsString(masker.mask(tree));
        String requestHash = DecisionWriter.sha256(maskedJson);
        if (!dryRun && request.requestId() != null) {
            Optional<String> replay = bounded(() -> replay(client, request.requestId(), requestHash), deadline);
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
        if (recentlyFailed()) {
            // A database that failed a moment ago is not asked again by every request: batches get their 503 lines at once.
            return CompletableFuture.failedFuture(new DatabaseUnavailableException("the database failed less than "
                    + COOL_OFF_MILLIS + " ms ago", null));
        }
        Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(100)));
        return writer.submit(draft, left, patience).whenComplete((stored, failure) -> {
            if (failure == null) {
                failedAt = 0;
            } else if (unreachable(failure)) {
                failedAt = System.nanoTime();
            }
        }).thenApply(stored -> responseJson).exceptionallyAsync(failure -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null ? c.getCause() : failure;
            if (cause instanceof DuplicateRequestIdException) {
                // Someone recorded this requestId first: answer from that record (or 409 for another body).
                return bounded(() -> replay(client, request.requestId(), requestHash), Math.max(deadline, System.nanoTime() + 500_000_000L))
                        .orElseThrow(() -> new DecisionNotRecordedException("requestId race could not be resolved", cause));
            }
            if (cause instanceof DecisionNotRecordedException || cause instanceof DecisionOutcomeUnknownException) {
                throw (RuntimeException) cause;
            }
            throw new DecisionNotRecordedException("the decision could not be recorded", cause);
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
        return withinBound(() -> store.findById(id));
    }

    /** A database read on a request's path, answered within the timeout or a 503 ({@link DatabaseUnavailableException}). */
    public <T> T withinBound(Supplier<T> read) {
        return bounded(read, System.nanoTime() + waitNanos());
    }

    /**
     * Runs a database read with a deadline. Past it, or when the database refuses, the request is a 503
     * ({@link DatabaseUnavailableException}); nothing has been recorded at that point.
     */
    private <T> T bounded(Supplier<T> read, long deadlineNanos) {
        if (recentlyFailed()) {
            throw new DatabaseUnavailableException("the database failed less than " + COOL_OFF_MILLIS + " ms ago", null);
        }
        T value = boundedRead(read, deadlineNanos);
        failedAt = 0;
        return value;
    }

    /** How long to wait for the database: the timeout less a margin to answer in, so the 503 leaves within it. */
    private long waitNanos() {
        return timeout.toNanos() - Math.min(TimeUnit.MILLISECONDS.toNanos(250), timeout.toNanos() / 10);
    }

    /**
     * A failure that says the database cannot be reached: a wait that ran out, or no connection to be had. Not a
     * single broken pooled connection (the pool drops it and the next one may well work), nor a bad statement.
     */
    private static boolean unreachable(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof TimeoutException || c instanceof DecisionOutcomeUnknownException
                    || c instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
                    || c instanceof org.springframework.transaction.CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }

    private boolean recentlyFailed() {
        long at = failedAt;
        return at != 0 && System.nanoTime() - at < TimeUnit.MILLISECONDS.toNanos(COOL_OFF_MILLIS);
    }

    private <T> T boundedRead(Supplier<T> read, long deadlineNanos) {
        Future<T> f;
        try {
            f = reads.submit(read::get);
        } catch (RejectedExecutionException e) {
            throw new DatabaseUnavailableException("too many database reads waiting", e);
        }
        try {
            return f.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            failedAt = System.nanoTime();
            throw new DatabaseUnavailableException("the database did not answer within " + timeout, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DataAccessException d) {
                if (unreachable(d)) {
                    failedAt = System.nanoTime();
                }
                throw new DatabaseUnavailableException("the database is not available", d);
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailableException("interrupted while reading", e);
        }
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
