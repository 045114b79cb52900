package io.broadsheet.newsroom;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.broadsheet.security.UnsavedForm;

/** Turns a form kept across an expired session back into an article form. */
final class RecoveredForms {

    private static final Pattern ARTICLE_PATH = Pattern.compile("/admin/articles/(\\d{1,18})");

    private RecoveredForms() {
    }

    static Long articleId(String path) {
        Matcher matcher = ARTICLE_PATH.matcher(path);
        return matcher.matches() ? Long.valueOf(matcher.group(1)) : null;
    }

    static ArticleForm articleForm(UnsavedForm unsaved) {
        return new ArticleForm(text(unsaved, "version"), text(unsaved, "headline"),
                text(unsaved, "standfirst"), text(unsaved, "body"), text(unsaved, "byline"),
                text(unsaved, "dateline"), text(unsaved, "section"), text(unsaved, "tags"), text(unsaved, "slug"),
                text(unsaved, "publishAt"));
    }

    private static String text(UnsavedForm unsaved, String field) {
        String value = unsaved.first(field);
        return value == null ? "" : value;
    }
}
