package io.broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.jsoup.nodes.Entities;

/**
 * The words of a search marked in a found story: each word that the English analysis turns into a word of the
 * search ("Seizes" for "seized") in {@code <mark>}, and everything else escaped. A headline is marked whole; from
 * the body comes a snippet, the sentence with the most of the words searched for.
 *
 * <p>Lucene's highlighter did this before, at the price of reading each found story's term vectors, running the
 * query again over them and scoring every sentence that had a match with a table of its own (a 32 KB buffer per
 * sentence: about 10 MB of garbage per search on a large archive, where the words of a search fill many
 * sentences). Analysing the text of ten stories here costs a fraction of that. Words the search excludes
 * ({@code -word}, {@code -"a phrase"}) are not marked.
 */
final class WordMarks {

    /** A snippet longer than this is cut around its first marked word, at spaces, with an ellipsis. */
    static final int SNIPPET_LENGTH = 300;

    /** A word or a quoted phrase, with the minus that excludes it if there is one. */
    private static final Pattern PART = Pattern.compile("(-?)(\"[^\"]*\"?|\\S+)");


    /**
     * The keys ({@link #keysOf}) of the words the snippet being made on this thread looks for: a word of the body
     * that holds none of them cannot be one of those words once stemmed, so the stemmer leaves it alone (it was
     * most of a snippet's time) and it is not looked up.
     */
    private static final ThreadLocal<List<String>> KEYS = new ThreadLocal<>();

    private final Analyzer analyzer;
    /** The same analysis with {@link Candidates} before the stemmer, for the sentences of a snippet. */
    private final Analyzer candidates;

    WordMarks() {
        this.analyzer = EnglishAnalysis.standalone();
        this.candidates = EnglishAnalysis.standalone(Candidates.class);
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
        return html(text, 0, text.length(), matches(text, words));
    }

    /**
     * The sentence of {@code text} with the most different words of {@code words} (then the most of them, then the
     * first), as marked HTML; {@code null} when none of the words is in the text.
     */
    String snippet(String text, Set<String> words) {
        if (text == null || text.isEmpty() || words.isEmpty()) {
            return null;
        }
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(text);
        List<String> keys = keysOf(words);
        List<Match> matches = new ArrayList<>();
        // where each sentence ends, found once (the break iterator is a good part of the cost)
        int[] ends = new int[16];
        int sentenceCount = 0;
        // the keys looked for in the whole text at once when it folds letter for letter (see foldedInPlace), the
        // next place of each at or after the sentence at hand; otherwise each sentence is folded and looked at
        String folded = foldedInPlace(text);
        int[] nextKey = new int[keys.size()];
        for (int k = 0; folded != null && k < nextKey.length; k++) {
            nextKey[k] = folded.indexOf(keys.get(k));
        }
        KEYS.set(keys);
        try {
            for (int start = sentences.first(), end = sentences.next(); end != BreakIterator.DONE;
                    start = end, end = sentences.next()) {
                if (sentenceCount == ends.length) {
                    ends = Arrays.copyOf(ends, ends.length * 2);
                }
                ends[sentenceCount++] = end;
                if (folded != null ? holdsKey(folded, start, end, keys, nextKey)
                        : mayHold(text.substring(start, end), keys)) {
                    addMatches(candidates, text.substring(start, end), start, words, matches);
                }
            }
        } finally {
            KEYS.remove();
        }
        if (matches.isEmpty()) {
            // a word the quick test cannot see (a letter folded to two, say): the whole text, the slow way
            matches.addAll(matches(text, words));
        }
        if (matches.isEmpty()) {
            return null;
        }
        int bestStart = 0;
        int bestEnd = text.length();
        int bestDifferent = 0;
        int bestCount = 0;
        int next = 0;
        Set<String> different = new HashSet<>();
        for (int i = 0, start = 0; i < sentenceCount; start = ends[i], i++) {
            int end = ends[i];
            different.clear();
            int count = 0;
            for (; next < matches.size() && matches.get(next).start() < end; next++) {
                different.add(matches.get(next).term());
                count++;
            }
            if (different.size() > bestDifferent || (different.size() == bestDifferent && count > bestCount)) {
                bestStart = start;
                bestEnd = end;
                bestDifferent = different.size();
                bestCount = count;
            }
        }
        return window(text, bestStart, bestEnd, matches);
    }

    /** The sentence, or if it is long, a stretch of it at spaces from a little before its first marked word. */
    private static String window(String text, int start, int end, List<Match> matches) {
        int from = start;
        int to = end;
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (to - from <= SNIPPET_LENGTH) {
            return html(text, from, to, matches);
        }
        int first = from;
        for (Match match : matches) {
            if (match.start() >= from) {
                first = match.start();
                break;
            }
        }
        int cutFrom = from;
        if (first - from > SNIPPET_LENGTH / 3) {
            int space = text.lastIndexOf(' ', first - SNIPPET_LENGTH / 6);
            cutFrom = space > from ? space + 1 : from;
        }
        int cutTo = Math.min(to, cutFrom + SNIPPET_LENGTH);
        if (cutTo < to) {
            int space = text.lastIndexOf(' ', cutTo);
            cutTo = space > cutFrom ? space : cutTo;
        }
        return (cutFrom > from ? "…" : "") + html(text, cutFrom, cutTo, matches) + (cutTo < to ? "…" : "");
    }

