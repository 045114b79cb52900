package io.broadsheet.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.broadsheet.article.ArticleView.Link;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read-only questions feeds and sitemaps ask about public stories. Each answer takes at most two statements:
 * the stories with their section, then the tags of exactly those stories (never one query per story).
 */
@Service
@Transactional(readOnly = true)
public class ArticleSyndication {

    private static final String VISIBLE = "a.status = io.broadsheet.article.ArticleStatus.PUBLISHED"
            + " and a.publishedAt <= :now";

    /** The section joined "left" (every story has one), as in {@link ArticleRepository#SUMMARY}, for the same reason. */
    private static final String NEWEST = "select a from Article a left join fetch a.section s where " + VISIBLE;

    /** Newest first, in the order of the index each query reads (see {@link ArticleRepository#NEWEST}). */
    private static final String ORDER = ArticleRepository.NEWEST;

    private static final String ORDER_IN_SECTION = ArticleRepository.NEWEST_IN_SECTION;

    /** A tag's stories of the whole archive: found from the tag, and sorted (see {@link ArticleRepository}). */
    private static final String ALL_WITH_TAG = "select a from Article a left join fetch a.section s join a.tags t"
            + " where t.slug = :tag and " + VISIBLE;

    private static final String ORDER_WITH_TAG = " order by a.publishedAt desc, a.id desc";

    /** Newest first among those published after {@code :since} (see {@link RecentWindow}). */
    private static final String SINCE = " and a.publishedAt > :since";

    private final EntityManager entities;
    private final Clock clock;
    private final RecentWindow window;
    private final StoriesVersion version;

    ArticleSyndication(EntityManager entities, Clock clock, RecentWindow window, StoriesVersion version) {
        this.entities = entities;
        this.clock = clock;
        this.window = window;
        this.version = version;
    }

    /**
     * A number that moves on whenever what a feed shows may have changed: a story saved, or one come due (see
     * {@link StoriesVersion}). A feed written under it can be kept until it moves on, however long that is.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public long version() {
        return version.at(clock.instant());
    }

    /** The newest public stories, newest first. */
    public List<SyndicatedArticle> newest(int limit) {
        return newest(NEWEST + SINCE + ORDER, NEWEST + SINCE + ORDER, null, null, limit);
    }

    public List<SyndicatedArticle> newestInSection(String sectionSlug, int limit) {
        String query = NEWEST + " and " + ArticleRepository.IN_SECTION + SINCE + ORDER_IN_SECTION;
        return newest(query, query, "section", sectionSlug, limit);
    }

    public List<SyndicatedArticle> newestWithTag(String tagSlug, int limit) {
        // The last weeks read in index order; the whole archive from the tag, sorted (see ArticleRepository).
        return newest(NEWEST + SINCE + " and " + ArticleRepository.WITH_TAG + ORDER,
                ALL_WITH_TAG + SINCE + ORDER_WITH_TAG, "tag", tagSlug, limit);
    }

    /**
     * The recent stories first; the whole archive only when they are too few (see {@link RecentWindow}).
     * {@code recent} asks the last weeks, {@code whole} the whole archive (each with {@code :since});
     * {@code parameter}: the queries' parameter for {@code slug} (a section's or a tag's), if they have one.
     */
    private List<SyndicatedArticle> newest(String recent, String whole, String parameter, String slug, int limit) {
        Instant now = clock.instant();
        Instant since = window.since(now);
        List<Article> articles = newest(RecentWindow.isWholeArchive(since) ? whole : recent, parameter, slug,
                now, since, limit);
        if (RecentWindow.wholeArchiveNeeded(since, articles.size() == limit)) {
            articles = newest(whole, parameter, slug, now, RecentWindow.WHOLE_ARCHIVE, limit);
        }
        return withTags(articles);
    }

