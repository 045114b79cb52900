package io.broadsheet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import io.broadsheet.BroadsheetApplication;
import io.broadsheet.article.Article;
import io.broadsheet.article.ArticleRepository;
import io.broadsheet.section.SectionRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/** The embedded default keeps its data in files under broadsheet.data-dir: a restart loses nothing. */
class DataSurvivesRestartTest {

    ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(BroadsheetApplication.class)
                .run("--server.port=0", "--broadsheet.data-dir=" + dataDir.toAbsolutePath(),
                        "--spring.main.banner-mode=off", "--broadsheet.scheduling.enabled=false");
    }

    @Test
    void storiesAndTheSeedSurviveARestartWithoutBeingSeededTwice() throws Exception {
        Path dataDir = Path.of("target/restart-test-data");
        FileSystemUtils.deleteRecursively(dataDir);

        try (ConfigurableApplicationContext first = start(dataDir)) {
            var world = first.getBean(SectionRepository.class).findBySlug("world").orElseThrow();
            first.getBean(ArticleRepository.class).save(new Article("kept-across-restarts",
                    "Kept across restarts", "Still here.", world, Instant.parse("2024-01-01T00:00:00Z")));
        }
        assertThat(Files.list(dataDir).map(path -> path.getFileName().toString()))
                .anyMatch(name -> name.startsWith("broadsheet") && name.endsWith(".db"));

        try (ConfigurableApplicationContext second = start(dataDir)) {
            ArticleRepository articles = second.getBean(ArticleRepository.class);
            assertThat(articles.findBySlug("kept-across-restarts")).map(Article::getBody).hasValue("Still here.");
            assertThat(articles.count()).isEqualTo(2);
        }
    }
}
