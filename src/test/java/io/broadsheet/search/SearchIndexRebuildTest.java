package io.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.broadsheet.article.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
