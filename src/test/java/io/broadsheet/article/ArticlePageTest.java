package io.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.broadsheet.support.Http;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestArticles;
import io.broadsheet.support.TestClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

@SiteTest
class ArticlePageTest {

    static final String SEED_SLUG = "taliban-overtakes-3-more-major-cities-in-afghanistan-in-push-toward-kabul";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Autowired
    TestArticles articles;

    @LocalServerPort
    int port;

    @BeforeEach
    void pinClockToTheSeedMorning() {
        clock.set(TestClock.SEED_MORNING);
    }

    /** The non-blank lines of the seed file: the report as the newsroom received it. */
    static List<String> seedLines() throws Exception {
        Path shared = Path.of("../shared/seed/afghanistan-report.txt");
        Path bundled = Path.of("src/main/resources/seed/afghanistan-report.txt");
        if (Files.exists(shared)) {
            assertThat(Files.readString(bundled, StandardCharsets.UTF_8))
                    .as("the bundled copy of the seed is the shared file, byte for byte")
                    .isEqualTo(Files.readString(shared, StandardCharsets.UTF_8));
        }
        return Files.readString(Files.exists(shared) ? shared : bundled, StandardCharsets.UTF_8)
                .lines().filter(line -> !line.isBlank()).toList();
    }

    Document page(String path) throws Exception {
        String html = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    @Test
    void seededReportShowsMastheadHeadlineAndAllSixteenParagraphsVerbatim() throws Exception {
        List<String> seed = seedLines();
        Document page = page("/articles/" + SEED_SLUG);

        assertThat(page.select("header.masthead time").text()).isEqualTo("Wednesday, November 29, 2023");
        assertThat(seed.get(1)).isEqualTo("Wednesday, November 29, 2023");
        assertThat(page.select(".weather-temperature").text()).isEqualTo("4.8 °C");
        assertThat(page.select(".weather-location").text()).isEqualTo("Kabul");
        assertThat(page.select(".weather-observed")).as("a reading of an hour ago is current").isEmpty();

        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select("h1").text()).isEqualTo(seed.get(2));
        List<String> paragraphs = page.select("article.story .story-body p").eachText();
        assertThat(paragraphs).hasSize(16).containsExactlyElementsOf(seed.subList(3, 19));
        assertThat(page.select("aside.related h2").text()).isEqualTo(seed.get(19));
    }

    @Test
    void aBylineTypedWithItsOwnByIsShownWithOneBy() throws Exception {
        Article story = articles.publish("Byline story " + System.nanoTime(), "Byline Desk",
                TestClock.SEED_MORNING.minusSeconds(3600));
        story.setByline("by  Jane Doe");
        story = articles.update(story);
        assertThat(page("/articles/" + story.getSlug()).select(".byline").text()).isEqualTo("By Jane Doe");
        story.setByline("Byron Ames");
        articles.update(story);
        assertThat(page("/articles/" + story.getSlug()).select(".byline").text()).isEqualTo("By Byron Ames");
    }

    @Test
    void seededReportHasItsDatelineSectionAndTags() throws Exception {
        Document page = page("/articles/" + SEED_SLUG);

        Element published = page.selectFirst(".dateline time.published");
        assertThat(published.attr("datetime")).startsWith("2021-08-13T");
        assertThat(published.text()).isEqualTo("August 13, 2021");
        assertThat(page.select(".dateline .updated")).as("never edited").isEmpty();
        assertThat(page.select(".kicker a").attr("href")).isEqualTo("/sections/world");
        assertThat(page.select(".tags a").eachText())
                .containsExactlyInAnyOrder("Afghanistan", "Taliban", "Kabul", "Kandahar", "Herat");
        assertThat(page.select(".tags a").eachAttr("href")).contains("/tags/kabul", "/tags/herat");
    }

    @Test
    void weatherOlderThanMaxAgeShowsWhenItWasObserved() throws Exception {
        clock.set(Instant.parse("2023-11-29T07:00:00Z").plus(Duration.ofHours(3)).plusSeconds(60));

        Document page = page("/");

        assertThat(page.select(".weather-temperature").text()).isEqualTo("4.8 °C");
        assertThat(page.select(".weather-observed").text()).isEqualTo("observed on Wednesday, November 29, 2023");
    }

