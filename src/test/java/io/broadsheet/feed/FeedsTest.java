package io.broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.broadsheet.article.Article;
import io.broadsheet.section.SectionDirectory;
import io.broadsheet.weather.LatestWeather;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestArticles;
import io.broadsheet.support.TestClock;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The RSS and Atom feeds, parsed back with Rome and checked field by field. */
@SiteTest
class FeedsTest {

    static final Instant NOW = Instant.parse("2031-03-10T12:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Autowired
    TestArticles articles;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    SectionDirectory directory;

    @Autowired
    LatestWeather weather;

    @BeforeEach
    void pinClock() {
        clock.set(NOW);
    }

    SyndFeed feed(String path, String contentType) throws Exception {
        var response = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo(contentType);
        return new SyndFeedInput().build(new StringReader(response.getContentAsString(StandardCharsets.UTF_8)));
    }

    /** A story with everything a feed entry carries, and an editor's script that must never reach a reader. */
    Article fullStory(String headline, String section, Instant published, String... tags) {
        Article article = articles.publish(headline, section, published, tags);
        article.setByline("Amina Rahimi");
        article.setDateline("Herat");
        article.setStandfirst("The standfirst of " + headline + ".");
        article.setBody("First paragraph with **bold** text.\n\n<script>alert('x')</script>\n\nSecond paragraph.");
        article.setUpdatedAt(published.plus(Duration.ofHours(2)));
        return articles.update(article);
    }

    @Test
    void sectionRssCarriesEveryFieldOfTheStory() throws Exception {
        Instant published = NOW.minus(Duration.ofHours(5));
        Article story = fullStory("Feed desk story with everything", "Feed Desk", published, "Feed Herat",
                "Feed Water");

        SyndFeed feed = feed("/sections/feed-desk/feed.xml", "application/rss+xml;charset=UTF-8");

        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getTitle()).isEqualTo("Feed Desk – Broadsheet");
        assertThat(feed.getLink()).isEqualTo("http://localhost:8080/sections/feed-desk");
        assertThat(feed.getLanguage()).isEqualTo("en");
        assertThat(feed.getEntries()).hasSize(1);
        SyndEntry entry = feed.getEntries().get(0);
        assertThat(entry.getTitle()).isEqualTo("Feed desk story with everything");
        assertThat(entry.getLink()).isEqualTo("http://localhost:8080/articles/" + story.getSlug());
        assertThat(entry.getUri()).isEqualTo("http://localhost:8080/articles/" + story.getSlug());
        assertThat(entry.getDescription().getValue()).isEqualTo("The standfirst of Feed desk story with everything.");
        assertThat(entry.getContents()).hasSize(1);
        String content = entry.getContents().get(0).getValue();
        assertThat(content).contains("<strong>bold</strong>", "<p>Second paragraph.</p>")
                .doesNotContain("<script", "alert(");
        assertThat(entry.getAuthor()).isEqualTo("Amina Rahimi");
        assertThat(entry.getPublishedDate()).isEqualTo(Date.from(published));
        assertThat(entry.getCategories()).extracting(SyndCategory::getName)
                .containsExactly("Feed Desk", "Feed Herat", "Feed Water");
        assertThat(entry.getCategories()).extracting(SyndCategory::getTaxonomyUri).containsExactly(
                "http://localhost:8080/sections/feed-desk", "http://localhost:8080/tags/feed-herat",
                "http://localhost:8080/tags/feed-water");
    }

    @Test
    void tagAtomCarriesEveryFieldOfTheStoryIncludingItsUpdate() throws Exception {
        Instant published = NOW.minus(Duration.ofHours(6));
        Article story = fullStory("Atom desk story with everything", "Atom Desk", published, "Atom Kabul");

        SyndFeed feed = feed("/tags/atom-kabul/atom.xml", "application/atom+xml;charset=UTF-8");

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo("Atom Kabul – Broadsheet");
        // Rome reads an Atom feed's self link as its "link"; the page is the alternate link
        assertThat(feed.getLinks()).extracting(link -> link.getRel() + " " + link.getHref()).contains(
                "alternate http://localhost:8080/tags/atom-kabul",
                "self http://localhost:8080/tags/atom-kabul/atom.xml");
        assertThat(feed.getEntries()).hasSize(1);
        SyndEntry entry = feed.getEntries().get(0);
        assertThat(entry.getTitle()).isEqualTo("Atom desk story with everything");
        assertThat(entry.getLink()).isEqualTo("http://localhost:8080/articles/" + story.getSlug());
        assertThat(entry.getUri()).isEqualTo("http://localhost:8080/articles/" + story.getSlug());
        assertThat(entry.getDescription().getValue()).isEqualTo("The standfirst of Atom desk story with everything.");
        assertThat(entry.getContents().get(0).getValue()).contains("<strong>bold</strong>").doesNotContain("<script");
        assertThat(entry.getAuthors()).extracting(person -> person.getName()).containsExactly("Amina Rahimi");
        assertThat(entry.getPublishedDate()).isEqualTo(Date.from(published));
        assertThat(entry.getUpdatedDate()).isEqualTo(Date.from(published.plus(Duration.ofHours(2))));
        assertThat(entry.getCategories()).extracting(SyndCategory::getName)
                .containsExactly("Atom Desk", "Atom Kabul");
    }

