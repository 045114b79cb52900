package io.broadsheet.caching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import io.broadsheet.article.Article;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestArticles;
import io.broadsheet.support.TestClock;
import io.broadsheet.weather.LatestWeather;
import io.broadsheet.weather.WeatherCondition;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.buf.MessageBytes;
import org.apache.tomcat.util.http.MimeHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Whole answers to anonymous readers, replayed ahead of Spring Security and Spring MVC: over real HTTP, a page is
 * kept when a second reader asks for it, and a view after that is a hit that gives the same bytes and headers; an
 * edit, a new weather reading or the next minute gives a fresh page; a kept page is answered from Tomcat's
 * pipeline before any filter; nobody with a session or a signed-in principal ever gets a kept answer; errors are never kept.
 */
@SiteTest
class PageSnapshotsTest {

    static final Instant NOW = Instant.parse("2034-02-03T09:00:10Z");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Autowired
    TestArticles articles;

    @Autowired
    LatestWeather weather;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void pinClock() {
        clock.set(NOW);
    }

    double hits() {
        var counter = meters.find("cache.gets").tags("cache", "page-snapshots", "result", "hit").functionCounter();
        assertThat(counter).as("page-snapshots hit counter").isNotNull();
        return counter.count();
    }

    HttpResponse<String> fetch(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, List<String>> headersBesidesDate(HttpResponse<?> response) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        headers.remove("date");
        return headers;
    }

