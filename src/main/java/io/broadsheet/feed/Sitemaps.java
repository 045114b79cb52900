package io.broadsheet.feed;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.broadsheet.article.ArticleLocation;
import io.broadsheet.article.ArticleSyndication;
import io.broadsheet.caching.ReaderCaching;
import io.broadsheet.section.TopicDirectory;
import io.broadsheet.system.SiteProperties;
import io.broadsheet.system.SiteUrls;

/**
 * The sitemaps. Every public page is in exactly one child sitemap: {@code /sitemaps/pages-1.xml} (the front
 * page), {@code /sitemaps/sections-N.xml}, {@code /sitemaps/tags-N.xml} and {@code /sitemaps/articles-N.xml}, each of at most
 * {@code urlsPerFile} addresses and each read from the database one page at a time. The article sitemaps are ranges
 * of story ids ({@code articles-N.xml}: the public stories with ids from {@code (N-1) * urlsPerFile + 1} to
 * {@code N * urlsPerFile}), each read by the primary key's range: at most {@code urlsPerFile} addresses, fewer where
 * ids belong to drafts or deleted stories, and a range of no public story is an empty list. While the whole site
 * would fit in one file (counting every story id), {@code /sitemap.xml} lists it all; past that it is an index of
 * the child sitemaps, so a million stories make twenty article sitemaps and never a million rows in memory.
 *
 * <p>Written with StAX straight to the response, so no document is ever built in memory either.
 */
class Sitemaps {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

