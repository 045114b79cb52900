package io.broadsheet.feed;

import java.io.IOException;
import java.io.OutputStream;

import javax.xml.stream.XMLStreamException;

import io.broadsheet.article.ArticleSyndication;
import io.broadsheet.caching.ReaderCaching;
import io.broadsheet.section.TopicDirectory;
import io.broadsheet.system.NotFoundException;
import io.broadsheet.system.SiteProperties;
import io.broadsheet.system.SiteUrls;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code /sitemap.xml}, its child sitemaps, {@code /news-sitemap.xml} and {@code /robots.txt}. */
@Controller
class SitemapController {

    private static final String XML = "application/xml;charset=UTF-8";

    private final Sitemaps sitemaps;
    private final SiteUrls urls;
    private final ReaderCaching caching;

    SitemapController(ArticleSyndication articles, TopicDirectory topics, SiteUrls urls, SiteProperties site,
            FeedProperties properties, ReaderCaching caching) {
        this.sitemaps = new Sitemaps(articles, topics, urls, site, properties.language(),
                properties.sitemapUrlsPerFile());
        this.urls = urls;
        this.caching = caching;
    }

    @GetMapping("/sitemap.xml")
    void sitemap(HttpServletRequest request, HttpServletResponse response) throws IOException, XMLStreamException {
        sitemaps.writeMain(xml(request, response));
    }

    @GetMapping("/sitemaps/{kind:[a-z]{1,20}}-{number:[0-9]{1,9}}.xml")
    void child(@PathVariable String kind, @PathVariable int number, HttpServletRequest request,
            HttpServletResponse response) throws IOException, XMLStreamException {
        Sitemaps.Kind which = Sitemaps.Kind.named(kind)
                .orElseThrow(() -> new NotFoundException("No sitemap " + kind + "-" + number));
        if (!sitemaps.writeChild(which, number, () -> xml(request, response))) {
            throw new NotFoundException("No sitemap " + kind + "-" + number);
        }
    }

    @GetMapping("/news-sitemap.xml")
    void news(HttpServletRequest request, HttpServletResponse response) throws IOException, XMLStreamException {
        sitemaps.writeNews(xml(request, response));
    }

    @GetMapping("/robots.txt")
    void robots(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (caching.appliesTo(request)) {
            caching.allowPublicCaching(response);
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("""
                User-agent: *
                Disallow: /admin
                Disallow: /login

                Sitemap: %s
                Sitemap: %s
                """.formatted(urls.absolute("/sitemap.xml"), urls.absolute("/news-sitemap.xml")));
    }

    private OutputStream xml(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (caching.appliesTo(request)) {
            caching.allowPublicCaching(response);
        }
        response.setContentType(XML);
        return response.getOutputStream();
    }
}
