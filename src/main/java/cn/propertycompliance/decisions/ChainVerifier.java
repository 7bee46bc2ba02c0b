package cn.propertycompliance.decisions;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks decision records against their keyed chain: every record's MAC, its link to the previous record, no gap in
 * the sequence, and agreement with the signed checkpoints and the signed head of its chain. Each writer (replica,
 * process start) has its own chain, so a period is checked chain by chain; the answer names the first break.
 *
 * <p>A period is checked from the last signed checkpoint before it to the first checkpoint (or the head) after it,
 * so the work is bounded by the period, yet a record removed at either edge is still noticed. All reads run in one repeatable-read transaction: the writer committing meanwhile is not a break.
 */
public final class ChainVerifier {

    private static final Logger log = LoggerFactory.getLogger(ChainVerifier.class);
    private static final OffsetDateTime EARLIEST = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime LATEST = OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    public enum Status { INTACT, BROKEN }

    /** Where a chain first fails: the sequence, the record there (null when it is missing), and why. */
    public record Break(long sequence, UUID decisionId, String reason, UUID chainId) {
    }

    public record ChainResult(UUID chainId, long fromSeq, long toSeq, long checked, Status status, Break firstBroken) {
    }

    public record Result(Status status, long checked, Break firstBroken, OffsetDateTime from, OffsetDateTime to,
                         List<ChainResult> chains) {
    }

    /** Whether one record verifies on its own: its MAC, its neighbours' links, and the chain's signed head. */
    public record Integrity(boolean verified, String keyId, String reason) {
    }

    private final DecisionStore store;
    private final TransactionTemplate snapshot;
    private final ChainKeys keys;
    private final Counter breaks;

    public ChainVerifier(DecisionStore store, TransactionTemplate tx, ChainKeys keys, MeterRegistry meters) {
        this.store = store;
        this.snapshot = new TransactionTemplate(Objects.requireNonNull(tx.getTransactionManager()));
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.keys = keys;
        this.breaks = meters == null ? null : Counter.builder("compliance.decisions.chain.breaks")
                .description("Decision chain breaks found by verification (a changed, forged or missing record)")
                .register(meters);
    }

    /**
     * A period bound as auditors write it: a date (its start in Asia/Shanghai) or an ISO-8601 instant with offset;
     * null or blank = unbounded.
     */
    public static OffsetDateTime periodBound(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return v.length() == 10 ? java.time.LocalDate.parse(v).atStartOfDay(DecisionService.CHINA).toOffsetDateTime()
                : OffsetDateTime.parse(v);
    }

    /** Checks the records received in [from, to) (either may be null: unbounded). */
    public Result verify(OffsetDateTime from, OffsetDateTime to) {
        Result result = snapshot.execute(s -> verifyInSnapshot(from == null ? EARLIEST : from, to == null ? LATEST : to,
                from == null && to == null));
        if (result.status() == Status.BROKEN) {
            Break b = result.firstBroken();
            log.error("decision chain BROKEN: chain {} sequence {} decision {}: {}", b.chainId(), b.sequence(), b.decisionId(), b.reason());
            count();
        }
        return result;
    }

    private Result verifyInSnapshot(OffsetDateTime from, OffsetDateTime to, boolean everything) {
        Map<UUID, ChainMark> heads = new HashMap<>();
        store.heads().forEach(h -> heads.put(h.chainId(), h));
        Map<UUID, DecisionStore.ChainSpan> spans = new LinkedHashMap<>();
        store.spans(from, to).stream().sorted(Comparator.comparing(DecisionStore.ChainSpan::firstReceived))
                .forEach(s -> spans.put(s.chainId(), s));
        // Chains with records in the period, and chains signed during or after it (whose records there may be gone).
        List<UUID> chains = new ArrayList<>(spans.keySet());
        heads.values().stream()
                .filter(h -> !spans.containsKey(h.chainId()) && (everything || !h.at().isBefore(from)))
                .sorted(Comparator.comparing(ChainMark::at)).forEach(h -> chains.add(h.chainId()));
        List<ChainResult> results = new ArrayList<>();
        long checked = 0;
        Break first = null;
        for (UUID chain : chains) {
            DecisionStore.ChainSpan span = spans.get(chain);
            long lo = everything ? 1 : span != null ? span.minSeq() : Long.MAX_VALUE;
            long hi = span != null ? span.maxSeq() : 0;
            ChainResult r = verifyChain(chain, heads.get(chain), lo, hi, from, to);
            results.add(r);
            checked += r.checked();
            if (first == null && r.firstBroken() != null) {
                first = r.firstBroken();
            }
        }
        return new Result(first == null ? Status.INTACT : Status.BROKEN, checked, first,
                from.equals(EARLIEST) ? null : from, to.equals(LATEST) ? null : to, results);
    }

