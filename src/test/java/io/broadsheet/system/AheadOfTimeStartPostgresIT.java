package io.broadsheet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import io.broadsheet.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link AheadOfTimeStartIT} again with the {@code postgres} profile on a database of its own (the tests' embedded
 * PostgreSQL): the profile and the database's address are read at start-up in ahead-of-time mode too.
 */
@ExtendWith(TestPostgres.Available.class)
class AheadOfTimeStartPostgresIT extends AheadOfTimeStartIT {

    @Override
    List<String> arguments() {
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + TestPostgres.newDatabase(),
                "--spring.datasource.username=" + TestPostgres.username(), "--spring.datasource.password=");
    }

    @Test
    void runsOnPostgres() throws IOException {
        assertThat(Files.readString(log)).contains("profile is active: \"postgres\"", "jdbc:postgresql:");
    }
}