    /** Google News reads stories of the last two days, and at most 1,000 of them per sitemap. */
    static final Duration NEWS_WINDOW = Duration.ofDays(2);
    static final int NEWS_LIMIT = 1000;

    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    enum Kind {
        PAGES, SECTIONS, TAGS, ARTICLES;

        String fileName(int number) {
            return "/sitemaps/" + name().toLowerCase() + "-" + number + ".xml";
        }

        static Optional<Kind> named(String name) {
            for (Kind kind : values()) {
                if (kind.name().toLowerCase().equals(name)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    private record Url(String path, Instant lastModified) {
    }

    private final ArticleSyndication articles;
    private final TopicDirectory topics;
    private final SiteUrls urls;
    private final SiteProperties site;
    private final String language;
    private final int urlsPerFile;

    Sitemaps(ArticleSyndication articles, TopicDirectory topics, SiteUrls urls, SiteProperties site,
            String language, int urlsPerFile) {
        this.articles = articles;
        this.topics = topics;
        this.urls = urls;
        this.site = site;
        this.language = language;
        this.urlsPerFile = urlsPerFile;
    }

    /** The numbers of a kind's child files, in order: never one that would list no address. */
    List<Integer> numbers(Kind kind) {
        return switch (kind) {
            case PAGES -> List.of(1);
            case SECTIONS -> upTo(topics.sectionCount());
            case TAGS -> upTo(topics.tagCount());
            case ARTICLES -> articles.rangesWithPublicStories(urlsPerFile);
        };
    }

    /** The files that {@code count} addresses fill, {@code urlsPerFile} to a file. */
    private List<Integer> upTo(long count) {
        return IntStream.rangeClosed(1, (int) ((count + urlsPerFile - 1) / urlsPerFile)).boxed().toList();
    }

    /**
     * A child sitemap's addresses, read and not yet written: a conditional request can be answered from its
     * {@link #fingerprint()} without writing it (8 MB for a file of 50,000 stories).
     */
    static final class Child {

        private final Kind kind;
        private final int number;
        private final List<Url> urls;

        private Child(Kind kind, int number, List<Url> urls) {
            this.kind = kind;
            this.number = number;
            this.urls = urls;
        }

        /** A digest of what the file lists: its name, and each address with its date. */
        MessageDigest fingerprint() {
            MessageDigest digest = ReaderCaching.fingerprint();
            digest.update(kind.fileName(number).getBytes(StandardCharsets.UTF_8));
            for (Url url : urls) {
                digest.update((byte) '\n');
                digest.update(url.path().getBytes(StandardCharsets.UTF_8));
                if (url.lastModified() != null) {
                    digest.update((byte) ' ');
                    digest.update(Long.toString(url.lastModified().toEpochMilli()).getBytes(StandardCharsets.US_ASCII));
                }
            }
            return digest;
        }

        /** The latest date among its addresses, if they have dates. */
        Instant lastModified() {
            return urls.stream().map(Url::lastModified).filter(Objects::nonNull).max(Comparable::compareTo)
                    .orElse(null);
        }
    }

    /**
     * A child sitemap's addresses; empty (a 404) for a number past the last file, or a range of story ids none of
     * which is public now.
     */
    Optional<Child> child(Kind kind, int number) {
        if (number < 1 || (kind != Kind.ARTICLES && !numbers(kind).contains(number))) {
            return Optional.empty();
        }
        List<Url> list = urls(kind, number);
        return list.isEmpty() ? Optional.empty() : Optional.of(new Child(kind, number, list));
    }

    void write(Child child, OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = start(out, "urlset", false);
        writeUrls(xml, child.urls);
        end(xml);
    }

    /** {@code /sitemap.xml}: all addresses while they fit in one file, an index of the child files past that. */
    void writeMain(OutputStream out) throws XMLStreamException {
        long total = topics.sectionCount() + 1 + topics.tagCount() + articles.highestId();
        if (total > urlsPerFile) {
            writeIndex(out);
            return;
        }
        XMLStreamWriter xml = start(out, "urlset", false);
        for (Kind kind : Kind.values()) {
            for (int number : numbers(kind)) {
                writeUrls(xml, urls(kind, number));
            }
        }
        end(xml);
    }

    void writeIndex(OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = start(out, "sitemapindex", false);
        for (Kind kind : Kind.values()) {
            for (int number : numbers(kind)) {
                xml.writeStartElement("sitemap");
                element(xml, "loc", urls.absolute(kind.fileName(number)));
                xml.writeEndElement();
            }
        }
        end(xml);
    }


    /** {@code /news-sitemap.xml}: Google News format, the stories published in the last two days. */
    void writeNews(OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = start(out, "urlset", true);
        for (ArticleLocation article : articles.publishedWithin(NEWS_WINDOW, NEWS_LIMIT)) {
            xml.writeStartElement("url");
            element(xml, "loc", urls.absolute(article.path()));
            xml.writeStartElement("news", "news", NEWS_NS);
            xml.writeStartElement("news", "publication", NEWS_NS);
            xml.writeStartElement("news", "name", NEWS_NS);
            xml.writeCharacters(site.name());
            xml.writeEndElement();
            xml.writeStartElement("news", "language", NEWS_NS);
            xml.writeCharacters(language);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("news", "publication_date", NEWS_NS);
            xml.writeCharacters(w3c(article.publishedAt()));
            xml.writeEndElement();
            xml.writeStartElement("news", "title", NEWS_NS);
            xml.writeCharacters(article.headline());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
        }
        end(xml);
    }

    private List<Url> urls(Kind kind, int number) {
        int index = number - 1;
        return switch (kind) {
            case PAGES -> index == 0 ? List.of(new Url("/", null)) : List.of();
            case SECTIONS -> topics.sections(index, urlsPerFile).stream()
                    .map(section -> new Url(section.path(), null)).toList();
            case TAGS -> topics.tags(index, urlsPerFile).stream().map(tag -> new Url(tag.path(), null)).toList();
            case ARTICLES -> articles.locationsBetween((long) index * urlsPerFile, (long) number * urlsPerFile).stream()
                    .map(article -> new Url(article.path(), article.lastModified())).toList();
        };
    }

    private void writeUrls(XMLStreamWriter xml, List<Url> list) throws XMLStreamException {
        for (Url url : list) {
            xml.writeStartElement("url");
            element(xml, "loc", urls.absolute(url.path()));
            if (url.lastModified() != null) {
                element(xml, "lastmod", w3c(url.lastModified()));
            }
            xml.writeEndElement();
        }
    }

    private static XMLStreamWriter start(OutputStream out, String root, boolean news) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement(root);
        xml.writeDefaultNamespace(SITEMAP_NS);
        if (news) {
            xml.writeNamespace("news", NEWS_NS);
        }
        return xml;
    }

    private static void end(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
        xml.close();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static String w3c(Instant instant) {
        return W3C.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }
}
