package io.broadsheet.search;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.broadsheet.article.Article;
import io.broadsheet.article.ArticleListings;
import io.broadsheet.article.ArticleListings.PublicNow;
import io.broadsheet.article.ArticleSummary;
import io.broadsheet.caching.ReaderCaching.NotKept;
import io.broadsheet.section.SectionDirectory;
import io.broadsheet.section.SectionDirectory.SectionLink;
import io.broadsheet.system.NotFoundException;
import io.broadsheet.system.PageNumber;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateOptionsCollector;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.dsl.CompositeProjectionValueStep;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.jsoup.nodes.Entities;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search over the headline, standfirst and body of the stories public now. Words are matched stemmed
 * (English) in the three as one text, all of them must occur, and a story whose headline has them scores again
 * for that, four times over (on top of Lucene's usual weighting by how rare a word is). Quotes search for a phrase,
 * a leading minus excludes a word.
 *
 * <p>A search reads the index, not the database, through Hibernate Search's session: it runs with an entity
 * manager but no transaction of its own ({@code SUPPORTS}), so that beginning one takes no pooled connection; the
 * one database read, which of the stories found are public ({@link ArticleListings#publicNow}), begins its own
 * when it has stories to read.
 */
@Service
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class SiteSearch {

    public static final int PAGE_SIZE = 10;

    /** Longer queries are cut to this (at a word): no one types more, and each word costs a clause. */
    public static final int MAX_QUERY_LENGTH = 200;

    /** Readers page through the first thousand results at most; a deeper page would cost more than it helps. */
    public static final int MAX_RESULTS = 1000;

    static final float HEADLINE_WEIGHT = 4f;

    /**
     * Headline matches first ({@link #headlineMatchesFirst}) when every word of the search is in at least this many
     * stories; with a rarer word, the whole search is cheap (Lucene alone at a million stories: 0.33 ms on average
     * for a rarest word in 2,000-5,000 stories, 4.9 ms for one in over 100,000), and one query is cheaper than two.
     */
    static final int HEADLINE_MATCHES_FIRST_FROM = 5_000;

    private final ArticleListings listings;
    private final SectionDirectory sections;
    private final Clock clock;
    private final WordMarks marks = new WordMarks();

    @PersistenceContext
    private EntityManager entityManager;

    SiteSearch(ArticleListings listings, SectionDirectory sections, Clock clock) {
        this.listings = listings;
        this.sections = sections;
        this.clock = clock;
    }

    public record Query(String text, boolean shortened) implements NotKept {

        static Query of(String raw) {
            String text = raw == null ? "" : raw.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
            if (text.length() <= MAX_QUERY_LENGTH) {
                return new Query(text, false);
            }
            int cut = text.lastIndexOf(' ', MAX_QUERY_LENGTH);
            return new Query(text.substring(0, cut > MAX_QUERY_LENGTH / 2 ? cut : MAX_QUERY_LENGTH).strip(), true);
        }

        public boolean isEmpty() {
            return text.isEmpty();
        }
    }

    /** One result: the story, and its headline and a snippet as HTML in which only {@code <mark>} is markup. */
    public record Hit(ArticleSummary story, String headlineHtml, String snippetHtml) implements NotKept {
    }

    /**
     * {@code total}: how many stories matched, exactly when {@code totalExact}; otherwise at least that many (the
     * count stops at {@link #MAX_RESULTS}, which is as far as a reader can page).
     */
    public record Results(Query query, List<Hit> hits, long total, boolean totalExact, PageNumber page)
            implements NotKept {

        public long shownTotal() {
            return totalExact ? total : MAX_RESULTS;
        }

        public boolean hasPrevious() {
            return !page.isFirst();
        }

        public boolean hasNext() {
            long shown = (long) page.value() * PAGE_SIZE;
            return shown < Math.min(total, MAX_RESULTS);
        }
    }

    /** A story as the index holds it, and its score for the search. */
    record Found(long id, String slug, String headline, String summary, String body, float score) {
    }

    /** A page of what the index found, and how many stories it found (at least that many, unless exact). */
    record FoundPage(List<Found> hits, long total, boolean exact) {
    }

    public Results search(String rawQuery, PageNumber page) {
        Query query = Query.of(rawQuery);
        if (query.isEmpty()) {
            return new Results(query, List.of(), 0, true, page);
        }
        int offset = page.index() * PAGE_SIZE;
        if (offset >= MAX_RESULTS) {
            throw new NotFoundException("Search results stop at " + MAX_RESULTS);
        }
        Instant now = clock.instant();
        FoundPage result = headlineMatchesFirst(query, offset, now, HEADLINE_MATCHES_FIRST_FROM)
                .orElseGet(() -> everything(query, offset, now));
        if (!page.isFirst() && result.hits().isEmpty()) {
            throw new NotFoundException("No page " + page.value() + " of results");
        }
        // The index says which, in what order and how they read (it changes with each story's commit); the database,
        // which of them are public right now, in which section (answers kept per story until a story changes, else
        // read from index entries alone, no row: see publicNow).
        Map<Long, PublicNow> visible = listings.publicNow(result.hits().stream().map(Found::id).toList()).stream()
                .collect(Collectors.toMap(PublicNow::id, Function.identity(), (first, same) -> first));
        Set<String> words = marks.wordsOf(query.text());
        List<Hit> hits = new ArrayList<>(result.hits().size());
        for (Found found : result.hits()) {
            PublicNow story = visible.get(found.id());
            Optional<SectionLink> section = story == null ? Optional.empty() : sections.byId(story.sectionId());
            if (section.isPresent()) {
                hits.add(hit(new ArticleSummary(found.slug(), found.headline(), found.summary(),
                        section.get().slug(), section.get().name(), story.publishedAt()), found, words));
            }
        }
        return new Results(query, hits, result.total(), result.exact(), page);
    }

    /**
     * The page as the whole search finds it: every story with all the words, ranked by Lucene's weighting of them,
     * plus {@link #HEADLINE_WEIGHT} times that of those in its headline.
     */
    FoundPage everything(Query query, int offset, Instant now) {
        SearchResult<Found> result = ranked(query, offset, now, false);
        return new FoundPage(result.hits(), result.total().hitCountLowerBound(), result.total().isHitCountExact());
    }

    /**
     * The same page from the stories with a word of the search in their headline, when that is sure to be the same:
     * when the last story of the page scores more than any story can without a headline match
     * ({@link TextScoreCeiling}), no story without one can be on the page, since every other story scores less.
     * Otherwise (too few such stories, or weaker ones) nothing, and the whole search runs.
     *
     * <p>For words most of the archive holds, the whole search scores a good part of the archive to find the ten
     * best; the stories with one of the words in the headline are a few in a hundred of those. Over a million
     * generated stories and 300 searches for two common words: 5.1 ms of Lucene's time on average against 1.9 ms,
     * the same ten stories for each (and for 600 searches of a reader's words, three in four of them answered so).
     * Searches with operators whose scores the ceiling does not cover (a prefix, a fuzzy word) run whole, and so do
     * searches with a word that fewer than {@code fromStories} stories hold: the whole search walks no more than
     * those, and is cheaper than two.
     */
    Optional<FoundPage> headlineMatchesFirst(Query query, int offset, Instant now, int fromStories) {
        if (query.text().indexOf('*') >= 0 || query.text().indexOf('~') >= 0) {
            return Optional.empty();
        }
        Optional<TextScoreCeiling> ceiling = TextScoreCeiling.of(entityManager, query.text());
        if (ceiling.isEmpty() || ceiling.get().fewestStories() < fromStories) {
            return Optional.empty();
        }
        SearchResult<Found> result = ranked(query, offset, now, true);
        List<Found> hits = result.hits();
        if (hits.size() < PAGE_SIZE || hits.get(PAGE_SIZE - 1).score() <= ceiling.get().score()) {
            return Optional.empty();
        }
        long headlineMatches = result.total().hitCountLowerBound();
        if (headlineMatches >= MAX_RESULTS) {
            return Optional.of(new FoundPage(hits, headlineMatches, false));
        }
        // How many the whole search finds, up to the thousand: without scores, Lucene stops at the thousandth.
        var all = Search.session(entityManager).search(Article.class)
                .select(f -> f.id(Long.class))
                .where(f -> f.bool().filter(allTheWords(f, query)).with(visibleAt(f, now)))
                .totalHitCountThreshold(MAX_RESULTS)
                .fetch(1);
        return Optional.of(new FoundPage(hits, all.total().hitCountLowerBound(), all.total().isHitCountExact()));
    }

    /** A page of the stories with all the words, ranked; with a word in the headline too if {@code headlineMatch}. */
    private SearchResult<Found> ranked(Query query, int offset, Instant now, boolean headlineMatch) {
        return Search.session(entityManager).search(Article.class)
                .select(SiteSearch::found)
                .where(f -> {
                    var bool = f.bool().must(allTheWords(f, query)).with(visibleAt(f, now));
                    // One clause for the headline's words, not one per field for each word: per word, Lucene
                    // merged three lists (headline, standfirst, body) and could hardly skip any story.
                    return headlineMatch ? bool.must(headlineWords(f, query)) : bool.should(headlineWords(f, query));
                })
                // Counting stops at the first thousand: past it Lucene may skip the stories that cannot make the
                // page, instead of scoring every one of them (most of a large archive, for common words).
                .totalHitCountThreshold(MAX_RESULTS)
                .fetch(offset, PAGE_SIZE);
    }

    private static PredicateFinalStep allTheWords(SearchPredicateFactory f, Query query) {
        return f.simpleQueryString().field("text").matching(query.text()).defaultOperator(BooleanOperator.AND);
    }

    private static PredicateFinalStep headlineWords(SearchPredicateFactory f, Query query) {
        return f.simpleQueryString().field("headline").boost(HEADLINE_WEIGHT).matching(query.text())
                .defaultOperator(BooleanOperator.OR);
    }

    /**
     * What a result shows, from the index (no story's row): WordMarks marks the words in the headline and picks the
     * sentence of the body, as stored in the index, with the most of them (no highlighter).
     */
    private static CompositeProjectionValueStep<?, Found> found(SearchProjectionFactory<?, ?> f) {
        return f.composite()
                .from(f.id(Long.class), f.field("slug", String.class), f.field("headline", String.class),
                        f.field("summary", String.class), f.field("body", String.class), f.score())
                .asList(found -> new Found((Long) found.get(0), (String) found.get(1), (String) found.get(2),
                        (String) found.get(3), (String) found.get(4), (Float) found.get(5)));
    }

    /**
     * Public at {@code now}: the index holds published stories only ({@code IndexedWhenPublished}), so what is left
     * to exclude is those published for later, as a clause that excludes rather than a filter that includes: it holds
     * only the few such stories (most often none, and then Lucene drops the clause), while a filter on "published
     * before now" holds nearly the whole archive and kept Lucene from skipping the stories that cannot make the page
     * (a search over a million stories took twice as long on average with it). The database checks each hit again.
     */
    static Consumer<BooleanPredicateOptionsCollector<?, ?>> visibleAt(SearchPredicateFactory f, Instant now) {
        return bool -> bool.mustNot(f.range().field("publishedAt").greaterThan(now));
    }

    private Hit hit(ArticleSummary story, Found found, Set<String> words) {
        String snippet = marks.snippet(found.body(), words);
        return new Hit(story, marks.mark(story.headline(), words), snippet == null ? escape(story.summary()) : snippet);
    }

    private static String escape(String text) {
        return Entities.escape(text == null ? "" : text);
    }
}
