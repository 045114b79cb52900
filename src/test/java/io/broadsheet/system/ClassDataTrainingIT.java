package io.broadsheet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.broadsheet.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training start that makes the class-data archive, as the Dockerfile and bench/run.sh run it: the packaged
 * jar in ahead-of-time mode with {@code --broadsheet.training-run=true} reads its own reader pages, stops by
 * itself, and the JVM writes an archive with which a later start serves its first page from archived classes
 * (Thymeleaf's template engine, Hibernate Search's session: classes only serving a page loads).
 */
class ClassDataTrainingIT {

    @TempDir
    Path folder;

    @Test
    void theTrainingStartReadsThePagesStopsAndLeavesAnArchiveThatServesTheFirstPage() throws Exception {
        Path packaged = Paths.get(System.getProperty("broadsheet.jar", "target/broadsheet-0.1.0-SNAPSHOT.jar"));
        Path jar = TrainingStart.extract(java(), packaged, folder);
        Path archive = folder.resolve("app.jsa");
        String log = TrainingStart.train(java(), jar, folder,
                List.of("-Xmx256m", "-XX:ArchiveClassesAtExit=" + archive));

        Map<String, Integer> pages = TrainingStart.readPages(log);
        assertThat(pages).containsKeys("/", "/feed.xml", "/atom.xml", "/sitemap.xml", "/login")
                .containsEntry("/no-such-page", 404);
        assertThat(pages.keySet()).anyMatch(page -> page.startsWith("/articles/"))
                .anyMatch(page -> page.startsWith("/sections/")).anyMatch(page -> page.startsWith("/tags/"))
                .anyMatch(page -> page.startsWith("/search?q="));
        pages.forEach((page, status) -> {
            if (!page.equals("/no-such-page")) {
                assertThat(status).as(page).isEqualTo(200);
            }
        });
        assertThat(archive).exists();
        assertThat(Files.size(archive)).isGreaterThan(20_000_000L);

        // -Xshare:on: the start fails unless the archive can be used
        int port = freePort();
        Path siteLog = folder.resolve("site.log");
        Process site = start(jar, siteLog,
                List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-Xlog:class+load=info"),
                List.of("--server.port=" + port, "--broadsheet.data-dir=" + folder.resolve("data")));
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!serves(port)) {
                assertThat(site.isAlive()).as("the site stopped while starting").isTrue();
                assertThat(System.nanoTime()).as("no page within 3 minutes").isLessThan(deadline);
                Thread.sleep(200);
            }
            assertThat(Http.get(port, "/search?q=kabul").statusCode()).isEqualTo(200);
            String loaded = Files.readString(siteLog);
            assertThat(loaded).contains("org.thymeleaf.engine.TemplateManager source: shared objects file",
                    "org.hibernate.search.mapper.orm.Search source: shared objects file");
        } finally {
            site.destroy();
            if (!site.waitFor(30, TimeUnit.SECONDS)) {
                site.destroyForcibly();
            }
        }
    }

    private static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Process start(Path jar, Path log, List<String> jvmOptions, List<String> arguments)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Dspring.aot.enabled=true", "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--broadsheet.weather.provider=none",
                "--broadsheet.scheduling.enabled=false"));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static boolean serves(int port) {
        try {
            return Http.get(port, "/").statusCode() == 200;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
