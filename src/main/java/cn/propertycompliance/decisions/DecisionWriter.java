package cn.propertycompliance.decisions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for decision records. Request threads hand over a draft and wait; one writer thread takes whatever
 * has queued up, inserts it as one JDBC batch in one transaction and only then releases the waiting threads. So a
 * 200 still means "committed", while the database sees one commit per batch instead of one per request. The writer
 * is also the only place that extends the hash chain, which needs a single order.
 */
public class DecisionWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DecisionWriter.class);

    private record Pending(Decision draft, CompletableFuture<DecisionRecord> done) {
    }

    private final DecisionStore store;
    private final TransactionTemplate tx;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue;
    private final Thread thread;
    private final UUID chainId = UUID.randomUUID();
    private long chainSeq;
    private String chainHead;
    private volatile boolean running = true;

    public DecisionWriter(DecisionStore store, TransactionTemplate tx, int maxBatch, int queueCapacity) {
        this.store = store;
        this.tx = tx;
        this.maxBatch = maxBatch;
        this.queue = new LinkedBlockingQueue<>(queueCapacity);
        this.thread = new Thread(this::run, "decision-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Completes with the stored record once committed, or exceptionally if it could not be. */
    public CompletableFuture<DecisionRecord> submit(Decision draft) {
        CompletableFuture<DecisionRecord> done = new CompletableFuture<>();
        try {
            // A full queue pushes back on the caller for a moment (batches) before giving up (503).
            if (!running || !queue.offer(new Pending(draft, done), 5, TimeUnit.SECONDS)) {
                done.completeExceptionally(new DecisionNotRecordedException("the decision log is not accepting records", null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(new DecisionNotRecordedException("interrupted while queueing the record", e));
        }
        return done;
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
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException e) {
                log.error("decision writer failed a batch of {}", batch.size(), e);
                batch.forEach(p -> p.done().completeExceptionally(new DecisionNotRecordedException("decision log failure", e)));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        long seqBefore = chainSeq;
        String headBefore = chainHead;
        List<DecisionRecord> records = batch.stream().map(p -> chain(p.draft())).toList();
        try {
            tx.executeWithoutResult(s -> store.insertAll(records));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(records.get(i));
            }
        } catch (DuplicateKeyException e) {
            // A requestId already recorded (or twice in this batch): write one by one so only that one fails.
            chainSeq = seqBefore;
            chainHead = headBefore;
            batch.forEach(this::writeOne);
        } catch (DataAccessException e) {
            chainSeq = seqBefore;
            chainHead = headBefore;
            log.error("could not record {} decisions", batch.size(), e);
            batch.forEach(p -> p.done().completeExceptionally(new DecisionNotRecordedException("the decision could not be recorded", e)));
        }
    }

    private void writeOne(Pending p) {
        long seqBefore = chainSeq;
        String headBefore = chainHead;
        DecisionRecord record = chain(p.draft());
        try {
            tx.executeWithoutResult(s -> store.insertAll(List.of(record)));
            p.done().complete(record);
        } catch (DataAccessException e) {
            chainSeq = seqBefore;
            chainHead = headBefore;
            p.done().completeExceptionally(e instanceof DuplicateKeyException && p.draft().requestId() != null
                    ? new DuplicateRequestIdException(p.draft().requestId())
                    : new DecisionNotRecordedException("the decision could not be recorded", e));
        }
    }

    private DecisionRecord chain(Decision d) {
        // Databases keep microseconds; hash exactly what will be stored so a stored row re-hashes to its hash.
        Decision stored = new Decision(d.id(), d.receivedAt().truncatedTo(ChronoUnit.MICROS), d.requestId(),
                d.requestHash(), d.region(), d.asOf(), d.releaseId(), d.outcome(), d.durationMicros(), d.requestJson(), d.responseJson(), d.client());
        DecisionRecord unsigned = new DecisionRecord(stored, chainId, ++chainSeq, chainHead, "");
        chainHead = sha256(unsigned.hashedContent());
        return new DecisionRecord(stored, chainId, unsigned.chainSeq(), unsigned.prevHash(), chainHead);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops taking records and writes what is queued before returning. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
