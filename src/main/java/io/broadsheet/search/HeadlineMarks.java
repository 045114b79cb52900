package io.broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.jsoup.nodes.Entities;

/**
 * The words of a search marked in a headline: each word of the headline that the English analysis turns into a
 * word of the search ("Seizes" for "seized"), in {@code <mark>}, and everything else escaped.
 *
 * <p>The index's highlighter did this before, at the price of reading each found story's stored headline and
 * term vectors; a headline is a dozen words, analysed here in microseconds. Words the search excludes
 * ({@code -word}, {@code -"a phrase"}) are not marked.
 */
final class HeadlineMarks {

    /** A word or a quoted phrase, with the minus that excludes it if there is one. */
    private static final Pattern PART = Pattern.compile("(-?)(\"[^\"]*\"?|\\S+)");

    private final Analyzer analyzer;

    HeadlineMarks() {
        this.analyzer = EnglishAnalysis.standalone();
    }

    /** The analysed words a search asks for. */
    Set<String> wordsOf(String query) {
        Set<String> words = new HashSet<>();
        Matcher part = PART.matcher(query);
        while (part.find()) {
            if (part.group(1).isEmpty()) {
                analyse(part.group(2), (term, start, end) -> words.add(term));
            }
        }
        return words;
    }

    /** {@code text} as HTML in which only the words in {@code words} are marked up. */
    String mark(String text, Set<String> words) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder(text.length() + 32);
        int[] written = {0};
        analyse(text, (term, start, end) -> {
            if (words.contains(term) && start >= written[0]) {
                html.append(Entities.escape(text.substring(written[0], start)))
                        .append("<mark>").append(Entities.escape(text.substring(start, end))).append("</mark>");
                written[0] = end;
            }
        });
        return html.append(Entities.escape(text.substring(written[0]))).toString();
    }

    private interface Token {
        void found(String term, int start, int end);
    }

    private void analyse(String text, Token token) {
        try (TokenStream stream = analyzer.tokenStream("headline", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                token.found(term.toString(), offset.startOffset(), offset.endOffset());
            }
            stream.end();
        } catch (IOException e) {
            // a StringReader does not fail
            throw new UncheckedIOException(e);
        }
    }
}
