package io.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.broadsheet.article.ArticleRepository;
import io.broadsheet.article.ArticleStatus;
import io.broadsheet.security.StaffRole;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestClock;
import io.broadsheet.support.TestStaff;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The article form: validation, slugs, publishing and scheduling, conflicts, revisions and old URLs. */
@SiteTest
class ArticleFormTest {

    static final Pattern EDIT_URL = Pattern.compile("/admin/articles/(\\d+)/edit");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Autowired
    TestStaff staff;

    @Autowired
    ArticleRepository articles;

    @Autowired
    ArticleRevisionRepository revisions;

    String editor;
    String otherEditor;

    @BeforeEach
    void signIn() {
        clock.set(Instant.parse("2025-03-10T09:00:00Z"));
        editor = staff.create(StaffRole.EDITOR);
        otherEditor = staff.create(StaffRole.EDITOR);
    }

    static Map<String, String> story(String headline) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("headline", headline);
        fields.put("standfirst", "");
        fields.put("body", "First paragraph of " + headline + ".\n\nSecond paragraph.");
        fields.put("byline", "A. Reporter");
        fields.put("dateline", "Herat");
        fields.put("section", "Form Desk");
        fields.put("tags", "Form Tests, Herat");
        fields.put("slug", "");
        fields.put("publishAt", "");
        return fields;
    }

    MockHttpServletRequestBuilder form(String url, String user, Map<String, String> fields, String action) {
        MockHttpServletRequestBuilder request = post(url).with(staff.as(user)).with(csrf()).param("action", action);
        fields.forEach(request::param);
        return request;
    }

    long create(Map<String, String> fields, String action) throws Exception {
        MvcResult result = mvc.perform(form("/admin/articles", editor, fields, action))
                .andExpect(status().is3xxRedirection()).andReturn();
        Matcher matcher = EDIT_URL.matcher(result.getResponse().getRedirectedUrl());
        assertThat(matcher.matches()).as(result.getResponse().getRedirectedUrl()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void invalidFormComesBackWithErrorsBesideFieldsAndEverythingAsTyped() throws Exception {
        Map<String, String> fields = story("");
        fields.put("body", "");
        fields.put("slug", "Not A Slug!");
        fields.put("publishAt", "next tuesday");
        fields.put("standfirst", "A standfirst “kept” as typed");
        fields.put("tags", "Kept, Tags");

        Document page = page(form("/admin/articles", editor, fields, "publish"));

        assertThat(page.select("#headline-error").text()).isEqualTo("Write a headline.");
        assertThat(page.select(".has-error #body ~ .field-error").text()).isEqualTo("Write the story.");
        assertThat(page.select("#slug-error").text()).startsWith("Use lower-case letters");
        assertThat(page.select("#publishAt-error").text()).startsWith("Enter a date and time");
        assertThat(page.select("#standfirst").text()).isEqualTo("A standfirst “kept” as typed");
        assertThat(page.select("#tags").val()).isEqualTo("Kept, Tags");
        assertThat(page.select("#slug").val()).isEqualTo("Not A Slug!");
        assertThat(page.select("#publishAt").val()).isEqualTo("next tuesday");
        assertThat(articles.findAll()).noneMatch(a -> "Kept, Tags".equals(a.getHeadline()));
    }

    @Test
    void headlineLongerThan200CharactersIsRefused() throws Exception {
        Document page = page(form("/admin/articles", editor, story("x".repeat(201)), "save"));

        assertThat(page.select("#headline-error").text()).isEqualTo("A headline has at most 200 characters.");
        assertThat(page.select("#headline").val()).hasSize(201);
    }

    @Test
    void slugIsMadeFromTheHeadlineAndKeptUnique() throws Exception {
        long first = create(story("Ghor’s capital falls: what we know"), "save");
        long second = create(story("Ghor’s capital falls: what we know"), "save");

        assertThat(articles.findById(first).orElseThrow().getSlug()).isEqualTo("ghor-s-capital-falls-what-we-know");
        assertThat(articles.findById(second).orElseThrow().getSlug()).isEqualTo("ghor-s-capital-falls-what-we-know-2");
    }

    @Test
    void aSlugAnotherStoryUsesIsRefusedWithTheFormIntact() throws Exception {
        create(story("Slug owner story"), "save");
        Map<String, String> fields = story("Slug thief story");
        fields.put("slug", "slug-owner-story");

        Document page = page(form("/admin/articles", editor, fields, "save"));

        assertThat(page.select("#slug-error").text()).isEqualTo("Another story already uses this slug.");
        assertThat(page.select("#headline").val()).isEqualTo("Slug thief story");
    }

    @Test
    void publishingMakesTheStoryPublicAtOnce() throws Exception {
        long id = create(story("Published from the form"), "publish");

        var article = articles.findById(id).orElseThrow();
        assertThat(article.getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(article.getPublishedAt()).isEqualTo(clock.instant());
        mvc.perform(get("/articles/published-from-the-form")).andExpect(status().isOk());
    }

    @Test
    void aScheduledStoryAppearsWhenTheClockPassesItsTime() throws Exception {
        Map<String, String> fields = story("Scheduled for the afternoon");
        fields.put("publishAt", "2025-03-10T15:30");

        Document form = page(get("/admin/articles/new").with(staff.as(editor)));
        assertThat(form.select("#publish-button").text()).isEqualTo("Publish");
        long id = create(fields, "publish");
        Document edit = page(get("/admin/articles/" + id + "/edit").with(staff.as(editor)));
        assertThat(edit.select(".heading-row .state").text()).isEqualTo("Scheduled");
        assertThat(edit.select("#publish-button").text()).isEqualTo("Schedule");

        mvc.perform(get("/articles/scheduled-for-the-afternoon")).andExpect(status().isNotFound());
        clock.set(Instant.parse("2025-03-10T15:29:59Z"));
        mvc.perform(get("/articles/scheduled-for-the-afternoon")).andExpect(status().isNotFound());
        clock.set(Instant.parse("2025-03-10T15:30:00Z"));
        mvc.perform(get("/articles/scheduled-for-the-afternoon")).andExpect(status().isOk());
    }

    @Test
    void changingThePublishedSlugAnswers301FromTheOldAddress() throws Exception {
        long id = create(story("Old address story"), "publish");
        Map<String, String> fields = story("Old address story");
        fields.put("slug", "new-address-story");
        fields.put("version", String.valueOf(articles.findById(id).orElseThrow().getVersion()));

        mvc.perform(form("/admin/articles/" + id, editor, fields, "publish")).andExpect(status().is3xxRedirection());

        mvc.perform(get("/articles/old-address-story")).andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/articles/new-address-story"));
        mvc.perform(get("/articles/new-address-story")).andExpect(status().isOk());
    }

    @Test
    void secondSaveFromTheSameVersionIsRefusedAndBothTextsSurvive() throws Exception {
        long id = create(story("Contested story"), "save");
        String base = String.valueOf(articles.findById(id).orElseThrow().getVersion());
        Map<String, String> mine = story("Contested story");
        mine.put("version", base);
        mine.put("body", "My correction of the story.");
        Map<String, String> theirs = story("Contested story");
        theirs.put("version", base);
        theirs.put("body", "Their rewrite of the story.");

        mvc.perform(form("/admin/articles/" + id, otherEditor, theirs, "save"))
                .andExpect(redirectedUrl("/admin/articles/" + id + "/edit"));
        Document conflict = page(form("/admin/articles/" + id, editor, mine, "save"));

        assertThat(conflict.select("h1").text()).isEqualTo("Someone else saved this story");
        assertThat(conflict.select(".theirs dd.pre").text()).isEqualTo("Their rewrite of the story.");
        assertThat(conflict.select(".yours textarea#body").text()).isEqualTo("My correction of the story.");
        String newBase = conflict.select(".yours input[name=version]").val();
        assertThat(newBase).isNotEqualTo(base);
        assertThat(articles.findById(id).orElseThrow().getBody()).isEqualTo("Their rewrite of the story.");

        mine.put("version", newBase);
        mvc.perform(form("/admin/articles/" + id, editor, mine, "save"))
                .andExpect(redirectedUrl("/admin/articles/" + id + "/edit"));
        assertThat(articles.findById(id).orElseThrow().getBody()).isEqualTo("My correction of the story.");
        assertThat(revisions.findByArticleIdOrderByNumberDesc(id)).extracting(r -> r.snapshot().body())
                .contains("Their rewrite of the story.", "My correction of the story.");
    }

    @Test
    void everySaveIsARevisionAndRestoringOneIsANewRevision() throws Exception {
        long id = create(story("Revised story"), "save");
        Map<String, String> fields = story("Revised story, corrected");
        fields.put("version", String.valueOf(articles.findById(id).orElseThrow().getVersion()));
        fields.put("body", "Corrected first paragraph.\n\nSecond paragraph.");
        clock.advance(Duration.ofMinutes(5));
        mvc.perform(form("/admin/articles/" + id, otherEditor, fields, "save")).andExpect(status().is3xxRedirection());

        Document history = page(get("/admin/articles/" + id + "/history").with(staff.as(editor)));
        assertThat(history.select("tbody tr")).hasSize(2);
        assertThat(history.select("tbody tr td:nth-child(3)").eachText()).containsExactly(otherEditor, editor);

        Document diff = page(get("/admin/articles/" + id + "/history/1").with(staff.as(editor)));
        assertThat(diff.select(".diff-removed").eachText()).anyMatch(t -> t.contains("First paragraph of Revised story."));
        assertThat(diff.select(".diff-added").eachText()).anyMatch(t -> t.contains("Corrected first paragraph."));
        String version = diff.select("input[name=version]").val();

        mvc.perform(post("/admin/articles/" + id + "/history/1/restore").with(staff.as(editor)).with(csrf())
                .param("version", version)).andExpect(redirectedUrl("/admin/articles/" + id + "/edit"));

        var restored = articles.findById(id).orElseThrow();
        assertThat(restored.getHeadline()).isEqualTo("Revised story");
        assertThat(restored.getBody()).startsWith("First paragraph of Revised story.");
        var all = revisions.findByArticleIdOrderByNumberDesc(id);
        assertThat(all).hasSize(3);
        assertThat(all.get(0).getNote()).isEqualTo("Restored revision 1");
        assertThat(all.get(1).snapshot().headline()).isEqualTo("Revised story, corrected");
    }

    @Test
    void previewShowsTheStoryAsReadersWillSeeItWithoutSavingIt() throws Exception {
        Map<String, String> fields = story("A story only previewed");
        fields.put("body", "Preview paragraph with **bold**.\n\nAnother.");

        Document preview = page(form("/admin/articles", editor, fields, "preview"));

        assertThat(preview.select("h1").text()).isEqualTo("A story only previewed");
        assertThat(preview.select(".story-body p").eachText()).containsExactly("Preview paragraph with bold.", "Another.");
        assertThat(preview.select(".story-body strong").text()).isEqualTo("bold");
        assertThat(preview.select(".dateline-place").text()).isEqualTo("Herat");
        assertThat(preview.select("header.masthead .site-name").text()).isEqualTo("Broadsheet");
        assertThat(preview.select(".preview-bar input[name=body]").val()).isEqualTo(fields.get("body"));
        assertThat(articles.findAll()).noneMatch(a -> a.getHeadline().equals("A story only previewed"));
        mvc.perform(get("/articles/a-story-only-previewed")).andExpect(status().isNotFound());
    }

    @Test
    void unpublishAndArchiveTakeTheStoryOffTheSite() throws Exception {
        long id = create(story("Soon unpublished"), "publish");
        mvc.perform(get("/articles/soon-unpublished")).andExpect(status().isOk());

        mvc.perform(post("/admin/articles/" + id + "/unpublish").with(staff.as(editor)).with(csrf())
                .param("version", String.valueOf(articles.findById(id).orElseThrow().getVersion())))
                .andExpect(redirectedUrlPattern("/admin/articles/*/edit"));
        mvc.perform(get("/articles/soon-unpublished")).andExpect(status().isNotFound());
        assertThat(articles.findById(id).orElseThrow().getStatus()).isEqualTo(ArticleStatus.DRAFT);

        mvc.perform(post("/admin/articles/" + id + "/archive").with(staff.as(editor)).with(csrf())
                .param("version", String.valueOf(articles.findById(id).orElseThrow().getVersion())))
                .andExpect(status().is3xxRedirection());
        assertThat(articles.findById(id).orElseThrow().getStatus()).isEqualTo(ArticleStatus.ARCHIVED);
    }

    @Test
    void listFiltersByStatusAndHeadlineWords() throws Exception {
        create(story("Filter draft about Herat floods"), "save");
        create(story("Filter published about Herat floods"), "publish");
        Map<String, String> later = story("Filter scheduled about Herat floods");
        later.put("publishAt", "2026-01-01T00:00");
        create(later, "publish");

        assertThat(page(get("/admin/articles").param("status", "draft").param("q", "herat FLOODS").with(staff.as(editor)))
                .select("tbody td:first-child").eachText()).containsExactly("Filter draft about Herat floods");
        assertThat(page(get("/admin/articles").param("status", "scheduled").param("q", "filter").with(staff.as(editor)))
                .select("tbody td:first-child").eachText()).containsExactly("Filter scheduled about Herat floods");
        assertThat(page(get("/admin/articles").param("status", "published").param("q", "floods filter").with(staff.as(editor)))
                .select("tbody td:first-child").eachText()).containsExactly("Filter published about Herat floods");
        assertThat(page(get("/admin/articles").param("q", "Filter about floods").with(staff.as(editor)))
                .select("tbody td:first-child")).hasSize(3);
        mvc.perform(get("/admin/articles?status=bogus").with(staff.as(editor))).andExpect(status().isBadRequest());
        mvc.perform(get("/admin/articles?page=abc").with(staff.as(editor))).andExpect(status().isBadRequest());
        mvc.perform(get("/admin/articles").param("q", "%_%").with(staff.as(editor))).andExpect(status().isOk());
    }
}
