package io.broadsheet.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.broadsheet.system.NotFoundException;
import io.broadsheet.system.PageNumber;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reader side's read-only questions: one story, and pages of the newest stories overall, by section or tag.
 *
 * <p>Answers are kept (Caffeine) under the {@link StoriesVersion}, which moves on when any story changes (at once
 * on this instance, within a minute through another) or a scheduled story comes due, so a scheduled story shows
 * up at the next minute at the latest; any change to any story also drops everything kept once its transaction
 * commits. So a repeat view of an unchanged page asks the database nothing. Each question
 * is one repository call with its own read-only transaction; a kept answer opens none.
 */
@Service
public class ArticleListings {

    public static final int PAGE_SIZE = 20;

    /** Unused answers go after this; the version, not time, says when a kept answer is out of date. */
    private static final Duration KEPT_UNUSED_FOR = Duration.ofMinutes(10);

    private record StoryKey(String slug, long version) {
    }

    private record ListingKey(String kind, String slug, int pageIndex, long version) {
    }

    /** How many ids {@link #publicNow} asks about in one statement: a page of search results. */
    static final int IDS_PER_QUERY = 10;

    /**
     * Which of ten stories (an id may repeat) are published, with their section and publish time, due or not (the
     * caller checks the time): all of it is in the index {@code article_visibility_by_id}, so no story's row is read.
     */
    private static final String PUBLISHED_BY_IDS = "select a.id, a.section.id, a.publishedAt from Article a"
            + " where a.id in (" + IntStream.rangeClosed(1, IDS_PER_QUERY).mapToObj(i -> "?" + i)
                    .collect(Collectors.joining(", "))
            + ") and a.status = io.broadsheet.article.ArticleStatus.PUBLISHED";

    /** A story public now, as {@link #publicNow} finds it. */
    public record PublicNow(long id, long sectionId, Instant publishedAt) {
    }

    private record VisibilityKey(long id, long version) {
    }

    /** A published story's section and publish time, due or not, as {@link #publicNow} last read them. */
    private record Published(long sectionId, Instant publishedAt) {
    }

    /**
     * How many stories' answers {@link #publicNow} keeps: about 150 bytes each with the cache's own, 3 MB. A page
     * of search results shows ten stories, and readers' searches come back to the same stories (the news of the
     * day, the headline matches of common words).
     */
    static final int VISIBILITY_KEPT = 20_000;

    private final Cache<StoryKey, Optional<ArticlePage>> stories = Caffeine.newBuilder()
            .expireAfterAccess(KEPT_UNUSED_FOR).maximumSize(2_000).build();
    private final Cache<ListingKey, Listing> listings = Caffeine.newBuilder()
            .expireAfterAccess(KEPT_UNUSED_FOR).maximumSize(5_000).build();
    private final Cache<VisibilityKey, Optional<Published>> visibility = Caffeine.newBuilder()
            .expireAfterAccess(KEPT_UNUSED_FOR).maximumSize(VISIBILITY_KEPT).build();

    private final ArticleRepository articles;
    private final ArticleSlugAliasRepository aliases;
    private final RelatedNews related;
    private final Clock clock;
    private final RecentWindow window;
    private final StoriesVersion version;
    /** The read of the stories without a kept answer: only then is a connection taken (see publicNow). */
    private final TransactionTemplate readOnly;

    @PersistenceContext
    private EntityManager entityManager;