    private ChainResult verifyChain(UUID chain, ChainMark head, long lo, long hi, OffsetDateTime from, OffsetDateTime to) {
        if (head == null) {
            long at = Math.min(lo, Math.max(hi, 1));
            UUID first = store.findBySeq(chain, at).map(r -> r.decision().id()).orElse(null);
            return broken(chain, lo, hi, 0, new Break(at, first, "the chain has no signed head: its records were not written "
                    + "by a keyed writer, or the head was deleted", chain));
        }
        if (!head.verifies(keys)) {
            return broken(chain, lo, hi, 0, new Break(head.seq(), null, keys.knows(head.keyId())
                    ? "the chain's signed head does not verify: it was changed" : "the chain's head is signed with unknown key "
                    + head.keyId(), chain));
        }
        long lastCheckpoint = store.maxCheckpointSeq(chain);
        if (lastCheckpoint > head.seq()) {
            return broken(chain, lo, hi, 0, new Break(head.seq() + 1, null, "a signed checkpoint reaches sequence " + lastCheckpoint
                    + " but the head says " + head.seq() + ": the head was rolled back and records removed", chain));
        }
        if (hi > head.seq()) {
            UUID beyond = store.findBySeq(chain, head.seq() + 1).map(r -> r.decision().id()).orElse(null);
            return broken(chain, lo, hi, 0, new Break(head.seq() + 1, beyond, "records beyond the signed head (sequence "
                    + head.seq() + "): added outside the writer", chain));
        }
        // Anchors by sequence and by time: a checkpoint signed before the period began precedes every record received
        // in it, even one since deleted; one signed after the period ended follows them.
        ChainMark start = lo <= 1 ? null : store.lastCheckpointBefore(chain, lo, from).orElse(null);
        ChainMark end = store.firstCheckpointFrom(chain, hi, to).filter(c -> c.seq() <= head.seq()).orElse(head);
        if (start != null && end.seq() <= start.seq()) {
            return new ChainResult(chain, start.seq(), start.seq(), 0, Status.INTACT, null); // idle through the period
        }
        if (start != null && !start.verifies(keys)) {
            return broken(chain, lo, hi, 0, new Break(start.seq(), null, "signed checkpoint at " + start.seq() + " does not verify", chain));
        }
        if (!end.verifies(keys)) {
            return broken(chain, lo, hi, 0, new Break(end.seq(), null, "signed checkpoint at " + end.seq() + " does not verify", chain));
        }
        Scan scan = new Scan(chain, start == null ? 0 : start.seq(), start == null ? null : start.hash(),
                store.checkpoints(chain, lo, end.seq()));
        scan.run(end.seq());
        Break b = scan.broken;
        if (b == null && scan.lastSeq < end.seq()) {
            b = new Break(scan.lastSeq + 1, null, missing(scan.lastSeq + 1, end.seq()) + ": the signed "
                    + (end == head ? "head" : "checkpoint") + " says the chain reaches " + end.seq(), chain);
        } else if (b == null && (!Objects.equals(scan.lastHash, end.hash()) || end.count() != end.seq())) {
            b = new Break(end.seq(), scan.lastId, "the record differs from the signed " + (end == head ? "head" : "checkpoint"), chain);
        }
        long firstSeq = start == null ? 1 : start.seq() + 1;
        return b == null ? new ChainResult(chain, firstSeq, end.seq(), scan.checked, Status.INTACT, null)
                : broken(chain, firstSeq, end.seq(), scan.checked, b);
    }

    private static ChainResult broken(UUID chain, long from, long to, long checked, Break b) {
        return new ChainResult(chain, from, to, checked, Status.BROKEN, b);
    }

    private static String missing(long from, long to) {
        return from == to ? "record " + from + " is missing" : "records " + from + "–" + to + " are missing";
    }

    /** Walks a chain's records in sequence order from a trusted point, stopping at the first break. */
    private final class Scan {
        private static final class Stop extends RuntimeException {
            Stop() {
                super(null, null, false, false);
            }
        }

        final UUID chain;
        final Map<Long, ChainMark> checkpoints = new HashMap<>();
        long lastSeq;
        String lastHash;
        UUID lastId;
        long checked;
        Boolean keyed;
        Break broken;

        Scan(UUID chain, long fromSeq, String fromHash, List<ChainMark> checkpoints) {
            this.chain = chain;
            this.lastSeq = fromSeq;
            this.lastHash = fromHash;
            checkpoints.forEach(c -> this.checkpoints.put(c.seq(), c));
        }

        void run(long toSeq) {
            try {
                store.forEachInChain(chain, lastSeq + 1, toSeq, this::check);
            } catch (Stop stop) {
                // broken is set
            }
        }

