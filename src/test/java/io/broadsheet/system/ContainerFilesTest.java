package io.broadsheet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.broadsheet.support.RuntimeJava;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Docker cannot run here, so the container files are checked as text: they parse and say what they should. */
class ContainerFilesTest {

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsBroadsheetOnPostgresWithVolumes() throws Exception {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(Path.of("compose.yaml"))) {
            compose = new Yaml().load(reader);
        }
        var services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsOnlyKeys("postgres", "broadsheet");
        var app = services.get("broadsheet");
        var environment = (Map<String, Object>) app.get("environment");
        assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/broadsheet")
                .containsKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
        assertThat((Map<String, Object>) app.get("depends_on")).containsKey("postgres");
        assertThat((List<String>) app.get("ports")).contains("8080:8080");
        assertThat((List<String>) services.get("postgres").get("volumes")).contains("postgres-data:/var/lib/postgresql/data");
        assertThat((Map<String, Object>) compose.get("volumes")).containsKeys("postgres-data", "broadsheet-data");
    }

    @Test
    void dockerfileBuildsInStagesAndRunsUnprivilegedWithAHealthCheck() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).contains("AS build", "COPY --from=build", "USER broadsheet", "HEALTHCHECK",
                "/actuator/health", "EXPOSE 8080");
        assertThat(dockerfile.lines().filter(line -> line.startsWith("FROM ")).count()).isEqualTo(2);
    }

    @Test
    void theImageTrainsAndStartsOnTheRuntimeAndOptionsImageRuntimeStartItTries() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).contains("FROM eclipse-temurin:" + RuntimeJava.IMAGE_VERSION + "-jre");
        String training = dockerfile.substring(dockerfile.indexOf("RUN java -Djarmode=tools"),
                dockerfile.indexOf("-XX:AOTCacheOutput=/app/broadsheet.aot"));
        String entrypoint = dockerfile.substring(dockerfile.indexOf("ENTRYPOINT"));
        assertThat(entrypoint).contains("\"-XX:AOTCache=/app/broadsheet.aot\"", "\"-Dspring.aot.enabled=true\"");
        for (String option : RuntimeJava.OPTIONS) {
            assertThat(training).as("the training start").contains(option);
            assertThat(entrypoint).as("the site's start").contains("\"" + option + "\"");
        }
    }
}
