package io.broadsheet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.broadsheet.support.HtmlChecker;
import io.broadsheet.support.Http;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestArticles;
import io.broadsheet.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every kind of reader page, as served, passes the W3C Nu HTML checker and shows no missing message key. */
@SiteTest
class ReaderPagesAreValidHtmlTest {

    @Autowired
    TestClock clock;

    @Autowired
    TestArticles articles;

    @LocalServerPort
    int port;

    @BeforeEach
    void someStories() {
        clock.set(TestClock.SEED_MORNING);
        if (Http.get(port, "/sections/validity-desk").statusCode() == 404) {
            for (int i = 0; i < 22; i++) {
                articles.publish("Validity story " + i + " with “quotes” & <angle> brackets", "Validity Desk",
                        Instant.parse("2022-01-01T00:00:00Z").plusSeconds(i * 60L), "Kabul", "Validity");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/?page=2", "/articles/taliban-overtakes-3-more-major-cities-in-afghanistan-in-push-toward-kabul",
            "/articles/validity-story-3-with-quotes-angle-brackets", "/sections/world", "/sections/validity-desk?page=2",
            "/tags/kabul", "/tags/validity", "/articles/no-such-story", "/?page=abc",
            "/search", "/search?q=validity", "/search?q=validity+quotes&page=3", "/search?q=nothing-matches-zqx",
            "/search?q=kabul&page=abc"})
    void pagePassesTheHtmlChecker(String path) {
        var response = Http.get(port, path);
        assertThat(response.statusCode()).isLessThan(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));

        List<String> errors = HtmlChecker.errorsIn(response.body());

        assertThat(errors).as(path).isEmpty();
        assertThat(response.body()).as("no message key is missing").doesNotContain("??");
    }
}
