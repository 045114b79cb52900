package io.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.broadsheet.support.Eventually;
import io.broadsheet.support.HtmlChecker;
import io.broadsheet.support.Http;
import io.broadsheet.support.SiteTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * One search at a time here and one more waiting, so that the test can hold the only turn and see what readers then
 * get.
 */
@SiteTest
@TestPropertySource(properties = {"broadsheet.search.concurrent=1", "broadsheet.search.wait-for-turn=3s",
        "broadsheet.search.max-waiting=1"})
class SearchTurnsTest {

    static final String SEED = "Taliban overtakes 3 more major cities in Afghanistan in push toward Kabul";

    @Autowired
    SearchTurns turns;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Test
    void aSearchThatGetsNoTurnInTimeIsTold503WithItsWordsKept() throws Exception {
        assertThat(turns.take()).isTrue();
        HttpResponse<String> busy;
        try {
            busy = Http.get(port, "/search?q=Kandahar+Herat");
            // the form without words needs no turn
            assertThat(Http.get(port, "/search").statusCode()).isEqualTo(200);
        } finally {
            turns.giveBack();
        }

        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(busy.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(busy.headers().firstValue("ETag")).isEmpty();
        Document page = Jsoup.parse(busy.body());
        assertThat(page.select("[role=alert]").text()).contains("try again in a few seconds");
        assertThat(page.select("#search-q").val()).isEqualTo("Kandahar Herat");
        assertThat(HtmlChecker.errorsIn(busy.body())).isEmpty();

        HttpResponse<String> after = Http.get(port, "/search?q=Kandahar+Herat");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(after.body()).select(".search-results h2").eachText()).containsExactly(SEED);
    }

    @Test
    void aSearchWaitsForItsTurnRatherThanFailing() throws Exception {
        assertThat(turns.take()).isTrue();
        CompletableFuture<HttpResponse<String>> waiting;
        try {
            waiting = waitingSearch("/search?q=Kandahar+Taliban");
            assertThat(waiting).isNotDone();
        } finally {
            turns.giveBack();
        }
        HttpResponse<String> answer = waiting.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(answer.body()).select(".search-results h2").eachText()).containsExactly(SEED);
    }

    @Test
    void beyondTheSearchesThatMayWaitOneIsToldAtOnce() throws Exception {
        assertThat(turns.take()).isTrue();
        CompletableFuture<HttpResponse<String>> waiting;
        HttpResponse<String> refused;
        try {
            waiting = waitingSearch("/search?q=Kandahar+Helmand");
            refused = Http.get(port, "/search?q=Kandahar+Lashkar");
            // told while the first is still waiting: the second did not wait its three seconds
            assertThat(waiting).isNotDone();
        } finally {
            turns.giveBack();
        }
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(Jsoup.parse(refused.body()).select("#search-q").val()).isEqualTo("Kandahar Lashkar");
        assertThat(waiting.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(meters.get("broadsheet.search.waiting").gauge().value()).isZero();
    }

    @Test
    void aSearchThatFailsGivesItsTurnBack() {
        for (int i = 0; i < 3; i++) {
            assertThat(Http.get(port, "/search?q=Kandahar&page=101").statusCode()).isEqualTo(404);
            assertThat(Http.get(port, "/search?q=zzqqxx+" + i).statusCode()).isEqualTo(200);
        }
    }

    /** A search sent in the background, once the turns' gauge shows it waiting (the test holds the only turn). */
    CompletableFuture<HttpResponse<String>> waitingSearch(String address) {
        CompletableFuture<HttpResponse<String>> search = CompletableFuture.supplyAsync(() -> Http.get(port, address));
        assertThat(Eventually.value(() -> meters.get("broadsheet.search.waiting").gauge().value(), n -> n == 1))
                .isEqualTo(1);
        return search;
    }
}
