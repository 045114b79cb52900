package io.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.broadsheet.security.StaffRole;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestClock;
import io.broadsheet.support.TestStaff;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Known XSS payloads in every field of the article form: neither the preview nor the published page may ever
 * carry a script, an event handler, a javascript: URL, a frame, an object or a style an editor typed.
 */
@SiteTest
class NewsroomSanitisingTest {

    static final List<String> FIELDS = List.of("headline", "standfirst", "body", "byline", "dateline", "section", "tags");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestStaff staff;

    @Autowired
    TestClock clock;

    String editor;

    @BeforeEach
    void signIn() {
        clock.set(TestClock.SEED_MORNING);
        editor = staff.create(StaffRole.EDITOR);
    }

    static List<String> payloads() throws Exception {
        return Files.readAllLines(Path.of("src/test/resources/xss-payloads.txt"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    MockHttpServletRequestBuilder story(String field, String payload, String headline, String action) {
        MockHttpServletRequestBuilder request = post("/admin/articles").with(staff.as(editor)).with(csrf())
                .param("action", action);
        for (String name : FIELDS) {
            String value = switch (name) {
                case "headline" -> headline;
                case "body" -> "A safe first paragraph.";
                case "section" -> "Sanitising Desk";
                default -> "";
            };
            if (name.equals(field)) {
                value = name.equals("headline") ? payload + " " + headline : name.equals("tags") ? payload + ", Safe" : payload;
            }
            request.param(name, value);
        }
        return request.param("slug", "").param("publishAt", "");
    }

    /** Everything inside the page that came from the story, plus the page head. */
    static void assertNothingExecutable(Document page, String what) {
        for (Element element : page.getAllElements()) {
            String tag = element.normalName();
            boolean ours = tag.equals("script") && (element.attr("src").matches("/js/newsroom(-[0-9a-f]{32})?\\.js") || isStructuredData(element));
            assertThat(ours || !List.of("script", "iframe", "frame", "object", "embed", "style", "base", "form", "meta")
                    .contains(tag) || isPageOwn(element)).as(what + ": <" + tag + ">").isTrue();
            element.attributes().forEach(attribute -> {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().toLowerCase(Locale.ROOT).replaceAll("[\\s\\u0000-\\u001f]", "");
                assertThat(name).as(what + ": attribute on <" + tag + ">").doesNotStartWith("on");
                assertThat(name).as(what + ": style attribute").isNotEqualTo("style");
                assertThat(value).as(what + ": " + name + " on <" + tag + ">")
                        .doesNotStartWith("javascript:").doesNotStartWith("vbscript:").doesNotStartWith("data:text/html");
            });
        }
    }

    /** JSON-LD is data, never run; the story's text in it must not be able to close the script element. */
    static boolean isStructuredData(Element script) {
        return script.attr("type").equals("application/ld+json") && script.attributes().size() == 1
                && !script.data().contains("<");
    }

    /** The page's own forms (to the site's own paths) and meta tags (charset, viewport, description, sharing). */
    static boolean isPageOwn(Element element) {
        return switch (element.normalName()) {
            case "meta" -> !element.hasAttr("http-equiv")
                    && (element.hasAttr("charset") || element.hasAttr("name") || element.hasAttr("property"));
            case "form" -> element.attr("action").startsWith("/");
            default -> false;
        };
    }

    @Test
    void atLeastThirtyKnownPayloads() throws Exception {
        assertThat(payloads()).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void noPayloadInAnyFieldSurvivesIntoThePreview() throws Exception {
        for (String payload : payloads()) {
            for (String field : FIELDS) {
                var response = mvc.perform(story(field, payload, "Preview sanitising", "preview")).andReturn().getResponse();
                assertThat(response.getStatus()).as(field + " ← " + payload).isLessThan(500);
                assertNothingExecutable(Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8)),
                        "preview, " + field + " ← " + payload);
            }
        }
    }

    @Test
    void noPayloadInAnyFieldSurvivesIntoThePublishedPage() throws Exception {
        int n = 0;
        for (String payload : payloads()) {
            for (String field : FIELDS) {
                String headline = "Published sanitising " + (++n);
                var saved = mvc.perform(story(field, payload, headline, "publish")).andReturn().getResponse();
                if (saved.getStatus() != 302) {
                    // refused by validation (e.g. a tag with no letter or digit): the form came back instead
                    assertThat(saved.getStatus()).as(field + " ← " + payload).isEqualTo(200);
                    continue;
                }
                String editUrl = saved.getRedirectedUrl();
                String html = mvc.perform(get(editUrl).with(staff.as(editor))).andReturn().getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                String publicPath = Jsoup.parse(html).select(".links a").first().attr("href");
                var page = mvc.perform(get(publicPath)).andReturn().getResponse();
                assertThat(page.getStatus()).as(publicPath).isEqualTo(200);
                assertNothingExecutable(Jsoup.parse(page.getContentAsString(StandardCharsets.UTF_8)),
                        "published, " + field + " ← " + payload);
            }
        }
        for (int page = 1; ; page++) {
            var listing = mvc.perform(get("/sections/sanitising-desk").param("page", String.valueOf(page)))
                    .andReturn().getResponse();
            if (listing.getStatus() == 404) {
                assertThat(page).as("listing pages checked").isGreaterThan(2);
                break;
            }
            assertNothingExecutable(Jsoup.parse(listing.getContentAsString(StandardCharsets.UTF_8)), "listing " + page);
        }
        assertNothingExecutable(Jsoup.parse(mvc.perform(get("/")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)), "front page");
    }
}
