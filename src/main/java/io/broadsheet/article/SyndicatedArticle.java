package io.broadsheet.article;

import java.time.Instant;
import java.util.List;

import io.broadsheet.article.ArticleView.Link;

/**
 * A story as feeds carry it: everything a feed entry shows, with the body still as Markdown so that a feed can be
 * fingerprinted (for its ETag) before any body is rendered.
 */
public record SyndicatedArticle(long id, long version, String slug, String headline, String summary,
        String markdownBody, String byline, String dateline, Link section, List<Link> tags, Instant publishedAt,
        Instant updatedAt) {

    public String path() {
        return "/articles/" + slug;
    }

    /** The body as readers get it: rendered and sanitised. */
    public String bodyHtml() {
        return ArticleBody.toSafeHtml(markdownBody);
    }

    /** When the story last changed as readers see it: its edit time, or its publish time if it was never edited. */
    public Instant lastModified() {
        return updatedAt != null && updatedAt.isAfter(publishedAt) ? updatedAt : publishedAt;
    }
}