        private void check(DecisionRecord r) {
            long seq = r.chainSeq();
            UUID id = r.decision().id();
            if (seq != lastSeq + 1) {
                stop(new Break(lastSeq + 1, null, missing(lastSeq + 1, seq - 1) + " (the next record present is " + seq + ")", chain));
            }
            boolean rowKeyed = r.keyId() != null;
            if (keyed != null && keyed != rowKeyed) {
                stop(new Break(seq, id, rowKeyed ? "a keyed record in an unkeyed (legacy) chain" : "an unkeyed record in a keyed chain", chain));
            }
            keyed = rowKeyed;
            if (rowKeyed && !keys.knows(r.keyId())) {
                stop(new Break(seq, id, "signed with unknown key " + r.keyId() + " (configure it for verification)", chain));
            }
            if (!r.verifies(keys)) {
                stop(new Break(seq, id, "the record does not match its MAC: it was changed after it was written", chain));
            }
            if (!Objects.equals(r.prevHash(), lastHash)) {
                stop(new Break(seq, id, "the link to record " + (seq - 1) + " does not match: a record before it was replaced", chain));
            }
            ChainMark c = checkpoints.get(seq);
            if (c != null && (!c.verifies(keys) || !c.hash().equals(r.recordHash()) || c.count() != seq)) {
                stop(new Break(seq, id, "the record differs from the signed checkpoint at " + seq, chain));
            }
            lastSeq = seq;
            lastHash = r.recordHash();
            lastId = id;
            checked++;
        }

        private void stop(Break b) {
            broken = b;
            throw new Stop();
        }
    }

    /** One record, as {@code GET /api/v1/decisions/{id}} shows it. */
    public Integrity verifyOne(DecisionRecord r) {
        String reason = reasonNotVerified(r);
        if (reason != null) {
            log.error("decision {} (chain {} sequence {}) does not verify: {}", r.decision().id(), r.chainId(), r.chainSeq(), reason);
            count();
        }
        return new Integrity(reason == null, r.keyId(), reason);
    }

    private String reasonNotVerified(DecisionRecord r) {
        if (r.keyId() != null && !keys.knows(r.keyId())) {
            return "signed with unknown key " + r.keyId();
        }
        if (!r.verifies(keys)) {
            return "the record does not match its MAC: it was changed after it was written";
        }
        Optional<ChainMark> head = store.findHead(r.chainId());
        if (head.isEmpty()) {
            return "its chain has no signed head";
        }
        if (!head.get().verifies(keys)) {
            return "its chain's signed head does not verify";
        }
        if (r.chainSeq() > head.get().seq()) {
            return "it lies beyond its chain's signed head";
        }
        if (r.chainSeq() == head.get().seq() && !r.recordHash().equals(head.get().hash())) {
            return "it differs from its chain's signed head";
        }
        if (r.chainSeq() > 1) {
            Optional<DecisionRecord> before = store.findBySeq(r.chainId(), r.chainSeq() - 1);
            if (before.isEmpty() || !Objects.equals(before.get().recordHash(), r.prevHash())) {
                return "the record before it (" + (r.chainSeq() - 1) + ") is missing or differs";
            }
        }
        if (r.chainSeq() < head.get().seq()) {
            Optional<DecisionRecord> after = store.findBySeq(r.chainId(), r.chainSeq() + 1);
            if (after.isEmpty() || !Objects.equals(after.get().prevHash(), r.recordHash())) {
                return "the record after it (" + (r.chainSeq() + 1) + ") is missing or does not link to it";
            }
        }
        return null;
    }

    /**
     * Signs a head for each chain of records written before keys were configured (plain SHA-256), after checking its
     * links: from then on removing or re-forging those records is noticed too. A chain that is already broken is not
     * signed (verification keeps reporting it).
     */
    public int adoptLegacyChains() {
        int adopted = 0;
        for (UUID chain : store.unsignedLegacyChains()) {
            Scan scan = new Scan(chain, 0, null, List.of());
            snapshot.executeWithoutResult(s -> scan.run(Long.MAX_VALUE));
            if (scan.broken != null || scan.keyed == null || scan.keyed) {
                log.error("legacy decision chain {} is not adopted: {}", chain, scan.broken == null ? "mixed keys" : scan.broken.reason());
                continue;
            }
            ChainMark head = ChainMark.sign(keys, ChainMark.Kind.HEAD, chain, scan.lastSeq, scan.lastHash, scan.lastSeq, OffsetDateTime.now());
            new TransactionTemplate(snapshot.getTransactionManager()).executeWithoutResult(s -> store.saveHead(head, "adopted-legacy"));
            log.info("legacy decision chain {} adopted: {} records, head {} signed with key {}", chain, scan.lastSeq, head.hash(), head.keyId());
            adopted++;
        }
        return adopted;
    }

    private void count() {
        if (breaks != null) {
            breaks.increment();
        }
    }
}
