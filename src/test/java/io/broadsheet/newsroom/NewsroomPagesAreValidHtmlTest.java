package io.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.broadsheet.security.StaffRole;
import io.broadsheet.support.HtmlChecker;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestClock;
import io.broadsheet.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Every newsroom page, including forms with errors, the preview and the conflict page, passes the Nu checker. */
@SiteTest
class NewsroomPagesAreValidHtmlTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestStaff staff;

    @Autowired
    TestClock clock;

    String html(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    MockHttpServletRequestBuilder story(String admin, String url, String action, String headline, String version) {
        return post(url).with(staff.as(admin)).with(csrf()).param("action", action).param("headline", headline)
                .param("standfirst", "").param("body", "Body of the story.\n\nSecond paragraph.")
                .param("byline", "").param("dateline", "Kabul").param("section", "Valid Desk")
                .param("tags", "Valid, Kabul").param("slug", "").param("publishAt", "").param("version", version);
    }

    @Test
    void newsroomPagesPassTheHtmlChecker() throws Exception {
        clock.set(TestClock.SEED_MORNING);
        String admin = staff.create(StaffRole.ADMIN);
        String other = staff.create(StaffRole.EDITOR);
        String edit = mvc.perform(story(admin, "/admin/articles", "save", "Valid newsroom story", ""))
                .andReturn().getResponse().getRedirectedUrl();
        String id = edit.replaceAll("\\D", "");
        mvc.perform(story(other, "/admin/articles/" + id, "save", "Valid newsroom story, edited", "0"));

        Map<String, MockHttpServletRequestBuilder> pages = new LinkedHashMap<>();
        pages.put("sign-in", get("/login"));
        pages.put("sign-in failed", get("/login").param("error", ""));
        pages.put("articles", get("/admin/articles").with(staff.as(admin)));
        pages.put("articles filtered", get("/admin/articles").param("status", "draft").param("q", "valid").with(staff.as(admin)));
        pages.put("new", get("/admin/articles/new").with(staff.as(admin)));
        pages.put("edit", get(edit).with(staff.as(admin)));
        pages.put("form with errors", story(admin, "/admin/articles", "save", "", "").param("slug", "Bad Slug"));
        pages.put("preview", story(admin, "/admin/articles", "preview", "Previewed story", ""));
        pages.put("conflict", story(admin, "/admin/articles/" + id, "save", "Stale save", "0"));
        pages.put("history", get("/admin/articles/" + id + "/history").with(staff.as(admin)));
        pages.put("revision", get("/admin/articles/" + id + "/history/1").with(staff.as(admin)));
        pages.put("staff", get("/admin/staff").with(staff.as(admin)));
        pages.put("password", get("/admin/account/password").with(staff.as(admin)));

        for (var page : pages.entrySet()) {
            String body = html(page.getValue());
            assertThat(HtmlChecker.errorsIn(body)).as(page.getKey()).isEmpty();
            assertThat(body).as(page.getKey() + ": no message key is missing").doesNotContain("??");
        }
    }
}
