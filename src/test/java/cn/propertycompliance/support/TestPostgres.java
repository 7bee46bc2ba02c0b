package cn.propertycompliance.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A real PostgreSQL for tests: the server named by COMPLIANCE_TEST_POSTGRES_URL when set (CI points it at the local
 * PostgreSQL 15; the tests then fail, never skip, if it is unreachable), otherwise an embedded PostgreSQL started
 * once per test JVM. Each caller gets a fresh schema, so runs never see each other's rows.
 */
public final class TestPostgres {

    public static final String URL_VARIABLE = "COMPLIANCE_TEST_POSTGRES_URL";
    private static String baseUrl;

    private TestPostgres() {
    }

    /** A JDBC URL whose currentSchema is a new, empty schema. */
    /** Points a Spring test's datasource at a fresh schema ({@code @DynamicPropertySource}). */
    public static void useFreshSchema(org.springframework.test.context.DynamicPropertyRegistry registry) {
        String url = freshSchemaUrl();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "");
        registry.add("spring.datasource.password", () -> "");
    }

    public static synchronized String freshSchemaUrl() {
        String base = baseUrl();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(base)) {
            c.createStatement().execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + base + " is not usable: " + e.getMessage(), e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static synchronized String baseUrl() {
        if (baseUrl == null) {
            String configured = System.getenv(URL_VARIABLE);
            if (configured != null && !configured.isBlank()) {
                baseUrl = configured;
            } else {
                try {
                    EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                    baseUrl = pg.getJdbcUrl("postgres", "postgres");
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            pg.close();
                        } catch (IOException ignored) {
                            // the JVM is exiting anyway
                        }
                    }));
                } catch (IOException e) {
                    throw new UncheckedIOException("could not start embedded PostgreSQL", e);
                }
            }
        }
        return baseUrl;
    }
}
