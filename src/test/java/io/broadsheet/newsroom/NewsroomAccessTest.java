package io.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import io.broadsheet.article.Article;
import io.broadsheet.article.ArticleRepository;
import io.broadsheet.article.ArticleStatus;
import io.broadsheet.security.StaffRole;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestArticles;
import io.broadsheet.support.TestClock;
import io.broadsheet.support.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every newsroom route and action, tried anonymously, as each role and without a CSRF token. "ok" means the
 * action was carried out (200, or a redirect that is not to the sign-in page).
 */
@SiteTest
class NewsroomAccessTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestStaff staff;

    @Autowired
    TestArticles testArticles;

    @Autowired
    ArticleRepository articles;

    @Autowired
    TestClock clock;

    String writer;
    String editor;
    String admin;
    long target;

    @BeforeEach
    void people() {
        clock.set(TestClock.SEED_MORNING);
        writer = staff.create(StaffRole.WRITER);
        editor = staff.create(StaffRole.EDITOR);
        admin = staff.create(StaffRole.ADMIN);
        target = staff.id(staff.create(StaffRole.WRITER));
    }

    enum Outcome { OK, FORBIDDEN }

    /** One route, with a fresh story to act on, and what each role may do there. */
    record Route(String name, Function<Fixture, MockHttpServletRequestBuilder> request, Outcome writer,
            Outcome editor, Outcome admin) {
    }

    /** Stories made fresh for each attempt: the writer's own draft, someone else's draft, a published story. */
    record Fixture(Article ownDraft, Article othersDraft, Article published, long staffId) {
    }

    static MockHttpServletRequestBuilder articleForm(MockHttpServletRequestBuilder request, Article article,
            String action) {
        return request.param("action", action).param("headline", "Edited headline " + System.nanoTime())
                .param("body", "Edited body.").param("section", "Access Desk").param("tags", "Access")
                .param("version", article == null ? "" : String.valueOf(article.getVersion()));
    }

    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        Outcome ok = Outcome.OK;
        Outcome no = Outcome.FORBIDDEN;
        routes.add(new Route("GET /admin", f -> get("/admin"), ok, ok, ok));
        routes.add(new Route("GET /admin/articles", f -> get("/admin/articles"), ok, ok, ok));
        routes.add(new Route("GET /admin/articles/new", f -> get("/admin/articles/new"), ok, ok, ok));
        routes.add(new Route("POST /admin/articles save", f -> articleForm(post("/admin/articles"), null, "save"), ok, ok, ok));
        routes.add(new Route("POST /admin/articles preview", f -> articleForm(post("/admin/articles"), null, "preview"), ok, ok, ok));
        routes.add(new Route("POST /admin/articles publish", f -> articleForm(post("/admin/articles"), null, "publish"), no, ok, ok));
        routes.add(new Route("GET edit own draft", f -> get("/admin/articles/" + f.ownDraft().getId() + "/edit"), ok, ok, ok));
        routes.add(new Route("GET edit other's draft", f -> get("/admin/articles/" + f.othersDraft().getId() + "/edit"), no, ok, ok));
        routes.add(new Route("GET edit published", f -> get("/admin/articles/" + f.published().getId() + "/edit"), no, ok, ok));
        routes.add(new Route("POST save own draft", f -> articleForm(post("/admin/articles/" + f.ownDraft().getId()), f.ownDraft(), "save"), ok, ok, ok));
        routes.add(new Route("POST publish own draft", f -> articleForm(post("/admin/articles/" + f.ownDraft().getId()), f.ownDraft(), "publish"), no, ok, ok));
        routes.add(new Route("POST save other's draft", f -> articleForm(post("/admin/articles/" + f.othersDraft().getId()), f.othersDraft(), "save"), no, ok, ok));
        routes.add(new Route("POST edit published", f -> articleForm(post("/admin/articles/" + f.published().getId()), f.published(), "publish"), no, ok, ok));
        routes.add(new Route("POST unpublish", f -> post("/admin/articles/" + f.published().getId() + "/unpublish").param("version", String.valueOf(f.published().getVersion())), no, ok, ok));
        routes.add(new Route("POST archive own draft", f -> post("/admin/articles/" + f.ownDraft().getId() + "/archive").param("version", String.valueOf(f.ownDraft().getVersion())), no, ok, ok));
        routes.add(new Route("GET history own draft", f -> get("/admin/articles/" + f.ownDraft().getId() + "/history"), ok, ok, ok));
        routes.add(new Route("GET history of other's draft", f -> get("/admin/articles/" + f.othersDraft().getId() + "/history"), no, ok, ok));
        routes.add(new Route("GET /admin/staff", f -> get("/admin/staff"), no, no, ok));
        routes.add(new Route("POST /admin/staff", f -> post("/admin/staff").param("username", "made-" + System.nanoTime()).param("displayName", "Made").param("role", "WRITER").param("password", TestStaff.PASSWORD), no, no, ok));
        routes.add(new Route("POST role", f -> post("/admin/staff/" + f.staffId() + "/role").param("role", "EDITOR"), no, no, ok));
        routes.add(new Route("POST disable", f -> post("/admin/staff/" + f.staffId() + "/disable"), no, no, ok));
        routes.add(new Route("POST enable", f -> post("/admin/staff/" + f.staffId() + "/enable"), no, no, ok));
        routes.add(new Route("POST reset password", f -> post("/admin/staff/" + f.staffId() + "/password"), no, no, ok));
        routes.add(new Route("POST lift pause", f -> post("/admin/staff/pauses/lift").param("subject", "user:nobody"), no, no, ok));
        routes.add(new Route("GET own password", f -> get("/admin/account/password"), ok, ok, ok));
        routes.add(new Route("POST own password", f -> post("/admin/account/password").param("currentPassword", "wrong").param("newPassword", "a-new-password-1").param("confirmPassword", "a-new-password-1"), ok, ok, ok));
        return routes;
    }

    Fixture fixture() {
        Instant past = TestClock.SEED_MORNING.minusSeconds(600);
        Article own = testArticles.save("Access own draft " + System.nanoTime(), "Access Desk", ArticleStatus.DRAFT, past);
        own.setAuthorId(staff.id(writer));
        own = testArticles.update(own);
        Article others = testArticles.save("Access other draft " + System.nanoTime(), "Access Desk", ArticleStatus.DRAFT, past);
        Article published = testArticles.publish("Access published " + System.nanoTime(), "Access Desk", past);
        published.setAuthorId(staff.id(writer));
        published = testArticles.update(published);
        return new Fixture(own, others, published, target);
    }

    int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    String location(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getRedirectedUrl();
    }

    @Test
    void anonymousIsSentToSignInEverywhere() throws Exception {
        for (Route route : routes()) {
            MockHttpServletRequestBuilder request = route.request().apply(fixture()).with(csrf());
            assertThat(location(request)).as(route.name()).isEqualTo("/login");
        }
    }

    @Test
    void eachRoleGetsExactlyItsRights() throws Exception {
        for (Route route : routes()) {
            for (var role : Stream.of(StaffRole.values()).toList()) {
                String user = switch (role) {
                    case WRITER -> writer;
                    case EDITOR -> editor;
                    case ADMIN -> admin;
                };
                Outcome expected = switch (role) {
                    case WRITER -> route.writer();
                    case EDITOR -> route.editor();
                    case ADMIN -> route.admin();
                };
                var response = mvc.perform(route.request().apply(fixture()).with(staff.as(user)).with(csrf()))
                        .andReturn().getResponse();
                String what = route.name() + " as " + role;
                if (expected == Outcome.FORBIDDEN) {
                    assertThat(response.getStatus()).as(what).isEqualTo(403);
                } else {
                    assertThat(response.getStatus()).as(what).isIn(200, 302);
                    assertThat(response.getRedirectedUrl()).as(what).isNotEqualTo("/login");
                }
            }
        }
    }

    @Test
    void everyPostWithoutACsrfTokenIsRefused() throws Exception {
        for (Route route : routes()) {
            MockHttpServletRequestBuilder request = route.request().apply(fixture());
            if (!"POST".equals(request.buildRequest(new org.springframework.mock.web.MockServletContext()).getMethod())) {
                continue;
            }
            assertThat(status(request.with(staff.as(admin)))).as(route.name()).isEqualTo(403);
        }
    }
}
