package io.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import io.broadsheet.section.Slugs;
import io.broadsheet.security.StaffRole;
import io.broadsheet.speed.SqlStatementCount;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestArticles;
import io.broadsheet.support.TestClock;
import io.broadsheet.support.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Newest-first listings are read from an index in its order, and stop when the page is full: the statements a page
 * view runs, as H2 plans them ({@code EXPLAIN}), say "index sorted" for the index that listing is meant to read.
 * Without it H2 reads every story the listing's conditions allow, whole rows, and sorts them: on a million stories
 * 0.2-0.4 s for the front and a section, 0.4-1 s for a popular tag's related news, and 50 s for the newsroom's
 * list. PostgreSQL walks an index either way; this is H2's rule (see {@code V6__newest_first_indexes.sql}).
 */
@SiteTest
class NewestFirstPlansTest {

    static final Instant NOW = Instant.parse("2034-03-03T12:00:30Z");

    static final String SORTED = "/* index sorted */";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Autowired
    TestArticles articles;

    @Autowired
    TestStaff staff;

    @Autowired
    JdbcTemplate jdbc;

    static final AtomicInteger ROUND = new AtomicInteger();

    Article story;

    /** A change before each test, so that no listing is still kept from the one before. */
    @BeforeEach
    void stories() {
        clock.set(NOW);
        int round = ROUND.incrementAndGet();
        articles.publish("Plans older story " + round, "Plans Desk", NOW.minus(Duration.ofDays(3)), "Plans Tag");
        story = articles.publish("Plans newer story " + round, "Plans Desk", NOW.minus(Duration.ofHours(2)),
                "Plans Tag");
        articles.save("Plans draft " + round, "Plans Desk", ArticleStatus.DRAFT, NOW.minus(Duration.ofDays(1)));
    }

    /** H2's plan of each select the request prepared, after checking the request succeeded. */
    List<String> plans(MockHttpServletRequestBuilder request) throws Exception {
        SqlStatementCount.record();
        int status;
        List<String> statements;
        try {
            status = mvc.perform(request).andReturn().getResponse().getStatus();
        } finally {
            statements = SqlStatementCount.recorded();
        }
        assertThat(status).isEqualTo(200);
        return statements.stream()
                .filter(sql -> sql.strip().toLowerCase(Locale.ROOT).startsWith("select"))
                .map(this::plan)
                .toList();
    }

    String plan(String sql) {
        return jdbc.execute((ConnectionCallback<String>) (Connection connection) -> {
            try (PreparedStatement explain = connection.prepareStatement("explain " + sql);
                    ResultSet plan = explain.executeQuery()) {
                plan.next();
                return plan.getString(1);
            }
        });
    }

    /**
     * The one ordered statement that reads {@code index} takes its order from it. (Once a minute a request also asks
     * whether any story changed, from the same index, unordered.)
     */
    static void readInOrder(List<String> plans, String index) {
        List<String> reading = plans.stream().filter(plan -> reads(plan, index) && plan.contains("ORDER BY")).toList();
        assertThat(reading).as("statements reading %s in %s", index, plans).hasSize(1);
        assertThat(reading.get(0)).contains(SORTED);
    }

    /** Whether the plan reads the index (with conditions on it, or without). */
    static boolean reads(String plan, String index) {
        return plan.contains("/* public." + index + ":") || plan.contains("/* public." + index + " */");
    }

    /** How a front page's or a section's listing reads {@code index}: here, in one statement, in order. */
    void listingReadsInOrder(List<String> plans, String index) {
        readInOrder(plans, index);
    }

    @Test
    void theFrontPageAndTheSiteFeedReadTheNewestPublicStoriesInIndexOrder() throws Exception {
        listingReadsInOrder(plans(get("/")), "article_by_publication");
        listingReadsInOrder(plans(get("/feed.xml")), "article_by_publication");
    }

    @Test
    void aSectionAndItsFeedReadTheSectionsIndexInOrder() throws Exception {
        String section = "/sections/" + Slugs.of("Plans Desk");
        listingReadsInOrder(plans(get(section)), "article_by_section");
        listingReadsInOrder(plans(get(section + "/feed.xml")), "article_by_section");
    }

