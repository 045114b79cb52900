package io.broadsheet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * The embedded database, as the site is configured to open it, stays open while the JVM shuts down, until the site
 * closes its connections: H2's default closed it in a shutdown hook of its own the moment shutdown began, and
 * every request still being answered in the graceful shutdown failed ("Database is already closed", a 503).
 */
class EmbeddedDatabaseShutdownTest {

    @TempDir
    Path data;

    /**
     * In a JVM of its own: opens the database at {@code args[0]}, then exits; a shutdown hook standing for the
     * site's graceful shutdown queries it a moment later and prints what it found.
     */
    public static void main(String[] args) throws Exception {
        Connection connection = DriverManager.getConnection(args[0], args[1], args[2]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(300);
                try (Statement statement = connection.createStatement();
                        ResultSet result = statement.executeQuery("select 41 + 1")) {
                    result.next();
                    System.out.println("open: " + result.getInt(1));
                }
                connection.close();
            } catch (Exception e) {
                System.out.println("failed: " + e.getMessage());
            }
        }));
        System.exit(0);
    }

    @Test
    void theSitesDatabaseAnswersAfterShutdownHasBegun() throws Exception {
        Properties site = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        String url = site.getProperty("spring.datasource.url").replace("${broadsheet.data-dir}", data.toString());

        String output = runAlone(url, site.getProperty("spring.datasource.username"),
                site.getProperty("spring.datasource.password"));

        assertThat(output).contains("open: 42").doesNotContain("failed");
    }

    @Test
    void withoutItH2ClosesTheDatabaseAsShutdownBegins() throws Exception {
        // the same check can fail: H2's default, which the site's address turns off
        String output = runAlone("jdbc:h2:file:" + data.resolve("default"), "sa", "");

        assertThat(output).contains("failed").doesNotContain("open: 42");
    }

    private static String runAlone(String url, String user, String password) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedDatabaseShutdownTest.class.getName(), url, user,
                password)).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the JVM exited").isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
