package io.broadsheet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.broadsheet.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, started as the container image starts it: in ahead-of-time mode
 * ({@code -Dspring.aot.enabled=true}, with the bean definitions the build generated), on a fresh data folder,
 * with a small heap. Run by Failsafe after {@code package}; the unit tests run the application the usual way, so
 * this is what shows that the generated start-up code serves every kind of page and keeps the newsroom closed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AheadOfTimeStartIT {

    static final Duration START_PATIENCE = Duration.ofMinutes(3);
    static final String SEED_PATH = "/articles/taliban-overtakes-3-more-major-cities-in-afghanistan-in-push-toward-kabul";

    Path folder;
    Process site;
    Path log;
    int port;

    /** Arguments of this start beyond the fresh data folder (none: the embedded H2 database). */
    List<String> arguments() {
        return List.of();
    }

    /** The JVM that starts the site: the one running the tests. */
    String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The jar to start, made ready in the test's folder: the packaged one as it is. */
    Path jar(Path folder) throws Exception {
        return packagedJar();
    }

    /** JVM options of this start beyond ahead-of-time mode and the small heap. */
    List<String> jvmOptions() {
        return List.of();
    }

    static Path packagedJar() {
        Path jar = Paths.get(System.getProperty("broadsheet.jar", "target/broadsheet-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the packaged jar").exists();
        return jar;
    }

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        this.folder = folder;
        Path jar = jar(folder);
        port = freePort();
        log = folder.resolve("site.log");
        List<String> command = new ArrayList<>(List.of(java(), "-Dspring.aot.enabled=true", "-Xmx256m",
                "-Xlog:class+load=info:file=" + folder.resolve("classes.log")));
        command.addAll(jvmOptions());
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                "--broadsheet.data-dir=" + folder.resolve("data"),
                "--broadsheet.weather.provider=none", "--broadsheet.scheduling.enabled=false",
                "--broadsheet.search.initial-indexing=wait"));
        command.addAll(arguments());
        site = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (!serves()) {
            assertThat(site.isAlive()).as("the site stopped while starting:\n%s", tail()).isTrue();
            assertThat(System.nanoTime()).as("no page within %s:\n%s", START_PATIENCE, tail()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (site != null) {
            site.destroy();
            if (!site.waitFor(30, TimeUnit.SECONDS)) {
                site.destroyForcibly();
            }
        }
    }

    @Test
    void startsFromTheGeneratedCode() throws IOException {
        assertThat(Files.readString(log)).contains("Starting AOT-processed BroadsheetApplication");
    }

    @Test
    void usesTheEntityClassesTheBuildMade() throws IOException {
        // speed/PrebuiltHibernateClasses: from the jar (or the AOT cache made from it), not made by Byte Buddy at start
        String loaded = Files.readString(folder.resolve("classes.log"));
        for (String entity : List.of("article.Article", "section.Section", "section.Tag", "security.Staff")) {
            for (String made : List.of("$HibernateProxy", "$HibernateInstantiator")) {
                String name = "io.broadsheet." + entity + made;
                assertThat(loaded).as(name).contains(name + " source: ")
                        .doesNotContain(name + " source: __JVM_LookupDefineClass__");
            }
        }
    }

    @Test
    void servesTheReadersPages() {
        HttpResponse<String> front = Http.get(port, "/");
        assertThat(front.statusCode()).isEqualTo(200);
        assertThat(front.body()).contains("Taliban overtakes 3 more major cities");

        HttpResponse<String> story = Http.get(port, SEED_PATH);
        assertThat(story.statusCode()).isEqualTo(200);
        assertThat(story.body()).contains("4.8", "Kabul");

        assertThat(Http.get(port, "/sections/world").statusCode()).isEqualTo(200);
        assertThat(Http.get(port, "/feed.xml").body()).contains("<rss", "Taliban overtakes");
        HttpResponse<String> search = Http.get(port, "/search?q=kabul");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains(SEED_PATH);
        assertThat(Http.get(port, "/articles/no-such-story").statusCode()).isEqualTo(404);
        assertThat(Http.get(port, "/actuator/health").body()).contains("\"UP\"");
    }

    @Test
    void keepsTheNewsroomClosed() {
        HttpResponse<String> admin = Http.get(port, "/admin/articles");
        assertThat(admin.statusCode()).isEqualTo(302);
        assertThat(admin.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        HttpResponse<String> login = Http.get(port, "/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"_csrf\"");
        assertThat(Http.get(port, "/actuator/prometheus").statusCode()).isIn(302, 401, 403);
    }

    private boolean serves() {
        try {
            return Http.get(port, "/").statusCode() == 200;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
