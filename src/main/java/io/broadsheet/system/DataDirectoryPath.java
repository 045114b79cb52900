package io.broadsheet.system;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code broadsheet.data-dir} an absolute path before anything reads it: H2 refuses a database path that is
 * relative without a leading "./" ("data" or "target/news" stopped the start with a stack trace), while the search
 * index and the access log took the same words relative to the working folder. A leading "~/" is the user's home,
 * as H2 read it, for all three.
 */
class DataDirectoryPath implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "broadsheet.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            return;
        }
        String absolute = absolute(configured.strip(), System.getProperty("user.home"));
        if (!absolute.equals(configured)) {
            environment.getPropertySources().addFirst(new MapPropertySource("broadsheetDataDir",
                    Map.of(PROPERTY, absolute)));
        }
    }

    static String absolute(String configured, String home) {
        Path path = configured.equals("~") || configured.startsWith("~/")
                ? Path.of(home, configured.substring(1).replaceFirst("^/", ""))
                : Path.of(configured);
        return path.toAbsolutePath().normalize().toString();
    }

    @Override
    public int getOrder() {
        // after the configuration files and the command line have been read
        return Ordered.LOWEST_PRECEDENCE;
    }
}
