package io.broadsheet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.broadsheet.BroadsheetApplication;
import io.broadsheet.support.HttpVisitor;
import io.broadsheet.support.TestPostgres;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application is killed with SIGKILL ({@code kill -9}: no shutdown hook, nothing flushed) while editors are
 * publishing: every publish the editor saw acknowledged (the redirect after the POST) is there after a restart on
 * the same data, published, with its revision exactly as typed. The application runs as a separate JVM so that
 * it can really be killed; on H2 in file mode (the default) and on PostgreSQL (the tests' server, which is not
 * killed). Before {@code WRITE_DELAY=0} in the default H2 address, most runs lost some acknowledged publishes.
 */
class CrashDuringPublishingTest {

    static final String ADMIN_PASSWORD = "crash-during-publishing-password";
    static final int PUBLISHERS = 4;
    static final int ACKNOWLEDGED_BEFORE_THE_KILL = 16;
    static final Pattern EDIT_PAGE = Pattern.compile("/admin/articles/(\\d+)/edit$");

    record Story(long id, String headline, String body) {
        String slug() {
            return headline.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        }
    }

    private final HttpVisitor editor = new HttpVisitor();
    private final HttpVisitor reader = new HttpVisitor();

    @Test
    void h2FileModeKeepsEveryAcknowledgedPublish() throws Exception {
        Path data = freshFolder("h2");
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("broadsheet")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        crashWhilePublishingAndRestart(data, List.of(), url, "broadsheet");
    }

