package io.broadsheet.caching;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long browsers and CDNs may keep a reader page or feed without asking again ({@code maxAge}), and how much
 * longer they may go on serving it while they revalidate in the background ({@code staleWhileRevalidate}), and how
 * much memory rendered pages may take ({@code renderedPagesSize}, kept by ETag) and whole answers to anonymous
 * readers ({@code snapshotsSize}, kept by address).
 */
@ConfigurationProperties("broadsheet.cache")
public record CacheProperties(
        @DefaultValue("60s") Duration maxAge,
        @DefaultValue("5m") Duration staleWhileRevalidate,
        @DefaultValue("8MB") DataSize renderedPagesSize,
        @DefaultValue("16MB") DataSize snapshotsSize) {

    String cacheControl() {
        return "public, max-age=" + maxAge.toSeconds() + ", stale-while-revalidate="
                + staleWhileRevalidate.toSeconds();
    }
}
