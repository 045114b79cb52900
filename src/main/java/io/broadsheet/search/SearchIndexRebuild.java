package io.broadsheet.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.broadsheet.article.Article;
import io.broadsheet.article.ArticleStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Rebuilds the search index at start-up when it does not hold as many stories as the database has published (it
 * holds no others): a first start, a deleted index folder, a restored database, or stories that went in by SQL (the
 * seed migration) rather than through JPA. The rebuild reads every story in batches on its own threads; with
 * {@code initial-indexing=background} the site serves meanwhile (searches see the stories indexed so far), so even a
 * million stories do not hold up start-up. Edits made during a rebuild are indexed by the usual automatic indexing.
 *
 * <p>An index of an earlier layout (a folder named for an earlier {@link Article#SEARCH_INDEX}) is deleted first:
 * nothing reads it any more, and the new one is built from the database like a first start's.
 */
@Component
class SearchIndexRebuild {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexRebuild.class);

    private static final String BACKEND_TYPE = "spring.jpa.properties.hibernate.search.backend.type";
    private static final String DIRECTORY_ROOT = "spring.jpa.properties.hibernate.search.backend.directory.root";

    /** The names the index has had: "article", then "article-2", and so on. */
    private static final Pattern LAYOUTS = Pattern.compile("article(-\\d+)?");

    private final EntityManagerFactory entityManagers;
    private final SearchProperties properties;
    private final ApplicationEventPublisher events;
    private final Environment environment;

    SearchIndexRebuild(EntityManagerFactory entityManagers, SearchProperties properties,
            ApplicationEventPublisher events, Environment environment) {
        this.entityManagers = entityManagers;
        this.properties = properties;
        this.events = events;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfIncomplete() throws InterruptedException {
        String root = environment.getProperty(DIRECTORY_ROOT, "");
        if ("lucene".equals(environment.getProperty(BACKEND_TYPE, "lucene")) && !root.isBlank()) {
            removeEarlierLayouts(Path.of(root), Article.SEARCH_INDEX);
        }
        if (properties.initialIndexing() == SearchProperties.InitialIndexing.OFF) {
            return;
        }
        long stories;
        long indexed;
        try (EntityManager entityManager = entityManagers.createEntityManager()) {
            stories = entityManager
                    .createQuery("select count(a) from Article a where a.status = :published", Long.class)
                    .setParameter("published", ArticleStatus.PUBLISHED).getSingleResult();
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
                .typesToIndexInParallel(1).threadsToLoadObjects(1).batchSizeToLoadObjects(100)
                // One segment at the end, not the dozens the indexer's flushes leave (24 for a million stories):
                // each word of a search is then looked up once instead of once per segment. 40 s at a million.
                .mergeSegmentsOnFinish(true);
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

    /** Deletes the folders under {@code root} named as the index was named before {@code current}. */
    static void removeEarlierLayouts(Path root, String current) {
        List<Path> earlier;
        try (Stream<Path> folders = Files.list(root)) {
            earlier = folders.filter(Files::isDirectory)
                    .filter(folder -> LAYOUTS.matcher(folder.getFileName().toString()).matches())
                    .filter(folder -> !folder.getFileName().toString().equals(current))
                    .toList();
        } catch (NoSuchFileException none) {
            return;
        } catch (IOException e) {
            log.warn("Could not look for search indexes of an earlier layout in {}: {}", root, e.toString());
            return;
        }
        for (Path folder : earlier) {
            try {
                FileSystemUtils.deleteRecursively(folder);
                log.info("Deleted the search index of an earlier layout, {}: {} takes its place", folder, current);
            } catch (IOException e) {
                log.warn("Could not delete the search index of an earlier layout, {}: {}", folder, e.toString());
            }
        }
    }
}
