package io.broadsheet.system;

import org.springframework.stereotype.Component;

/** Absolute addresses of the site's pages, from {@code broadsheet.site.base-url}: what feeds, sitemaps and
 * canonical links must carry. */
@Component
public class SiteUrls {

    private final String base;

    SiteUrls(SiteProperties site) {
        String url = site.baseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** {@code /articles/x} → {@code https://example.org/articles/x}. */
    public String absolute(String path) {
        return base + (path.startsWith("/") ? path : "/" + path);
    }
}
