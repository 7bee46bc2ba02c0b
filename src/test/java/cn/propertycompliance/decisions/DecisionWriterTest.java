package cn.propertycompliance.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.support.TestPostgres;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** Group commit on both databases: every record a caller was told is committed is in the table, chained in order. */
class DecisionWriterTest {

    static final ChainKeys KEYS = new ChainKeys("k1", Map.of("k1", "test-chain-key-k1-0123456789abcdef"));

    private record Db(JdbcTemplate jdbc, DecisionStore store, DecisionWriter writer) {
    }

    private static Db open(String which) {
        String url = which.equals("h2")
                ? "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"
                : TestPostgres.freshSchemaUrl();
        DriverManagerDataSource ds = new DriverManagerDataSource(url);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        DecisionStore store = new DecisionStore(jdbc);
        return new Db(jdbc, store, new DecisionWriter(store, new TransactionTemplate(new DataSourceTransactionManager(ds)), KEYS,
                64, 10_000, Duration.ofSeconds(10), Duration.ofMinutes(1)));
    }

    private static Decision draft(String requestId, String outcome) {
        return draft("", requestId, outcome);
    }

    private static Decision draft(String client, String requestId, String outcome) {
        return new Decision(UUID.randomUUID(), OffsetDateTime.now(), requestId, "a".repeat(64), "620402",
                LocalDate.parse("2026-11-01"), "sha256:test", outcome, 42, "{\"x\":1}", "{\"outcome\":\"" + outcome + "\"}",
                client);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void concurrentSubmissionsAreAllCommittedAndChained(String which) throws Exception {
        Db db = open(which);
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<DecisionRecord>> futures = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                futures.add(CompletableFuture.supplyAsync(() -> db.writer().submit(draft(null, "COMPLIANT")), callers)
                        .thenCompose(f -> f));
            }
            List<DecisionRecord> records = new ArrayList<>();
            for (CompletableFuture<DecisionRecord> f : futures) {
                records.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(db.store().count()).isEqualTo(500);
            for (DecisionRecord r : records) {
                DecisionRecord stored = db.store().findById(r.decision().id()).orElseThrow();
                assertThat(stored.recordHash()).isEqualTo(r.recordHash());
                assertThat(stored.verifies(KEYS)).isTrue(); // the row re-computes to its MAC
                assertThat(stored.keyId()).isEqualTo("k1");
            }
            List<Map<String, Object>> chain = db.jdbc().queryForList(
                    "select chain_seq, prev_hash, record_hash from decision order by chain_seq");
            for (int i = 1; i < chain.size(); i++) {
                assertThat(((String) chain.get(i).get("prev_hash")).strip())
                        .isEqualTo(((String) chain.get(i - 1).get("record_hash")).strip());
            }
            DecisionRecord any = records.get(123);
            assertThat(any.recordHash()).isEqualTo(KEYS.mac("k1", any.macContent()));
            assertThat(any.verifies(new ChainKeys(null, Map.of("k1", "another-key-of-the-same-length-0123")))).isFalse();
        } finally {
            callers.shutdown();
            db.writer().close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDuplicateRequestIdFailsAloneAndTheRestOfItsBatchIsCommitted(String which) throws Exception {
        Db db = open(which);
        try {
            db.writer().submit(draft("same-id", "COMPLIANT")).get(10, TimeUnit.SECONDS);
            List<CompletableFuture<DecisionRecord>> batch = List.of(
                    db.writer().submit(draft("other-1", "COMPLIANT")),
                    db.writer().submit(draft("same-id", "NON_COMPLIANT")),
                    db.writer().submit(draft("other-2", "COMPLIANT")));
            assertThat(batch.get(0).get(10, TimeUnit.SECONDS).decision().requestId()).isEqualTo("other-1");
            assertThat(batch.get(2).get(10, TimeUnit.SECONDS).decision().requestId()).isEqualTo("other-2");
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> batch.get(1).get(10, TimeUnit.SECONDS));
            assertThat(e.getCause()).isInstanceOf(DuplicateRequestIdException.class);
            assertThat(db.store().count()).isEqualTo(3);
            assertThat(db.store().findByRequestId("", "same-id").orElseThrow().decision().outcome()).isEqualTo("COMPLIANT");
        } finally {
            db.writer().close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRequestIdIsOneClientsSoTwoPlatformsMayUseTheSameOne(String which) throws Exception {
        Db db = open(which);
        try {
            db.writer().submit(draft("liaoning-platform", "req-1", "COMPLIANT")).get(10, TimeUnit.SECONDS);
            db.writer().submit(draft("hubei-platform", "req-1", "NON_COMPLIANT")).get(10, TimeUnit.SECONDS);
            assertThat(db.store().findByRequestId("liaoning-platform", "req-1").orElseThrow().decision().outcome()).isEqualTo("COMPLIANT");
            DecisionRecord hubei = db.store().findByRequestId("hubei-platform", "req-1").orElseThrow();
            assertThat(hubei.decision().outcome()).isEqualTo("NON_COMPLIANT");
            assertThat(hubei.decision().client()).isEqualTo("hubei-platform");
            // The client is part of what the chain hashes: a stored row re-hashes to its own hash.
            assertThat(hubei.verifies(KEYS)).isTrue();
            assertThat(new DecisionRecord(new Decision(hubei.decision().id(), hubei.decision().receivedAt(), "req-1",
                    hubei.decision().requestHash(), "620402", hubei.decision().asOf(), hubei.decision().releaseId(),
                    hubei.decision().outcome(), hubei.decision().durationMicros(), hubei.decision().requestJson(),
                    hubei.decision().responseJson(), "liaoning-platform"), hubei.chainId(), hubei.chainSeq(), hubei.prevHash(),
                    hubei.recordHash(), hubei.keyId()).verifies(KEYS)).isFalse();
            assertThat(db.store().findByRequestId("", "req-1")).isEmpty();
        } finally {
            db.writer().close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void whenTheDatabaseFailsNothingIsHalfWrittenAndTheCallerIsTold(String which) throws Exception {
        Db db = open(which);
        try {
            db.jdbc().execute("alter table decision rename to decision_gone");
            CompletableFuture<DecisionRecord> f = db.writer().submit(draft(null, "COMPLIANT"));
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
            assertThat(e.getCause()).isInstanceOf(DecisionNotRecordedException.class);
            db.jdbc().execute("alter table decision_gone rename to decision");
            assertThat(db.store().count()).isZero();
            DecisionRecord next = db.writer().submit(draft(null, "COMPLIANT")).get(10, TimeUnit.SECONDS);
            assertThat(next.chainSeq()).isEqualTo(1); // the failed record did not consume a chain position
        } finally {
            db.writer().close();
        }
    }

    /** A transaction manager whose next commit or rollback fails the way a dropped connection makes it fail. */
    static final class FlakyTransactions extends DataSourceTransactionManager {
        enum Fault { NONE, COMMIT_LOST_BEFORE, COMMIT_LOST_AFTER, ROLLBACK_FAILS }

        volatile Fault next = Fault.NONE;

        FlakyTransactions(javax.sql.DataSource ds) {
            super(ds);
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            Fault f = next;
            if (f == Fault.COMMIT_LOST_BEFORE) {
                next = Fault.NONE;
                super.doRollback(status); // what the server does with a transaction whose commit never arrived
                throw new TransactionSystemException("I/O error: the commit never reached the server");
            }
            super.doCommit(status);
            if (f == Fault.COMMIT_LOST_AFTER) {
                next = Fault.NONE;
                throw new TransactionSystemException("I/O error: the server's answer to the commit was lost");
            }
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            super.doRollback(status);
            if (next == Fault.ROLLBACK_FAILS) {
                next = Fault.NONE;
                throw new TransactionSystemException("I/O error during rollback");
            }
        }
    }

    private record Flaky(JdbcTemplate jdbc, DecisionStore store, DecisionWriter writer, FlakyTransactions tx, ChainVerifier verifier) {
    }

    private static Flaky flaky() {
        DriverManagerDataSource ds = new DriverManagerDataSource(TestPostgres.freshSchemaUrl());
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        DecisionStore store = new DecisionStore(jdbc);
        FlakyTransactions tx = new FlakyTransactions(ds);
        return new Flaky(jdbc, store, new DecisionWriter(store, new TransactionTemplate(tx), KEYS, 64, 1000, Duration.ofSeconds(5),
                Duration.ofMinutes(1)), tx, new ChainVerifier(store, new TransactionTemplate(tx), KEYS, null));
    }

    @Test
    void aCommitThatHappenedThoughItReportedFailureAnswersWithTheDecision() throws Exception {
        Flaky db = flaky();
        try {
            db.writer().submit(draft(null, "COMPLIANT")).get(10, TimeUnit.SECONDS);
            db.tx().next = FlakyTransactions.Fault.COMMIT_LOST_AFTER;
            DecisionRecord second = db.writer().submit(draft(null, "NON_COMPLIANT")).get(10, TimeUnit.SECONDS);
            assertThat(second.chainSeq()).isEqualTo(2);
            assertThat(db.writer().submit(draft(null, "COMPLIANT")).get(10, TimeUnit.SECONDS).chainSeq()).isEqualTo(3);
            assertThat(db.store().count()).isEqualTo(3);
            assertThat(db.verifier().verify(null, null).status()).isEqualTo(ChainVerifier.Status.INTACT);
        } finally {
            db.writer().close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"COMMIT_LOST_BEFORE", "ROLLBACK_FAILS"})
    void aFailedCommitOrRollbackIsNotRecordedAndLeavesNoFalseBreak(String fault) throws Exception {
        Flaky db = flaky();
        try {
            db.writer().submit(draft(null, "COMPLIANT")).get(10, TimeUnit.SECONDS);
            if (fault.equals("ROLLBACK_FAILS")) {
                db.jdbc().execute("alter table decision rename to decision_gone"); // the insert fails, then the rollback
            }
            db.tx().next = FlakyTransactions.Fault.valueOf(fault);
            CompletableFuture<DecisionRecord> f = db.writer().submit(draft(null, "NON_COMPLIANT"));
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
            assertThat(e.getCause()).isInstanceOf(DecisionNotRecordedException.class);
            if (fault.equals("ROLLBACK_FAILS")) {
                db.jdbc().execute("alter table decision_gone rename to decision");
            }
            assertThat(db.store().count()).isEqualTo(1);
            assertThat(db.writer().submit(draft(null, "COMPLIANT")).get(10, TimeUnit.SECONDS).chainSeq()).isEqualTo(2);
            ChainVerifier.Result r = db.verifier().verify(null, null);
            assertThat(r.status()).isEqualTo(ChainVerifier.Status.INTACT);
            assertThat(r.checked()).isEqualTo(2);
        } finally {
            db.writer().close();
        }
    }

    @Test
    void aDraftStillBeingWrittenAtItsDeadlineIsWithdrawnAndNeverCommitted() throws Exception {
        Flaky db = flaky();
        try (java.sql.Connection blocker = java.sql.DriverManager.getConnection(
                ((DriverManagerDataSource) db.jdbc().getDataSource()).getUrl())) {
            db.writer().submit(draft(null, "COMPLIANT")).get(10, TimeUnit.SECONDS);
            // Another session holds the chain head: the writer's transaction waits in its statements, before any commit.
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table decision_chain_head in access exclusive mode");
            long started = System.nanoTime();
            CompletableFuture<DecisionRecord> f = db.writer().submit(draft(null, "NON_COMPLIANT"), Duration.ofMillis(500));
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
            assertThat(e.getCause()).isInstanceOf(DecisionNotRecordedException.class); // known: it never reached a commit
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2_000);
            blocker.rollback();
            DecisionRecord next = db.writer().submit(draft(null, "COMPLIANT")).get(10, TimeUnit.SECONDS);
            assertThat(next.chainSeq()).isEqualTo(2); // the withdrawn draft took no place in the chain
            assertThat(db.store().count()).isEqualTo(2);
            assertThat(db.verifier().verify(null, null).status()).isEqualTo(ChainVerifier.Status.INTACT);
        } finally {
            db.writer().close();
        }
    }
}
