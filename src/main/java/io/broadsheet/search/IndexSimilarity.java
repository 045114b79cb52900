package io.broadsheet.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import io.broadsheet.article.Article;
import io.broadsheet.article.ContentSimilarity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.index.LuceneIndexManager;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.util.common.SearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Content similarity from the search index. On the embedded Lucene backend it is Lucene's MoreLikeThis: the
 * story's 25 most significant terms (frequent in it, rare in the archive), each weighted by that significance. On
 * another backend (Elasticsearch, OpenSearch) MoreLikeThis is out of reach, and it falls back to a match on the
 * words of the story's headline and standfirst, so a backend switch needs no code change. When the search server
 * cannot be reached, it finds nothing alike (and says so in the log): related news keeps its tag and section
 * ranking, and the story page still opens.
 *
 * <p>A relative shares at least two of those terms ({@link #MIN_SHARED_TERMS}): one word in common, however rare,
 * is a coincidence (a place, a name), and the requirement lets Lucene pass over the many stories that have only
 * one of the terms instead of scoring each (a story's first view at a million stories: median 88-95 -> 58-61 ms,
 * with the same related news for 400 stories). Scores are made relative to the story's own score for the same
 * query, and stories below {@link #MIN_LIKENESS} are dropped: stories that share only common words ("said",
 * "first") are not relatives.
 *
 * <p>It reads the index alone (the ids and scores of the stories alike), so it runs with an entity manager but no
 * transaction of its own ({@code SUPPORTS}), as search does: beginning one took a pooled connection for no
 * statement on every story's first view.
 */
@Component
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
class IndexSimilarity implements ContentSimilarity {

    static final double MIN_LIKENESS = 0.2;

    static final int MIN_SHARED_TERMS = 2;

    private static final Logger log = LoggerFactory.getLogger(IndexSimilarity.class);

    private static final String[] FIELDS = {"text"};

    @PersistenceContext
    private EntityManager entityManager;

    private record Scored(long id, float score) {
    }

    @Override
    public List<Alike> similarTo(long articleId, String text, Instant now, int limit) {
        SearchSession session = Search.session(entityManager);
        Function<SearchPredicateFactory, PredicateFinalStep> like = likeQuery(session, text);
        if (like == null) {
            return List.of();
        }
        List<Scored> hits;
        try {
            hits = session.search(Article.class)
                    .select(f -> f.composite().from(f.id(Long.class), f.score()).as(Scored::new))
                    .where(f -> f.bool()
                            .must(like.apply(f))
                            .with(SiteSearch.visibleAt(f, now)))
                    .fetchHits(limit + 1);
        } catch (SearchException unreachable) {
            log.warn("Stories alike in text left out of related news: {}", unreachable.getMessage());
            return List.of();
        }
        float own = hits.stream().filter(hit -> hit.id() == articleId).map(Scored::score).findFirst().orElse(0f);
        if (own <= 0) {
            // the story is not (yet) in the index: no yardstick, so no claims of likeness
            return List.of();
        }
        return hits.stream()
                .filter(hit -> hit.id() != articleId)
                .map(hit -> new Alike(hit.id(), hit.score() / own))
                .filter(alike -> alike.likeness() >= MIN_LIKENESS)
                .limit(limit)
                .toList();
    }

    private Function<SearchPredicateFactory, PredicateFinalStep> likeQuery(SearchSession session, String text) {
        LuceneIndexManager lucene;
        try {
            lucene = Search.mapping(entityManager.getEntityManagerFactory()).indexedEntity(Article.class)
                    .indexManager().unwrap(LuceneIndexManager.class);
        } catch (SearchException notLucene) {
            String words = text.lines().limit(2).reduce("", (a, b) -> a + " " + b);
            return words.isBlank() ? null : f -> f.match().fields(FIELDS).matching(words);
        }
        Query query;
        try (IndexReader reader = session.scope(Article.class).extension(LuceneExtension.get()).openIndexReader()) {
            MoreLikeThis moreLikeThis = new MoreLikeThis(reader);
            moreLikeThis.setAnalyzer(lucene.searchAnalyzer());
            moreLikeThis.setFieldNames(FIELDS);
            moreLikeThis.setMinTermFreq(1);
            moreLikeThis.setMinDocFreq(1);
            moreLikeThis.setMinWordLen(3);
            moreLikeThis.setMaxQueryTerms(25);
            moreLikeThis.setBoost(true);
            BooleanQuery terms = (BooleanQuery) moreLikeThis.like("text", new StringReader(text));
            BooleanQuery.Builder shared = new BooleanQuery.Builder().setMinimumNumberShouldMatch(MIN_SHARED_TERMS);
            terms.clauses().forEach(shared::add);
            query = shared.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f -> f.extension(LuceneExtension.get()).fromLuceneQuery(query);
    }
}
