package io.broadsheet.article;

import java.text.BreakIterator;
import java.util.Locale;

import org.jsoup.Jsoup;

/** The one-line summary a listing shows: the standfirst when there is one, otherwise the body's first sentence. */
final class Summaries {

    static final int MAX_LENGTH = 300;

    private Summaries() {
    }

    static String of(String standfirst, String markdownBody) {
        if (standfirst != null && !standfirst.isBlank()) {
            return shorten(standfirst.strip());
        }
        if (markdownBody == null || markdownBody.isBlank()) {
            return "";
        }
        String text = Jsoup.parse(ArticleBody.toHtml(markdownBody)).text();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(text);
        int end = sentences.next();
        return shorten((end == BreakIterator.DONE ? text : text.substring(0, end)).strip());
    }

    private static String shorten(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_LENGTH - 1);
        return text.substring(0, cut > 0 ? cut : MAX_LENGTH - 1) + "…";
    }
}
