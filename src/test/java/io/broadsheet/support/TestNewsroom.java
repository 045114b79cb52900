package io.broadsheet.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import io.broadsheet.security.StaffRole;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The newsroom's article form as an editor sends it (MockMvc, a new EDITOR account), for tests that need a story
 * saved the way the site saves one, rather than written straight to the database as {@link TestArticles} does.
 */
@TestComponent
public class TestNewsroom {

    private final MockMvc mvc;
    private final TestStaff staff;

    TestNewsroom(MockMvc mvc, TestStaff staff) {
        this.mvc = mvc;
        this.staff = staff;
    }

    /** "Publish now" of a new story in the section, with no standfirst, tags or chosen slug. */
    public void publish(String headline, String body, String section) throws Exception {
        String editor = staff.create(StaffRole.EDITOR);
        mvc.perform(post("/admin/articles").with(staff.as(editor)).with(csrf())
                .param("action", "publish")
                .param("headline", headline)
                .param("standfirst", "")
                .param("body", body)
                .param("byline", "A. Reporter")
                .param("dateline", "Kabul")
                .param("section", section)
                .param("tags", "")
                .param("slug", "")
                .param("publishAt", ""))
                .andExpect(redirectedUrlPattern("/admin/articles/*/edit"));
    }
}
