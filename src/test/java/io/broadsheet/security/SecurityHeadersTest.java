package io.broadsheet.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.broadsheet.support.Http;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestArticles;
import io.broadsheet.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The headers every response carries, over real HTTP through Tomcat (so the proxy headers are honoured as in
 * production), and no cookie for readers (the staff's cookies: {@code SessionCookiesTest}).
 */
@SiteTest
class SecurityHeadersTest {

    static final String SEED = "/articles/taliban-overtakes-3-more-major-cities-in-afghanistan-in-push-toward-kabul";

    /** Every kind of reader response: pages, listings, search, feeds, sitemaps, robots, errors, static files. */
    static final List<String> READER_ROUTES = List.of("/", "/?page=2", SEED, "/sections/headers-desk",
            "/tags/headers", "/search", "/search?q=kabul", "/feed.xml", "/atom.xml", "/sections/headers-desk/feed.xml",
            "/sections/headers-desk/atom.xml", "/tags/headers/feed.xml", "/tags/headers/atom.xml", "/sitemap.xml",
            "/sitemaps/pages-1.xml", "/news-sitemap.xml", "/robots.txt", "/articles/no-such-story",
            "/sections/no-such-section", "/tags/no-such-tag", "/no/such/page", "/?page=abc", "/search?q=x&page=0",
            "/css/site.css", "/images/logo.png");

    @LocalServerPort
    int port;

    @Autowired
    TestArticles articles;

    @Autowired
    TestClock clock;

    @BeforeEach
    void aStory() {
        clock.set(TestClock.SEED_MORNING);
        if (Http.get(port, "/sections/headers-desk").statusCode() == 404) {
            articles.publish("Headers story", "Headers Desk", TestClock.SEED_MORNING.minusSeconds(3600), "Headers");
        }
    }

    HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "text/html,*/*;q=0.8");
        headers.forEach(request::header);
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", SEED, "/articles/no-such-story", "/search?q=kabul", "/feed.xml", "/login",
            "/admin/articles", "/?page=abc"})
    void everyResponseCarriesTheSecurityHeaders(String path) throws Exception {
        var response = get(path, Map.of());

        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).as(path).contains("script-src 'self'", "object-src 'none'", "base-uri 'self'",
                "form-action 'self'", "frame-ancestors 'none'", "default-src 'self'");
        assertThat(csp).as(path).doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("Permissions-Policy")).as(path).hasValueSatisfying(
                policy -> assertThat(policy).contains("camera=()", "geolocation=()"));
        assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain HTTP")
                .isEmpty();
    }

    @Test
    void behindAnHttpsProxyHstsIsSent() throws Exception {
        var response = get("/", Map.of("X-Forwarded-Proto", "https"));

        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age=31536000", "includeSubDomains"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "X-Forwarded-Proto"})
    void readersGetNoCookieAnywhere(String proxyHeader) throws Exception {
        Map<String, String> headers = proxyHeader.isEmpty() ? Map.of() : Map.of(proxyHeader, "https");
        for (String path : READER_ROUTES) {
            var response = get(path, headers);
            assertThat(response.statusCode()).as(path).isLessThan(500);
            assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
    }
}
