package io.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.broadsheet.section.Slugs;
import io.broadsheet.security.StaffRole;
import io.broadsheet.support.HostileInputs;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestClock;
import io.broadsheet.support.TestStaff;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every hostile input through every admin form field, as a signed-in editor (and an administrator for the staff
 * form): never a server error or anything executable; an accepted value is stored and shown as typed (less
 * surrounding white space), a refused one gets a form error with the rest of the form as it was.
 */
@SiteTest
// It files stories under a couple of hundred hostile section and tag names; the shared context is closed after it,
// so that the masthead and listings of the other test classes do not carry them.
@org.springframework.test.annotation.DirtiesContext(
        classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.AFTER_CLASS)
class HostileFormInputTest {

    static final Map<String, String> ARTICLE = Map.of("headline", "Hostile form story", "standfirst", "A standfirst.",
            "body", "A body.", "byline", "A. Writer", "dateline", "KABUL", "section", "Hostile Forms",
            "tags", "Hostile", "slug", "", "publishAt", "", "version", "");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestStaff staff;

    @Autowired
    TestClock clock;

    String editor;
    String admin;

    @BeforeEach
    void signIn() {
        clock.set(TestClock.SEED_MORNING);
        editor = staff.create(StaffRole.EDITOR);
        admin = staff.create(StaffRole.ADMIN);
    }

