package cn.propertycompliance.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.support.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tampering with stored decisions on PostgreSQL, as an insider with SQL access but without the chain key would:
 * each change is reported BROKEN at the sequence where it happened, and an untouched chain is INTACT.
 */
class ChainVerificationTest {

    private static final ChainKeys KEYS = DecisionWriterTest.KEYS;
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));

    private JdbcTemplate jdbc;
    private DecisionStore store;
    private DecisionWriter writer;
    private ChainVerifier verifier;
    private SimpleMeterRegistry meters;
    private final List<DecisionRecord> written = new ArrayList<>();

    /** 20 records received a few milliseconds apart, each its own commit with a checkpoint (interval 0). */
    private void twentyRecords() throws Exception {
        DriverManagerDataSource ds = new DriverManagerDataSource(TestPostgres.freshSchemaUrl());
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
        store = new DecisionStore(jdbc);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        writer = new DecisionWriter(store, tx, KEYS, 64, 1000, Duration.ofSeconds(10), Duration.ZERO);
        meters = new SimpleMeterRegistry();
        verifier = new ChainVerifier(store, tx, KEYS, meters);
        for (int i = 0; i < 20; i++) {
            written.add(writer.submit(draft(OffsetDateTime.now(), i % 2 == 0 ? "COMPLIANT" : "NON_COMPLIANT")).get(10, TimeUnit.SECONDS));
            Thread.sleep(5);
        }
    }

    static Decision draft(OffsetDateTime at, String outcome) {
        return new Decision(UUID.randomUUID(), at, null, "a".repeat(64), "620402", LocalDate.parse("2026-11-01"),
                "sha256:test", outcome, 42, "{\"x\":1}", "{\"outcome\":\"" + outcome + "\"}", "");
    }

    @AfterEach
    void close() throws InterruptedException {
        if (writer != null) {
            writer.close();
        }
    }

    private DecisionRecord seq(long n) {
        return written.get((int) n - 1);
    }

    private double breaksCounted() {
        return meters.counter("compliance.decisions.chain.breaks").count();
    }

    @Test
    void anUntouchedChainIsIntactAndEveryRecordVerifies() throws Exception {
        twentyRecords();
        ChainVerifier.Result r = verifier.verify(null, null);
        assertThat(r.status()).isEqualTo(ChainVerifier.Status.INTACT);
        assertThat(r.checked()).isEqualTo(20);
        assertThat(r.firstBroken()).isNull();
        assertThat(verifier.verifyOne(store.findById(seq(20).decision().id()).orElseThrow()).verified()).isTrue();
        assertThat(verifier.verifyOne(store.findById(seq(7).decision().id()).orElseThrow()).verified()).isTrue();
        assertThat(breaksCounted()).isZero();
    }

    @Test
    void anUpdatedOutcomeIsBrokenAtThatRecord() throws Exception {
        twentyRecords();
        jdbc.update("update decision set outcome = 'COMPLIANT', response_json = '{\"outcome\":\"COMPLIANT\"}' where id = ?",
                seq(8).decision().id());
        ChainVerifier.Result r = verifier.verify(null, null);
        assertThat(r.status()).isEqualTo(ChainVerifier.Status.BROKEN);
        assertThat(r.firstBroken().sequence()).isEqualTo(8);
        assertThat(r.firstBroken().decisionId()).isEqualTo(seq(8).decision().id());
        assertThat(r.firstBroken().reason()).contains("changed");
        assertThat(r.checked()).isEqualTo(7);
        ChainVerifier.Integrity one = verifier.verifyOne(store.findById(seq(8).decision().id()).orElseThrow());
        assertThat(one.verified()).isFalse();
        assertThat(breaksCounted()).isEqualTo(2); // the period check and the single read each count it
    }

    @Test
    void aReforgedLastRecordIsBrokenAtTheLastSequence() throws Exception {
        twentyRecords();
        // The forger rewrites the outcome and recomputes the hash as the old unkeyed chain allowed (and, for good
        // measure, a MAC under a key of their own): neither matches without the chain key.
        DecisionRecord last = store.findById(seq(20).decision().id()).orElseThrow();
        Decision d = last.decision();
        Decision forged = new Decision(d.id(), d.receivedAt(), d.requestId(), d.requestHash(), d.region(), d.asOf(), d.releaseId(),
                "COMPLIANT", d.durationMicros(), d.requestJson(), "{\"outcome\":\"COMPLIANT\"}", d.client());
        DecisionRecord reforged = new DecisionRecord(forged, last.chainId(), last.chainSeq(), last.prevHash(), null, "k1");
        ChainKeys guessed = new ChainKeys("k1", Map.of("k1", "the-forgers-own-key-0123456789abcdef"));
        jdbc.update("update decision set outcome = 'COMPLIANT', response_json = ?, record_hash = ? where id = ?",
                forged.responseJson(), guessed.mac("k1", reforged.macContent()), d.id());
        ChainVerifier.Result r = verifier.verify(null, null);
        assertThat(r.status()).isEqualTo(ChainVerifier.Status.BROKEN);
        assertThat(r.firstBroken().sequence()).isEqualTo(20);
        assertThat(r.firstBroken().decisionId()).isEqualTo(d.id());
        // Re-forging it as an unkeyed legacy record instead is no way out either.
        jdbc.update("update decision set key_id = null, record_hash = ? where id = ?",
                DecisionWriter.sha256(new DecisionRecord(forged, last.chainId(), last.chainSeq(), last.prevHash(), null, null)
                        .hashedContent()), d.id());
        assertThat(verifier.verify(null, null).firstBroken().sequence()).isEqualTo(20);
    }

    @Test
    void recordsDeletedAtTheEndAreBrokenAtTheFirstMissingSequence() throws Exception {
        twentyRecords();
        jdbc.update("delete from decision where chain_seq >= 18");
        ChainVerifier.Result r = verifier.verify(null, null);
        assertThat(r.status()).isEqualTo(ChainVerifier.Status.BROKEN);
        assertThat(r.firstBroken().sequence()).isEqualTo(18);
        assertThat(r.firstBroken().decisionId()).isNull();
        assertThat(r.firstBroken().reason()).contains("18–20 are missing");
        assertThat(r.checked()).isEqualTo(17);
        // The newest remaining record no longer matches the signed head either.
        assertThat(verifier.verifyOne(store.findById(seq(17).decision().id()).orElseThrow()).verified()).isFalse();
    }

    @Test
    void truncatingTheTailAndTheCheckpointsDoesNotHideIt() throws Exception {
        twentyRecords();
        jdbc.update("delete from decision where chain_seq >= 18");
        jdbc.update("delete from decision_checkpoint where chain_seq >= 18");
        // Without the key the head cannot be moved back to 17: a copied checkpoint is signed as one, not as a head.
        jdbc.update("update decision_chain_head set chain_seq = c.chain_seq, head_hash = c.head_hash, record_count = c.record_count, "
                + "signed_at = c.signed_at, key_id = c.key_id, mac = c.mac from decision_checkpoint c "
                + "where c.chain_id = decision_chain_head.chain_id and c.chain_seq = 17");
        ChainVerifier.Result r = verifier.verify(null, null);
        assertThat(r.status()).isEqualTo(ChainVerifier.Status.BROKEN);
        assertThat(r.firstBroken().reason()).contains("head");
    }

    @Test
    void recordsDeletedInTheMiddleAreBrokenAtTheFirstMissingSequence() throws Exception {
        twentyRecords();
        jdbc.update("delete from decision where chain_seq in (9, 10)");
        ChainVerifier.Result r = verifier.verify(null, null);
        assertThat(r.status()).isEqualTo(ChainVerifier.Status.BROKEN);
        assertThat(r.firstBroken().sequence()).isEqualTo(9);
        assertThat(r.firstBroken().reason()).contains("9–10 are missing");
        assertThat(verifier.verifyOne(store.findById(seq(11).decision().id()).orElseThrow()).reason()).contains("before it");
    }

    @Test
    void aPeriodIsCheckedFromTheCheckpointBeforeItAndANeighbouringGapIsOutsideIt() throws Exception {
        twentyRecords();
        jdbc.update("delete from decision where chain_seq = 15");
        OffsetDateTime from = seq(6).decision().receivedAt();
        OffsetDateTime to = seq(11).decision().receivedAt();
        ChainVerifier.Result period = verifier.verify(from, to); // records 6–10, checked up to the checkpoint after the period
        assertThat(period.status()).isEqualTo(ChainVerifier.Status.INTACT);
        assertThat(period.chains().get(0).fromSeq()).isEqualTo(6);
        assertThat(period.checked()).isBetween(5L, 6L);
        assertThat(verifier.verify(to, null).firstBroken().sequence()).isEqualTo(15);
        // Records removed at either edge of a period are noticed: checkpoints signed before and after it anchor them.
        jdbc.update("delete from decision where chain_seq in (6, 10)");
        assertThat(verifier.verify(from, to).firstBroken().sequence()).isEqualTo(6);
        jdbc.update("delete from decision where chain_seq in (7, 8, 9)");
        assertThat(verifier.verify(from, to).firstBroken().sequence()).isEqualTo(6);
    }

    @Test
    void twoWritersKeepTwoChainsAndABreakNamesItsChain() throws Exception {
        twentyRecords();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        DecisionWriter replica = new DecisionWriter(store, tx, KEYS, 64, 1000, Duration.ofSeconds(10), Duration.ZERO);
        try {
            List<DecisionRecord> other = new ArrayList<>();
            for (int i = 0; i < 5; i++) { // interleaved with the first writer, as two replicas on one database
                other.add(replica.submit(draft(OffsetDateTime.now(), "COMPLIANT")).get(10, TimeUnit.SECONDS));
                writer.submit(draft(OffsetDateTime.now(), "COMPLIANT")).get(10, TimeUnit.SECONDS);
            }
            ChainVerifier.Result intact = verifier.verify(null, null);
            assertThat(intact.status()).isEqualTo(ChainVerifier.Status.INTACT);
            assertThat(intact.chains()).hasSize(2);
            assertThat(intact.checked()).isEqualTo(30);
            jdbc.update("delete from decision where id = ?", other.get(4).decision().id());
            ChainVerifier.Result r = verifier.verify(null, null);
            assertThat(r.firstBroken().chainId()).isEqualTo(replica.chainId());
            assertThat(r.firstBroken().sequence()).isEqualTo(5);
            assertThat(r.chains()).filteredOn(c -> c.chainId().equals(writer.chainId()))
                    .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(ChainVerifier.Status.INTACT));
        } finally {
            replica.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"k1", "k2"})
    void aRotatedKeyStillVerifiesTheOlderRecords(String verifyWith) throws Exception {
        twentyRecords();
        writer.close();
        ChainKeys rotated = new ChainKeys("k2", Map.of("k1", "test-chain-key-k1-0123456789abcdef", "k2", "test-chain-key-k2-fedcba9876543210"));
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        writer = new DecisionWriter(store, tx, rotated, 64, 1000, Duration.ofSeconds(10), Duration.ZERO);
        writer.submit(draft(T0.plusHours(1), "COMPLIANT")).get(10, TimeUnit.SECONDS);
        assertThat(jdbc.queryForList("select distinct key_id from decision order by key_id", String.class)).containsExactly("k1", "k2");
        assertThat(new ChainVerifier(store, tx, rotated, null).verify(null, null).status()).isEqualTo(ChainVerifier.Status.INTACT);
        // Dropping a key that still has records makes them unverifiable, and says so.
        ChainKeys onlyOne = new ChainKeys(null, Map.of(verifyWith, verifyWith.equals("k1") ? "test-chain-key-k1-0123456789abcdef"
                : "test-chain-key-k2-fedcba9876543210"));
        ChainVerifier.Result r = new ChainVerifier(store, tx, onlyOne, null).verify(null, null);
        assertThat(r.status()).isEqualTo(ChainVerifier.Status.BROKEN);
        assertThat(r.firstBroken().reason()).contains("unknown key");
    }

    @Test
    void legacyUnkeyedRecordsAreAdoptedUnderASignedHead() throws Exception {
        DriverManagerDataSource ds = new DriverManagerDataSource(TestPostgres.freshSchemaUrl());
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("3").load().migrate();
        jdbc = new JdbcTemplate(ds);
        UUID chain = UUID.randomUUID();
        String prev = null;
        for (int i = 1; i <= 3; i++) { // as the writer before keys wrote them: SHA-256 over content and link
            Decision d = draft(T0.plusMinutes(i), "COMPLIANT");
            DecisionRecord r = new DecisionRecord(d, chain, i, prev, null, null);
            String hash = DecisionWriter.sha256(r.hashedContent());
            jdbc.update("insert into decision (id, received_at, request_id, request_hash, region, as_of, release_id, outcome, "
                    + "duration_micros, request_json, response_json, chain_id, chain_seq, prev_hash, record_hash, client) "
                    + "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", d.id(), d.receivedAt(), null, d.requestHash(), d.region(), d.asOf(),
                    d.releaseId(), d.outcome(), d.durationMicros(), d.requestJson(), d.responseJson(), chain, i, prev, hash, "");
            prev = hash;
        }
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        store = new DecisionStore(jdbc);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        verifier = new ChainVerifier(store, tx, KEYS, null);
        assertThat(verifier.verify(null, null).firstBroken().reason()).contains("no signed head");
        assertThat(verifier.adoptLegacyChains()).isEqualTo(1);
        assertThat(verifier.verify(null, null).status()).isEqualTo(ChainVerifier.Status.INTACT);
        jdbc.update("delete from decision where chain_seq = 3");
        assertThat(verifier.verify(null, null).firstBroken().sequence()).isEqualTo(3);
    }
}
