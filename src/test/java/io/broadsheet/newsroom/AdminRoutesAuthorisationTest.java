package io.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

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
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every admin route Spring MVC knows, read from its handler mapping, so that a new route cannot be left out:
 * the table below must name each one, and each is tried anonymously, as every role and without a CSRF token.
 */
@SiteTest
class AdminRoutesAuthorisationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    TestStaff staff;

    @Autowired
    TestArticles testArticles;

    @Autowired
    ArticleRepository articles;

    @Autowired
    ArticleRevisionRepository revisions;

    @Autowired
    TestClock clock;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    String writer;
    String editor;
    String admin;
    long otherWriter;
    long colleague;

    @BeforeEach
    void people() {
        clock.set(TestClock.SEED_MORNING);
        writer = staff.create(StaffRole.WRITER);
        editor = staff.create(StaffRole.EDITOR);
        admin = staff.create(StaffRole.ADMIN);
        otherWriter = staff.id(staff.create(StaffRole.WRITER));
        colleague = staff.id(staff.create(StaffRole.WRITER));
    }

    enum Outcome { OK, FORBIDDEN }

    static final Outcome OK = Outcome.OK;
    static final Outcome NO = Outcome.FORBIDDEN;

    /** The writer's own draft, another writer's draft and a published story (each with a revision), a colleague. */
    record Fixture(Article ownDraft, Article othersDraft, Article published, long colleague) {
    }

    /** One attempt at a route ("METHOD /pattern" as Spring MVC declares it) and what each role may do. */
    record Case(String route, String what, Function<Fixture, MockHttpServletRequestBuilder> request, Outcome writer,
            Outcome editor, Outcome admin) {

        String name() {
            return route + " (" + what + ")";
        }

        String method() {
            return route.split(" ")[0];
        }
    }

    static MockHttpServletRequestBuilder articleForm(MockHttpServletRequestBuilder request, Article article,
            String action) {
        return request.param("action", action).param("headline", "Route headline " + System.nanoTime())
                .param("body", "Route body.").param("section", "Routes Desk").param("tags", "Routes")
                .param("version", article == null ? "" : String.valueOf(article.getVersion()));
    }

    static String id(Article article) {
        return String.valueOf(article.getId());
    }

    static List<Case> table() {
        List<Case> t = new ArrayList<>();
        t.add(new Case("GET /admin", "newsroom home", f -> get("/admin"), OK, OK, OK));
        t.add(new Case("GET /admin/", "newsroom home", f -> get("/admin/"), OK, OK, OK));
        t.add(new Case("GET /admin/articles", "list", f -> get("/admin/articles"), OK, OK, OK));
        t.add(new Case("GET /admin/articles/new", "form", f -> get("/admin/articles/new"), OK, OK, OK));
        t.add(new Case("GET /admin/articles/recovered", "nothing kept", f -> get("/admin/articles/recovered"), OK, OK, OK));
        t.add(new Case("POST /admin/articles", "save", f -> articleForm(post("/admin/articles"), null, "save"), OK, OK, OK));
        t.add(new Case("POST /admin/articles", "preview", f -> articleForm(post("/admin/articles"), null, "preview"), OK, OK, OK));
        t.add(new Case("POST /admin/articles", "publish", f -> articleForm(post("/admin/articles"), null, "publish"), NO, OK, OK));
        t.add(new Case("GET /admin/articles/{id}/edit", "own draft", f -> get("/admin/articles/" + id(f.ownDraft()) + "/edit"), OK, OK, OK));
        t.add(new Case("GET /admin/articles/{id}/edit", "other's draft", f -> get("/admin/articles/" + id(f.othersDraft()) + "/edit"), NO, OK, OK));
        t.add(new Case("GET /admin/articles/{id}/edit", "published", f -> get("/admin/articles/" + id(f.published()) + "/edit"), NO, OK, OK));
        t.add(new Case("POST /admin/articles/{id}", "save own draft", f -> articleForm(post("/admin/articles/" + id(f.ownDraft())), f.ownDraft(), "save"), OK, OK, OK));
        t.add(new Case("POST /admin/articles/{id}", "publish own draft", f -> articleForm(post("/admin/articles/" + id(f.ownDraft())), f.ownDraft(), "publish"), NO, OK, OK));
        t.add(new Case("POST /admin/articles/{id}", "save other's draft", f -> articleForm(post("/admin/articles/" + id(f.othersDraft())), f.othersDraft(), "save"), NO, OK, OK));
        t.add(new Case("POST /admin/articles/{id}", "preview other's draft", f -> articleForm(post("/admin/articles/" + id(f.othersDraft())), f.othersDraft(), "preview"), NO, OK, OK));
        t.add(new Case("POST /admin/articles/{id}", "edit published", f -> articleForm(post("/admin/articles/" + id(f.published())), f.published(), "publish"), NO, OK, OK));
        t.add(new Case("POST /admin/articles/{id}/unpublish", "published", f -> post("/admin/articles/" + id(f.published()) + "/unpublish").param("version", String.valueOf(f.published().getVersion())), NO, OK, OK));
        t.add(new Case("POST /admin/articles/{id}/archive", "own draft", f -> post("/admin/articles/" + id(f.ownDraft()) + "/archive").param("version", String.valueOf(f.ownDraft().getVersion())), NO, OK, OK));
        t.add(new Case("GET /admin/articles/{id}/history", "own draft", f -> get("/admin/articles/" + id(f.ownDraft()) + "/history"), OK, OK, OK));
        t.add(new Case("GET /admin/articles/{id}/history", "other's draft", f -> get("/admin/articles/" + id(f.othersDraft()) + "/history"), NO, OK, OK));
        t.add(new Case("GET /admin/articles/{id}/history/{number}", "own draft", f -> get("/admin/articles/" + id(f.ownDraft()) + "/history/1"), OK, OK, OK));
        t.add(new Case("GET /admin/articles/{id}/history/{number}", "other's draft", f -> get("/admin/articles/" + id(f.othersDraft()) + "/history/1"), NO, OK, OK));
        t.add(new Case("POST /admin/articles/{id}/history/{number}/restore", "own draft", f -> post("/admin/articles/" + id(f.ownDraft()) + "/history/1/restore").param("version", String.valueOf(f.ownDraft().getVersion())), OK, OK, OK));
        t.add(new Case("POST /admin/articles/{id}/history/{number}/restore", "other's draft", f -> post("/admin/articles/" + id(f.othersDraft()) + "/history/1/restore").param("version", String.valueOf(f.othersDraft().getVersion())), NO, OK, OK));
        t.add(new Case("POST /admin/articles/{id}/history/{number}/restore", "published", f -> post("/admin/articles/" + id(f.published()) + "/history/1/restore").param("version", String.valueOf(f.published().getVersion())), NO, OK, OK));
        t.add(new Case("GET /admin/weather", "form", f -> get("/admin/weather"), NO, OK, OK));
        t.add(new Case("POST /admin/weather", "reading", f -> post("/admin/weather").param("temperature", "12.5").param("condition", "CLEAR").param("observedAt", ""), NO, OK, OK));
        t.add(new Case("GET /admin/staff", "list", f -> get("/admin/staff"), NO, NO, OK));
        t.add(new Case("POST /admin/staff", "create", f -> post("/admin/staff").param("username", "route-" + System.nanoTime()).param("displayName", "Made").param("role", "WRITER").param("password", TestStaff.PASSWORD), NO, NO, OK));
        t.add(new Case("POST /admin/staff/{id}/role", "colleague", f -> post("/admin/staff/" + f.colleague() + "/role").param("role", "EDITOR"), NO, NO, OK));
        t.add(new Case("POST /admin/staff/{id}/disable", "colleague", f -> post("/admin/staff/" + f.colleague() + "/disable"), NO, NO, OK));
        t.add(new Case("POST /admin/staff/{id}/enable", "colleague", f -> post("/admin/staff/" + f.colleague() + "/enable"), NO, NO, OK));
        t.add(new Case("POST /admin/staff/{id}/password", "colleague", f -> post("/admin/staff/" + f.colleague() + "/password"), NO, NO, OK));
        t.add(new Case("POST /admin/staff/pauses/lift", "a pause", f -> post("/admin/staff/pauses/lift").param("subject", "user:nobody"), NO, NO, OK));
        t.add(new Case("GET /admin/account/password", "own", f -> get("/admin/account/password"), OK, OK, OK));
        t.add(new Case("POST /admin/account/password", "own", f -> post("/admin/account/password").param("currentPassword", "wrong").param("newPassword", "a-new-password-1").param("confirmPassword", "a-new-password-1"), OK, OK, OK));
        return t;
    }

    /** "METHOD /pattern" for every handler method under /admin, straight from Spring MVC. */
    Set<String> declaredAdminRoutes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
            var methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.equals("/admin") && !pattern.startsWith("/admin/")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    routes.add("ANY " + pattern);
                }
                methods.forEach(method -> routes.add(method.name() + " " + pattern));
            }
        }
        return routes;
    }

    Fixture fixture() {
        long writerId = staff.id(writer);
        Instant past = TestClock.SEED_MORNING.minusSeconds(600);
        Article own = testArticles.save("Route own draft " + System.nanoTime(), "Routes Desk", ArticleStatus.DRAFT, past);
        own.setAuthorId(writerId);
        own = testArticles.update(own);
        Article others = testArticles.save("Route other draft " + System.nanoTime(), "Routes Desk", ArticleStatus.DRAFT, past);
        others.setAuthorId(otherWriter);
        others = testArticles.update(others);
        Article published = testArticles.publish("Route published " + System.nanoTime(), "Routes Desk", past);
        published.setAuthorId(writerId);
        published = testArticles.update(published);
        for (Article article : List.of(own, others, published)) {
            keepRevision(article.getId(), 1, "first");
        }
        return new Fixture(own, others, published, colleague);
    }

    void keepRevision(long articleId, int number, String note) {
        transaction.executeWithoutResult(tx -> revisions.save(new ArticleRevision(articleId, number, "system",
                TestClock.SEED_MORNING, ArticleSnapshot.of(articles.findById(articleId).orElseThrow()), note)));
    }

    @Test
    void theTableCoversEveryDeclaredAdminRouteAndNoOther() {
        Set<String> declared = declaredAdminRoutes();
        Set<String> tabled = new TreeSet<>(table().stream().map(Case::route).toList());

        assertThat(declared).as("admin routes Spring MVC found").hasSizeGreaterThan(20);
        assertThat(tabled).as("routes the table must name").containsAll(declared);
        assertThat(declared).as("routes in the table that no longer exist").containsAll(tabled);
    }

    @Test
    void anonymousIsSentToSignInEverywhere() throws Exception {
        for (Case attempt : table()) {
            var response = mvc.perform(attempt.request().apply(fixture()).with(csrf())).andReturn().getResponse();
            assertThat(response.getStatus()).as(attempt.name()).isEqualTo(302);
            assertThat(response.getRedirectedUrl()).as(attempt.name()).isEqualTo("/login");
        }
    }

    @Test
    void eachRoleGetsExactlyItsRights() throws Exception {
        for (Case attempt : table()) {
            for (StaffRole role : StaffRole.values()) {
                String user = switch (role) {
                    case WRITER -> writer;
                    case EDITOR -> editor;
                    case ADMIN -> admin;
                };
                Outcome expected = switch (role) {
                    case WRITER -> attempt.writer();
                    case EDITOR -> attempt.editor();
                    case ADMIN -> attempt.admin();
                };
                var response = mvc.perform(attempt.request().apply(fixture()).with(staff.as(user)).with(csrf()))
                        .andReturn().getResponse();
                String what = attempt.name() + " as " + role;
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
        for (Case attempt : table()) {
            if (attempt.method().equals("POST")) {
                var response = mvc.perform(attempt.request().apply(fixture()).with(staff.as(admin))).andReturn()
                        .getResponse();
                assertThat(response.getStatus()).as(attempt.name()).isEqualTo(403);
            }
        }
    }

    @Test
    void aWriterCannotTouchAnotherWritersDraftByItsId() throws Exception {
        Fixture f = fixture();
        Article before = articles.findById(f.othersDraft().getId()).orElseThrow();
        int revisionsBefore = revisions.lastNumber(before.getId());

        int edit = mvc.perform(articleForm(post("/admin/articles/" + id(before)), before, "save")
                .with(staff.as(writer)).with(csrf())).andReturn().getResponse().getStatus();
        int restore = mvc.perform(post("/admin/articles/" + id(before) + "/history/1/restore")
                .param("version", String.valueOf(before.getVersion())).with(staff.as(writer)).with(csrf()))
                .andReturn().getResponse().getStatus();
        int read = mvc.perform(get("/admin/articles/" + id(before) + "/history/1").with(staff.as(writer)))
                .andReturn().getResponse().getStatus();

        assertThat(List.of(edit, restore, read)).containsOnly(403);
        Article after = articles.findById(before.getId()).orElseThrow();
        assertThat(after.getHeadline()).isEqualTo(before.getHeadline());
        assertThat(after.getVersion()).isEqualTo(before.getVersion());
        assertThat(revisions.lastNumber(before.getId())).isEqualTo(revisionsBefore);
    }

    @Test
    void aRevisionOfOneStoryCannotBeReachedThroughAnother() throws Exception {
        Fixture f = fixture();
        Article mine = f.ownDraft();
        int foreignNumber = revisions.lastNumber(f.othersDraft().getId()) + 5;
        keepRevision(f.othersDraft().getId(), foreignNumber, "someone else's");

        int status = mvc.perform(get("/admin/articles/" + id(mine) + "/history/" + foreignNumber)
                .with(staff.as(writer))).andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(404);
    }
}
