package io.broadsheet.speed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.broadsheet.BroadsheetApplication;
import io.broadsheet.article.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The benchmark's archive: the stories, their searches, and an index as the site's own rebuild leaves it. */
class ArchiveGeneratorTest {

    @Test
    void writesTheStoriesTheirSearchesAndAnIndexOfOneSegment(@TempDir Path data) throws IOException {
        try (ConfigurableApplicationContext run = new SpringApplicationBuilder(BroadsheetApplication.class).run(
                "--broadsheet.generate=30", "--server.port=-1", "--broadsheet.data-dir=" + data.toAbsolutePath(),
                "--spring.main.banner-mode=off", "--broadsheet.scheduling.enabled=false",
                "--broadsheet.weather.provider=none", "--broadsheet.search.initial-indexing=off",
                // a new segment every two stories while indexing, as a million stories' flushes make dozens
                "--spring.jpa.properties.hibernate.search.backend.io.writer.max_buffered_docs=2")) {
            assertThat(ArchiveGenerator.requested(run)).as("main ends a generating run").isTrue();
            JdbcTemplate jdbc = run.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from article where slug like '%-' || id", Long.class))
                    .as("generated stories (their slugs end in their ids)").isEqualTo(30);
        }
        List<String> searches = Files.readAllLines(data.resolve(ArchiveGenerator.QUERY_FILE));
        assertThat(searches).hasSize(30).allSatisfy(search -> assertThat(search.split(" ")).hasSizeBetween(1, 2));
        try (Stream<Path> files = Files.list(data.resolve("search-index").resolve(Article.SEARCH_INDEX))) {
            assertThat(files.filter(file -> file.getFileName().toString().endsWith(".si")).count())
                    .as("segments of the generated index").isEqualTo(1);
        }
    }
}
