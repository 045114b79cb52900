package io.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import io.broadsheet.support.Http;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestArticles;
import io.broadsheet.support.TestClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

@SiteTest
class FrontPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Autowired
    TestArticles articles;

    @LocalServerPort
    int port;

    @BeforeEach
    void pinClock() {
        clock.set(TestClock.SEED_MORNING);
    }

    Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void newestPublishedStoryLeadsTheFrontPage() throws Exception {
        clock.set(Instant.parse("2030-01-02T10:00:00Z"));
        articles.publish("Front page older story", "Front Desk", Instant.parse("2030-01-02T08:00:00Z"));
        articles.publish("Front page lead story", "Front Desk", Instant.parse("2030-01-02T09:00:00Z"));
        articles.publish("Front page story still to come", "Front Desk", Instant.parse("2030-01-02T11:00:00Z"));

        Document page = page("/");

        assertThat(page.select("article.lead h2").text()).isEqualTo("Front page lead story");
        assertThat(page.select("article.lead .summary").text())
                .isEqualTo("First sentence of Front page lead story.");
        assertThat(page.select("article.lead .meta a").text()).isEqualTo("Front Desk");
        assertThat(page.select("article.lead .meta time").attr("datetime")).startsWith("2030-01-02T09:00");
        assertThat(page.select(".latest h3").eachText()).contains("Front page older story")
                .doesNotContain("Front page lead story", "Front page story still to come");
    }

    @Test
    void seededReportLeadsWhenItIsTheNewestStory() throws Exception {
        clock.set(Instant.parse("2021-08-14T00:00:00Z"));

        Document page = page("/");

        assertThat(page.select("article.lead h2").text())
                .isEqualTo("Taliban overtakes 3 more major cities in Afghanistan in push toward Kabul");
        assertThat(page.select("article.lead .summary").text()).startsWith("A lightning offensive by the Taliban");
    }

    @Test
    void sectionPagesArePaginatedTwentyAtATime() throws Exception {
        Instant start = Instant.parse("2019-03-01T00:00:00Z");
        for (int i = 1; i <= 23; i++) {
            articles.publish("Paging desk story " + i, "Paging Desk", start.plus(Duration.ofHours(i)));
        }

        Document first = page("/sections/paging-desk");
        assertThat(first.select("h1").text()).isEqualTo("Paging Desk");
        assertThat(first.select(".stories h2")).hasSize(20);
        assertThat(first.select(".stories h2").first().text()).isEqualTo("Paging desk story 23");
        assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/sections/paging-desk?page=2");
        assertThat(first.select("a[rel=prev]")).isEmpty();

        Document second = page("/sections/paging-desk?page=2");
        assertThat(second.select(".stories h2").eachText())
                .containsExactly("Paging desk story 3", "Paging desk story 2", "Paging desk story 1");
        assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/sections/paging-desk");
        assertThat(second.select("a[rel=next]")).isEmpty();

        mvc.perform(get("/sections/paging-desk?page=3")).andExpect(status().isNotFound());
    }

    @Test
    void tagPageListsTheStoriesWithThatTag() throws Exception {
        Document page = page("/tags/kandahar");

        assertThat(page.select("h1").text()).isEqualTo("Kandahar");
        assertThat(page.select(".stories h2").eachText())
                .contains("Taliban overtakes 3 more major cities in Afghanistan in push toward Kabul");
    }

    @Test
    void emptySectionSaysNothingIsPublished() throws Exception {
        articles.section("Quiet Desk");

        assertThat(page("/sections/quiet-desk").select(".empty").text())
                .isEqualTo("Nothing has been published here yet.");
    }

    @Test
    void unknownSectionAndTagAnswer404() throws Exception {
        mvc.perform(get("/sections/no-such-section")).andExpect(status().isNotFound());
        mvc.perform(get("/tags/no-such-tag")).andExpect(status().isNotFound());
    }

    @Test
    void junkPageNumbersAreBadRequestsNotErrors() {
        for (String path : new String[] {"/", "/sections/world", "/tags/kabul"}) {
            for (String page : new String[] {"-1", "0", "abc", "99999999999", "1.5", "%00", "%E2%80%AE1"}) {
                var response = Http.get(port, path + "?page=" + page);
                assertThat(response.statusCode()).as(path + "?page=" + page).isEqualTo(400);
                assertThat(Jsoup.parse(response.body()).select("h1").text())
                        .isEqualTo("That request did not make sense");
            }
            assertThat(Http.get(port, path + "?page=999999").statusCode()).as("beyond the last page").isEqualTo(404);
            assertThat(Http.get(port, path + "?page=").statusCode()).as("empty means the first page").isEqualTo(200);
        }
    }
}