    private static String html(String text, int from, int to, List<Match> matches) {
        StringBuilder html = new StringBuilder(to - from + 32);
        int written = from;
        for (Match match : matches) {
            if (match.start() >= written && match.end() <= to) {
                html.append(Entities.escape(text.substring(written, match.start())))
                        .append("<mark>").append(Entities.escape(text.substring(match.start(), match.end())))
                        .append("</mark>");
                written = match.end();
            }
        }
        return html.append(Entities.escape(text.substring(written, to))).toString();
    }

    private record Match(String term, int start, int end) {
    }

    /**
     * What a sentence must contain, lower-cased and folded to ASCII as the index folds it, to hold one of
     * {@code words}: each word but its last letter. Stemming only changes the end of a word and at most the last
     * letter of what it keeps ("toys" gives "toi", "hoping" gives "hope", "relational" gives "relat"), so a sentence
     * without any of these cannot hold one of the words, and only the few that have one are analysed: analysing
     * every word of ten stories' bodies took a tenth of a search's time. (Three letters were the key before, and on
     * a million stories, where the names searched for share their first letters with many words, a search still
     * analysed most sentences.)
     */
    private static List<String> keysOf(Set<String> words) {
        List<String> keys = new ArrayList<>();
        for (String word : words) {
            keys.add(word.substring(0, Math.max(1, word.length() - 1)));
        }
        return keys;
    }

    /**
     * The text as {@link #mayHold} sees a sentence of it (lower case, folded to ASCII as the index folds it) when
     * that keeps each character in its place, so that a sentence's keys can be looked for in one text made once:
     * copying and lower-casing each sentence apart was a tenth of what a search allocated. {@code null}
     * when a letter folds to two ("ß" to "ss", "æ" to "ae") or lower-cases to two.
     */
    private static String foldedInPlace(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.length() != text.length()) {
            return null;
        }
        String folded = foldedToAscii(lower);
        return folded.length() == lower.length() ? folded : null;
    }

    /** The text folded to ASCII as the index folds it ("ü" to "u", but also "ß" to "ss" and "æ" to "ae"). */
    private static String foldedToAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                char[] letters = text.toCharArray();
                char[] folded = new char[letters.length * 4];
                return new String(folded, 0, ASCIIFoldingFilter.foldToASCII(letters, 0, folded, 0, letters.length));
            }
        }
        return text;
    }

    /**
     * Whether the sentence from {@code start} to {@code end} of the folded text holds one of the keys, as
     * {@link #mayHold} would say of it; {@code nextKey} holds where each key is next at or after an earlier sentence
     * (-1 for nowhere), and moves on as the sentences do.
     */
    private static boolean holdsKey(String folded, int start, int end, List<String> keys, int[] nextKey) {
        boolean holds = false;
        for (int k = 0; k < nextKey.length; k++) {
            String key = keys.get(k);
            while (nextKey[k] >= 0 && nextKey[k] < start) {
                nextKey[k] = folded.indexOf(key, nextKey[k] + 1);
            }
            holds |= nextKey[k] >= 0 && nextKey[k] + key.length() <= end;
        }
        return holds;
    }

    private static boolean mayHold(String sentence, List<String> keys) {
        String text = foldedToAscii(sentence.toLowerCase(Locale.ROOT));
        for (String key : keys) {
            if (text.contains(key)) {
                return true;
            }
        }
        return false;
    }

    private List<Match> matches(String text, Set<String> words) {
        List<Match> matches = new ArrayList<>();
        addMatches(analyzer, text, 0, words, matches);
        return matches;
    }

    /** The words of {@code words} in {@code text}, which starts at {@code offset} of what is marked. */
    private void addMatches(Analyzer chain, String text, int offset, Set<String> words, List<Match> matches) {
        analyse(chain, text, (term, start, end) -> {
            if (words.contains(term)) {
                matches.add(new Match(term, offset + start, offset + end));
            }
        });
    }

    private interface Token {
        void found(String term, int start, int end);
    }

    private void analyse(String text, Token token) {
        analyse(analyzer, text, token);
    }

    /** Each word of {@code text} as {@code chain} analyses it, but those it marks as no candidate. */
    private static void analyse(Analyzer chain, String text, Token token) {
        try (TokenStream stream = chain.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            KeywordAttribute notCandidate = stream.addAttribute(KeywordAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (!notCandidate.isKeyword()) {
                    token.found(term.toString(), offset.startOffset(), offset.endOffset());
                }
            }
            stream.end();
        } catch (IOException e) {
            // a StringReader does not fail
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Marks each word that holds none of this thread's {@link #KEYS} as a keyword, which the stemmer leaves as it is
     * and {@link #analyse} skips. Before the stemmer, a word is lower-cased and folded as the keys are, so "holds
     * its key" is the same test as {@link #mayHold}'s, word by word. Without keys it marks nothing.
     */
    public static final class Candidates extends TokenFilterFactory {

        public Candidates(Map<String, String> args) {
            super(args);
        }

        @Override
        public TokenStream create(TokenStream input) {
            return new TokenFilter(input) {
                private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
                private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

                @Override
                public boolean incrementToken() throws IOException {
                    if (!input.incrementToken()) {
                        return false;
                    }
                    List<String> keys = KEYS.get();
                    if (keys != null && !holdsAny(term.buffer(), term.length(), keys)) {
                        keyword.setKeyword(true);
                    }
                    return true;
                }
            };
        }

        private static boolean holdsAny(char[] word, int length, List<String> keys) {
            for (String key : keys) {
                for (int at = 0; at + key.length() <= length; at++) {
                    int i = 0;
                    while (i < key.length() && word[at + i] == key.charAt(i)) {
                        i++;
                    }
                    if (i == key.length()) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
