package io.broadsheet.newsroom;

import java.time.Instant;

import io.broadsheet.article.ArticleBody;
import io.broadsheet.article.ArticleView;
import io.broadsheet.section.Slugs;

/** The reader's view of a story that is still only a form: what the preview shows. */
final class ArticlePreview {

    private ArticlePreview() {
    }

    static ArticleView of(ArticleForm form, String slug, Instant publishedAt, Instant updatedAt) {
        String section = form.section() == null ? "" : form.section().strip();
        return new ArticleView(slug, form.headline().strip(), ArticleForm.blankToNull(form.standfirst()),
                ArticleBody.toSafeHtml(form.body()), ArticleForm.blankToNull(form.byline()),
                ArticleForm.blankToNull(form.dateline()),
                new ArticleView.Link(section, "/sections/" + Slugs.of(section)),
                form.tagNames().stream().map(name -> new ArticleView.Link(name, "/tags/" + Slugs.of(name))).toList(),
                publishedAt, updatedAt != null && publishedAt != null && updatedAt.isAfter(publishedAt) ? updatedAt : null,
                form.standfirst());
    }
}
