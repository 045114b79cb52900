package io.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class WordMarksTest {

    private final WordMarks marks = new WordMarks();

    @Test
    void theSnippetIsTheSentenceWithTheMostDifferentWordsSearchedFor() {
        Set<String> words = marks.wordsOf("seized Kandahar");
        String body = "Kandahar. Kandahar, Kandahar and Kandahar again. Fighters seized Kandahar on Thursday. "
                + "They seize more.";

        assertThat(marks.snippet(body, words))
                .isEqualTo("Fighters <mark>seized</mark> <mark>Kandahar</mark> on Thursday.");
    }

    @Test
    void amongSentencesWithAsManyWordsTheOneWithMoreMatchesAndThenTheFirstWins() {
        Set<String> words = marks.wordsOf("flood");
        assertThat(marks.snippet("A flood. Floods and more floods. Another flood and flooding.", words))
                .isEqualTo("<mark>Floods</mark> and more <mark>floods</mark>.");
        assertThat(marks.snippet("The flood came. Then a flood went.", words)).isEqualTo("The <mark>flood</mark> came.");
    }

    @Test
    void aLongSentenceIsCutAtSpacesAroundItsFirstMarkedWord() {
        String before = "word ".repeat(100);
        String after = " other".repeat(100);
        String snippet = marks.snippet("Start. " + before + "the harbour" + after + ".", marks.wordsOf("harbours"));

        assertThat(snippet).startsWith("…word").endsWith("other…").contains("the <mark>harbour</mark> other");
        assertThat(Jsoup.parse(snippet).text().length()).isLessThanOrEqualTo(WordMarks.SNIPPET_LENGTH + 2);
    }

    @Test
    void noSnippetWhenTheBodyHasNoneOfTheWordsAndNoneForExcludedWords() {
        assertThat(marks.snippet("Nothing to see here.", marks.wordsOf("harbour"))).isNull();
        assertThat(marks.snippet("The harbour.", marks.wordsOf("-harbour"))).isNull();
        assertThat(marks.snippet(null, marks.wordsOf("harbour"))).isNull();
    }

    @Test
    void everythingButTheMarksIsEscaped() {
        String snippet = marks.snippet("Five < six & the <b>zebrafinch</b> sang \"<img src=x onerror=alert(1)>\".",
                marks.wordsOf("zebrafinch"));

        assertThat(snippet).isEqualTo("Five &lt; six &amp; the &lt;b&gt;<mark>zebrafinch</mark>&lt;/b&gt; sang "
                + "&quot;&lt;img src=x onerror=alert(1)&gt;&quot;.");
    }

    @Test
    void wordsWhoseStemEndsOtherwiseOrWhoseLettersAreFoldedAreFoundInAnySentence() {
        // "toys" is "toi" once stemmed and "Zürich" is "zurich" once folded: neither is spelled in the body as the
        // search has it, and each time the sentence with it must win over one with another word searched for
        assertThat(marks.snippet("Carts lined the road. Its toy stalls sold toy after toy.", marks.wordsOf("toys carts")))
                .isEqualTo("Its <mark>toy</mark> stalls sold <mark>toy</mark> after <mark>toy</mark>.");
        assertThat(marks.snippet("Delegates came from Geneva. Talks in Zürich, then in Zürich again.",
                marks.wordsOf("zurich geneva")))
                .isEqualTo("Talks in <mark>Zürich</mark>, then in <mark>Zürich</mark> again.");
        // "Æsir" folds to "aesir" and "Straße" to "strasse", two letters for one
        assertThat(marks.snippet("Talks began. The Æsir saga was read aloud.", marks.wordsOf("aesir")))
                .isEqualTo("The <mark>Æsir</mark> saga was read aloud.");
        assertThat(marks.snippet("The road closed at noon. The Straße, then the Straße again.",
                marks.wordsOf("strasse closed")))
                .isEqualTo("The <mark>Straße</mark>, then the <mark>Straße</mark> again.");
        // "hoping" is "hope" once stemmed: a letter the text does not have
        assertThat(marks.snippet("Rain fell. We kept hoping, and hoping.", marks.wordsOf("hope rain")))
                .isEqualTo("We kept <mark>hoping</mark>, and <mark>hoping</mark>.");
    }

    @Test
    void theRightSentenceIsFoundInATextWithCurlyQuotesAndDashes() {
        // "’" and "—" fold to one ASCII character each, so the whole text is folded once for all its sentences
        String body = "The council’s vote — delayed twice — passed. Herat’s mayor spoke. Farmers’ markets reopened "
                + "in Herat. Markets — old ones — closed.";

        assertThat(marks.snippet(body, marks.wordsOf("herat markets")))
                .isEqualTo("Farmers’ <mark>markets</mark> reopened in <mark>Herat</mark>.");
        assertThat(marks.snippet(body + " Straße works began.", marks.wordsOf("strasse works")))
                .isEqualTo("<mark>Straße</mark> <mark>works</mark> began.");
    }

    @Test
    void aSnippetMarksEveryWordThatTheFullAnalysisMarks() throws Exception {
        // the sentences of a snippet skip stemming words that cannot be a searched word: for every word of the seed
        // report, searched alone and with another, the snippet is marked exactly as the whole analysis marks it
        String body = Files.readString(Path.of("src/main/resources/seed/afghanistan-report.txt"));
        Set<String> spellings = new TreeSet<>();
        Matcher word = Pattern.compile("\\p{L}[\\p{L}'’]*").matcher(body);
        while (word.find()) {
            spellings.add(word.group());
        }
        assertThat(spellings).hasSizeGreaterThan(200);
        for (String spelling : spellings) {
            for (String query : List.of(spelling, spelling + " Kabul")) {
                Set<String> words = marks.wordsOf(query);
                String snippet = marks.snippet(body, words);
                if (words.isEmpty() || snippet == null || snippet.startsWith("…") || snippet.endsWith("…")) {
                    continue;
                }
                String plain = Parser.unescapeEntities(snippet.replace("<mark>", "").replace("</mark>", ""), false);
                assertThat(snippet).as(query).contains("<mark>").isEqualTo(marks.mark(plain, words));
            }
        }
    }
}
