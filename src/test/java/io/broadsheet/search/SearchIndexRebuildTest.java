package io.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.time.Instant;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.broadsheet.BroadsheetApplication;
import io.broadsheet.article.Article;
import io.broadsheet.article.ArticleRepository;
import io.broadsheet.section.SectionRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

class SearchIndexRebuildTest {

    @Test
    void theIndexOfAnEarlierLayoutIsDeletedAndNothingElse(@TempDir Path root) throws IOException {
        Path earlier = Files.createDirectories(root.resolve("article"));
        Files.writeString(earlier.resolve("segments_4"), "an old index");
        Path current = Files.createDirectories(root.resolve(Article.SEARCH_INDEX));
        Files.writeString(current.resolve("segments_1"), "the index in use");
        Path other = Files.createDirectories(root.resolve("articles-backup"));

        SearchIndexRebuild.removeEarlierLayouts(root, Article.SEARCH_INDEX);

        assertThat(earlier).doesNotExist();
        assertThat(current.resolve("segments_1")).hasContent("the index in use");
        assertThat(other).exists();
    }

    @Test
    void aMissingIndexFolderIsNotAnError(@TempDir Path root) {
        SearchIndexRebuild.removeEarlierLayouts(root.resolve("search-index"), Article.SEARCH_INDEX);

        assertThat(root.resolve("search-index")).doesNotExist();
    }

    /** The site on {@code data}, its index on disk, whose writer starts a new segment every two stories. */
    static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(BroadsheetApplication.class).run("--server.port=0",
                "--broadsheet.data-dir=" + data.toAbsolutePath(), "--spring.main.banner-mode=off",
                "--broadsheet.scheduling.enabled=false", "--broadsheet.weather.provider=none",
                "--broadsheet.search.initial-indexing=wait",
                "--spring.jpa.properties.hibernate.search.backend.io.writer.max_buffered_docs=2");
    }

    static long segments(Path index) throws IOException {
        try (Stream<Path> files = Files.list(index)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".si")).count();
        }
    }

    @Test
    void aRebuiltIndexIsOneSegment() throws IOException {
        Path data = Path.of("target/rebuild-test-data");
        FileSystemUtils.deleteRecursively(data);
        Path index = data.resolve("search-index").resolve(Article.SEARCH_INDEX);
        try (ConfigurableApplicationContext site = start(data)) {
            var world = site.getBean(SectionRepository.class).findBySlug("world").orElseThrow();
            site.getBean(ArticleRepository.class).saveAll(IntStream.rangeClosed(1, 7)
                    .mapToObj(i -> {
                        Instant then = Instant.parse("2024-01-01T00:00:00Z");
                        Article story = new Article("rebuilt-" + i, "Rebuilt story " + i, "Its body.", world, then);
                        story.publishAt(then); // the index holds published stories only
                        return story;
                    })
                    .toList());
        }
        assertThat(segments(index)).as("segments as the stories were written").isGreaterThan(1);
        FileSystemUtils.deleteRecursively(index);

        try (ConfigurableApplicationContext site = start(data)) {
            assertThat(segments(index)).isEqualTo(1);
        }
    }
}
