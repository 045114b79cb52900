package io.broadsheet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class DataDirectoryPathTest {

    private static final String HERE = Path.of("").toAbsolutePath().toString();

    @Test
    void aRelativeFolderBecomesAnAbsolutePathUnderTheWorkingFolder() {
        assertThat(DataDirectoryPath.absolute("data", "/home/ed")).isEqualTo(Path.of(HERE, "data").toString());
        assertThat(DataDirectoryPath.absolute("./data", "/home/ed")).isEqualTo(Path.of(HERE, "data").toString());
        assertThat(DataDirectoryPath.absolute("target/../news", "/home/ed")).isEqualTo(Path.of(HERE, "news").toString());
    }

    @Test
    void aLeadingTildeIsTheHomeFolderAndAnAbsolutePathStays() {
        assertThat(DataDirectoryPath.absolute("~/news", "/home/ed")).isEqualTo("/home/ed/news");
        assertThat(DataDirectoryPath.absolute("~", "/home/ed")).isEqualTo("/home/ed");
        assertThat(DataDirectoryPath.absolute("/srv/broadsheet", "/home/ed")).isEqualTo("/srv/broadsheet");
    }

    @Test
    void theEnvironmentSeesTheAbsolutePathAndEverythingBuiltOnIt() {
        MockEnvironment environment = new MockEnvironment().withProperty("broadsheet.data-dir", "news")
                .withProperty("spring.datasource.url", "jdbc:h2:file:${broadsheet.data-dir}/broadsheet");

        new DataDirectoryPath().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("broadsheet.data-dir")).isEqualTo(Path.of(HERE, "news").toString());
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:h2:file:" + Path.of(HERE, "news") + "/broadsheet");
    }
}
