package io.broadsheet.search;

import io.broadsheet.article.Article;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the search index at start-up when it does not hold as many stories as the database: a first start, a
 * deleted index folder, a restored database, or stories that went in by SQL (the seed migration) rather than
 * through JPA. The rebuild reads every story in batches on its own threads; with {@code initial-indexing=background}
 * the site serves meanwhile (searches see the stories indexed so far), so even a million stories do not hold up
 * start-up. Edits made during a rebuild are indexed by the usual automatic indexing.
 */
@Component
class SearchIndexRebuild {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexRebuild.class);

    private final EntityManagerFactory entityManagers;
    private final SearchProperties properties;
    private final ApplicationEventPublisher events;

    SearchIndexRebuild(EntityManagerFactory entityManagers, SearchProperties properties,
            ApplicationEventPublisher events) {
        this.entityManagers = entityManagers;
        this.properties = properties;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfIncomplete() throws InterruptedException {
        if (properties.initialIndexing() == SearchProperties.InitialIndexing.OFF) {
            return;
        }
        long stories;
        long indexed;
        try (EntityManager entityManager = entityManagers.createEntityManager()) {
            stories = entityManager.createQuery("select count(a) from Article a", Long.class).getSingleResult();
            indexed = Search.session(entityManager).search(Article.class).where(f -> f.matchAll())
                    .fetchTotalHitCount();
        }
        if (stories == indexed) {
            log.info("Search index holds all {} stories", stories);
            return;
        }
        log.info("Search index holds {} of {} stories: rebuilding it ({})", indexed, stories,
                properties.initialIndexing());
        var indexer = Search.mapping(entityManagers).scope(Article.class).massIndexer()
                .typesToIndexInParallel(1).threadsToLoadObjects(1).batchSizeToLoadObjects(100);
        if (properties.initialIndexing() == SearchProperties.InitialIndexing.WAIT) {
            indexer.startAndWait();
            log.info("Search index rebuilt");
            events.publishEvent(new SearchIndexRebuilt());
        } else {
            indexer.start().whenComplete((done, failure) -> {
                if (failure != null) {
                    log.error("Search index rebuild failed", failure);
                } else {
                    log.info("Search index rebuilt");
                }
                // Searches answered meanwhile saw part of the index: pages kept from them must go.
                events.publishEvent(new SearchIndexRebuilt());
            });
        }
    }
}
