package io.broadsheet.caching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** What the ETags' build key is made from: every template and message file of the site, and nothing else. */
class ReaderCachingResourcesTest {

    @Test
    void everyTemplateAndTheMessagesAreInTheBuildKeyInNameOrder() throws IOException {
        List<String> names = ReaderCaching.pageResources().stream().map(ReaderCaching::name).toList();

        Path folder = Path.of("src/main/resources/templates");
        List<String> templates;
        try (Stream<Path> files = Files.walk(folder)) {
            templates = files.filter(file -> file.toString().endsWith(".html"))
                    .map(file -> "/templates/" + folder.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        assertThat(templates).hasSizeGreaterThan(20).contains("/templates/articles/article.html");
        assertThat(names).containsAll(templates).contains("messages.properties")
                .hasSize(templates.size() + 1)
                .isSortedAccordingTo(String::compareTo);
    }
}
