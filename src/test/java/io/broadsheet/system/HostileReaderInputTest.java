package io.broadsheet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import io.broadsheet.support.HostileInputs;
import io.broadsheet.support.Http;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestArticles;
import io.broadsheet.support.TestClock;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every hostile input through every reader parameter and path: never a server error, never anything executable
 * on the page that comes back (the search page and error pages echo what was asked).
 */
@SiteTest
class HostileReaderInputTest {

    static final List<Function<String, MockHttpServletRequestBuilder>> READER_REQUESTS = List.of(
            in -> get("/").param("page", in),
            in -> get("/search").param("q", in),
            in -> get("/search").param("q", "kabul").param("page", in),
            in -> get("/articles/{slug}", in),
            in -> get("/sections/{slug}", in),
            in -> get("/sections/hostile-desk").param("page", in),
            in -> get("/tags/{slug}", in),
            in -> get("/tags/hostile").param("page", in),
            in -> get("/sections/{slug}/feed.xml", in),
            in -> get("/tags/{slug}/atom.xml", in),
            in -> get("/feed.xml").param("q", in));

    @Autowired
    MockMvc mvc;

    @Autowired
    TestArticles articles;

    @Autowired
    TestClock clock;

    @LocalServerPort
    int port;

    @BeforeEach
    void aStory() {
        clock.set(TestClock.SEED_MORNING);
        if (Http.get(port, "/sections/hostile-desk").statusCode() == 404) {
            articles.publish("Hostile reader story", "Hostile Desk", TestClock.SEED_MORNING.minusSeconds(60), "Hostile");
        }
    }

    @Test
    void theCorpusIsLargeAndVaried() {
        List<String> inputs = HostileInputs.all();
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(150);
        assertThat(inputs).anyMatch(in -> in.length() == HostileInputs.ONE_MEGABYTE)
                .anyMatch(in -> in.contains("\0")).anyMatch(in -> in.contains("\r\n"))
                .anyMatch(in -> in.contains("\u202E")).anyMatch(in -> in.contains("\uFFFD"))
                .anyMatch(in -> in.codePoints().anyMatch(c -> c > 0xFFFF));
    }

    @Test
    void noReaderParameterOrPathBreaksOrInjects() throws Exception {
        for (String input : HostileInputs.all()) {
            for (int route = 0; route < READER_REQUESTS.size(); route++) {
                var request = READER_REQUESTS.get(route).apply(input).header("Accept", "text/html,*/*;q=0.8");
                var response = mvc.perform(request).andReturn().getResponse();
                String what = "route " + route + " ← " + HostileInputs.label(input);
                assertThat(response.getStatus()).as(what).isLessThan(500);
                if (String.valueOf(response.getContentType()).startsWith("text/html")) {
                    HostileInputs.assertNothingExecutable(
                            Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8)), what);
                }
            }
        }
    }

    /** Through Tomcat, byte for byte: percent-encoded and raw invalid UTF-8, encoded CR/LF, NUL, traversal. */
    @Test
    void rawRequestTargetsNeverBreakTheServer() {
        List<String> raw = new java.util.ArrayList<>(List.of("%FF%FE", "%C0%AE%C0%AE", "%ED%A0%80", "%F4%90%80%80",
                "%E2%82", "%00", "a%00b", "%0d%0aSet-Cookie:%20x=1", "..%2f..%2fetc%2fpasswd", "%2e%2e/%2e%2e/",
                "..;/admin", "%252e%252e%252f", "\u00ff\u00fe", "caf\u00e9", "%uFF1C", "%", "%%", "%zz", "%C0"));
        HostileInputs.all().stream().filter(in -> in.length() < 200 && in.chars().allMatch(c -> c > 32 && c < 127))
                .forEach(raw::add);
        for (String input : raw) {
            for (String target : List.of("/articles/" + input, "/sections/" + input, "/tags/" + input + "/feed.xml",
                    "/search?q=" + input, "/?page=" + input, "/search?q=kabul&page=" + input)) {
                String sent = target.replace(" ", "%20").replace("#", "%23");
                assertThat(Http.rawStatus(port, sent)).as(sent).isLessThan(500);
            }
        }
        // Refused (400, or the connection closed while it was being sent), and the server carries on.
        Http.rawStatusUnlessClosed(port, "/search?q=" + "a".repeat(HostileInputs.ONE_MEGABYTE))
                .ifPresent(status -> assertThat(status).as("a 1 MB request line").isBetween(400, 499));
        assertThat(Http.get(port, "/").statusCode()).isEqualTo(200);
    }
}
