package io.broadsheet.feed;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.broadsheet.article.ArticleView.Link;
import io.broadsheet.article.SyndicatedArticle;
import io.broadsheet.system.SiteUrls;
import org.springframework.stereotype.Component;

/** Writes a list of stories as an RSS 2.0 or Atom 1.0 document with Rome. */
@Component
class Feeds {

    enum Format {
        RSS("rss_2.0", "application/rss+xml;charset=UTF-8", "feed.xml"),
        ATOM("atom_1.0", "application/atom+xml;charset=UTF-8", "atom.xml");

        final String romeType;
        final String contentType;
        final String fileName;

        Format(String romeType, String contentType, String fileName) {
            this.romeType = romeType;
            this.contentType = contentType;
            this.fileName = fileName;
        }
    }

    /** What a feed is of: its title and description, and the page and the feed file it belongs to. */
    record Scope(String title, String description, String pagePath, String feedDirectory) {

        String feedPath(Format format) {
            return feedDirectory + format.fileName;
        }
    }

    private final SiteUrls urls;
    private final FeedProperties properties;

    Feeds(SiteUrls urls, FeedProperties properties) {
        this.urls = urls;
        this.properties = properties;
    }

    String write(Format format, Scope scope, List<SyndicatedArticle> articles) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setTitle(scope.title());
        feed.setDescription(scope.description());
        feed.setLanguage(properties.language());
        feed.setUri(urls.absolute(scope.feedPath(format)));
        feed.setLink(urls.absolute(scope.pagePath()));
        feed.setLinks(List.of(link("alternate", urls.absolute(scope.pagePath()), "text/html"),
                link("self", urls.absolute(scope.feedPath(format)), format.contentType.split(";")[0])));
        feed.setPublishedDate(articles.stream().map(SyndicatedArticle::lastModified).max(Comparable::compareTo)
                .map(Date::from).orElse(null));
        feed.setEntries(articles.stream().map(this::entry).toList());
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Feed " + scope.feedPath(format) + " could not be written", e);
        }
    }

    private SyndEntry entry(SyndicatedArticle article) {
        SyndEntry entry = new SyndEntryImpl();
        String url = urls.absolute(article.path());
        entry.setTitle(article.headline());
        entry.setLink(url);
        entry.setUri(url);
        entry.setDescription(content("text", article.summary()));
        entry.setContents(List.of(content("html", article.bodyHtml())));
        if (article.byline() != null) {
            entry.setAuthor(article.byline());
            SyndPerson author = new SyndPersonImpl();
            author.setName(article.byline());
            entry.setAuthors(List.of(author));
        }
        entry.setPublishedDate(Date.from(article.publishedAt()));
        entry.setUpdatedDate(Date.from(article.lastModified()));
        List<SyndCategory> categories = new ArrayList<>();
        categories.add(category(article.section()));
        article.tags().forEach(tag -> categories.add(category(tag)));
        entry.setCategories(categories);
        return entry;
    }

    private SyndCategory category(Link topic) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(topic.name());
        category.setTaxonomyUri(urls.absolute(topic.path()));
        return category;
    }

    private static SyndContent content(String type, String value) {
        SyndContent content = new SyndContentImpl();
        content.setType(type);
        content.setValue(value);
        return content;
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }
}
