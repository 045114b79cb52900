package io.broadsheet.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the search index is looked after. The index itself (where it lives, which backend) is configured with
 * Hibernate Search's own {@code spring.jpa.properties.hibernate.search.*} properties.
 *
 * @param initialIndexing what to do at start-up when the index does not hold every story (it is new, was deleted,
 *        or the database was restored): rebuild it in the background while the site serves (BACKGROUND), rebuild
 *        it before the application reports itself started (WAIT, for tests), or leave it (OFF, for instances that
 *        share an Elasticsearch index another instance looks after)
 */
@ConfigurationProperties("broadsheet.search")
public record SearchProperties(@DefaultValue("background") InitialIndexing initialIndexing) {

    public enum InitialIndexing {
        BACKGROUND, WAIT, OFF
    }
}
