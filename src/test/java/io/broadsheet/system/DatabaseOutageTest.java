package io.broadsheet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.broadsheet.BroadsheetApplication;
import io.broadsheet.support.HtmlChecker;
import io.broadsheet.support.HttpVisitor;
import io.broadsheet.support.TcpProxy;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database goes away under a running site and comes back: the application talks to it through a
 * {@link TcpProxy} that the test cuts (every connection closed, new ones refused) and restores. Readers get the
 * page kept from before, or the 503 "back soon" page; readiness says DOWN, liveness UP; an editor's form comes
 * back with what was typed; and the site recovers by itself, without a restart. Run on both databases
 * ({@code ...H2Test} through H2's TCP server, {@code ...PostgresTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseOutageTest {

    static final String ADMIN_PASSWORD = "database-outage-admin-password";

    private TcpProxy proxy;
    private ConfigurableApplicationContext site;
    private int port;
    private final HttpVisitor reader = new HttpVisitor();
    private final HttpVisitor editor = new HttpVisitor();

    /** Starts the database server; its TCP port. */
    abstract int startDatabase() throws Exception;

    /** The settings that point the application at the database through the proxy's port. */
    abstract List<String> databaseArguments(int proxyPort);

    abstract void stopDatabase();

    abstract String name();

    @BeforeAll
    void start() throws Exception {
        proxy = new TcpProxy("localhost", startDatabase());
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--broadsheet.data-dir=" + Path.of("target/database-outage", name()).toAbsolutePath(),
                "--broadsheet.scheduling.enabled=false",
                "--broadsheet.weather.provider=none",
                "--spring.jpa.properties.hibernate.search.backend.directory.type=local-heap",
                "--broadsheet.search.initial-indexing=off",
                "--BROADSHEET_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                "--spring.main.banner-mode=off",
                // the site's 3 s wait for a connection, shortened: each refused request here waits it in full
                "--spring.datasource.hikari.connection-timeout=1000"));
        arguments.addAll(databaseArguments(proxy.port()));
        site = new SpringApplicationBuilder(BroadsheetApplication.class).run(arguments.toArray(String[]::new));
        port = ((WebServerApplicationContext) site).getWebServer().getPort();
    }

    @AfterAll
    void stop() {
        if (site != null) {
            site.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        stopDatabase();
    }

    @Test
    void readersGetTheKeptPageOrTheBackSoonPageAndTheSiteRecoversByItself() throws Exception {
        assertThat(editor.signIn(port, "admin", ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        String csrf = HttpVisitor.csrfToken(editor.get(port, "/admin/articles/new"));
        assertThat(editor.post(port, "/admin/articles", HttpVisitor.publishForm(csrf, "Outage desk opens",
                "The first story of the outage desk.", "Outage Desk")).statusCode()).isEqualTo(302);
        // Pages are kept once a second reader asks for them (caching.SecondSight).
        HttpResponse<String> before = reader.get(port, "/articles/outage-desk-opens");
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(reader.get(port, "/articles/outage-desk-opens").body()).isEqualTo(before.body());
        HttpResponse<String> deskBefore = reader.get(port, "/search?q=desk");
        assertThat(Jsoup.parse(deskBefore.body()).select(".search-results h2").text()).isEqualTo("Outage desk opens");
        assertThat(reader.get(port, "/search?q=desk").body()).isEqualTo(deskBefore.body());
        // A second story the same word finds: which stories are public is checked again at the next search.
        assertThat(editor.post(port, "/admin/articles", HttpVisitor.publishForm(csrf, "Desk lamps sell out",
                "Every desk in town wants one.", "Business")).statusCode()).isEqualTo(302);
        HttpResponse<String> searchedBefore = reader.get(port, "/search?q=outage");
        assertThat(Jsoup.parse(searchedBefore.body()).select(".search-results h2").text()).isEqualTo("Outage desk opens");
        assertThat(reader.get(port, "/search?q=outage").body()).isEqualTo(searchedBefore.body());

        proxy.cut();
        try {
            // A story read before the outage is still in memory for the rest of the minute (what it is rendered
            // from, and the page): the reader gets it as before, whichever of the two still holds it.
            HttpResponse<String> story = reader.get(port, "/articles/outage-desk-opens");
            assertThat(story.statusCode()).isEqualTo(200);
            assertThat(story.body()).isEqualTo(before.body());
            // A reader gets the whole answer kept for the minute (caching.PageSnapshots) as before. A reader whose
            // request that layer leaves alone (any session cookie, here a stale container one) gets the results
            // rendered again when everything they show is still in memory (which stories are public is kept per
            // story until one changes, article.ArticleListings; the list of sections for a minute: the search
            // takes no connection then); otherwise (a new minute's look for changed stories needs the database)
            // the rendered page kept from before, marked not to be stored, and never an empty 200
            // (system.DatabaseOutageResolver).
            HttpResponse<String> searched = reader.get(port, "/search?q=outage");
            assertThat(searched.statusCode()).isEqualTo(200);
            assertThat(searched.body()).isEqualTo(searchedBefore.body());
            HttpVisitor withStaleCookie = new HttpVisitor();
            withStaleCookie.cookies().put("JSESSIONID", "stale");
            HttpResponse<String> kept = withStaleCookie.get(port, "/search?q=outage");
            assertThat(kept.statusCode()).isEqualTo(200);
            assertThat(kept.body()).isEqualTo(searchedBefore.body());
            assertThat(kept.headers().firstValue("Cache-Control")).get().isIn("no-store",
                    searchedBefore.headers().firstValue("Cache-Control").orElseThrow());

            // A search that needs the database (nobody has searched for the word since the second story) gets the
            // page kept from before, as often as it is asked for, with or without a cookie.
            for (HttpVisitor visitor : List.of(reader, withStaleCookie, reader, withStaleCookie)) {
                HttpResponse<String> desk = visitor.get(port, "/search?q=desk");
                assertThat(desk.statusCode()).isEqualTo(200);
                assertThat(desk.headers().firstValue("Cache-Control")).hasValue("no-store");
                assertThat(desk.body()).isEqualTo(deskBefore.body());
            }

            // A page nobody has read yet needs the database: 503, Retry-After, the friendly page in the layout.
            HttpResponse<String> unread = reader.get(port, "/sections/outage-desk");
            assertBackSoonPage(unread);

            HttpResponse<String> readiness = reader.get(port, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"DOWN\"");
            HttpResponse<String> liveness = reader.get(port, "/actuator/health/liveness");
            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(liveness.body()).contains("\"UP\"");

            // Twenty readers at once all get an answer: nobody waits on the database for long.
            ExecutorService readers = Executors.newFixedThreadPool(20);
            try {
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int page = 1; page <= 20; page++) {
                    String path = "/?page=" + (page + 1);
                    answers.add(readers.submit(() -> new HttpVisitor().get(port, path)));
                }
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                    assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(503);
                    assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
                }
            } finally {
                readers.shutdownNow();
            }

            // The newsroom too; a story posted now comes back with everything typed, ready to be sent again.
            assertThat(editor.get(port, "/admin/articles").statusCode()).isEqualTo(503);
            Map<String, String> typed = HttpVisitor.publishForm(csrf, "Filed during the outage",
                    "Every word of this\nsurvives the outage.", "Outage Desk");
            HttpResponse<String> refused = editor.post(port, "/admin/articles", typed);
            assertBackSoonPage(refused);
            Document page = Jsoup.parse(refused.body());
            assertThat(page.select("[role=alert]").text()).contains("Nothing was saved");
            Element form = page.selectFirst("form.resend-form");
            assertThat(form.attr("action")).isEqualTo("/admin/articles");
            assertThat(form.selectFirst("[name=headline]").val()).isEqualTo("Filed during the outage");
            assertThat(form.selectFirst("textarea[name=body]").val()).isEqualTo("Every word of this\nsurvives the outage.");
            assertThat(form.selectFirst("[name=section]").val()).isEqualTo("Outage Desk");
            assertThat(form.select("[name=_csrf]")).hasSize(1);
            Map<String, String> resent = new LinkedHashMap<>();
            form.select("input, textarea").forEach(field -> resent.put(field.attr("name"), field.val()));

            proxy.restore();

            // Back by itself: readiness first, then the pages, with no restart.
            Instant giveUp = Instant.now().plus(Duration.ofSeconds(45));
            while (reader.get(port, "/actuator/health/readiness").statusCode() != 200 && Instant.now().isBefore(giveUp)) {
                Thread.sleep(500);
            }
            assertThat(reader.get(port, "/actuator/health/readiness").body()).contains("\"UP\"");
            HttpResponse<String> section = reader.get(port, "/sections/outage-desk");
            assertThat(section.statusCode()).isEqualTo(200);
            assertThat(section.body()).contains("Outage desk opens");
            HttpResponse<String> searchedAfter = reader.get(port, "/search?q=outage");
            assertThat(searchedAfter.statusCode()).isEqualTo(200);
            assertThat(searchedAfter.headers().firstValue("Cache-Control")).hasValueSatisfying(
                    cacheControl -> assertThat(cacheControl).startsWith("public"));

            // The editor sends the form from the outage page again: the story is published as typed.
            HttpResponse<String> published = editor.post(port, form.attr("action"), resent);
            assertThat(published.statusCode()).isEqualTo(302);
            HttpResponse<String> filed = reader.get(port, "/articles/filed-during-the-outage");
            assertThat(filed.statusCode()).isEqualTo(200);
            assertThat(filed.body()).contains("survives the outage.");
        } finally {
            proxy.restore();
        }
    }

    /**
     * A short outage with readers still arriving: the site is back within seconds of the database. A connection
     * that failed leaves the pool at once (system.LostConnectionEviction): the pool checks a connection before
     * handing it out only when it has been idle for half a second, so a request every tenth of a second would
     * otherwise keep meeting the same dead connection long after the database is back.
     */
    @Test
    void aShortOutageEndsForReadersWithinSecondsOfTheDatabaseComingBack() throws Exception {
        assertThat(reader.get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        proxy.cut();
        try {
            assertThat(reader.get(port, "/actuator/health/readiness").statusCode()).isEqualTo(503);
        } finally {
            proxy.restore();
        }
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(10));
        int status;
        while ((status = reader.get(port, "/actuator/health/readiness").statusCode()) != 200
                && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
        }
        assertThat(status).isEqualTo(200);
    }

    private static void assertBackSoonPage(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self'"));
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).as(response.body()).isEqualTo("We\u2019ll be right back");
        assertThat(page.select(".site-name").text()).isEqualTo("Broadsheet");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(HtmlChecker.errorsIn(response.body())).isEmpty();
    }
}
