package cn.propertycompliance.decisions;

import cn.propertycompliance.evaluation.RequestParser;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An auditor's check of the decision records, with nothing but the database URL and the chain keys — no running
 * service, no rules. Prints the same JSON as {@code GET /api/v1/decisions/verification}; exit status 0 = INTACT,
 * 1 = BROKEN, 2 = could not check (usage, database, key).
 *
 * <pre>
 * COMPLIANCE_DECISIONS_CHAIN_KEYS_K2026A='…' ./mvnw -q compile exec:java \
 *   -Dexec.mainClass=cn.propertycompliance.decisions.VerifyDecisionsCommand \
 *   -Dexec.args="--url jdbc:postgresql://db:5432/compliance?user=auditor --from 2026-11-01 --to 2026-12-01"
 * </pre>
 * Keys come from {@code COMPLIANCE_DECISIONS_CHAIN_KEYS_<ID>} variables (as the service reads them) or
 * {@code --key id=secret}; the URL from {@code --url} or {@code SPRING_DATASOURCE_URL}.
 */
public final class VerifyDecisionsCommand {

    private static final String KEY_VARIABLE = "COMPLIANCE_DECISIONS_CHAIN_KEYS_";

    private VerifyDecisionsCommand() {
    }

    public static void main(String[] args) {
        // stdout is the JSON answer (for jq and scripts); what the logs would say is in it, or on stderr.
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.OFF);
        }
        System.exit(run(args, System.getenv(), new PrintStream(System.out, true, StandardCharsets.UTF_8), System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String url = env.get("SPRING_DATASOURCE_URL");
        String user = env.get("SPRING_DATASOURCE_USERNAME");
        String password = env.get("SPRING_DATASOURCE_PASSWORD");
        String from = null;
        String to = null;
        Map<String, String> keys = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(KEY_VARIABLE) && name.length() > KEY_VARIABLE.length()) {
                keys.put(name.substring(KEY_VARIABLE.length()).toLowerCase(Locale.ROOT), value);
            }
        });
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--url" -> url = next(a, v);
                    case "--user" -> user = next(a, v);
                    case "--password" -> password = next(a, v);
                    case "--from" -> from = next(a, v);
                    case "--to" -> to = next(a, v);
                    case "--key" -> {
                        String kv = next(a, v);
                        int eq = kv.indexOf('=');
                        if (eq < 1) {
                            throw new IllegalArgumentException("--key needs id=secret");
                        }
                        keys.put(kv.substring(0, eq).toLowerCase(Locale.ROOT), kv.substring(eq + 1));
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + a);
                }
                i++;
            }
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("the database URL is needed: --url jdbc:postgresql://… or SPRING_DATASOURCE_URL");
            }
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("a chain key is needed: " + KEY_VARIABLE + "<ID>=secret or --key id=secret");
            }
            OffsetDateTime start = ChainVerifier.periodBound(from);
            OffsetDateTime end = ChainVerifier.periodBound(to);
            DriverManagerDataSource ds = new DriverManagerDataSource(url);
            if (user != null) {
                ds.setUsername(user);
            }
            if (password != null) {
                ds.setPassword(password);
            }
            ChainVerifier verifier = new ChainVerifier(new DecisionStore(new JdbcTemplate(ds)),
                    new TransactionTemplate(new DataSourceTransactionManager(ds)), new ChainKeys(null, keys), null);
            ChainVerifier.Result result = verifier.verify(start, end);
            out.println(RequestParser.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
            return result.status() == ChainVerifier.Status.INTACT ? 0 : 1;
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            err.println("verify-decisions: " + e.getMessage());
            err.println("usage: --url JDBC_URL [--user U --password P] [--from DATE|INSTANT] [--to DATE|INSTANT] [--key id=secret]…");
            return 2;
        } catch (RuntimeException e) {
            err.println("verify-decisions: could not check: " + e.getMessage());
            return 2;
        }
    }

    private static String next(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
