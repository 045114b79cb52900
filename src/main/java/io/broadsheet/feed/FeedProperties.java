package io.broadsheet.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code entries}: how many of the newest stories a feed carries. {@code language}: the feeds' and the news
 * sitemap's language code. {@code sitemapUrlsPerFile}: past this many addresses {@code /sitemap.xml} becomes an
 * index of child sitemaps of at most this many each (the sitemap protocol allows 50,000).
 */
@ConfigurationProperties("broadsheet.feed")
public record FeedProperties(
        @DefaultValue("30") int entries,
        @DefaultValue("en") String language,
        @DefaultValue("50000") int sitemapUrlsPerFile) {

    public FeedProperties {
        if (entries < 1 || sitemapUrlsPerFile < 1 || sitemapUrlsPerFile > 50_000) {
            throw new IllegalArgumentException(
                    "broadsheet.feed.entries must be positive and sitemap-urls-per-file from 1 to 50000");
        }
    }
}
