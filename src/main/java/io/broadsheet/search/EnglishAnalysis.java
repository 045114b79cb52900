package io.broadsheet.search;

import io.broadsheet.article.Article;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The "english" analyzer for the embedded Lucene backend, close to Elasticsearch's and OpenSearch's built-in
 * analyzer of that name (which is why a switch to either needs no code: they have it already). Words are split,
 * possessives dropped, lower-cased, stop words removed, accents folded and stemmed, so "seized" finds "seize".
 * Named in {@code hibernate.search.backend.analysis.configurer}.
 */
public class EnglishAnalysis implements LuceneAnalysisConfigurer {

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(Article.TEXT_ANALYZER).custom()
                .tokenizer("standard")
                .tokenFilter("englishPossessive")
                .tokenFilter("lowercase")
                .tokenFilter("stop")
                .tokenFilter("asciiFolding")
                .tokenFilter("porterStem");
    }
}
