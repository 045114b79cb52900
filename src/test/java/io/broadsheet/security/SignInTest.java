package io.broadsheet.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestClock;
import io.broadsheet.support.TestStaff;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SiteTest
class SignInTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestStaff staff;

    @Autowired
    TestClock clock;

    @Autowired
    StaffRepository repository;

    @Autowired
    PasswordEncoder passwords;

    @LocalServerPort
    int port;

    /** Each test signs in from its own address, so address pauses from one test never reach another. */
    String address;

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger(10);

    @BeforeEach
    void pinClockAndPickAnAddress() {
        clock.set(TestClock.SEED_MORNING);
        address = "198.51.100." + ADDRESSES.incrementAndGet();
    }

    org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signIn(String username, String password) {
        return signIn(username, password, address);
    }

    String problemAfter(MvcResult failed) throws Exception {
        MockHttpSession session = (MockHttpSession) failed.getRequest().getSession();
        return Jsoup.parse(mvc.perform(get("/login").param("error", "").session(session)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).select(".problem").text();
    }

    @Test
    void staffSignInWithTheStandardFieldNamesAndSignOutByPost() throws Exception {
        String editor = staff.create(StaffRole.EDITOR);

        mvc.perform(signIn(editor, TestStaff.PASSWORD))
                .andExpect(redirectedUrl("/admin/articles"));
        mvc.perform(post("/logout").with(staff.as(editor)).with(csrf())).andExpect(redirectedUrl("/login?signedOut"));
        mvc.perform(get("/logout").with(staff.as(editor))).andExpect(status().isNotFound());
    }

    @Test
    void wrongPasswordSaysSoWithoutSayingWhichPart() throws Exception {
        String editor = staff.create(StaffRole.EDITOR);

        MvcResult failed = mvc.perform(signIn(editor, "nope"))
                .andExpect(redirectedUrl("/login?error")).andReturn();

        assertThat(problemAfter(failed)).isEqualTo("Wrong username or password.");
    }

    @Test
    void passwordsAreStoredOnlyAsDelegatingEncoderHashes() {
        String writer = staff.create(StaffRole.WRITER);

        String hash = repository.findByUsername(writer).orElseThrow().getPasswordHash();

        assertThat(hash).startsWith("{bcrypt}").doesNotContain(TestStaff.PASSWORD);
        assertThat(passwords.matches(TestStaff.PASSWORD, hash)).isTrue();
    }

    @Test
    void sixthAttemptIsRefusedEvenWithTheRightPasswordUntilAnAdminLiftsThePause() throws Exception {
        String editor = staff.create(StaffRole.EDITOR);
        String admin = staff.create(StaffRole.ADMIN);
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn(editor, "wrong-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }

        MvcResult sixth = mvc.perform(signIn(editor, TestStaff.PASSWORD)).andExpect(redirectedUrl("/login?error")).andReturn();
        assertThat(problemAfter(sixth)).startsWith("Too many failed sign-in attempts.");

        String staffPage = mvc.perform(get("/admin/staff").with(staff.as(admin))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(staffPage).select(".pauses li").eachText()).anyMatch(t -> t.contains(editor));
        for (String subject : new String[] {"user:" + editor, "address:" + address}) {
            mvc.perform(post("/admin/staff/pauses/lift").param("subject", subject).with(staff.as(admin))
                    .with(csrf())).andExpect(redirectedUrl("/admin/staff"));
        }

        mvc.perform(signIn(editor, TestStaff.PASSWORD))
                .andExpect(redirectedUrl("/admin/articles"));
    }

    @Test
    void thePauseEndsByItselfAfterFifteenMinutes() throws Exception {
        String editor = staff.create(StaffRole.EDITOR);
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn(editor, "wrong"));
        }
        clock.advance(Duration.ofMinutes(14));
        mvc.perform(signIn(editor, TestStaff.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        clock.advance(Duration.ofMinutes(2));
        mvc.perform(signIn(editor, TestStaff.PASSWORD))
                .andExpect(redirectedUrl("/admin/articles"));
    }

    @Test
    void oneAddressTryingManyAccountsIsPausedToo() throws Exception {
        String editor = staff.create(StaffRole.EDITOR);
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn("guess-" + i, "wrong", "203.0.113.9"));
        }
        mvc.perform(signIn(editor, TestStaff.PASSWORD, "203.0.113.9")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(signIn(editor, TestStaff.PASSWORD))
                .andExpect(redirectedUrl("/admin/articles"));
    }

    @Test
    void disabledAccountCannotSignIn() throws Exception {
        String writer = staff.create(StaffRole.WRITER);
        String admin = staff.create(StaffRole.ADMIN);
        mvc.perform(post("/admin/staff/" + staff.id(writer) + "/disable").with(staff.as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/staff"));

        MvcResult refused = mvc.perform(signIn(writer, TestStaff.PASSWORD)).andExpect(redirectedUrl("/login?error")).andReturn();

        assertThat(problemAfter(refused)).isEqualTo("This account is disabled. Ask an administrator.");
    }

    @Test
    void theSessionIdChangesAtSignIn() throws Exception {
        String editor = staff.create(StaffRole.EDITOR);
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        String loginPage = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String before = sessionId(cookies);
        String token = Jsoup.parse(loginPage).select("input[name=_csrf]").val();
        String form = "username=" + editor + "&password=" + URLEncoder.encode(TestStaff.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);

        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/articles"));
        assertThat(before).isNotNull();
        assertThat(sessionId(cookies)).isNotNull().isNotEqualTo(before);
    }

    @Test
    void readerPagesSetNoSessionCookie() throws Exception {
        var response = mvc.perform(get("/")).andReturn().getResponse();
        assertThat(response.getHeaders("Set-Cookie")).isEmpty();
    }

    @Test
    void aStaffMemberCanChangeTheirOwnPassword() throws Exception {
        String writer = staff.create(StaffRole.WRITER);

        mvc.perform(post("/admin/account/password").with(staff.as(writer)).with(csrf())
                .param("currentPassword", TestStaff.PASSWORD).param("newPassword", "a-brand-new-secret")
                .param("confirmPassword", "a-brand-new-different")).andExpect(status().isOk());
        mvc.perform(post("/admin/account/password").with(staff.as(writer)).with(csrf())
                .param("currentPassword", TestStaff.PASSWORD).param("newPassword", "a-brand-new-secret")
                .param("confirmPassword", "a-brand-new-secret")).andExpect(redirectedUrl("/admin/account/password"));

        mvc.perform(signIn(writer, "a-brand-new-secret"))
                .andExpect(redirectedUrl("/admin/articles"));
    }

    static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signIn(String username,
            String password, String from) {
        return post("/login").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(from);
                    return request;
                });
    }

    private static String sessionId(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }
}
