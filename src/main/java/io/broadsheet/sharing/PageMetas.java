package io.broadsheet.sharing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.broadsheet.system.SiteProperties;
import io.broadsheet.system.SiteUrls;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Builds the {@link PageMeta} of each kind of page. */
@Component
public class PageMetas {

    /** The publisher's logo, under static/: shown by social networks and named in every story's JSON-LD. */
    public static final String LOGO_PATH = "/images/logo.png";
    public static final int LOGO_WIDTH = 600;
    public static final int LOGO_HEIGHT = 60;

    private final SiteProperties site;
    private final SiteUrls urls;
    private final MessageSource messages;
    private final JsonLd jsonLd;

    PageMetas(SiteProperties site, SiteUrls urls, MessageSource messages, JsonLd jsonLd) {
        this.site = site;
        this.urls = urls;
        this.messages = messages;
        this.jsonLd = jsonLd;
    }

    /** What a page says about itself until its controller says more: the site's name and description. */
    public PageMeta defaults(String path, boolean noindex) {
        return new PageMeta(site.name(), siteDescription(), noindex ? null : urls.absolute(path), "website",
                urls.absolute(LOGO_PATH), null, null, null, List.of(), null, null, null, urls.absolute("/feed.xml"),
                null, noindex);
    }

    /** The front page or a section's or tag's page: page {@code page} of a listing at {@code basePath}. */
    public PageMeta listing(String title, String description, String basePath, int page, boolean hasNewer,
            boolean hasOlder, String feedPath) {
        return new PageMeta(title, description, urls.absolute(pagePath(basePath, page)), "website",
                urls.absolute(LOGO_PATH), null, null, null, List.of(), null,
                hasNewer ? urls.absolute(pagePath(basePath, page - 1)) : null,
                hasOlder ? urls.absolute(pagePath(basePath, page + 1)) : null, urls.absolute("/feed.xml"),
                feedPath == null ? null : urls.absolute(feedPath), false);
    }

    /** A story's page, with its JSON-LD. */
    public PageMeta article(String headline, String description, String path, Instant publishedAt,
            Instant modifiedAt, String section, String sectionFeedPath, List<String> tags,
            Map<String, Object> structuredData) {
        return new PageMeta(headline, description, urls.absolute(path), "article", urls.absolute(LOGO_PATH),
                publishedAt, modifiedAt, section, List.copyOf(tags), jsonLd.script(structuredData), null, null,
                urls.absolute("/feed.xml"), urls.absolute(sectionFeedPath), false);
    }

    /** The publisher as JSON-LD names it: the site with its logo. */
    public Map<String, Object> publisher() {
        Map<String, Object> logo = new LinkedHashMap<>();
        logo.put("@type", "ImageObject");
        logo.put("url", urls.absolute(LOGO_PATH));
        logo.put("width", LOGO_WIDTH);
        logo.put("height", LOGO_HEIGHT);
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "NewsMediaOrganization");
        publisher.put("name", site.name());
        publisher.put("url", urls.absolute("/"));
        publisher.put("logo", logo);
        return publisher;
    }

    public String siteDescription() {
        return messages.getMessage("meta.site.description", new Object[] {site.name()},
                LocaleContextHolder.getLocale());
    }

    public String listingDescription(String heading) {
        return messages.getMessage("meta.listing.description", new Object[] {heading, site.name()},
                LocaleContextHolder.getLocale());
    }

    public String absolute(String path) {
        return urls.absolute(path);
    }

    private static String pagePath(String basePath, int page) {
        return page <= 1 ? basePath : basePath + "?page=" + page;
    }
}