    @Test
    void aPageAskedForAgainIsReplayedWithTheSameBytesAndHeadersAndA304ForItsETag() throws Exception {
        Article story = articles.publish("Snapshot desk story", "Snapshot Desk", NOW.minus(Duration.ofHours(1)));
        String path = "/articles/" + story.getSlug();

        double before = hits();
        HttpResponse<String> first = fetch(path);
        // asked for once: not kept, so the second reader's request is made again (and kept)
        HttpResponse<String> second = fetch(path);
        assertThat(hits()).isEqualTo(before);
        HttpResponse<String> again = fetch(path);

        assertThat(hits()).isEqualTo(before + 1);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body()).contains("Snapshot desk story");
        assertThat(headersBesidesDate(again)).isEqualTo(headersBesidesDate(first));
        // Tomcat's own Vary, once: it is not replayed, Tomcat adds it again
        assertThat(again.headers().allValues("Vary")).containsExactly("accept-encoding");
        assertThat(again.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(again.headers().allValues("Set-Cookie")).isEmpty();

        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> notModified = fetch(path, "If-None-Match", etag);
        assertThat(hits()).isEqualTo(before + 2);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().firstValue("ETag")).contains(etag);
        assertThat(notModified.headers().allValues("Vary")).containsExactly("accept-encoding");
        assertThat(notModified.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).startsWith("public"));
        assertThat(fetch(path, "If-None-Match", "W/\"something-else\"").statusCode()).isEqualTo(200);
    }

    /** Counts the requests Tomcat passes on to the servlet and its filter chain. */
    static class PassedOn extends ValveBase {

        final List<String> paths = new CopyOnWriteArrayList<>();

        PassedOn() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            paths.add(request.getRequestURI());
            getNext().invoke(request, response);
        }
    }

    @Test
    void aKeptPageIsAnsweredBeforeTomcatBuildsAFilterChain(
            @Autowired ServletWebServerApplicationContext site) throws Exception {
        Context context = (Context) ((TomcatWebServer) site.getWebServer()).getTomcat().getHost().findChildren()[0];
        assertThat(context.getPipeline().getValves()).anySatisfy(
                valve -> assertThat(valve).isInstanceOf(SnapshotReplayValve.class));
        Article story = articles.publish("Snapshot valve story", "Snapshot Valve Desk", NOW.minus(Duration.ofHours(1)));
        String path = "/articles/" + story.getSlug();
        PassedOn passedOn = new PassedOn();
        // added last, so after the replaying valve
        context.getPipeline().addValve(passedOn);
        try {
            HttpResponse<String> first = fetch(path);
            fetch(path);
            assertThat(passedOn.paths).containsExactly(path, path);

            double before = hits();
            HttpResponse<String> replayed = fetch(path);
            HttpResponse<String> notModified = fetch(path, "If-None-Match", first.headers().firstValue("ETag")
                    .orElseThrow());
            assertThat(hits()).isEqualTo(before + 2);
            assertThat(passedOn.paths).containsExactly(path, path);
            assertThat(replayed.body()).isEqualTo(first.body());
            assertThat(headersBesidesDate(replayed)).isEqualTo(headersBesidesDate(first));
            assertThat(notModified.statusCode()).isEqualTo(304);

            // anything else is passed on: a page not kept, and a kept page asked for by someone with a session
            fetch("/sections/snapshot-valve-desk");
            fetch(path, "Cookie", "SESSION=abc");
            assertThat(passedOn.paths).containsExactly(path, path, "/sections/snapshot-valve-desk", path);
        } finally {
            context.getPipeline().removeValve(passedOn);
        }
    }

    /** Notes, once the valves after it have answered, which of each answer's headers Tomcat was handed as bytes. */
    static class HeadersAsBytes extends ValveBase {

        final BlockingQueue<Map<String, Boolean>> answers = new LinkedBlockingQueue<>();

        HeadersAsBytes() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            getNext().invoke(request, response);
            MimeHeaders headers = response.getCoyoteResponse().getMimeHeaders();
            Map<String, Boolean> asBytes = new TreeMap<>();
            for (int i = 0; i < headers.size(); i++) {
                asBytes.merge(headers.getName(i).toString().toLowerCase(Locale.ROOT),
                        headers.getName(i).getType() == MessageBytes.T_BYTES
                                && headers.getValue(i).getType() == MessageBytes.T_BYTES,
                        Boolean::logicalAnd);
            }
            answers.add(asBytes);
        }

        /** The next answer's headers (this valve notes them after the reader may already have the answer). */
        Map<String, Boolean> next() throws InterruptedException {
            Map<String, Boolean> next = answers.poll(30, TimeUnit.SECONDS);
            assertThat(next).as("an answer seen by the valve").isNotNull();
            return next;
        }
    }

    static List<String> notAsBytes(Map<String, Boolean> asBytes) {
        return asBytes.entrySet().stream().filter(header -> !header.getValue()).map(Map.Entry::getKey).toList();
    }

    @Test
    void aReplayHandsTomcatItsHeadersAsBytesSaveThoseTomcatWritesItself(
            @Autowired ServletWebServerApplicationContext site) throws Exception {
        Host host = ((TomcatWebServer) site.getWebServer()).getTomcat().getHost();
        Article story = articles.publish("Snapshot bytes story", "Snapshot Bytes Desk", NOW.minus(Duration.ofHours(1)));
        String path = "/articles/" + story.getSlug();
        HeadersAsBytes seen = new HeadersAsBytes();
        // the host's valves run before the web application's, the replaying valve among them
        host.getPipeline().addValve(seen);
        try {
            HttpResponse<String> first = fetch(path);
            fetch(path);
            seen.next();
            seen.next();
            HttpResponse<String> replayed = fetch(path);
            Map<String, Boolean> replayedAsBytes = seen.next();
            HttpResponse<byte[]> gzipped = fetchBytes(path, "Accept-Encoding", "gzip");
            Map<String, Boolean> gzippedAsBytes = seen.next();
            HttpResponse<String> notModified = fetch(path, "If-None-Match",
                    first.headers().firstValue("ETag").orElseThrow());
            Map<String, Boolean> notModifiedAsBytes = seen.next();

            assertThat(headersBesidesDate(replayed)).isEqualTo(headersBesidesDate(first));
            assertThat(replayedAsBytes).containsEntry("date", true).containsEntry("content-language", true)
                    .containsEntry("cache-control", true).containsEntry("content-security-policy", true);
            // Text: what Tomcat writes from the response itself (the type, which its compression reads, the length,
            // its own Vary), and the ETag, which its compression reads as text to see whether it is a strong one.
            assertThat(notAsBytes(replayedAsBytes)).containsExactlyInAnyOrder("content-type", "content-length",
                    "vary", "etag");
            assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
            // gzipped, Tomcat's compression looks no further than its Content-Encoding (which it reads as text)
            assertThat(notAsBytes(gzippedAsBytes)).containsExactlyInAnyOrder("content-type", "content-length",
                    "content-encoding");
            assertThat(gzippedAsBytes).containsEntry("etag", true).containsEntry("vary", true);
            assertThat(notModified.statusCode()).isEqualTo(304);
            assertThat(notAsBytes(notModifiedAsBytes)).isEmpty();
            assertThat(notModifiedAsBytes).containsKeys("etag", "date", "vary")
                    .doesNotContainKeys("content-type", "content-language");
            // the Date is Tomcat's own, for this second (Tomcat's clock, not the site's)
            Instant date = DateTimeFormatter.RFC_1123_DATE_TIME.parse(replayed.headers().firstValue("Date")
                    .orElseThrow(), Instant::from);
            assertThat(date).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
            assertThat(replayed.headers().allValues("Date")).hasSize(1);
        } finally {
            host.getPipeline().removeValve(seen);
        }
    }

    @Test
    void aHeaderIsKeptAsTheBytesTomcatWouldSend() {
        var header = new PageSnapshots.Header("X-Note", "caf\u00e9\tnew\nline\u007f");
        assertThat(header.nameBytes()).isEqualTo("X-Note".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(header.valueBytes()).isEqualTo(new byte[] {'c', 'a', 'f', (byte) 0xe9, '\t', 'n', 'e', 'w', ' ',
            'l', 'i', 'n', 'e', ' '});
    }

    @Test
    void aReaderWhoAcceptsGzipGetsTheKeptPageCompressed() throws Exception {
        Article story = articles.publish("Snapshot gzip story", "Snapshot Gzip Desk", NOW.minus(Duration.ofHours(1)));
        String path = "/articles/" + story.getSlug();
        fetch(path);
        byte[] page = fetch(path).body().getBytes(StandardCharsets.UTF_8);

        double before = hits();
        HttpResponse<byte[]> gzipped = fetchBytes(path, "Accept-Encoding", "deflate, gzip");
        assertThat(hits()).isEqualTo(before + 1);
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gzipped.headers().allValues("Vary")).containsExactly("Accept-Encoding");
        assertThat(gzipped.headers().firstValueAsLong("Content-Length")).hasValue(gzipped.body().length);
        assertThat(gzipped.body().length).isLessThan(page.length / 2);
        try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(unzipped.readAllBytes()).isEqualTo(page);
        }

        // gzip refused (q=0): the page as it is
        HttpResponse<byte[]> refused = fetchBytes(path, "Accept-Encoding", "gzip;q=0, identity");
        assertThat(hits()).isEqualTo(before + 2);
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(refused.body()).isEqualTo(page);

        // a user agent Tomcat is told not to compress for (server.compression.excluded-user-agents, test profile)
        HttpResponse<byte[]> excluded = fetchBytes(path, "Accept-Encoding", "gzip", "User-Agent",
                "Broadsheet-Test-No-Gzip");
        assertThat(hits()).isEqualTo(before + 3);
        assertThat(excluded.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(excluded.body()).isEqualTo(page);
    }

    HttpResponse<byte[]> fetchBytes(String path, String... headers) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).headers(headers)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void manyReadersAskingForAPageAtOnceHaveItRenderedOnce() throws Exception {
        articles.publish("Snapshot crowd story", "Snapshot Crowd Desk", NOW.minus(Duration.ofHours(1)));
        double renderedBefore = meters.get("broadsheet.page.snapshots.rendered").functionCounter().count();
        var readers = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(readers.submit(() -> fetch("/sections/snapshot-crowd-desk")));
            }
            java.util.Set<String> bodies = new java.util.HashSet<>();
            for (var answer : answers) {
                HttpResponse<String> page = answer.get();
                assertThat(page.statusCode()).isEqualTo(200);
                bodies.add(page.body());
            }
            assertThat(bodies).hasSize(1);
            assertThat(bodies.iterator().next()).contains("Snapshot crowd story");
        } finally {
            readers.shutdownNow();
        }
        assertThat(meters.get("broadsheet.page.snapshots.rendered").functionCounter().count())
                .isEqualTo(renderedBefore + 1);
    }

    @Test
    void anEditGivesTheNewPageAtOnce() throws Exception {
        Article story = articles.publish("Snapshot edit story", "Snapshot Edit Desk", NOW.minus(Duration.ofHours(1)));
        String path = "/articles/" + story.getSlug();
        for (int i = 0; i < 3; i++) {
            fetch(path);
            fetch("/sections/snapshot-edit-desk");
        }
        double before = hits();
        assertThat(fetch(path).body()).doesNotContain("corrected");
        assertThat(hits()).isEqualTo(before + 1);

        story.setHeadline("Snapshot edit story, corrected");
        articles.update(story);

        assertThat(fetch(path).body()).contains("Snapshot edit story, corrected");
        assertThat(fetch("/sections/snapshot-edit-desk").body()).contains("Snapshot edit story, corrected");
        assertThat(hits()).isEqualTo(before + 1);
    }

    @Test
    void aNewWeatherReadingAndTheNextMinuteGiveAFreshPage() throws Exception {
        articles.publish("Snapshot weather story", "Snapshot Weather Desk", NOW.minus(Duration.ofHours(1)));
        String path = "/sections/snapshot-weather-desk";
        fetch(path);
        fetch(path);
        double before = hits();

        weather.record(new BigDecimal("-17.3"), WeatherCondition.SNOW, NOW);
        assertThat(fetch(path).body()).contains("-17.3");
        assertThat(fetch(path).body()).contains("-17.3");
        assertThat(hits()).isEqualTo(before);

        fetch(path);
        assertThat(hits()).isEqualTo(before + 1);
        clock.advance(Duration.ofMinutes(1));
        fetch(path);
        fetch(path);
        assertThat(hits()).isEqualTo(before + 1);
        fetch(path);
        assertThat(hits()).isEqualTo(before + 2);
    }

    @Test
    void nobodyWithASessionOrASignedInPrincipalGetsAKeptAnswer() throws Exception {
        articles.publish("Snapshot staff story", "Snapshot Staff Desk", NOW.minus(Duration.ofHours(1)));
        String path = "/sections/snapshot-staff-desk";
        fetch(path);
        fetch(path);
        double before = hits();

        assertThat(fetch(path, "Cookie", "SESSION=c29tZS1zZXNzaW9u").statusCode()).isEqualTo(200);
        assertThat(fetch(path, "Cookie", "JSESSIONID=ABCDEF").statusCode()).isEqualTo(200);
        assertThat(fetch(path, "Authorization", "Basic YWRtaW46YWRtaW4=").statusCode()).isNotEqualTo(500);
        var signedIn = mvc.perform(get(path).with(user("writer").roles("WRITER"))).andReturn().getResponse();
        var withSession = mvc.perform(get(path).cookie(new Cookie("SESSION", "abc"))).andReturn().getResponse();

        assertThat(hits()).isEqualTo(before);
        assertThat(signedIn.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(withSession.getStatus()).isEqualTo(200);
    }

    @Test
    void errorsRedirectsAndOtherMethodsAreNeverKept() throws Exception {
        double before = hits();
        for (int i = 0; i < 2; i++) {
            assertThat(fetch("/articles/no-such-snapshot-story").statusCode()).isEqualTo(404);
            assertThat(fetch("/?page=zero").statusCode()).isEqualTo(400);
            assertThat(fetch("/admin/articles").statusCode()).isEqualTo(302);
            assertThat(fetch("/login").statusCode()).isEqualTo(200);
            HttpRequest head = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
            assertThat(http.send(head, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }
        assertThat(hits()).isEqualTo(before);
    }
}
