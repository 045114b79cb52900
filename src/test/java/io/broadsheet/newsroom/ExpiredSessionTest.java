package io.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.charset.StandardCharsets;

import io.broadsheet.article.Article;
import io.broadsheet.article.ArticleStatus;
import io.broadsheet.security.StaffRole;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestArticles;
import io.broadsheet.support.TestClock;
import io.broadsheet.support.TestStaff;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** An editor whose session expired while writing signs in again and gets back everything they posted. */
@SiteTest
class ExpiredSessionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestStaff staff;

    @Autowired
    TestArticles articles;

    @Test
    void textPostedAfterTheSessionExpiredComesBackAfterSigningIn() throws Exception {
        String editor = staff.create(StaffRole.EDITOR);
        Article draft = articles.save("Draft being edited when the session expired", "Expiry Desk",
                ArticleStatus.DRAFT, TestClock.SEED_MORNING);
        String longBody = "Paragraph typed for an hour.\n\n" + "More words. ".repeat(500);
        MockHttpSession fresh = new MockHttpSession();

        mvc.perform(post("/admin/articles/" + draft.getId()).session(fresh).with(csrf())
                        .param("action", "save").param("version", String.valueOf(draft.getVersion()))
                        .param("headline", "Headline typed before expiry").param("body", longBody)
                        .param("section", "Expiry Desk").param("tags", "Expiry").param("byline", "Night desk"))
                .andExpect(redirectedUrl("/login"));

        String loginPage = mvc.perform(get("/login").session(fresh)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(loginPage).select(".notice").text()).contains("what you wrote comes back");

        mvc.perform(post("/login").param("username", editor).param("password", TestStaff.PASSWORD).with(csrf())
                .session(fresh)).andExpect(redirectedUrl("/admin/articles/recovered"));

        Document form = Jsoup.parse(mvc.perform(get("/admin/articles/recovered").session(fresh)
                .with(staff.as(editor))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(form.select(".notice").text()).startsWith("Your session had expired");
        assertThat(form.select("#headline").val()).isEqualTo("Headline typed before expiry");
        assertThat(form.select("#body").first().wholeText().strip()).isEqualTo(longBody.strip());
        assertThat(form.select("#byline").val()).isEqualTo("Night desk");
        assertThat(form.select("form.article-form").attr("action")).isEqualTo("/admin/articles/" + draft.getId());
        assertThat(form.select("input[name=version]").val()).isEqualTo(String.valueOf(draft.getVersion()));
    }
}
