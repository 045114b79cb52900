package io.broadsheet.caching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;

import io.broadsheet.article.Article;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestArticles;
import io.broadsheet.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** ETags, 304s and Cache-Control on reader pages and feeds; no-store for staff and signed-in readers. */
@SiteTest
class HttpCachingTest {

    static final Instant NOW = Instant.parse("2033-05-05T10:00:00Z");
    static final String PUBLIC = "public, max-age=60, stale-while-revalidate=300";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Autowired
    TestArticles articles;

    @BeforeEach
    void pinClock() {
        clock.set(NOW);
    }

    MockHttpServletResponse fetch(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse();
    }

    MockHttpServletResponse fetch(String path, String etag) throws Exception {
        return mvc.perform(get(path).header("If-None-Match", etag)).andReturn().getResponse();
    }

    @Test
    void articlePageAnswers304ToItsETagAndAFresh200AfterAnEdit() throws Exception {
        Instant published = NOW.minus(Duration.ofHours(2));
        Article article = articles.publish("Caching desk story", "Caching Desk", published, "Caching Tag");
        String path = "/articles/" + article.getSlug();

        MockHttpServletResponse first = fetch(path);
        assertThat(first.getStatus()).isEqualTo(200);
        String etag = first.getHeader("ETag");
        assertThat(etag).startsWith("W/\"");
        assertThat(first.getHeader("Cache-Control")).isEqualTo(PUBLIC);
        assertThat(first.getDateHeader("Last-Modified")).isEqualTo(published.toEpochMilli());

        MockHttpServletResponse again = fetch(path, etag);
        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getContentAsByteArray()).isEmpty();
        assertThat(again.getHeader("ETag")).isEqualTo(etag);
        assertThat(again.getHeader("Cache-Control")).isEqualTo(PUBLIC);

        article.setHeadline("Caching desk story, corrected");
        article.setUpdatedAt(NOW.minus(Duration.ofMinutes(5)));
        articles.update(article);

        MockHttpServletResponse edited = fetch(path, etag);
        assertThat(edited.getStatus()).isEqualTo(200);
        assertThat(edited.getContentAsString()).contains("Caching desk story, corrected");
        assertThat(edited.getHeader("ETag")).isNotEqualTo(etag);
        assertThat(fetch(path, edited.getHeader("ETag")).getStatus()).isEqualTo(304);
    }

    @Test
    void theETagChangesWithTheMastheadDate() throws Exception {
        articles.publish("Caching masthead story", "Caching Masthead Desk", NOW.minus(Duration.ofDays(1)));
        String etag = fetch("/sections/caching-masthead-desk").getHeader("ETag");
        assertThat(fetch("/sections/caching-masthead-desk", etag).getStatus()).isEqualTo(304);

        clock.set(NOW.plus(Duration.ofDays(1)));

        MockHttpServletResponse nextDay = fetch("/sections/caching-masthead-desk", etag);
        assertThat(nextDay.getStatus()).isEqualTo(200);
        assertThat(nextDay.getHeader("ETag")).isNotEqualTo(etag);
    }

    @Test
    void listingETagChangesWhenAStoryIsPublished() throws Exception {
        articles.publish("Caching listing story one", "Caching Listing Desk", NOW.minus(Duration.ofHours(3)));
        String etag = fetch("/sections/caching-listing-desk").getHeader("ETag");

        articles.publish("Caching listing story two", "Caching Listing Desk", NOW.minus(Duration.ofHours(1)));

        assertThat(fetch("/sections/caching-listing-desk", etag).getStatus()).isEqualTo(200);
    }

    @Test
    void feedsAnswer304ToTheirETagAndAFresh200AfterAnEdit() throws Exception {
        Article article = articles.publish("Caching feed story", "Caching Feed Desk", NOW.minus(Duration.ofHours(1)));
        for (String path : new String[] {"/sections/caching-feed-desk/feed.xml", "/sections/caching-feed-desk/atom.xml"}) {
            MockHttpServletResponse first = fetch(path);
            assertThat(first.getHeader("Cache-Control")).isEqualTo(PUBLIC);
            assertThat(first.getHeader("Last-Modified")).isNotNull();
            MockHttpServletResponse again = fetch(path, first.getHeader("ETag"));
            assertThat(again.getStatus()).as(path).isEqualTo(304);
            assertThat(again.getContentAsByteArray()).isEmpty();
        }
        String rssETag = fetch("/sections/caching-feed-desk/feed.xml").getHeader("ETag");

        article.setBody("A corrected body.");
        articles.update(article);

        assertThat(fetch("/sections/caching-feed-desk/feed.xml", rssETag).getStatus()).isEqualTo(200);
    }

    @Test
    void onlyIfModifiedSinceNeverGetsAStale304() throws Exception {
        articles.publish("Caching since story", "Caching Since Desk", NOW.minus(Duration.ofHours(1)));

        var response = mvc.perform(get("/sections/caching-since-desk")
                .header("If-Modified-Since", "Sat, 01 Jan 2050 00:00:00 GMT")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void adminPagesAreNoStoreEvenWhenTheyDoNotExist() throws Exception {
        java.util.Map<String, Integer> expected = java.util.Map.of("/admin", 302, "/admin/no-such-page", 404,
                "/admin/articles", 200);
        for (String path : expected.keySet()) {
            MockHttpServletResponse response = mvc.perform(get(path).with(user("editor").roles("EDITOR")))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(expected.get(path));
            assertThat(response.getHeader("Cache-Control")).as(path).contains("no-store").doesNotContain("public");
            assertThat(response.getHeader("ETag")).isNull();
        }
        MockHttpServletResponse anonymous = fetch("/admin/articles");
        assertThat(anonymous.getStatus()).isEqualTo(302);
        assertThat(anonymous.getHeader("Cache-Control")).contains("no-store");
        assertThat(fetch("/login").getHeader("Cache-Control")).contains("no-store");
    }

    @Test
    void signedInReadersGetNoStoreOnReaderPagesAndFeeds() throws Exception {
        for (String path : new String[] {"/", "/feed.xml", "/sections/world", "/sitemap.xml"}) {
            MockHttpServletResponse response = mvc.perform(get(path).with(user("writer").roles("WRITER")))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            assertThat(response.getHeader("Cache-Control")).as(path).isEqualTo("no-store");
            assertThat(response.getHeader("ETag")).as(path).isNull();
        }
    }
}
