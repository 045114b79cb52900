package io.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.broadsheet.support.Eventually;
import io.broadsheet.support.HtmlChecker;
import io.broadsheet.support.Http;
import io.broadsheet.support.SiteTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * One search at a time here and six more waiting, so that the test can hold the only turn and see what readers then
 * get; Tomcat has four threads, fewer than the searches that may wait.
 */
@SiteTest
@TestPropertySource(properties = {"broadsheet.search.concurrent=1", "broadsheet.search.wait-for-turn=3s",
        "broadsheet.search.max-waiting=" + SearchTurnsTest.MAX_WAITING, "server.tomcat.threads.max=4",
        "server.tomcat.threads.min-spare=1"})
class SearchTurnsTest {

    static final int MAX_WAITING = 6;

    static final String SEED = "Taliban overtakes 3 more major cities in Afghanistan in push toward Kabul";

    @Autowired
    SearchTurns turns;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    /** Readers' requests sent at once (the common pool may have only one thread on a small machine). */
    static final ExecutorService background = Executors.newCachedThreadPool();

    @Test
    void aSearchThatGetsNoTurnInTimeIsTold503WithItsWordsKept() throws Exception {
        assertThat(turns.take()).isCompleted();
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
        assertThat(turns.take()).isCompleted();
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
    void beyondTheSearchesThatMayWaitOneIsToldAtOnceAndTheWaitingHoldNoThread() throws Exception {
        assertThat(turns.take()).isCompleted();
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        HttpResponse<String> refused;
        HttpResponse<String> frontPage;
        try {
            // more searches waiting than Tomcat has threads: a waiting search is set aside, it holds none
            // words no other test searches for: none of these pages is kept yet
            List<String> words = List.of("Taliban", "Kabul", "Herat", "Helmand", "Kandahar", "cities");
            for (int i = 1; i <= MAX_WAITING; i++) {
                waiting.add(waitingSearch("/search?q=Afghanistan+" + words.get(i - 1), i));
            }
            refused = Http.get(port, "/search?q=Kandahar+Lashkar");
            frontPage = Http.get(port, "/");
            // told, and the front page served, while the others are still waiting: nobody waited three seconds
            assertThat(waiting).allSatisfy(search -> assertThat(search).isNotDone());
        } finally {
            turns.giveBack();
        }
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(Jsoup.parse(refused.body()).select("#search-q").val()).isEqualTo("Kandahar Lashkar");
        assertThat(frontPage.statusCode()).isEqualTo(200);
        for (CompletableFuture<HttpResponse<String>> search : waiting) {
            HttpResponse<String> answer = search.get(10, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(answer.body()).select(".search-results h2").eachText()).containsExactly(SEED);
        }
        assertThat(meters.get("broadsheet.search.waiting").gauge().value()).isZero();
    }

    @Test
    void aSearchThatWaitedIsKeptForItsNextReaderLikeAnyOther() throws Exception {
        String address = "/search?q=Kandahar+Kabul";
        assertThat(turns.take()).isCompleted();
        CompletableFuture<HttpResponse<String>> first;
        CompletableFuture<HttpResponse<String>> second;
        try {
            first = waitingSearch(address, 1);
            second = waitingSearch(address, 2);
        } finally {
            turns.giveBack();
        }
        HttpResponse<String> answer = first.get(10, TimeUnit.SECONDS);
        assertThat(second.get(10, TimeUnit.SECONDS).body()).isEqualTo(answer.body());
        double hits = snapshotHits();

        HttpResponse<String> third = Http.get(port, address);

        assertThat(snapshotHits()).isEqualTo(hits + 1);
        assertThat(third.body()).isEqualTo(answer.body());
        assertThat(Jsoup.parse(third.body()).select(".search-results h2").eachText()).containsExactly(SEED);
        assertThat(third.headers().firstValue("ETag")).isEqualTo(answer.headers().firstValue("ETag")).isPresent();
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
        return waitingSearch(address, 1);
    }

    /** The same, as the {@code n}th search waiting. */
    CompletableFuture<HttpResponse<String>> waitingSearch(String address, int n) {
        CompletableFuture<HttpResponse<String>> search = CompletableFuture.supplyAsync(() -> Http.get(port, address),
                background);
        assertThat(Eventually.value(() -> meters.get("broadsheet.search.waiting").gauge().value(), w -> w == n))
                .isEqualTo(n);
        return search;
    }

    double snapshotHits() {
        return meters.get("cache.gets").tags("cache", "page-snapshots", "result", "hit").functionCounter().count();
    }

    @AfterAll
    static void stopBackground() {
        background.shutdownNow();
    }
}
