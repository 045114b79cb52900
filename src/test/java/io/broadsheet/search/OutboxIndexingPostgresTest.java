package io.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.broadsheet.support.Eventually;
import io.broadsheet.support.Http;
import io.broadsheet.support.PostgresSiteTest;
import io.broadsheet.support.TestNewsroom;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The outbox tables of migration V5 are the ones Hibernate Search's outbox-polling coordination expects: the
 * application starts on PostgreSQL with them switched on (the embedded Lucene backend, schema validated by
 * Hibernate), and a story published in the newsroom goes through {@code hsearch_outbox_event} to the index in the
 * background. Its own context, closed after the class, so its event processor does not poll on behind other tests.
 */
@PostgresSiteTest
@TestPropertySource(properties = {
        "spring.jpa.properties.hibernate.search.coordination.strategy=outbox-polling",
        "spring.jpa.properties.hibernate.search.indexing.plan.synchronization.strategy="})
@Import(TestNewsroom.class)
@DirtiesContext
class OutboxIndexingPostgresTest {

    @Autowired
    TestNewsroom newsroom;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Test
    void storyPublishedInTheNewsroomReachesTheIndexThroughTheOutbox() throws Exception {
        newsroom.publish("Quillwort found in the Panjshir",
                "Botanists counted quillwort beside the river for the first time.", "Outbox Desk");

        assertThat(Eventually.value(() -> headlinesFound("quillwort"), found -> !found.isEmpty()))
                .as("search results within %s", Eventually.PATIENCE)
                .containsExactly("Quillwort found in the Panjshir");
        assertThat(eventsLeftInOutbox(jdbc)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from hsearch_agent where type like 'EVENT_PROCESSING%'",
                Long.class)).as("this instance's event processor is registered").isEqualTo(1);
    }

    /** The headlines on the search page, as a reader reads them. */
    List<String> headlinesFound(String query) {
        return Jsoup.parse(Http.get(port, "/search?q=" + query).body()).select(".search-results h2").eachText();
    }

    /** Events in the outbox once it has drained (or as many as are left when patience runs out). */
    static long eventsLeftInOutbox(JdbcTemplate jdbc) {
        return Eventually.value(() -> jdbc.queryForObject("select count(*) from hsearch_outbox_event", Long.class),
                events -> events == 0);
    }
}
