package io.broadsheet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.broadsheet.support.RuntimeJava;
import org.junit.jupiter.api.Test;

/**
 * {@link AheadOfTimeStartIT} on the container image's runtime (Java 25), started as the {@code Dockerfile} starts
 * it: the jar unpacked, an AOT cache made by the training start, and {@code -XX:AOTMode=on}, with which the start
 * fails unless the cache is used. The tests themselves run on Maven's JDK (Java 17); this is what shows that the
 * jar, compiled for 17, serves every kind of page on the runtime it ships with. Skipped, with a message, on a
 * machine without a Java 25 ({@link RuntimeJava}).
 */
class ImageRuntimeStartIT extends AheadOfTimeStartIT {

    final Path runtime = RuntimeJava.find().orElse(null);
    Path cache;
    String trainingLog;

    @Override
    String java() {
        assumeTrue(runtime != null, "no Java " + RuntimeJava.IMAGE_VERSION + " on this machine"
                + " (RUNTIME_JAVA_HOME, or a JDK under /usr/lib/jvm): the image's runtime is not tried");
        return runtime.toString();
    }

    @Override
    Path jar(Path folder) throws Exception {
        Path jar = TrainingStart.extract(java(), packagedJar(), folder);
        cache = folder.resolve("app.aot");
        List<String> training = new ArrayList<>(RuntimeJava.OPTIONS);
        training.add("-XX:AOTCacheOutput=" + cache);
        trainingLog = TrainingStart.train(java(), jar, folder, training);
        return jar;
    }

    @Override
    List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on"));
        options.addAll(RuntimeJava.OPTIONS);
        return options;
    }

    @Test
    void theTrainingStartReadThePagesAndLeftTheCacheTheSiteStartedFrom() throws IOException {
        Map<String, Integer> pages = TrainingStart.readPages(trainingLog);
        assertThat(pages).containsKeys("/", "/feed.xml").containsEntry("/no-such-page", 404);
        assertThat(pages.keySet()).anyMatch(page -> page.startsWith("/articles/"))
                .anyMatch(page -> page.startsWith("/search?q="));
        pages.forEach((page, status) -> assertThat(status).as(page)
                .isEqualTo(page.equals("/no-such-page") ? 404 : 200));
        // the cache holds the classes and what the training start learnt of its methods
        assertThat(Files.size(cache)).isGreaterThan(50_000_000L);
        String log = Files.readString(this.log);
        assertThat(log).containsPattern("Starting AOT-processed BroadsheetApplication .* using Java "
                + RuntimeJava.IMAGE_VERSION + "\\.");
    }

    @Test
    void startsWithoutTheRuntimesWarnings() throws IOException {
        // Java 25 warns of Lucene's native calls and Tomcat's Unsafe unless the image's options allow them
        assertThat(Files.readString(log)).doesNotContain("WARNING:");
        assertThat(trainingLog).doesNotContain("WARNING:");
    }
}
