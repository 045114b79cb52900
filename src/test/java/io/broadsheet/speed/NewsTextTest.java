package io.broadsheet.speed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
        NewsText.Topic topic = text.topic();
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
        NewsText.Topic topic = text.topic();
        assertThat(topic.names()).hasSizeBetween(2, 4).doesNotHaveDuplicates();
        String body = text.words(600, topic);
        long mentions = Arrays.stream(body.split(" ")).filter(topic.names()::contains).count();
        assertThat(mentions).as("names of the topic in 600 words").isBetween(30L, 100L);
        assertThat(text.headline(topic)).startsWith(topic.names().get(0));
    }

    @Test
    void aStoryMentionsAFewOtherNamesInPassing() {
        for (int i = 0; i < 50; i++) {
            NewsText.Topic topic = text.topic();
            assertThat(topic.passing()).hasSizeBetween(1, 4).doesNotHaveDuplicates()
                    .doesNotContainAnyElementsOf(topic.names());
            Set<String> named = namesIn(text.words(600, topic));
            assertThat(named).as("names in 600 words").hasSizeLessThanOrEqualTo(8);
        }
    }

    @Test
    void theMostNamedNameIsInATenthOfTheStoriesNotInMost() {
        int stories = 2_000;
        Map<String, Integer> storiesNaming = new HashMap<>();
        for (int i = 0; i < stories; i++) {
            NewsText.Topic topic = text.topic();
            namesIn(text.headline(topic) + " " + text.words(600, topic))
                    .forEach(name -> storiesNaming.merge(name, 1, Integer::sum));
        }
        int most = storiesNaming.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(most).as("stories naming the most named name, of 2,000").isBetween(100, 400);
    }

    @Test
    void aReadersSearchIsForWordsOfTheStory() {
        NewsText.Topic topic = text.topic();
        for (int i = 0; i < 20; i++) {
            String[] words = text.query(topic).split(" ");
            assertThat(words).hasSizeBetween(1, 2);
            assertThat(topic.names()).contains(words[0]);
        }
    }

    /** Names are the words written with a capital (the generator's words are not capitalised but a headline's first). */
    private static Set<String> namesIn(String words) {
        return Arrays.stream(words.split(" "))
                .filter(word -> !word.isEmpty() && Character.isUpperCase(word.charAt(0)))
                .collect(Collectors.toSet());
    }
}
