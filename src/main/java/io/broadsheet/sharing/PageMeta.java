package io.broadsheet.sharing;

import java.time.Instant;
import java.util.List;

import io.broadsheet.caching.LastModified;
import io.broadsheet.caching.ReaderCaching;

/**
 * What the page's head says about it to search engines, feed readers and social networks: the canonical address,
 * the description, OpenGraph and Twitter card fields, pagination links, feeds and, for a story, its JSON-LD
 * (already serialised and safe to put inside a script element). Every page gets a site-wide default; controllers
 * replace it with their own. All URLs are absolute. Made for each request, so its part of the page's ETag is not
 * remembered ({@link ReaderCaching.NotKept}).
 */
public record PageMeta(String title, String description, String canonicalUrl, String type, String imageUrl,
        Instant publishedAt, Instant modifiedAt, String section, List<String> tags, String jsonLd, String prevUrl,
        String nextUrl, String siteFeedUrl, String feedUrl, boolean noindex) implements LastModified, ReaderCaching.NotKept {

    @Override
    public Instant lastModified() {
        return modifiedAt != null ? modifiedAt : publishedAt;
    }

    public boolean isArticle() {
        return "article".equals(type);
    }
}