    @Test
    @ExtendWith(TestPostgres.Available.class)
    void postgresKeepsEveryAcknowledgedPublish() throws Exception {
        String url = TestPostgres.newDatabase();
        crashWhilePublishingAndRestart(freshFolder("postgres"), List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + TestPostgres.username(),
                "--spring.datasource.password="), url, TestPostgres.username());
    }

    private void crashWhilePublishingAndRestart(Path data, List<String> database, String jdbcUrl, String user)
            throws Exception {
        int port = freePort();
        Process first = start(data, port, database, "first");
        Queue<Story> acknowledged = new ConcurrentLinkedQueue<>();
        int inFlightAtTheKill;
        long medianPublishMillis;
        try {
            awaitReady(first, port, data.resolve("first.log"));
            assertThat(editor.signIn(port, "admin", ADMIN_PASSWORD).statusCode()).isEqualTo(302);
            String csrf = HttpVisitor.csrfToken(editor.get(port, "/admin/articles/new"));

            CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_THE_KILL);
            AtomicBoolean killed = new AtomicBoolean();
            AtomicInteger inFlight = new AtomicInteger();
            Queue<Long> publishMillis = new ConcurrentLinkedQueue<>();
            ExecutorService publishers = Executors.newFixedThreadPool(PUBLISHERS);
            for (int desk = 1; desk <= PUBLISHERS; desk++) {
                int deskNumber = desk;
                publishers.execute(() -> {
                    for (int n = 1; !killed.get(); n++) {
                        String headline = "Burst story " + deskNumber + " " + n;
                        String body = "Filed by desk " + deskNumber + ", story " + n + ".\n\nEvery word must survive.";
                        inFlight.incrementAndGet();
                        long started = System.nanoTime();
                        try {
                            HttpResponse<String> answer = editor.post(port, "/admin/articles",
                                    HttpVisitor.publishForm(csrf, headline, body, "Crash Desk"));
                            Matcher edit = EDIT_PAGE.matcher(answer.headers().firstValue("Location").orElse(""));
                            if (answer.statusCode() == 302 && edit.find()) {
                                acknowledged.add(new Story(Long.parseLong(edit.group(1)), headline, body));
                                publishMillis.add((System.nanoTime() - started) / 1_000_000);
                                enough.countDown();
                            }
                        } catch (Exception refusedOrCut) {
                            // the application is gone: this publish was never acknowledged
                        } finally {
                            inFlight.decrementAndGet();
                        }
                    }
                });
            }
            assertThat(enough.await(180, TimeUnit.SECONDS)).as("publishes acknowledged before the kill").isTrue();
            inFlightAtTheKill = inFlight.get();
            medianPublishMillis = publishMillis.stream().sorted().skip(publishMillis.size() / 2).findFirst().orElse(0L);
            first.destroyForcibly();
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
            killed.set(true);
            publishers.shutdown();
            assertThat(publishers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            first.destroyForcibly();
        }
        // 128 + 9: ended by SIGKILL, not by a shutdown of its own
        assertThat(first.exitValue()).isEqualTo(137);
        // For information only (nothing is asserted on speed): what durability costs a publish.
        System.out.printf("%s: %d publishes acknowledged (median %d ms, %d at a time), %d in flight at the kill%n",
                data.getFileName(), acknowledged.size(), medianPublishMillis, PUBLISHERS, inFlightAtTheKill);

        // Restarted on the same data (in this JVM, which starts it faster than a new one would).
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(BroadsheetApplication.class)
                .run(arguments(data, 0, database).toArray(String[]::new))) {
            int restarted = ((WebServerApplicationContext) second).getWebServer().getPort();
            for (Story story : acknowledged) {
                HttpResponse<String> page = reader.get(restarted, "/articles/" + story.slug());
                assertThat(page.statusCode()).as(story.headline()).isEqualTo(200);
                assertThat(Jsoup.parse(page.body()).select("h1").text()).isEqualTo(story.headline());
                assertThat(page.body()).contains("Every word must survive.");
            }
        }

        // Every revision intact: each acknowledged story has its one revision with exactly what was typed, and no
        // story anywhere lacks the revision its save wrote in the same transaction.
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "")) {
            for (Story story : acknowledged) {
                try (PreparedStatement revisions = connection.prepareStatement("select r.number, r.headline, r.body,"
                        + " r.status, a.status from article_revision r join article a on a.id = r.article_id"
                        + " where r.article_id = ?")) {
                    revisions.setLong(1, story.id());
                    try (ResultSet row = revisions.executeQuery()) {
                        assertThat(row.next()).as("revision of " + story.headline()).isTrue();
                        assertThat(row.getInt(1)).isEqualTo(1);
                        assertThat(row.getString(2)).isEqualTo(story.headline());
                        assertThat(row.getString(3)).isEqualTo(story.body());
                        assertThat(row.getString(4)).isEqualTo("PUBLISHED");
                        assertThat(row.getString(5)).isEqualTo("PUBLISHED");
                        assertThat(row.next()).isFalse();
                    }
                }
            }
            try (Statement statement = connection.createStatement();
                    ResultSet orphans = statement.executeQuery("select count(*) from article a where a.headline"
                            + " like 'Burst story %' and not exists (select 1 from article_revision r"
                            + " where r.article_id = a.id and r.headline = a.headline and r.body = a.body)")) {
                orphans.next();
                assertThat(orphans.getInt(1)).as("stories without their revision").isZero();
            }
        }
    }

    private static Process start(Path data, int port, List<String> database, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                BroadsheetApplication.class.getName()));
        command.addAll(arguments(data, port, database));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve(name + ".log").toFile()).start();
    }

    private static List<String> arguments(Path data, int port, List<String> database) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--broadsheet.data-dir=" + data.toAbsolutePath(),
                "--BROADSHEET_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                "--broadsheet.scheduling.enabled=false",
                "--broadsheet.weather.provider=none",
                "--spring.main.banner-mode=off"));
        arguments.addAll(database);
        return arguments;
    }

    private void awaitReady(Process process, int port, Path log) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                throw new AssertionError("the application ended on start-up:\n" + tail(log));
            }
            try {
                if (reader.get(port, "/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the application was not ready within 180 s:\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static Path freshFolder(String name) throws IOException {
        Path parent = Files.createDirectories(Path.of("target", "crash-during-publishing"));
        return Files.createTempDirectory(parent, name + "-");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
