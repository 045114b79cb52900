package io.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.broadsheet.support.Eventually;
import io.broadsheet.support.Http;
import io.broadsheet.support.TestArticles;
import io.broadsheet.support.TestClockConfiguration;
import io.broadsheet.support.TestNewsroom;
import io.broadsheet.support.TestStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The {@code elasticsearch} profile as it ships, on the embedded database (H2, schema validated by Hibernate, so
 * migration V5 fits there too), against a fake Elasticsearch ({@link FakeElasticsearch}): the application starts,
 * creates its index with the "english" analyzer of {@link EnglishAnalysis}, and a story published in the newsroom
 * goes through the outbox to a bulk indexing request; a story page opens even when the search server fails. No real
 * server answers here, so what Elasticsearch would make of the requests (analysis, scores) is not shown.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({"test", "elasticsearch"})
@ContextConfiguration(initializers = FakeElasticsearch.class)
// the test profile's in-memory Lucene directory means nothing to this backend
@TestPropertySource(properties = "spring.jpa.properties.hibernate.search.backend.directory.type=")
@Import({TestClockConfiguration.class, TestArticles.class, TestStaff.class, TestNewsroom.class})
@DirtiesContext
class ElasticsearchProfileTest {

    @Autowired
    TestNewsroom newsroom;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @AfterEach
    void searchesWork() {
        FakeElasticsearch.failSearches(false);
    }

    @Test
    void startsWithItsIndexAndTheEnglishAnalyzerOnTheServer() {
        List<FakeElasticsearch.Request> requests = FakeElasticsearch.requests();
        assertThat(requests).anySatisfy(request -> assertThat(request.path()).isEqualTo("/"));
        assertThat(requests).filteredOn(request -> request.method().equals("PUT")).singleElement()
                .satisfies(created -> assertThat(created.body())
                        .contains("\"english\"", "\"possessive_english\"", "\"_english_\"", "\"asciifolding\"",
                                "\"porter_stem\"")
                        .contains("\"headline\"", "\"text\"", "\"body\""));
    }

    @Test
    void storyPublishedInTheNewsroomIsSentToTheServerThroughTheOutbox() throws Exception {
        newsroom.publish("Saffron growers of Herat share one index", "The cooperative now sells abroad.",
                "Shared Index Desk");

        List<FakeElasticsearch.Request> sent = Eventually.value(() -> bulkRequestsWith("Saffron growers of Herat"),
                bulks -> !bulks.isEmpty());
        assertThat(sent).as("bulk requests carrying the story, within %s", Eventually.PATIENCE).isNotEmpty();
        assertThat(sent.get(0).body()).contains("The cooperative now sells abroad.");
        assertThat(OutboxIndexingPostgresTest.eventsLeftInOutbox(jdbc)).isZero();
    }

    @Test
    void storyPageOpensWhenTheSearchServerFails() throws Exception {
        newsroom.publish("Kabul river runs high after the thaw", "Gauges at the bridge read higher than last spring.",
                "Shared Index Desk");
        FakeElasticsearch.failSearches(true);
        int before = FakeElasticsearch.requests().size();

        var page = Http.get(port, "/articles/kabul-river-runs-high-after-the-thaw");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Kabul river runs high after the thaw");
        List<FakeElasticsearch.Request> since = FakeElasticsearch.requests().subList(before,
                FakeElasticsearch.requests().size());
        assertThat(since).as("related news asked the failing server")
                .anySatisfy(request -> assertThat(request.path()).endsWith("/_search"));
    }

    static List<FakeElasticsearch.Request> bulkRequestsWith(String text) {
        return FakeElasticsearch.requests().stream()
                .filter(request -> request.path().endsWith("/_bulk") && request.body().contains(text)).toList();
    }
}
