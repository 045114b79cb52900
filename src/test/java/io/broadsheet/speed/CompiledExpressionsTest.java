package io.broadsheet.speed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

import io.broadsheet.support.Http;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestArticles;
import io.broadsheet.support.TestClock;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Thymeleaf's expressions are compiled to bytecode after a hundred runs each (application.properties): a page
 * rendered once they are compiled is the same, byte for byte, as the page rendered while they were interpreted.
 */
@SiteTest
class CompiledExpressionsTest {

    /** Spring compiles an expression after this many interpreted runs (SpelExpression's threshold is 100). */
    static final int RUNS_BEFORE_COMPILING = 100;

    @Autowired
    SpringTemplateEngine templates;

    @Autowired
    TestArticles articles;

    @Autowired
    TestClock clock;

    @LocalServerPort
    int port;

    @Test
    void theEngineCompilesSpringExpressions() {
        assertThat(templates.getEnableSpringELCompiler()).isTrue();
    }

    @Test
    void aSearchPageRenderedWithCompiledExpressionsIsTheSameAsTheFirst() {
        clock.set(TestClock.SEED_MORNING);
        articles.publish("Quaternion almanac for the orrery guild", "Orrery Desk",
                TestClock.SEED_MORNING.minus(Duration.ofHours(2)));

        // The same search twice has one ETag, so the second is rendered (a page is kept only from its second
        // rendering); the "n" parameter, which the site ignores, keeps whole-answer replays out of the way.
        HttpResponse<String> interpreted = Http.get(port, "/search?q=orrery&n=first");
        // Each spelling is a page of its own (the page shows the words as typed), rendered each time.
        String word = "quaternion";
        for (int run = 1; run <= RUNS_BEFORE_COMPILING + 20; run++) {
            StringBuilder spelling = new StringBuilder();
            for (int i = 0; i < word.length(); i++) {
                char letter = word.charAt(i);
                spelling.append(((run >> i) & 1) == 1 ? Character.toUpperCase(letter) : letter);
            }
            assertThat(Http.get(port, "/search?q=" + spelling + "&n=" + run).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> compiled = Http.get(port, "/search?q=orrery&n=last");

        assertThat(interpreted.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(interpreted.body()).select(".search-results h2").eachText())
                .containsExactly("Quaternion almanac for the orrery guild");
        assertThat(compiled.statusCode()).isEqualTo(200);
        assertThat(compiled.body()).isEqualTo(interpreted.body());
        assertThat(compiled.body().toLowerCase(Locale.ROOT)).contains("orrery desk");
    }
}
