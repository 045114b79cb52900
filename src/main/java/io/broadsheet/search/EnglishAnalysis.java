package io.broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.broadsheet.article.Article;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.model.dsl.LuceneAnalysisOptionalComponentsStep;

/**
 * The "english" analyzer, for both backends: words are split, possessives dropped, lower-cased, stop words removed,
 * accents folded and stemmed, so "seized" finds "seize" and "Zürich" finds "zurich". Named in
 * {@code hibernate.search.backend.analysis.configurer}, which each backend reads with its own interface.
 *
 * <p>The two chains are the same filters under each engine's names, side by side so that they change together.
 * On Elasticsearch and OpenSearch the definition is part of the index settings and takes the place of the servers'
 * built-in analyzer of that name, which has no accent folding.
 */
public class EnglishAnalysis implements LuceneAnalysisConfigurer, ElasticsearchAnalysisConfigurer {

    /** Lucene's names of the tokenizer and the filters, in order. */
    private static final String TOKENIZER = "standard";
    private static final String STEMMER = "porterStem";
    private static final String[] FILTERS = {"englishPossessive", "lowercase", "stop", "asciiFolding", STEMMER};

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        LuceneAnalysisOptionalComponentsStep chain = context.analyzer(Article.TEXT_ANALYZER).custom()
                .tokenizer(TOKENIZER);
        for (String filter : FILTERS) {
            chain = chain.tokenFilter(filter);
        }
    }

    /** The same chain outside the index (Lucene's own builder, the same names), for marking a headline's words. */
    static Analyzer standalone() {
        return standalone(null);
    }

    /** As {@link #standalone()}, with one more filter just before the stemmer (none if {@code null}). */
    static Analyzer standalone(Class<? extends TokenFilterFactory> beforeStemming) {
        try {
            CustomAnalyzer.Builder builder = CustomAnalyzer.builder().withTokenizer(TOKENIZER);
            for (String filter : FILTERS) {
                if (beforeStemming != null && filter.equals(STEMMER)) {
                    builder.addTokenFilter(beforeStemming);
                }
                builder.addTokenFilter(filter);
            }
            return builder.build();
        } catch (IOException e) {
            // the filters named here need no files
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.tokenFilter("broadsheet_english_possessive").type("stemmer").param("language", "possessive_english");
        // Lucene's "stop" above has the same default list as Elasticsearch's _english_
        context.tokenFilter("broadsheet_english_stop").type("stop").param("stopwords", "_english_");
        context.analyzer(Article.TEXT_ANALYZER).custom()
                .tokenizer("standard")
                .tokenFilters("broadsheet_english_possessive", "lowercase", "broadsheet_english_stop", "asciifolding",
                        "porter_stem");
    }
}
