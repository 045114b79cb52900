package io.broadsheet.article;

import java.time.Instant;

/** A line of the newsroom's article list. */
public record ArticleRow(long id, String slug, String headline, ArticleStatus status, Instant publishedAt,
        Instant updatedAt, Long authorId, String sectionName) {

    /** draft, scheduled, published or archived: what the newsroom calls the story's state at {@code now}. */
    public String state(Instant now) {
        if (status == ArticleStatus.PUBLISHED) {
            return publishedAt != null && publishedAt.isAfter(now) ? "scheduled" : "published";
        }
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }
}
