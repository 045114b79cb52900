package io.broadsheet.caching;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestArticles;
import io.broadsheet.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * Rendered pages kept by ETag, over real HTTP. A stale session cookie keeps the whole-answer snapshots out of the
 * way (they never answer a request with a session cookie), so each request reaches the rendered-page store.
 */
@SiteTest
class RenderedPagesTest {

    static final Instant NOW = Instant.parse("2034-03-04T10:00:10Z");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    TestArticles articles;

    @Autowired
    @Qualifier("renderedPages")
    FilterRegistrationBean<RenderedPages> rendered;

    @BeforeEach
    void pinClock() {
        clock.set(NOW);
    }

    HttpResponse<String> fetch(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "JSESSIONID=stale").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPageIsKeptTheSecondTimeItIsRenderedAndServedFromTheStoreAfter() throws Exception {
        articles.publish("Rendered desk story", "Rendered Desk", NOW.minus(Duration.ofHours(1)));
        RenderedPages pages = rendered.getFilter();
        long before = pages.size();

        HttpResponse<String> first = fetch("/sections/rendered-desk");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Rendered desk story");
        assertThat(pages.size()).as("rendered once: not kept").isEqualTo(before);

        HttpResponse<String> second = fetch("/sections/rendered-desk");
        assertThat(pages.size()).as("rendered again: kept").isEqualTo(before + 1);

        HttpResponse<String> third = fetch("/sections/rendered-desk");
        assertThat(pages.size()).isEqualTo(before + 1);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(third.body()).isEqualTo(first.body());
        assertThat(third.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
    }

    @Test
    void aSearchAskedForOnceIsNotKept() throws Exception {
        articles.publish("Rendered search story about lanterns", "Rendered Search Desk", NOW.minus(Duration.ofHours(1)));
        RenderedPages pages = rendered.getFilter();
        long before = pages.size();

        assertThat(fetch("/search?q=lanterns").body()).contains("lanterns");
        assertThat(fetch("/search?q=rendered+lanterns").body()).contains("lanterns");
        assertThat(pages.size()).isEqualTo(before);
    }
}
