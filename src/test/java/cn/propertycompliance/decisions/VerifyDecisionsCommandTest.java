package cn.propertycompliance.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.support.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The auditor's command: the database URL and the key are all it needs; its exit status says INTACT or BROKEN. */
class VerifyDecisionsCommandTest {

    private static final String SECRET = "test-chain-key-k1-0123456789abcdef";

    private record Run(int status, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = VerifyDecisionsCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void intactIsExitZeroAnEditIsExitOneWithTheSequence() throws Exception {
        String url = TestPostgres.freshSchemaUrl();
        DriverManagerDataSource ds = new DriverManagerDataSource(url);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        DecisionWriter writer = new DecisionWriter(new DecisionStore(jdbc), new TransactionTemplate(new DataSourceTransactionManager(ds)),
                DecisionWriterTest.KEYS, 64, 100, Duration.ofSeconds(10), Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            writer.submit(ChainVerificationTest.draft(OffsetDateTime.now(), "COMPLIANT")).get(10, TimeUnit.SECONDS);
        }
        writer.close();

        Run intact = run(Map.of("COMPLIANCE_DECISIONS_CHAIN_KEYS_K1", SECRET), "--url", url, "--from", "2020-01-01");
        assertThat(intact.status()).as(intact.err()).isZero();
        assertThat(intact.out()).contains("\"status\" : \"INTACT\"").contains("\"checked\" : 5");

        jdbc.update("update decision set outcome = 'NON_COMPLIANT' where chain_seq = 4");
        Run broken = run(Map.of(), "--url", url, "--key", "k1=" + SECRET);
        assertThat(broken.status()).isEqualTo(1);
        assertThat(broken.out()).contains("\"status\" : \"BROKEN\"").contains("\"sequence\" : 4");

        Run wrongKey = run(Map.of("COMPLIANCE_DECISIONS_CHAIN_KEYS_K1", "a-different-secret-of-enough-length-000"), "--url", url);
        assertThat(wrongKey.status()).isEqualTo(1);
    }

    @Test
    void withoutAUrlOrAKeyItSaysWhatIsMissing() {
        Run noKey = run(Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:1/none"));
        assertThat(noKey.status()).isEqualTo(2);
        assertThat(noKey.err()).contains("chain key is needed");
        Run noUrl = run(Map.of(), "--key", "k1=" + SECRET);
        assertThat(noUrl.status()).isEqualTo(2);
        assertThat(noUrl.err()).contains("database URL is needed");
        Run badDate = run(Map.of(), "--url", "jdbc:x", "--key", "k1=" + SECRET, "--from", "yesterday");
        assertThat(badDate.status()).isEqualTo(2);
    }
}
