package io.broadsheet.article;

import java.time.Instant;

/** One line of a listing: what the front, section and tag pages show of a story, without its body. */
public record ArticleSummary(String slug, String headline, String summary, String sectionSlug, String sectionName,
        Instant publishedAt) {

    public String path() {
        return "/articles/" + slug;
    }
}
