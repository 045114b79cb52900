package io.broadsheet.speed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The benchmark's made-up text: a search for a story's words finds few stories, as in a real archive. */
class NewsTextTest {

    private final NewsText text = new NewsText(new Random(8));

    @Test
    void theSameSeedWritesTheSameText() {
        NewsText again = new NewsText(new Random(8));
        List<String> topic = text.topic();
        assertThat(again.topic()).isEqualTo(topic);
        assertThat(again.words(50, topic)).isEqualTo(text.words(50, topic));
    }

    @Test
    void aFewNamesAreInTheNewsOftenAndMostSeldom() {
        Map<String, Long> counts = IntStream.range(0, 200_000).mapToObj(i -> text.name())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long[] byUse = counts.values().stream().mapToLong(Long::longValue).sorted().toArray();
        long most = byUse[byUse.length - 1];
        long median = byUse[byUse.length / 2];
        assertThat(counts.size()).as("different names among 200,000 drawn").isGreaterThan(15_000);
        assertThat(most).as("the most used name against the median one").isGreaterThan(100 * median);
    }

    @Test
    void aStoryNamesItsTopicAgainAndAgain() {
        List<String> topic = text.topic();
        assertThat(topic).hasSizeBetween(2, 4).doesNotHaveDuplicates();
        String body = text.words(600, topic);
        long mentions = Arrays.stream(body.split(" ")).filter(topic::contains).count();
        assertThat(mentions).as("names of the topic in 600 words").isBetween(30L, 100L);
        assertThat(text.headline(topic)).startsWith(topic.get(0));
    }

    @Test
    void aReadersSearchIsForWordsOfTheStory() {
        List<String> topic = text.topic();
        for (int i = 0; i < 20; i++) {
            String[] words = text.query(topic).split(" ");
            assertThat(words).hasSizeBetween(1, 2);
            assertThat(topic).contains(words[0]);
        }
    }
}
