package io.broadsheet.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the search index is looked after, and how many searches run at once. The index itself (where it lives, which
 * backend) is configured with Hibernate Search's own {@code spring.jpa.properties.hibernate.search.*} properties.
 *
 * @param initialIndexing what to do at start-up when the index does not hold every story (it is new, was deleted,
 *        or the database was restored): rebuild it in the background while the site serves (BACKGROUND), rebuild
 *        it before the application reports itself started (WAIT, for tests), or leave it (OFF, for instances that
 *        share an Elasticsearch index another instance looks after)
 * @param concurrent how many searches run at once; more wait their turn, first come first served. 0 (the default)
 *        means one per processor the JVM may use: a search is CPU work, and more at once only share the processors
 *        and all finish later
 * @param waitForTurn how long a search waits for its turn before the reader gets a 503 "search is busy" page
 * @param maxWaiting how many searches may wait for their turn at once; one more gets the busy page at once. A
 *        waiting search holds no thread of the web server (it is an asynchronous request), only its connection
 */
@ConfigurationProperties("broadsheet.search")
public record SearchProperties(@DefaultValue("background") InitialIndexing initialIndexing,
        @DefaultValue("0") int concurrent, @DefaultValue("10s") Duration waitForTurn,
        @DefaultValue("100") int maxWaiting) {

    public enum InitialIndexing {
        BACKGROUND, WAIT, OFF
    }

    /** {@link #concurrent}, with 0 resolved to the processors available. */
    int concurrentSearches() {
        return concurrent > 0 ? concurrent : Runtime.getRuntime().availableProcessors();
    }
}
