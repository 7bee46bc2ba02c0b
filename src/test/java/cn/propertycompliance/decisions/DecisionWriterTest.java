package cn.propertycompliance.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.support.TestPostgres;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Group commit on both databases: every record a caller was told is committed is in the table, chained in order. */
class DecisionWriterTest {

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
        return new Db(jdbc, store, new DecisionWriter(store, new TransactionTemplate(new DataSourceTransactionManager(ds)), 64, 10_000));
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
                assertThat(DecisionWriter.sha256(stored.hashedContent())).isEqualTo(stored.recordHash()); // re-hashes from the row
            }
            List<Map<String, Object>> chain = db.jdbc().queryForList(
                    "select chain_seq, prev_hash, record_hash from decision order by chain_seq");
            for (int i = 1; i < chain.size(); i++) {
                assertThat(((String) chain.get(i).get("prev_hash")).strip())
                        .isEqualTo(((String) chain.get(i - 1).get("record_hash")).strip());
            }
            DecisionRecord any = records.get(123);
            assertThat(any.recordHash()).isEqualTo(DecisionWriter.sha256(any.hashedContent()));
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
            assertThat(DecisionWriter.sha256(new DecisionRecord(hubei.decision(), hubei.chainId(), hubei.chainSeq(),
                    hubei.prevHash(), "").hashedContent())).isEqualTo(hubei.recordHash());
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
}
