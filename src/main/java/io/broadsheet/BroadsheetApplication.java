package io.broadsheet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.broadsheet.backup.BackupCommand;
import io.broadsheet.speed.ArchiveGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BroadsheetApplication {

    public static void main(String[] args) {
        if (BackupCommand.requested(args)) {
            // A one-shot export or import: no scheduled jobs, no index rebuild, and a port of its own.
            List<String> oneShot = new ArrayList<>(Arrays.asList(args));
            oneShot.addAll(List.of("--server.port=0", "--broadsheet.scheduling.enabled=false",
                    "--broadsheet.search.initial-indexing=off"));
            args = oneShot.toArray(String[]::new);
        }
        ConfigurableApplicationContext context = SpringApplication.run(BroadsheetApplication.class, args);
        if (ArchiveGenerator.requested(context)) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