    @Test
    void relatedNewsReadsEachTagsNewestAndTheSectionsNewestInIndexOrder() throws Exception {
        List<String> plans = plans(get("/articles/" + story.getSlug()));
        String related = plans.stream().filter(plan -> reads(plan, "article_tag_by_tag")).findFirst().orElseThrow();
        // The tag's subquery and the section's, each read from its index in order, wherever H2 shows their plans (in
        // the outer index's condition and in its WHERE).
        for (String index : List.of("article_tag_by_tag", "article_by_section")) {
            long shown = Pattern.compile("/\\* public\\." + index + ": ").matcher(related).results().count();
            assertThat(subqueriesReadInOrder(related, index)).as(index).isPositive().isEqualTo(shown);
        }
        // The candidates first, each story then found by its id: never a walk of all public stories.
        assertThat(related).doesNotContain("/* public.article_by_publication");
        // Each candidate weighed from the index that holds what the ranking needs, not from its row (body and all).
        assertThat(related).contains("/* public.article_visibility_by_id: id = candidates.candidate_id */");
    }

    /**
     * A page of search results asks the database only which of its stories are public now and in which section,
     * and H2 answers that from the index that holds exactly that, not from the stories' rows (bodies and all).
     */
    @Test
    void searchResultsAreCheckedFromTheVisibilityIndexNotTheRows() throws Exception {
        List<String> plans = plans(get("/search").param("q", "plans newer story"));
        List<String> reading = plans.stream().filter(plan -> plan.contains("FROM \"public\".\"article\" ")).toList();
        assertThat(reading).as("statements reading stories in %s", plans).hasSize(1);
        assertThat(reading.get(0)).contains("/* public.article_visibility_by_id: id IN(");
        mvc.perform(get("/search").param("q", "plans newer story")).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/articles/" + story.getSlug() + "\"")))
                .andExpect(content().string(containsString("Plans Desk")));
    }

    /**
     * An article sitemap reads its range of ids from the index that holds what it lists, in the index's order, and
     * no story's row (bodies and all: 1.4-2.6 s per file of 50,000 stories on a million before the index).
     */
    @Test
    void anArticleSitemapReadsItsRangeFromTheLocationIndexNotTheRows() throws Exception {
        List<String> plans = plans(get("/sitemaps/articles-1.xml"));
        List<String> reading = plans.stream().filter(plan -> plan.contains("FROM \"public\".\"article\" ")).toList();
        assertThat(reading).as("statements reading stories in %s", plans).hasSize(1);
        assertThat(reading.get(0)).contains("/* public.article_location_by_id: id > ?").contains(SORTED);
    }

    /** How many subquery plans read {@code index} and then say "index sorted" at their end. */
    static long subqueriesReadInOrder(String plan, String index) {
        return Pattern.compile("/\\* public\\." + index + ": [^*]*\\*/\\s*WHERE [^/]*? ORDER BY [^/]*?"
                + "FETCH FIRST \\?\\d+ ROWS ONLY\\s*/\\* index sorted \\*/").matcher(plan).results().count();
    }

    @Test
    void theNewsroomListReadsTheChangeIndexesInOrder() throws Exception {
        String editor = staff.create(StaffRole.EDITOR);
        readInOrder(plans(get("/admin/articles").with(staff.as(editor))), "article_by_update");
        for (String status : List.of("draft", "published", "archived")) {
            readInOrder(plans(get("/admin/articles").param("status", status).with(staff.as(editor))),
                    "article_by_status_update");
        }
        // The few stories due later are found by their publish time, then sorted.
        assertThat(plans(get("/admin/articles").param("status", "scheduled").with(staff.as(editor))))
                .anySatisfy(plan -> assertThat(plan).contains("/* public.article_by_publication: status = 'PUBLISHED'")
                        .containsPattern("AND published_at > \\?\\d"));
        readInOrder(plans(get("/admin/articles").param("q", "newer story").with(staff.as(editor))),
                "article_by_update");
    }

    /**
     * The headline is in both indexes of the newsroom's list, so that H2 tests the headline filter on index entries
     * and reads a story's row only for a match (EXPLAIN does not show that; on a million stories a word in no
     * headline took 85 s without, 1 s with).
     */
    @Test
    void theNewsroomListsIndexesHoldTheHeadline() {
        for (String index : List.of("article_by_update", "article_by_status_update")) {
            assertThat(jdbc.queryForList("select column_name from information_schema.index_columns"
                    + " where table_name = 'article' and index_name = ? order by ordinal_position", String.class, index))
                    .as(index).endsWith("headline");
        }
    }
}
