package io.broadsheet.article;

import java.time.Instant;

/** An entry of the related-news sidebar. */
public record RelatedArticle(String slug, String headline, String sectionName, Instant publishedAt, int sharedTags) {

    public String path() {
        return "/articles/" + slug;
    }
}
