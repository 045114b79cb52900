package io.broadsheet.speed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import io.broadsheet.article.Article;
import io.broadsheet.section.SectionDirectory;
import io.broadsheet.section.Slugs;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestArticles;
import io.broadsheet.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * How many SQL statements a reader's page view runs, counted on the JDBC connection (every statement, whoever
 * runs it). Counts are deterministic, so they are asserted exactly where the issue sets a bound: a story's first
 * view at most 3, any repeat view of an unchanged page none.
 */
@SiteTest
class PageViewStatementsTest {

    static final Instant NOW = Instant.parse("2034-02-02T12:00:30Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Autowired
    TestArticles articles;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SectionDirectory sections;

    record View(MockHttpServletResponse response, long statements, long connections) {
    }

    @BeforeEach
    void pinClock() {
        clock.set(NOW);
    }

    View view(MockHttpServletRequestBuilder request) throws Exception {
        SqlStatementCount.reset();
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        return new View(response, SqlStatementCount.current(), SqlStatementCount.connectionsTaken());
    }

    View view(String path) throws Exception {
        return view(get(path));
    }

    /** The masthead (sections, weather) is held in memory for a while: read it once, as any earlier reader did. */
    void warmMasthead() throws Exception {
        articles.section("Statements Warm-up Desk");
        assertThat(view("/sections/statements-warm-up-desk").response().getStatus()).isEqualTo(200);
    }

    /** At {@code now}: a story published {@code ago} before, in a section of its own, whose page is read once. */
    Article listedInItsSection(Instant now, String headline, String sectionName, Duration ago) throws Exception {
        clock.set(now);
        Article story = articles.publish(headline, sectionName, now.minus(ago));
        warmMasthead();
        assertThat(view("/sections/" + Slugs.of(sectionName)).response().getContentAsString()).contains(headline);
        return story;
    }

    @Test
    void aStoryTakesAtMostThreeStatementsAndARepeatViewNone() throws Exception {
        articles.publish("Statements older neighbour", "Statements Story Desk", NOW.minus(Duration.ofDays(2)),
                "Statements Tag", "Statements Other Tag");
        Article story = articles.publish("Statements story under test", "Statements Story Desk",
                NOW.minus(Duration.ofHours(1)), "Statements Tag");
        String path = "/articles/" + story.getSlug();
        warmMasthead();

        View first = view(path);
        assertThat(first.response().getStatus()).isEqualTo(200);
        assertThat(first.response().getContentAsString()).contains("Statements story under test")
                .contains("Statements older neighbour");
        assertThat(first.statements()).isLessThanOrEqualTo(3);
        // and no pooled connection taken for nothing (the stories alike in text are read from the index alone)
        assertThat(first.connections()).isLessThanOrEqualTo(first.statements());

        View repeat = view(path);
        assertThat(repeat.response().getStatus()).isEqualTo(200);
        assertThat(repeat.response().getContentAsString()).isEqualTo(first.response().getContentAsString());
        assertThat(repeat.statements()).isZero();
        assertThat(repeat.connections()).isZero();

        View conditional = view(get(path).header("If-None-Match", first.response().getHeader("ETag")));
        assertThat(conditional.response().getStatus()).isEqualTo(304);
        assertThat(conditional.statements()).isZero();
    }

    @Test
    void theFrontPageTakesOneStatementAndARepeatViewNone() throws Exception {
        articles.publish("Statements front page story", "Statements Front Desk", NOW.minus(Duration.ofMinutes(5)));
        warmMasthead();

        View first = view("/");
        assertThat(first.response().getContentAsString()).contains("Statements front page story");
        assertThat(first.statements()).isEqualTo(1);

        View repeat = view("/");
        assertThat(repeat.response().getContentAsString()).isEqualTo(first.response().getContentAsString());
        assertThat(repeat.statements()).isZero();
        assertThat(repeat.connections()).isZero();
    }

    @Test
    void aSectionPageTakesOneStatementAndARepeatViewNone() throws Exception {
        articles.publish("Statements section story", "Statements Section Desk", NOW.minus(Duration.ofMinutes(7)));
        warmMasthead();
        view("/sections/statements-section-desk");
        articles.publish("Statements second section story", "Statements Section Desk",
                NOW.minus(Duration.ofMinutes(6)));

        View first = view("/sections/statements-section-desk");
        assertThat(first.response().getContentAsString()).contains("Statements second section story");
        assertThat(first.statements()).isEqualTo(1);

        View repeat = view("/sections/statements-section-desk");
        assertThat(repeat.response().getContentAsString()).isEqualTo(first.response().getContentAsString());
        assertThat(repeat.statements()).isZero();
        assertThat(repeat.connections()).isZero();
    }

    @Test
    void aSearchAsksOnceWhichOfItsStoriesArePublicAndNotAgainForStoriesAlreadyShown() throws Exception {
        articles.publish("Statements bilby census", "Statements Search Desk", NOW.minus(Duration.ofHours(2)));
        articles.publish("Statements bilby count", "Statements Search Desk", NOW.minus(Duration.ofHours(3)));
        sections.refresh(); // as when the list of sections was last read, a minute on: with the new desk
        warmMasthead();

        View first = view("/search?q=bilby");
        assertThat(first.response().getStatus()).isEqualTo(200);
        assertThat(first.response().getContentAsString()).contains("/articles/statements-bilby-census")
                .contains("/articles/statements-bilby-count");
        assertThat(first.statements()).isEqualTo(1);
        assertThat(first.connections()).isEqualTo(1);

        // Another search (no page of results is kept), whose one story the first already checked.
        View other = view("/search?q=bilby+census");
        assertThat(other.response().getContentAsString()).contains("/articles/statements-bilby-census")
                .doesNotContain("/articles/statements-bilby-count");
        assertThat(other.statements()).isZero();
        // Nor does it take a connection from the pool: nothing to wait for, and it answers while the database is away.
        assertThat(other.connections()).isZero();

        articles.publish("Statements bilby sighting", "Statements Search Desk", NOW.minus(Duration.ofHours(1)));
        View afterChange = view("/search?q=bilby");
        assertThat(afterChange.response().getContentAsString()).contains("/articles/statements-bilby-sighting")
                .contains("/articles/statements-bilby-census");
        assertThat(afterChange.statements()).isEqualTo(1);
    }

    /**
     * A tag's page, and a section's and a tag's feeds, know their section or tag from memory on a repeat view (each
     * asked the database for it on every view before).
     */
    @Test
    void aTagsPageAndTheTopicFeedsTakeNoStatementOnARepeatView() throws Exception {
        articles.publish("Statements topic story", "Statements Topic Desk", NOW.minus(Duration.ofHours(2)),
                "Statements Topic Tag");
        warmMasthead();
        for (String path : new String[] {"/tags/statements-topic-tag", "/tags/statements-topic-tag/feed.xml",
                "/sections/statements-topic-desk/feed.xml", "/tags/statements-topic-tag/atom.xml"}) {
            View first = view(path);
            assertThat(first.response().getStatus()).as(path).isEqualTo(200);
            assertThat(first.response().getContentAsString()).as(path).contains("Statements topic story");

            View repeat = view(path);
            assertThat(repeat.response().getContentAsString()).as(path)
                    .isEqualTo(first.response().getContentAsString());
            assertThat(repeat.statements()).as(path).isZero();
            assertThat(repeat.connections()).as(path).isZero();
        }
        assertThat(view("/tags/statements-no-such-tag").response().getStatus()).isEqualTo(404);
        assertThat(view("/tags/statements-no-such-tag").statements()).as("an unknown tag is asked each time").isOne();
    }

    /**
     * The sitemap and the news sitemap are written once while no story changes: on a million stories, working out
     * which article sitemaps to list took half a second on every request of {@code /sitemap.xml}.
     */
    @Test
    void theSitemapsAreWrittenOnceAndARepeatViewTakesNoStatement() throws Exception {
        Article story = articles.publish("Statements sitemap story", "Statements Sitemap Desk",
                NOW.minus(Duration.ofHours(3)));
        for (String path : new String[] {"/sitemap.xml", "/news-sitemap.xml"}) {
            View first = view(path);
            assertThat(first.response().getStatus()).as(path).isEqualTo(200);
            assertThat(first.response().getContentAsString()).as(path).contains("/articles/" + story.getSlug());
            assertThat(first.statements()).as(path).isPositive();

            View repeat = view(path);
            assertThat(repeat.response().getContentAsString()).as(path)
                    .isEqualTo(first.response().getContentAsString());
            assertThat(repeat.statements()).as(path).isZero();
            assertThat(repeat.connections()).as(path).isZero();
        }
    }

    @Test
    void aListingIsNotAskedAgainTheNextMinuteWhenNothingChanged() throws Exception {
        Instant now = Instant.parse("2034-04-04T10:00:30Z");
        // Saved with a clock far ahead (as other tests' stories in this shared database are): not a change now.
        articles.publish("Statements far future story", "Statements Future Desk",
                Instant.parse("2090-01-01T00:00:00Z"));
        Article story = listedInItsSection(now, "Statements next minute story", "Statements Minute Desk",
                Duration.ofMinutes(8));
        String section = "/sections/statements-minute-desk";

        View nextMinute = nextMinuteAfterAnUnseenChange(story, now, section);
        assertThat(nextMinute.response().getContentAsString()).contains("Statements next minute story");
        // the look for changed stories (article.StoriesVersion), not the listing again
        assertThat(nextMinute.statements()).isEqualTo(1);
        assertThat(view(section).statements()).isZero();
    }

    /**
     * The story's headline changed as no look can see it (saved without a new updated_at), then {@code path} read
     * a minute later: were what it shows read again, the changed headline would be on it.
     */
    View nextMinuteAfterAnUnseenChange(Article story, Instant now, String path) throws Exception {
        String unseen = "Statements unseen headline [" + story.getId() + "]";
        jdbc.update("update article set headline = ? where id = ?", unseen, story.getId());
        clock.set(now.plus(Duration.ofMinutes(1)));
        View nextMinute = view(path);
        assertThat(nextMinute.response().getContentAsString()).doesNotContain(unseen);
        return nextMinute;
    }

    @Test
    void aFeedIsNotWrittenAgainTheNextMinuteWhenNothingChanged() throws Exception {
        Instant now = Instant.parse("2034-05-05T10:00:30Z");
        Article story = listedInItsSection(now, "Statements feed story", "Statements Feed Desk",
                Duration.ofMinutes(8));
        // the site's feed (a section's also asks for its section each time): newest first, this story on top
        String feed = "/feed.xml";
        assertThat(view(feed).response().getContentAsString()).contains("Statements feed story");

        View nextMinute = nextMinuteAfterAnUnseenChange(story, now, feed);
        assertThat(nextMinute.response().getContentAsString()).contains("Statements feed story");
        // the look for changed stories (article.StoriesVersion), not the feed's stories and tags again
        assertThat(nextMinute.statements()).isEqualTo(1);
    }

    @Test
    void aStoryChangedThroughAnotherInstanceShowsFromTheNextMinute() throws Exception {
        Instant now = Instant.parse("2034-03-03T08:00:30Z");
        Article story = listedInItsSection(now, "Statements other instance story", "Statements Other Desk",
                Duration.ofHours(1));
        String section = "/sections/statements-other-desk";

        // Another instance saves: straight into the shared database, so no event reaches this one.
        jdbc.update("update article set headline = ?, updated_at = ? where id = ?",
                "Statements other instance story, changed", Timestamp.from(now), story.getId());
        assertThat(view(section).response().getContentAsString()).doesNotContain("changed");

        clock.set(now.plus(Duration.ofMinutes(1)));
        assertThat(view(section).response().getContentAsString())
                .contains("Statements other instance story, changed");
    }

    @Test
    void anEditedStoryIsRenderedAfreshNotServedFromTheKeptPage() throws Exception {
        Article story = articles.publish("Statements kept page story", "Statements Kept Desk",
                NOW.minus(Duration.ofHours(3)));
        String path = "/articles/" + story.getSlug();
        assertThat(view(path).response().getContentAsString()).contains("Statements kept page story");

        story.setHeadline("Statements kept page story, corrected");
        articles.update(story);

        assertThat(view(path).response().getContentAsString()).contains("Statements kept page story, corrected");
    }
}
