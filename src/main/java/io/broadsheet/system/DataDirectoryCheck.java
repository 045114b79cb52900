package io.broadsheet.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the data folder cannot be created or written (read-only disk, a file in the way, a full
 * disk), before the database or the search index opens it: one clear message instead of a half-working site.
 * Runs as a bean-factory post-processor, so before any other bean is made.
 */
@Component
class DataDirectoryCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(Path.of(environment.getProperty("broadsheet.data-dir", "./data")));
    }

    static void check(Path folder) {
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".write-check-", ".tmp");
            try {
                Files.write(probe, new byte[64 * 1024]);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Broadsheet cannot write to its data folder " + folder.toAbsolutePath()
                    + " (broadsheet.data-dir): " + e + ". Point broadsheet.data-dir at a writable folder with free"
                    + " space; nothing was started.", e);
        }
    }
}