    static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, Map<String, String> values) {
        values.forEach(request::param);
        return request.with(csrf());
    }

    static Document page(MockHttpServletResponse response, String what) throws Exception {
        assertThat(response.getStatus()).as(what).isLessThan(500);
        Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
        HostileInputs.assertNothingExecutable(page, what);
        return page;
    }

    static String shown(Document page, String field) {
        Element element = page.getElementById(field);
        if (element == null) {
            element = page.selectFirst("[name=" + field + "]");
        }
        assertThat(element).as("field " + field).isNotNull();
        return element.normalName().equals("textarea") ? element.wholeText().replaceFirst("^\n", "") : element.val();
    }

    /** A refused form: an error shown, and every other field as it was sent. */
    static void assertRefusedKeepingTheRest(Document page, Map<String, String> sent, String field, String what) {
        assertThat(page.select(".field-error, .problem, .form-errors")).as(what + ": an error is shown").isNotEmpty();
        sent.forEach((name, value) -> {
            if (!name.equals(field) && !name.equals("version") && !name.equals("role") && !name.contains("assword")
                    && !name.equals("condition")) {
                assertThat(shown(page, name)).as(what + ": " + name + " kept").isEqualTo(value);
            }
        });
    }

    @Test
    void articleFormFields() throws Exception {
        int n = 0;
        for (String input : HostileInputs.all()) {
            for (String field : ARTICLE.keySet()) {
                Map<String, String> sent = new LinkedHashMap<>(ARTICLE);
                sent.put("headline", ARTICLE.get("headline") + " " + (++n));
                sent.put(field, field.equals("headline") ? input + " " + n : input);
                String what = field + " ← " + HostileInputs.label(input);
                var response = mvc.perform(form(post("/admin/articles"), sent).param("action", "save")
                        .with(staff.as(editor))).andReturn().getResponse();
                if (response.getStatus() == 302) {
                    Document edit = page(mvc.perform(get(response.getRedirectedUrl()).with(staff.as(editor)))
                            .andReturn().getResponse(), what);
                    assertThat(shown(edit, field)).as(what + ": stored and shown").satisfies(
                            value -> assertStoredAsTyped(field, sent.get(field), value, what));
                } else {
                    assertThat(response.getStatus()).as(what).isEqualTo(200);
                    assertRefusedKeepingTheRest(page(response, what), sent, field, what);
                }
            }
        }
    }

    static void assertStoredAsTyped(String field, String typed, String value, String what) {
        switch (field) {
            case "section" -> assertThat(Slugs.of(value)).as(what).isEqualTo(Slugs.of(typed));
            // a tag is found by its slug, so a name that slugs like an existing tag shows that tag's name
            case "tags" -> assertThat(slugs(List.of(value.split(",")))).as(what).isEqualTo(
                    slugs(new ArticleForm("", "", "", "", "", "", "", typed, "", "").tagNames()));
            case "publishAt" -> assertThat(value).as(what).isEqualTo(typed.isBlank() ? ""
                    : LocalDateTime.parse(typed.strip()).withSecond(0).withNano(0).toString());
            case "version" -> assertThat(value).as(what).matches("\\d+");
            case "slug" -> assertThat(value).as(what).isEqualTo(typed.isBlank() ? value : typed);
            case "body" -> assertThat(value).as(what).isEqualTo(typed);
            default -> assertThat(value).as(what).isEqualTo(typed.strip());
        }
    }

    static List<String> slugs(List<String> names) {
        return names.stream().map(String::strip).filter(name -> !name.isEmpty()).map(Slugs::of).distinct().sorted()
                .toList();
    }

    @Test
    void weatherFormFields() throws Exception {
        Map<String, String> good = Map.of("temperature", "12.5", "condition", "CLEAR", "observedAt", "2023-11-29T07:00");
        for (String input : HostileInputs.all()) {
            for (String field : good.keySet()) {
                Map<String, String> sent = new LinkedHashMap<>(good);
                sent.put(field, input);
                String what = "weather " + field + " ← " + HostileInputs.label(input);
                var response = mvc.perform(form(post("/admin/weather"), sent).with(staff.as(editor))).andReturn()
                        .getResponse();
                if (response.getStatus() != 302) {
                    assertThat(response.getStatus()).as(what).isEqualTo(200);
                    assertRefusedKeepingTheRest(page(response, what), sent, field, what);
                }
            }
        }
    }

    @Test
    void staffFormFields() throws Exception {
        int n = 0;
        List<String> acceptedNames = new java.util.ArrayList<>();
        for (String input : HostileInputs.all()) {
            for (String field : List.of("username", "displayName", "role", "password")) {
                Map<String, String> sent = new LinkedHashMap<>(Map.of("username", "hostile-" + (++n),
                        "displayName", "Hostile " + n, "role", "WRITER", "password", TestStaff.PASSWORD));
                sent.put(field, input);
                String what = "staff " + field + " ← " + HostileInputs.label(input);
                var response = mvc.perform(form(post("/admin/staff"), sent).with(staff.as(admin))).andReturn()
                        .getResponse();
                if (response.getStatus() == 302) {
                    if (field.equals("displayName")) {
                        acceptedNames.add(input);
                    }
                } else {
                    assertThat(response.getStatus()).as(what).isEqualTo(200);
                    assertRefusedKeepingTheRest(page(response, what), sent, field, what);
                }
            }
        }
        // Every accepted name on the one staff list (read once: it holds every account made above).
        Document list = page(mvc.perform(get("/admin/staff").with(staff.as(admin))).andReturn().getResponse(),
                "staff list");
        List<String> shownTexts = list.getAllElements().stream().map(element -> element.wholeOwnText().strip())
                .toList();
        assertThat(acceptedNames).isNotEmpty();
        for (String name : acceptedNames) {
            assertThat(shownTexts).as("staff displayName ← " + HostileInputs.label(name) + ": shown as typed")
                    .contains(name.strip());
        }
    }

    @Test
    void passwordFormFields() throws Exception {
        String me = staff.create(StaffRole.WRITER);
        String current = TestStaff.PASSWORD;
        for (String input : HostileInputs.all()) {
            for (String field : List.of("currentPassword", "newPassword")) {
                Map<String, String> sent = new LinkedHashMap<>(Map.of("currentPassword", current,
                        "newPassword", "another-good-password", "confirmPassword", "another-good-password"));
                sent.put(field, input);
                if (field.equals("newPassword")) {
                    sent.put("confirmPassword", input);
                }
                String what = "password " + field + " ← " + HostileInputs.label(input);
                var response = mvc.perform(form(post("/admin/account/password"), sent).with(staff.as(me)))
                        .andReturn().getResponse();
                if (response.getStatus() == 302) {
                    current = sent.get("newPassword");
                } else {
                    assertThat(response.getStatus()).as(what).isEqualTo(200);
                    page(response, what);
                    assertThat(page(response, what).select(".field-error")).as(what).isNotEmpty();
                }
            }
        }
    }
}
