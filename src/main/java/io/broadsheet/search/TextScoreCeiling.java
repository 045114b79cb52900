package io.broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import io.broadsheet.article.Article;
import jakarta.persistence.EntityManager;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.index.LuceneIndexManager;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.util.common.SearchException;

/**
 * The most a story can score for the words of a search in the {@code text} field alone (headline, standfirst and
 * body as one text), that is, without a match in its headline. Under Lucene's BM25 (Hibernate Search's default) a
 * word scores below its weight, {@code log(1 + (N - n + 0.5) / (n + 0.5))} for {@code n} of {@code N} stories
 * holding it, however often a story repeats it; a phrase scores below the sum of its words' weights. So the sum over
 * every word of the search (the excluded ones too, which only raises it) is above any such score. With {@code N}
 * the index's size, deleted stories included, it is higher still than the weight BM25 uses.
 *
 * @param score the ceiling
 * @param fewestStories how many stories hold the rarest word of the search: the whole search walks at most those
 */
record TextScoreCeiling(double score, int fewestStories) {

    /** Room for the rounding of scores, which Lucene adds up in {@code float}. */
    private static final double ROUNDING = 1e-4;

    /** The ceiling for {@code query}, or nothing when the index is not Lucene's own (a search server). */
    static Optional<TextScoreCeiling> of(EntityManager entityManager, String query) {
        Analyzer analyzer;
        try {
            analyzer = Search.mapping(entityManager.getEntityManagerFactory()).indexedEntity(Article.class)
                    .indexManager().unwrap(LuceneIndexManager.class).searchAnalyzer();
        } catch (SearchException notLucene) {
            return Optional.empty();
        }
        try (IndexReader reader = Search.session(entityManager).scope(Article.class)
                .extension(LuceneExtension.get()).openIndexReader();
                TokenStream words = analyzer.tokenStream("text", query)) {
            CharTermAttribute word = words.addAttribute(CharTermAttribute.class);
            double stories = reader.maxDoc();
            double ceiling = 0;
            int fewest = Integer.MAX_VALUE;
            words.reset();
            while (words.incrementToken()) {
                int holding = reader.docFreq(new Term("text", word.toString()));
                ceiling += Math.log(1 + (stories - holding + 0.5) / (holding + 0.5));
                fewest = Math.min(fewest, holding);
            }
            words.end();
            int fewestStories = fewest == Integer.MAX_VALUE ? 0 : fewest;
            return Optional.of(new TextScoreCeiling(ceiling * (1 + ROUNDING), fewestStories));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
