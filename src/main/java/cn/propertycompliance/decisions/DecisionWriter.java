package cn.propertycompliance.decisions;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for decision records. Request threads hand over a draft and wait; one writer thread takes whatever
 * has queued up, inserts it as one JDBC batch in one transaction together with the chain's signed head, and only then
 * releases the waiting threads. So a 200 still means "committed", while the database sees one commit per batch.
 *
 * <p>The writer is the only place that extends its chain (one chain per writer, so replicas never contend). What the
 * caller is told always matches the database:
 * <ul>
 * <li>a draft still queued at its deadline is withdrawn: known not recorded;</li>
 * <li>a failure before the commit is sent rolls back: known not recorded, chain position restored;</li>
 * <li>a failed commit is ambiguous: the writer reads its signed head back to learn whether the batch is in; if the
 * database cannot say, the callers hear "outcome unknown" and the writer re-reads its head before the next batch, so
 * the in-memory head never runs ahead of (or behind) the database — no false breaks.</li>
 * </ul>
 */
public class DecisionWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DecisionWriter.class);

    private enum State { QUEUED, COMMITTING, WITHDRAWN }

    private static final class Pending {
        final Decision draft;
        final long patienceEnds;
        final CompletableFuture<DecisionRecord> done = new CompletableFuture<>();
        final AtomicReference<State> state = new AtomicReference<>(State.QUEUED);

        Pending(Decision draft, long patienceEnds) {
            this.draft = draft;
            this.patienceEnds = patienceEnds;
        }
    }

    /** Thrown inside the transaction when a request withdrew while its batch was being written: roll back, retry. */
    private static final class Withdrawn extends RuntimeException {
        Withdrawn() {
            super(null, null, false, false);
        }
    }

    private final DecisionStore store;
    private final TransactionTemplate tx;
    private final ChainKeys keys;
    private final int maxBatch;
    private final Duration timeout;
    private final Duration checkpointInterval;
    private final BlockingQueue<Pending> queue;
    private final Thread thread;
    private final ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "decision-deadlines");
        t.setDaemon(true);
        return t;
    });
    private final UUID chainId = UUID.randomUUID();
    private final String writerName = truncate(ManagementFactory.getRuntimeMXBean().getName(), 200);
    // Chain state: touched only by the writer thread.
    private long chainSeq;
    private String chainHead;
    private boolean headUncertain;
    private long lastCheckpointNanos = System.nanoTime();
    private long lastCheckpointSeq;
    private volatile boolean running = true;
    // Progress, for the patience of batch lines (System.nanoTime; writeStarted 0 = idle).
    private volatile long lastSuccess = System.nanoTime();
    private volatile long lastFailure;
    private volatile long writeStarted;

    /**
     * @param timeout how long a submitted draft may wait for its commit before the caller is answered (503)
     * @param checkpointInterval how often a signed checkpoint is kept (and logged) while records are written
     */
    public DecisionWriter(DecisionStore store, TransactionTemplate tx, ChainKeys keys, int maxBatch, int queueCapacity,
                          Duration timeout, Duration checkpointInterval) {
        this.store = store;
        this.tx = tx;
        this.keys = keys;
        this.maxBatch = maxBatch;
        this.timeout = timeout;
        this.checkpointInterval = checkpointInterval;
        this.queue = new LinkedBlockingQueue<>(queueCapacity);
        this.deadlines.setRemoveOnCancelPolicy(true);
        this.thread = new Thread(this::run, "decision-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public UUID chainId() {
        return chainId;
    }

    /** Completes with the stored record once committed, or exceptionally; always within the writer's timeout. */
    public CompletableFuture<DecisionRecord> submit(Decision draft) {
        return submit(draft, timeout);
    }

    /**
     * Completes with the stored record once committed; with {@link DecisionNotRecordedException} when it is known not
     * to be; with {@link DecisionOutcomeUnknownException} when the commit was sent and not confirmed within the time.
     */
    public CompletableFuture<DecisionRecord> submit(Decision draft, Duration within) {
        return submit(draft, within, within);
    }

    /**
     * As {@link #submit(Decision, Duration)}, but a draft still queued at {@code within} keeps waiting, up to
     * {@code patience}, while the writer is visibly working through the queue (its last write succeeded and the one in
     * hand has not been running for the timeout). For batch lines: a long stream on a busy database is slow, not
     * failed; a database that stops answering still fails them, within twice {@code within} at most.
     */
    public CompletableFuture<DecisionRecord> submit(Decision draft, Duration within, Duration patience) {
        long now = System.nanoTime();
        Pending p = new Pending(draft, now + Math.max(within.toNanos(), patience.toNanos()));
        long deadline = now + Math.max(1, within.toNanos());
        try {
            // A full queue pushes back on the caller for a moment (batches) before giving up (503).
            if (!running || !queue.offer(p, deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                p.done.completeExceptionally(new DecisionNotRecordedException("the decision log is not accepting records", null));
                return p.done;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.done.completeExceptionally(new DecisionNotRecordedException("interrupted while queueing the record", e));
            return p.done;
        }
        var timer = deadlines.schedule(() -> expire(p), Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        p.done.whenComplete((r, e) -> timer.cancel(false));
        return p.done;
    }

    private void expire(Pending p) {
        long now = System.nanoTime();
        if (p.state.get() == State.QUEUED && now < p.patienceEnds && progressing(now)) {
            var timer = deadlines.schedule(() -> expire(p), Math.min(250_000_000L, p.patienceEnds - now), TimeUnit.NANOSECONDS);
            p.done.whenComplete((r, e) -> timer.cancel(false));
            return;
        }
        if (p.state.compareAndSet(State.QUEUED, State.WITHDRAWN)) {
            queue.remove(p);
            p.done.completeExceptionally(new DecisionNotRecordedException("nothing was recorded",
                    new java.util.concurrent.TimeoutException("the database did not take the record in time")));
        } else if (p.state.get() == State.COMMITTING) {
            p.done.completeExceptionally(new DecisionOutcomeUnknownException(p.draft.id(), null));
        }
    }

    /** The writer's last write succeeded and the one in hand (if any) has not been running for the whole timeout. */
    private boolean progressing(long now) {
        long started = writeStarted;
        return lastSuccess > lastFailure && (started == 0 || now - started < timeout.toNanos());
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                batch.removeIf(p -> p.state.get() == State.WITHDRAWN);
                if (!batch.isEmpty()) {
                    writeStarted = System.nanoTime();
                    write(batch);
                    if (batch.stream().allMatch(p -> p.done.isDone() && !p.done.isCompletedExceptionally())) {
                        lastSuccess = System.nanoTime();
                    } else {
                        lastFailure = System.nanoTime();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException | Error e) {
                // Not expected; whatever happened, the database is the truth: re-read the head before writing on.
                headUncertain = true;
                log.error("decision writer failed a batch of {}", batch.size(), e);
                batch.forEach(p -> fail(p, e));
            } finally {
                writeStarted = 0;
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<Pending> remaining = new ArrayList<>(batch);
        while (!remaining.isEmpty()) {
            if (headUncertain && !reloadHead(remaining)) {
                return;
            }
            long seqBefore = chainSeq;
            String headBefore = chainHead;
            List<DecisionRecord> records = remaining.stream().map(p -> chain(p.draft)).toList();
            OffsetDateTime now = OffsetDateTime.now();
            ChainMark head = ChainMark.sign(keys, ChainMark.Kind.HEAD, chainId, chainSeq, chainHead, chainSeq, now);
            boolean checkpointDue = System.nanoTime() - lastCheckpointNanos >= checkpointInterval.toNanos();
            ChainMark checkpoint = checkpointDue
                    ? ChainMark.sign(keys, ChainMark.Kind.CHECKPOINT, chainId, chainSeq, chainHead, chainSeq, now) : null;
            boolean[] commitSent = {false};
            try {
                List<Pending> current = remaining;
                tx.executeWithoutResult(s -> {
                    store.insertAll(records);
                    store.saveHead(head, writerName);
                    if (checkpoint != null) {
                        store.insertCheckpoint(checkpoint);
                    }
                    // The last moment a waiting request may withdraw; past it, the commit decides.
                    for (Pending p : current) {
                        if (!p.state.compareAndSet(State.QUEUED, State.COMMITTING)) {
                            throw new Withdrawn();
                        }
                    }
                    commitSent[0] = true;
                });
            } catch (Withdrawn w) {
                restore(seqBefore, headBefore, remaining);
                remaining.removeIf(p -> p.state.get() == State.WITHDRAWN);
                continue;
            } catch (RuntimeException e) {
                restore(seqBefore, headBefore, remaining);
                if (!commitSent[0]) {
                    notCommitted(remaining, e);
                } else {
                    resolveFailedCommit(remaining, records, seqBefore, e);
                }
                return;
            }
            if (checkpoint != null) {
                checkpointKept(checkpoint);
            }
            for (int i = 0; i < remaining.size(); i++) {
                remaining.get(i).done.complete(records.get(i));
            }
            return;
        }
    }

    /** The transaction rolled back (or never began): nothing of it is in the database. */
    private void notCommitted(List<Pending> batch, RuntimeException e) {
        if (e instanceof DuplicateKeyException && batch.size() > 1) {
            // A requestId already recorded (or twice in this batch): write one by one so only that one fails.
            for (Pending p : batch) {
                write(new ArrayList<>(List.of(p)));
            }
            return;
        }
        if (e instanceof DuplicateKeyException && batch.get(0).draft.requestId() != null) {
            batch.get(0).done.completeExceptionally(new DuplicateRequestIdException(batch.get(0).draft.requestId()));
            return;
        }
        log.error("could not record {} decisions: {}", batch.size(), e.toString());
        batch.forEach(p -> p.done.completeExceptionally(new DecisionNotRecordedException("the decision could not be recorded", e)));
    }

    /** The commit was sent and failed: read the signed head back to learn whether the batch is in. */
    private void resolveFailedCommit(List<Pending> batch, List<DecisionRecord> records, long seqBefore, RuntimeException failure) {
        DecisionRecord last = records.get(records.size() - 1);
        Optional<ChainMark> stored;
        try {
            stored = store.findHead(chainId);
        } catch (RuntimeException e) {
            headUncertain = true;
            log.error("commit of {} decisions failed and the database cannot say whether it happened: {}", batch.size(), failure.toString());
            batch.forEach(p -> p.done.completeExceptionally(new DecisionOutcomeUnknownException(p.draft.id(), failure)));
            return;
        }
        long storedSeq = stored.map(ChainMark::seq).orElse(0L);
        if (storedSeq == last.chainSeq() && last.recordHash().equals(stored.get().hash())) {
            chainSeq = last.chainSeq();
            chainHead = last.recordHash();
            log.warn("commit of {} decisions reported {} but is in the database; answering with the decisions", batch.size(),
                    failure.toString());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done.complete(records.get(i));
            }
        } else if (storedSeq == seqBefore) {
            log.error("commit of {} decisions failed and did not happen: {}", batch.size(), failure.toString());
            batch.forEach(p -> p.done.completeExceptionally(new DecisionNotRecordedException("the decision could not be recorded", failure)));
        } else {
            headUncertain = true;
            log.error("chain {} head in the database is at {}, expected {} or {}: re-reading before the next batch", chainId,
                    storedSeq, seqBefore, last.chainSeq());
            batch.forEach(p -> p.done.completeExceptionally(new DecisionOutcomeUnknownException(p.draft.id(), failure)));
        }
    }

    /** Takes the chain position from the database after an unresolved failure; false (batch failed) if it cannot. */
    private boolean reloadHead(List<Pending> batch) {
        try {
            Optional<ChainMark> stored = store.findHead(chainId);
            chainSeq = stored.map(ChainMark::seq).orElse(0L);
            chainHead = stored.map(ChainMark::hash).orElse(null);
            headUncertain = false;
            return true;
        } catch (RuntimeException e) {
            log.error("could not read chain {} head back; {} decisions not recorded: {}", chainId, batch.size(), e.toString());
            batch.forEach(p -> p.done.completeExceptionally(new DecisionNotRecordedException("the decision could not be recorded", e)));
            return false;
        }
    }

    private void restore(long seq, String head, List<Pending> batch) {
        chainSeq = seq;
        chainHead = head;
        batch.forEach(p -> p.state.compareAndSet(State.COMMITTING, State.QUEUED));
    }

    private void fail(Pending p, Throwable e) {
        if (p.state.compareAndSet(State.QUEUED, State.WITHDRAWN)) {
            p.done.completeExceptionally(new DecisionNotRecordedException("decision log failure", e));
        } else {
            p.done.completeExceptionally(new DecisionOutcomeUnknownException(p.draft.id(), e));
        }
    }

    private void checkpointKept(ChainMark c) {
        lastCheckpointNanos = System.nanoTime();
        lastCheckpointSeq = c.seq();
        // Logged as well as stored: a copy outside the database that a rollback of the tables cannot reach.
        log.info("decision chain checkpoint chain={} seq={} hash={} count={} at={} key={} mac={}", c.chainId(), c.seq(),
                c.hash(), c.count(), c.at(), c.keyId(), c.mac());
    }

    private DecisionRecord chain(Decision d) {
        // Databases keep microseconds; hash exactly what will be stored so a stored row re-hashes to its hash.
        Decision stored = new Decision(d.id(), d.receivedAt().truncatedTo(ChronoUnit.MICROS), d.requestId(),
                d.requestHash(), d.region(), d.asOf(), d.releaseId(), d.outcome(), d.durationMicros(), d.requestJson(), d.responseJson(), d.client());
        DecisionRecord unsigned = new DecisionRecord(stored, chainId, ++chainSeq, chainHead, null, keys.signingKeyId());
        chainHead = keys.mac(unsigned.keyId(), unsigned.macContent());
        return new DecisionRecord(stored, chainId, unsigned.chainSeq(), unsigned.prevHash(), chainHead, unsigned.keyId());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** Stops taking records, writes what is queued, and keeps a final checkpoint before returning. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
        deadlines.shutdownNow();
        if (!thread.isAlive() && !headUncertain && chainSeq > lastCheckpointSeq) {
            try {
                ChainMark c = ChainMark.sign(keys, ChainMark.Kind.CHECKPOINT, chainId, chainSeq, chainHead, chainSeq, OffsetDateTime.now());
                tx.executeWithoutResult(s -> store.insertCheckpoint(c));
                checkpointKept(c);
            } catch (RuntimeException e) {
                log.warn("could not keep the final checkpoint of chain {}: {}", chainId, e.toString());
            }
        }
    }
}