    @Test
    void siteFeedsCarryTheNewestThirtyPublicStoriesNewestFirst() throws Exception {
        // later than any other test's stories, so that these are the site's newest
        Instant start = Instant.parse("2045-01-01T00:00:00Z");
        clock.set(start.plus(Duration.ofDays(1)));
        for (int i = 1; i <= 32; i++) {
            articles.publish("Site feed story " + i, "Site Feed Desk", start.plus(Duration.ofMinutes(i)),
                    "Site Feed Tag " + (i % 3));
        }
        articles.publish("Site feed story from the future", "Site Feed Desk", start.plus(Duration.ofDays(2)));

        for (String path : new String[] {"/feed.xml", "/atom.xml"}) {
            SyndFeed feed = feed(path, path.equals("/feed.xml") ? "application/rss+xml;charset=UTF-8"
                    : "application/atom+xml;charset=UTF-8");
            assertThat(feed.getEntries()).as(path).hasSize(30);
            assertThat(feed.getEntries().get(0).getTitle()).isEqualTo("Site feed story 32");
            assertThat(feed.getEntries().get(29).getTitle()).isEqualTo("Site feed story 3");
            assertThat(feed.getEntries().get(0).getCategories()).extracting(SyndCategory::getName)
                    .containsExactly("Site Feed Desk", "Site Feed Tag 2");
        }
    }

    @Test
    void aFeedOfThirtyTaggedStoriesTakesTwoStatements() throws Exception {
        Instant start = NOW.minus(Duration.ofDays(2));
        for (int i = 1; i <= 30; i++) {
            articles.publish("Counted feed story " + i, "Counted Desk", start.plus(Duration.ofMinutes(i)),
                    "Counted A", "Counted B " + i);
            if (i == 1) {
                // the section is known from here on (its directory is held for a minute of real time): what is
                // counted below is the feed's own reading of its stories, not a cold directory
                feed("/sections/counted-desk/feed.xml", "application/rss+xml;charset=UTF-8");
            }
        }
        // The masthead's list of sections and its weather are held for a while of real time: read afresh now, they
        // cannot expire between here and the counted request (each did once in CI, adding its statement).
        directory.refresh();
        directory.all();
        weather.refresh();
        weather.current();
        var statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        boolean enabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        try {
            SyndFeed feed = feed("/sections/counted-desk/feed.xml", "application/rss+xml;charset=UTF-8");
            assertThat(feed.getEntries()).hasSize(30);
            assertThat(feed.getEntries().get(0).getCategories()).hasSize(3);
            // one to find the section, one for the stories with their section, one for all their tags
            assertThat(statistics.getPrepareStatementCount()).as("statements for %s",
                    java.util.Arrays.toString(statistics.getQueries())).isLessThanOrEqualTo(3);
        } finally {
            statistics.setStatisticsEnabled(enabled);
        }
    }

    @Test
    void feedsOfUnknownSectionsAndTagsAre404() throws Exception {
        for (String path : new String[] {"/sections/no-such-desk/feed.xml", "/sections/no-such-desk/atom.xml",
                "/tags/no-such-tag/feed.xml", "/tags/no-such-tag/atom.xml", "/tags/" + "a".repeat(300) + "/feed.xml",
                "/tags/NOT_A_SLUG/feed.xml"}) {
            mvc.perform(get(path)).andExpect(status().isNotFound());
        }
    }

    @Test
    void anEmptySectionHasAnEmptyFeed() throws Exception {
        articles.section("Empty Feed Desk");

        assertThat(feed("/sections/empty-feed-desk/feed.xml", "application/rss+xml;charset=UTF-8").getEntries())
                .isEmpty();
    }
}