    private List<Article> newest(String query, String parameter, String slug, Instant now, Instant since,
            int limit) {
        TypedQuery<Article> newest = entities.createQuery(query, Article.class)
                .setParameter("now", now).setParameter("since", since).setMaxResults(limit);
        if (parameter != null) {
            newest.setParameter(parameter, slug);
        }
        return newest.getResultList();
    }

    /** The highest id any story has (0 before the first): the article sitemaps are ranges of ids up to it. */
    public long highestId() {
        return entities.createQuery("select coalesce(max(a.id), 0) from Article a", Long.class).getSingleResult();
    }

    /**
     * The ranges of {@code size} ids (numbered from 1: ids 1 to {@code size} are range 1) that hold at least one
     * story public now, in order: the article sitemaps that are not empty (the sitemap schema wants at least one
     * address in each). Worked out from the index of public stories alone (about a second on a million stories).
     */
    public List<Integer> rangesWithPublicStories(int size) {
        return entities.createQuery("select distinct (a.id - 1) / :size from Article a where " + VISIBLE, Long.class)
                .setParameter("size", (long) size)
                .setParameter("now", clock.instant())
                .getResultStream()
                .map(range -> Math.toIntExact(range + 1))
                .sorted()
                .toList();
    }

    /**
     * The public stories whose ids are in ({@code afterId}, {@code upToId}], by id, for a child sitemap: read by
     * the primary key's range, and the ones not public now left out here. Only this range is loaded, never the
     * archive; and no row outside it is read. (Asked for public stories in SQL, H2 walks the index of public
     * stories instead, all of them; asked for a page of them by offset, it read and sorted the whole archive for
     * every page: 35-57 s for each of the twenty article sitemaps of a million stories.) Only the columns of
     * {@code article_location_by_id} are named, so H2 reads that index's entries and no story's row: the
     * locations have no headline (a sitemap does not show it).
     */
    public List<ArticleLocation> locationsBetween(long afterId, long upToId) {
        Instant now = clock.instant();
        return entities.createQuery("select a.slug, a.publishedAt, a.updatedAt, a.status"
                        + " from Article a where a.id > :after and a.id <= :upTo order by a.id", Object[].class)
                .setParameter("after", afterId)
                .setParameter("upTo", upToId)
                .getResultStream()
                .filter(row -> Article.isVisible((ArticleStatus) row[3], (Instant) row[1], now))
                .map(row -> new ArticleLocation((String) row[0], null, (Instant) row[1], (Instant) row[2]))
                .toList();
    }

    /** Stories that went public within {@code window} before now, newest first (for a news sitemap). */
    public List<ArticleLocation> publishedWithin(Duration window, int limit) {
        Instant now = clock.instant();
        return entities.createQuery("select new io.broadsheet.article.ArticleLocation(a.slug, a.headline,"
                        + " a.publishedAt, a.updatedAt) from Article a where " + VISIBLE
                        + " and a.publishedAt > :since" + ORDER, ArticleLocation.class)
                .setParameter("now", now)
                .setParameter("since", now.minus(window))
                .setMaxResults(limit)
                .getResultList();
    }

    private List<SyndicatedArticle> withTags(List<Article> articles) {
        if (articles.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Link>> tags = new HashMap<>();
        entities.createQuery("select a.id, t.name, t.slug from Article a join a.tags t where a.id in :ids"
                        + " order by t.name", Object[].class)
                .setParameter("ids", articles.stream().map(Article::getId).toList())
                .getResultList()
                .forEach(row -> tags.computeIfAbsent((Long) row[0], id -> new ArrayList<>())
                        .add(new Link((String) row[1], "/tags/" + row[2])));
        return articles.stream().map(article -> new SyndicatedArticle(article.getId(), article.getVersion(),
                article.getSlug(), article.getHeadline(), article.getSummary(), article.getBody(),
                ArticleView.byline(article.getByline()), blankToNull(article.getDateline()),
                new Link(article.getSection().getName(), "/sections/" + article.getSection().getSlug()),
                List.copyOf(tags.getOrDefault(article.getId(), List.of())), article.getPublishedAt(),
                article.getUpdatedAt())).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
