package io.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import java.net.http.HttpResponse;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.broadsheet.article.ArticleListings;
import io.broadsheet.support.Eventually;
import io.broadsheet.support.HtmlChecker;
import io.broadsheet.support.Http;
import io.broadsheet.support.SiteTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A search that cannot reach the database gets the 503 "back soon" page, whether it searched at once or waited
 * for its turn (then it fails on one of the turns' threads and is answered in a later, async, dispatch), and its
 * turn is given back either way. Which stories are public is read from the database; here that read fails.
 */
@SiteTest
@TestPropertySource(properties = {"broadsheet.search.concurrent=1", "broadsheet.search.wait-for-turn=5s"})
class SearchDuringOutageTest {

    @MockitoSpyBean
    ArticleListings listings;

    @Autowired
    SearchTurns turns;

    @LocalServerPort
    int port;

    @AfterEach
    void databaseBack() {
        reset(listings);
    }

    void databaseGone() {
        doThrow(new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                new SQLTransientConnectionException("Connection is not available, request timed out")))
                .when(listings).publicNow(any());
    }

    @Test
    void aSearchAtOnceGetsTheBackSoonPage() {
        databaseGone();
        assertBackSoonPage(Http.get(port, "/search?q=Kandahar+outage"));

        reset(listings);
        assertThat(Http.get(port, "/search?q=Kandahar+outage").statusCode()).isEqualTo(200);
    }

    @Test
    void aSearchThatWaitedGetsTheBackSoonPageAndItsTurnIsGivenBack() throws Exception {
        databaseGone();
        assertThat(turns.take()).isCompleted();
        CompletableFuture<HttpResponse<String>> waiting;
        try {
            waiting = CompletableFuture.supplyAsync(() -> Http.get(port, "/search?q=Kandahar+waited"));
            assertThat(Eventually.value(turns::waiting, n -> n == 1)).isEqualTo(1);
        } finally {
            turns.giveBack();
        }
        assertBackSoonPage(waiting.get(10, TimeUnit.SECONDS));

        reset(listings);
        HttpResponse<String> after = Http.get(port, "/search?q=Kandahar+waited");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(after.body()).select(".search-results h2").eachText())
                .containsExactly(SearchTurnsTest.SEED);
    }

    static void assertBackSoonPage(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("We\u2019ll be right back");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(HtmlChecker.errorsIn(response.body())).isEmpty();
    }
}
