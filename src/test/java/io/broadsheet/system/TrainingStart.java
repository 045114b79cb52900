package io.broadsheet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The image's build steps, as the {@code Dockerfile} and {@code bench/run.sh} take them: the packaged jar unpacked
 * (classes in a jar nested in the jar cannot be archived), then the training start that reads the site's own pages
 * and stops, leaving a class-data archive or AOT cache (whichever its JVM options ask for).
 */
final class TrainingStart {

    static final Pattern PAGE = Pattern.compile("(/[^,{}]*?)=(\\d{3})(?=[,}])");

    private TrainingStart() {
    }

    /** The packaged jar unpacked into {@code folder/app} by {@code java}; the unpacked jar. */
    static Path extract(String java, Path packaged, Path folder) throws Exception {
        Process extract = new ProcessBuilder(java, "-Djarmode=tools", "-jar", packaged.toString(), "extract",
                "--destination", folder.resolve("app").toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("extract.log").toFile()).start();
        assertThat(extract.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(extract.exitValue()).isZero();
        return folder.resolve("app").resolve(packaged.getFileName());
    }

    /** The training start of {@code jar} on a fresh data folder, in ahead-of-time mode; its log, once it stopped. */
    static String train(String java, Path jar, Path folder, List<String> jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(java, "-Dspring.aot.enabled=true"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--broadsheet.training-run=true", "--server.port=0",
                "--broadsheet.data-dir=" + folder.resolve("training"), "--broadsheet.weather.provider=none",
                "--broadsheet.scheduling.enabled=false"));
        Path log = folder.resolve("training.log");
        Process training = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(training.waitFor(3, TimeUnit.MINUTES)).as("the training start stops by itself").isTrue();
        String written = Files.readString(log);
        assertThat(training.exitValue()).as(written).isZero();
        return written;
    }

    /** The pages the training start's log says it read, with the status of each. */
    static Map<String, Integer> readPages(String log) {
        String line = log.lines().filter(l -> l.contains("Training run: read")).findFirst().orElse("");
        assertThat(line).as("the training run's log line").isNotEmpty();
        Map<String, Integer> pages = new LinkedHashMap<>();
        Matcher page = PAGE.matcher(line.substring(line.indexOf('{')));
        while (page.find()) {
            pages.put(page.group(1), Integer.valueOf(page.group(2)));
        }
        return pages;
    }
}
