package io.broadsheet.article;

import java.time.Instant;

/** A public story's address and dates, as sitemaps list it; the headline only where one is shown (news sitemap). */
public record ArticleLocation(String slug, String headline, Instant publishedAt, Instant updatedAt) {

    public String path() {
        return "/articles/" + slug;
    }

    public Instant lastModified() {
        return updatedAt != null && updatedAt.isAfter(publishedAt) ? updatedAt : publishedAt;
    }
}
