package io.broadsheet.system;

import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;

/**
 * The query enhancer Spring Data falls back on without a parser: regular expressions, no grammar (see
 * {@link RepositoryConfiguration}). Public and top-level because the ahead-of-time build names it in generated code.
 */
public class SimpleQueryEnhancer implements QueryEnhancerSelector {

    @Override
    public QueryEnhancerFactory select(DeclaredQuery query) {
        return QueryEnhancerFactories.fallback();
    }
}
