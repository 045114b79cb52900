package io.broadsheet.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;

import javax.xml.stream.XMLStreamException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.broadsheet.article.ArticleChanged;
import io.broadsheet.article.ArticleSyndication;
import io.broadsheet.caching.ReaderCaching;
import io.broadsheet.section.TopicDirectory;
import io.broadsheet.system.NotFoundException;
import io.broadsheet.system.SiteProperties;
import io.broadsheet.system.SiteUrls;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /sitemap.xml}, its child sitemaps, {@code /news-sitemap.xml} and {@code /robots.txt}.
 *
 * <p>Every sitemap has an ETag taken from what it lists, so a crawler's conditional request gets a 304. The main
 * sitemap and the news sitemap are written once and kept (up to {@link #KEPT_BYTES} of them) under the stories'
 * version, as the feeds are: on a million stories, working out which article sitemaps are not empty took half a
 * second on every request of {@code /sitemap.xml}. The news sitemap is also written anew each minute, as stories
 * leave its two days. A main sitemap that lists every address of a middle-sized site (up to 50,000, some 8 MB) is
 * too large to keep and is written for each request. A child sitemap is read on each request (from
 * {@code article_location_by_id}) and written only when the crawler does not already have it: a file of 50,000
 * stories is 8 MB.
 */
@Controller
class SitemapController {

    private static final String XML = "application/xml;charset=UTF-8";

    static final long KEPT_BYTES = 2L * 1024 * 1024;

    private enum Document {
        MAIN, NEWS
    }

    private record DocumentKey(Document document, long storiesVersion, long minute) {
    }

    private record Written(String etag, byte[] body) {
    }

    private interface Writing {
        void write(OutputStream out) throws XMLStreamException;
    }

    private final Cache<DocumentKey, Written> written = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumWeight(KEPT_BYTES)
            .weigher((DocumentKey key, Written document) -> document.body().length).build();

    private final Sitemaps sitemaps;
    private final ArticleSyndication articles;
    private final SiteUrls urls;
    private final ReaderCaching caching;
    private final Clock clock;

    SitemapController(ArticleSyndication articles, TopicDirectory topics, SiteUrls urls, SiteProperties site,
            FeedProperties properties, ReaderCaching caching, Clock clock) {
        this.sitemaps = new Sitemaps(articles, topics, urls, site, properties.language(),
                properties.sitemapUrlsPerFile());
        this.articles = articles;
        this.urls = urls;
        this.caching = caching;
        this.clock = clock;
    }

    @GetMapping("/sitemap.xml")
    void sitemap(HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(kept(new DocumentKey(Document.MAIN, articles.version(), 0), sitemaps::writeMain), request, response);
    }

    @GetMapping("/sitemaps/{kind:[a-z]{1,20}}-{number:[0-9]{1,9}}.xml")
    void child(@PathVariable String kind, @PathVariable int number, HttpServletRequest request,
            HttpServletResponse response) throws IOException, XMLStreamException {
        Sitemaps.Child child = Sitemaps.Kind.named(kind).flatMap(which -> sitemaps.child(which, number))
                .orElseThrow(() -> new NotFoundException("No sitemap " + kind + "-" + number));
        if (caching.appliesTo(request) && caching.notModified(request, response,
                caching.etagOfFingerprint(child.fingerprint()), child.lastModified())) {
            return;
        }
        response.setContentType(XML);
        sitemaps.write(child, response.getOutputStream());
    }

    @GetMapping("/news-sitemap.xml")
    void news(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long minute = clock.instant().getEpochSecond() / 60;
        send(kept(new DocumentKey(Document.NEWS, articles.version(), minute), sitemaps::writeNews), request,
                response);
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

    private Written kept(DocumentKey key, Writing writing) {
        return written.get(key, ignored -> {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
            try {
                writing.write(buffer);
            } catch (XMLStreamException e) {
                throw new IllegalStateException("Could not write the " + key.document() + " sitemap", e);
            }
            byte[] body = buffer.toByteArray();
            MessageDigest fingerprint = ReaderCaching.fingerprint();
            fingerprint.update(body);
            return new Written(caching.etagOfFingerprint(fingerprint), body);
        });
    }

    private void send(Written document, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (caching.appliesTo(request) && caching.notModified(request, response, document.etag(), null)) {
            return;
        }
        response.setContentType(XML);
        response.setContentLength(document.body().length);
        response.getOutputStream().write(document.body());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void forgetOnChange(ArticleChanged change) {
        written.invalidateAll();
    }
}
