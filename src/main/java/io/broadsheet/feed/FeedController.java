package io.broadsheet.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.broadsheet.article.ArticleChanged;
import io.broadsheet.article.ArticleSyndication;
import io.broadsheet.article.SyndicatedArticle;
import io.broadsheet.caching.ReaderCaching;
import io.broadsheet.feed.Feeds.Format;
import io.broadsheet.feed.Feeds.Scope;
import io.broadsheet.section.TopicDirectory;
import io.broadsheet.section.TopicDirectory.Topic;
import io.broadsheet.system.NotFoundException;
import io.broadsheet.system.SiteProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * RSS 2.0 ({@code feed.xml}) and Atom ({@code atom.xml}) of the newest stories: site-wide, per section, per tag.
 * The ETag is taken from the stories (with their versions) before anything is rendered.
 */
@Controller
class FeedController {

    private final ArticleSyndication articles;
    private final TopicDirectory topics;
    private final Feeds feeds;
    private final FeedProperties properties;
    private final ReaderCaching caching;
    private final MessageSource messages;
    private final SiteProperties site;

    /**
     * A feed reads its stories with their bodies and renders every entry's Markdown, too slow to repeat on each
     * request (half a second on a million stories): the written feed is kept under the stories' version, which
     * moves on when any story is saved or a scheduled one comes due (so it appears within the minute), and dropped
     * as soon as a change to any story commits. Until then it is kept however long, up to {@link #KEPT_BYTES}
     * of feeds: keyed by the minute, as it was, every reader of a large archive's feed waited for a new one each
     * minute.
     */
    static final long KEPT_BYTES = 8L * 1024 * 1024;

    private final Cache<FeedKey, Written> written = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumWeight(KEPT_BYTES)
            .weigher((FeedKey key, Written feed) -> feed.body().length).build();

    private record FeedKey(Format format, Scope scope, long storiesVersion) {
    }

    private record Written(String etag, Instant lastModified, byte[] body) {
    }

    FeedController(ArticleSyndication articles, TopicDirectory topics, Feeds feeds, FeedProperties properties,
            ReaderCaching caching, MessageSource messages, SiteProperties site) {
        this.articles = articles;
        this.topics = topics;
        this.feeds = feeds;
        this.properties = properties;
        this.caching = caching;
        this.messages = messages;
        this.site = site;
    }

    @GetMapping("/feed.xml")
    void siteRss(HttpServletRequest request, HttpServletResponse response) throws IOException {
        site(Format.RSS, request, response);
    }

    @GetMapping("/atom.xml")
    void siteAtom(HttpServletRequest request, HttpServletResponse response) throws IOException {
        site(Format.ATOM, request, response);
    }

    @GetMapping("/sections/{slug}/feed.xml")
    void sectionRss(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        section(slug, Format.RSS, request, response);
    }

    @GetMapping("/sections/{slug}/atom.xml")
    void sectionAtom(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        section(slug, Format.ATOM, request, response);
    }

    @GetMapping("/tags/{slug}/feed.xml")
    void tagRss(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        tag(slug, Format.RSS, request, response);
    }

    @GetMapping("/tags/{slug}/atom.xml")
    void tagAtom(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        tag(slug, Format.ATOM, request, response);
    }

    private void site(Format format, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Scope scope = new Scope(message("feed.site.title", site.name()),
                message("feed.site.description", site.name()), "/", "/");
        send(format, scope, () -> articles.newest(properties.entries()), request, response);
    }

    private void section(String slug, Format format, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Topic section = topics.section(slug).orElseThrow(() -> new NotFoundException("No section " + slug));
        send(format, scope(section), () -> articles.newestInSection(section.slug(), properties.entries()),
                request, response);
    }

    private void tag(String slug, Format format, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Topic tag = topics.tag(slug).orElseThrow(() -> new NotFoundException("No tag " + slug));
        send(format, scope(tag), () -> articles.newestWithTag(tag.slug(), properties.entries()), request,
                response);
    }

    private Scope scope(Topic topic) {
        return new Scope(message("feed.topic.title", topic.name(), site.name()),
                message("feed.topic.description", topic.name(), site.name()), topic.path(), topic.path() + "/");
    }

    private void send(Format format, Scope scope, Supplier<List<SyndicatedArticle>> query,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        Written feed = written.get(new FeedKey(format, scope, articles.version()),
                key -> write(format, scope, query.get()));
        if (caching.appliesTo(request)
                && caching.notModified(request, response, feed.etag(), feed.lastModified())) {
            return;
        }
        response.setContentType(format.contentType);
        response.setContentLength(feed.body().length);
        response.getOutputStream().write(feed.body());
    }

    private Written write(Format format, Scope scope, List<SyndicatedArticle> entries) {
        var lastModified = entries.stream().map(SyndicatedArticle::lastModified).max(Comparable::compareTo)
                .orElse(null);
        return new Written(caching.etag(format, scope, entries), lastModified,
                feeds.write(format, scope, entries).getBytes(StandardCharsets.UTF_8));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void forgetOnChange(ArticleChanged change) {
        written.invalidateAll();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.ENGLISH);
    }
}