    @Test
    void mastheadDateFollowsTheClockInTheSiteTimeZone() throws Exception {
        clock.set(Instant.parse("2024-02-29T23:59:00Z"));

        assertThat(page("/").select("header.masthead time").text()).isEqualTo("Thursday, February 29, 2024");
    }

    @Test
    void articleEditedAfterPublishingSaysWhenItWasUpdated() throws Exception {
        Instant published = TestClock.SEED_MORNING.minus(Duration.ofDays(1));
        Article article = articles.publish("Updated story for the dateline test", "Dateline Desk", published);
        article.setUpdatedAt(published.plus(Duration.ofHours(5)));
        article.setDateline("Herat");
        articles.update(article);

        Document page = page("/articles/" + article.getSlug());

        assertThat(page.select(".dateline-place").text()).isEqualTo("Herat");
        assertThat(page.select(".dateline .updated").text()).isEqualTo("Updated November 28, 2023, 13:00");
    }

    @Test
    void storyWithNothingRelatedSaysSo() throws Exception {
        Article lonely = articles.publish("A story alone in its own section", "Lonely Desk",
                TestClock.SEED_MORNING.minusSeconds(60));

        Document page = page("/articles/" + lonely.getSlug());

        assertThat(page.select("aside.related h2").text()).isEqualTo("Related news");
        assertThat(page.select("aside.related li")).isEmpty();
        assertThat(page.select("aside.related p").text()).isEqualTo("No related news yet.");
    }

    @Test
    void draftsArchivedAndFutureStoriesAreNotFound() throws Exception {
        Instant past = TestClock.SEED_MORNING.minusSeconds(3600);
        Article draft = articles.save("A draft nobody may read", "Hidden Desk", ArticleStatus.DRAFT, past);
        Article archived = articles.save("An archived story", "Hidden Desk", ArticleStatus.ARCHIVED, past);
        Article future = articles.publish("A story scheduled for tomorrow", "Hidden Desk",
                TestClock.SEED_MORNING.plus(Duration.ofDays(1)));

        for (Article hidden : List.of(draft, archived, future)) {
            mvc.perform(get("/articles/" + hidden.getSlug())).andExpect(status().isNotFound());
        }
        clock.advance(Duration.ofDays(2));
        mvc.perform(get("/articles/" + future.getSlug())).andExpect(status().isOk());
    }

    @Test
    void unknownSlugAnswers404InTheSiteLayout() {
        var response = Http.get(port, "/articles/no-such-story");

        assertThat(response.statusCode()).isEqualTo(404);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("header.masthead .site-name").text()).isEqualTo("Broadsheet");
        assertThat(page.select("h1").text()).isEqualTo("Page not found");
    }

    @Test
    void junkSlugsNeverCauseAServerError() {
        assertThat(Http.get(port, "/articles/" + "a".repeat(5000)).statusCode()).isEqualTo(404);
        assertThat(Http.get(port, "/articles/%3Cscript%3Ealert(1)%3C%2Fscript%3E").statusCode()).isBetween(400, 404);
        assertThat(Http.get(port, "/articles/%3Cscript%3Ealert(1)%3C").statusCode()).isEqualTo(404);
        assertThat(Http.get(port, "/articles/%E2%80%AE%F0%9F%92%A5").statusCode()).isEqualTo(404);
        assertThat(Http.get(port, "/articles/..%2F..%2Fetc%2Fpasswd").statusCode()).isBetween(400, 404);
        assertThat(Http.rawStatus(port, "/articles/%C0%AF%00%zz")).isBetween(400, 404);
        assertThat(Http.rawStatus(port, "/articles/%FF%FE")).isBetween(400, 404);
        assertThat(Http.get(port, "/sections/" + "%00".repeat(100)).statusCode()).isBetween(400, 404);
        assertThat(Http.get(port, "/tags/%F0%9F%92%A5").statusCode()).isEqualTo(404);
    }
}
