package io.broadsheet.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Java the container image runs the site on: Java 25, whose AOT cache starts the site a quarter sooner than
 * Java 17's class-data archive (see "Performance" in the README). The code is compiled for Java 17 and the tests
 * run on Maven's JDK; the tests that start the packaged jar on the image's runtime find it as {@code bench/run.sh}
 * does: {@code RUNTIME_JAVA_HOME}, else the newest JDK of version 25 or later under {@code /usr/lib/jvm}.
 */
public final class RuntimeJava {

    /** The image's Java version: the first with a one-step AOT cache ({@code -XX:AOTCacheOutput}). */
    public static final int IMAGE_VERSION = 25;

    /** The options the image starts (and trains) with: without them Java 25 warns of Lucene's and Tomcat's calls. */
    public static final List<String> OPTIONS = List.of("--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow");

    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private RuntimeJava() {
    }

    /** The image runtime's {@code java} command on this machine, if there is one. */
    public static Optional<Path> find() {
        return find(System.getenv("RUNTIME_JAVA_HOME"), Paths.get("/usr/lib/jvm"));
    }

    static Optional<Path> find(String home, Path installed) {
        if (home != null && !home.isBlank()) {
            return Optional.of(Paths.get(home, "bin", "java")).filter(Files::isExecutable);
        }
        if (!Files.isDirectory(installed)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(installed)) {
            return homes.filter(jdk -> version(jdk) >= IMAGE_VERSION)
                    .filter(jdk -> Files.isExecutable(jdk.resolve("bin").resolve("java")))
                    .max(Comparator.comparingInt(RuntimeJava::version).thenComparing(Path::toString))
                    .map(jdk -> jdk.resolve("bin").resolve("java"));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** The feature version a JDK's {@code release} file names, or 0 without one. */
    static int version(Path jdk) {
        try {
            Matcher version = VERSION.matcher(Files.readString(jdk.resolve("release")));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException noReleaseFile) {
            return 0;
        }
    }
}