    ArticleListings(ArticleRepository articles, ArticleSlugAliasRepository aliases, RelatedNews related,
            Clock clock, RecentWindow window, StoriesVersion version, PlatformTransactionManager transactions) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.window = window;
        this.version = version;
        this.articles = articles;
        this.aliases = aliases;
        this.related = related;
        this.clock = clock;
    }

    /** Where a former slug of a public story points now, if it is one. */
    public Optional<String> currentSlugFor(String formerSlug) {
        return aliases.findById(formerSlug)
                .flatMap(alias -> articles.findById(alias.getArticleId()))
                .filter(article -> article.isVisibleAt(clock.instant()))
                .map(Article::getSlug);
    }

    /** The public story at this slug with its related news; empty when there is none (yet). */
    public Optional<ArticlePage> article(String slug) {
        Instant now = clock.instant();
        return stories.get(new StoryKey(slug, version.at(now)), key -> articles.findWithSectionAndTagsBySlug(slug)
                .filter(article -> article.isVisibleAt(now))
                .map(article -> new ArticlePage(ArticleView.of(article), related.of(article, now))));
    }

    /** Related news for a story that may not be public yet (the newsroom's preview). */
    public List<RelatedArticle> relatedTo(Article article) {
        return related.of(article, clock.instant());
    }

    public Listing latest(PageNumber page) {
        Instant now = clock.instant();
        return kept("latest", "", page, now, (since, pageable) -> articles.findLatest(now, since, pageable));
    }

    public Listing latestInSection(String sectionSlug, PageNumber page) {
        Instant now = clock.instant();
        return kept("section", sectionSlug, page, now,
                (since, pageable) -> articles.findLatestInSection(sectionSlug, now, since, pageable));
    }

    public Listing latestWithTag(String tagSlug, PageNumber page) {
        Instant now = clock.instant();
        return kept("tag", tagSlug, page, now,
                (since, pageable) -> RecentWindow.isWholeArchive(since)
                        ? articles.findLatestWithTag(tagSlug, now, since, pageable)
                        : articles.findRecentWithTag(tagSlug, now, since, pageable));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void forgetOnChange(ArticleChanged change) {
        stories.invalidateAll();
        listings.invalidateAll();
        visibility.invalidateAll();
    }

    private Listing kept(String kind, String slug, PageNumber page, Instant now,
            BiFunction<Instant, Pageable, Slice<ArticleSummary>> query) {
        return listings.get(new ListingKey(kind, slug, page.index(), version.at(now)),
                key -> listing(page, window.since(now), query));
    }

    /**
     * The stories among these ids that are public now, in no particular order: the check a page of search results
     * makes of what the index found. Each story's answer is kept for the current {@link StoriesVersion} (the
     * version moves on when a story changes, here or through another instance), and only the stories without one
     * are read, from index entries only (a row carries its body: at a million stories, the rows read and cached for
     * this check were most of what a search left for the garbage collector). Without the kept answers, H2's page
     * cache read an index page or two for each search and dropped older ones, which the garbage collector had
     * already moved to the old generation: at a million stories, half of what searches left there. A read-only
     * transaction is begun for the stories without an answer only: when every answer is kept, no connection is
     * taken from the pool (nothing to wait for under load, and the search answers while the database is away).
     */
    public List<PublicNow> publicNow(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        long at = version.at(now);
        Map<VisibilityKey, Optional<Published>> known = visibility.getAll(
                ids.stream().map(id -> new VisibilityKey(id, at)).toList(),
                missing -> readOnly.execute(status -> published(missing)));
        List<PublicNow> found = new ArrayList<>(known.size());
        known.forEach((key, published) -> published
                .filter(story -> !story.publishedAt().isAfter(now))
                .ifPresent(story -> found.add(new PublicNow(key.id(), story.sectionId(), story.publishedAt()))));
        return found;
    }

    /**
     * Which of these stories are published, read {@value #IDS_PER_QUERY} ids at a time in a query of always the
     * same shape (a short list repeats its last id): with one list parameter, Hibernate translated the query to SQL
     * again on every call (the SQL depends on the list's length) and Spring Data's binding of a collection went
     * through a caught exception each time, together a seventh of a search's CPU.
     */
    private Map<VisibilityKey, Optional<Published>> published(Set<? extends VisibilityKey> keys) {
        List<VisibilityKey> all = List.copyOf(keys);
        Map<VisibilityKey, Optional<Published>> answers = new HashMap<>();
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            List<VisibilityKey> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
            TypedQuery<Object[]> query = entityManager.createQuery(PUBLISHED_BY_IDS, Object[].class);
            for (int i = 0; i < IDS_PER_QUERY; i++) {
                query.setParameter(i + 1, chunk.get(Math.min(i, chunk.size() - 1)).id());
            }
            Map<Long, Published> rows = new HashMap<>();
            for (Object[] row : query.getResultList()) {
                if (row[2] != null) {
                    rows.put((Long) row[0], new Published((Long) row[1], (Instant) row[2]));
                }
            }
            for (VisibilityKey key : chunk) {
                answers.put(key, Optional.ofNullable(rows.get(key.id())));
            }
        }
        return answers;
    }

    private static Listing listing(PageNumber page, Instant since,
            BiFunction<Instant, Pageable, Slice<ArticleSummary>> query) {
        Pageable pageable = PageRequest.of(page.index(), PAGE_SIZE);
        Slice<ArticleSummary> slice = query.apply(since, pageable);
        // The recent stories are the head of the whole listing: a full page with more after it is the right one.
        if (RecentWindow.wholeArchiveNeeded(since, slice.getNumberOfElements() == PAGE_SIZE && slice.hasNext())) {
            slice = query.apply(RecentWindow.WHOLE_ARCHIVE, pageable);
        }
        if (!page.isFirst() && slice.isEmpty()) {
            throw new NotFoundException("No page " + page.value());
        }
        return new Listing(List.copyOf(slice.getContent()), page, slice.hasNext());
    }

    public record ArticlePage(ArticleView article, List<RelatedArticle> related) {
    }
}
