package io.broadsheet.article;

import org.hibernate.search.mapper.pojo.bridge.RoutingBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.RoutingBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.RoutingBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.RoutingBridgeRouteContext;
import org.hibernate.search.mapper.pojo.route.DocumentRoutes;

/**
 * Only published stories are in the search index: a draft or an archived story is no reader's result, so it is left
 * out (and taken out when it stops being published) rather than excluded by each search. An exclusion cost each
 * search far more than its few stories suggest: Lucene scores the stories between two excluded ones as a run of
 * its own, and three drafts or archived stories in a hundred cut a search for common words into thousands of short runs. A story
 * published for later is indexed, and searches leave it out until its time.
 */
public class IndexedWhenPublished implements RoutingBinder {

    @Override
    public void bind(RoutingBindingContext context) {
        context.dependencies().use("status");
        context.bridge(Article.class, new Bridge());
    }

    private static final class Bridge implements RoutingBridge<Article> {

        @Override
        public void route(DocumentRoutes routes, Object id, Article article, RoutingBridgeRouteContext context) {
            if (article.getStatus() == ArticleStatus.PUBLISHED) {
                routes.addRoute();
            } else {
                routes.notIndexed();
            }
        }

        @Override
        public void previousRoutes(DocumentRoutes routes, Object id, Article article,
                RoutingBridgeRouteContext context) {
            // it may have been published before: if so, its document goes
            routes.addRoute();
        }
    }
}
