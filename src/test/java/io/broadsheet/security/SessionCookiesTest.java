package io.broadsheet.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.broadsheet.BroadsheetApplication;
import io.broadsheet.support.HttpVisitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The cookies staff get, on the production set-up (sessions in the database through Spring Session, the CSRF
 * token in its own cookie), over real HTTP: HttpOnly and SameSite=Lax always, Secure when the request came through
 * a TLS-terminating proxy ({@code X-Forwarded-Proto: https}), and no cookie at all for a reader.
 *
 * <p>Its own application rather than the shared test context: MockMvc's {@code csrf()} swaps the shared context's
 * CSRF token store for a session-backed test one, which would hide the real cookie.
 */
class SessionCookiesTest {

    static final String ADMIN_PASSWORD = "session-cookies-admin-password";

    static ConfigurableApplicationContext site;
    static int port;

    @BeforeAll
    static void start() {
        site = new SpringApplicationBuilder(BroadsheetApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--broadsheet.data-dir=" + Path.of("target/session-cookies").toAbsolutePath(),
                "--broadsheet.scheduling.enabled=false",
                "--broadsheet.weather.provider=none",
                "--spring.jpa.properties.hibernate.search.backend.directory.type=local-heap",
                "--broadsheet.search.initial-indexing=off",
                "--broadsheet.security.bcrypt-strength=4",
                "--BROADSHEET_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                "--spring.main.banner-mode=off");
        port = ((WebServerApplicationContext) site).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static String setCookie(HttpResponse<?> response, String name) {
        List<String> all = response.headers().allValues("Set-Cookie");
        return all.stream().filter(cookie -> cookie.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie among " + all));
    }

    static List<String> attributes(String setCookie) {
        return List.of(setCookie.split(";")).stream().skip(1).map(String::strip)
                .map(attribute -> attribute.toLowerCase(java.util.Locale.ROOT)).toList();
    }

    static void assertStaffCookie(String setCookie, boolean https) {
        assertThat(attributes(setCookie)).as(setCookie).contains("httponly", "samesite=lax");
        assertThat(attributes(setCookie).contains("secure")).as(setCookie + " Secure").isEqualTo(https);
    }

    @Test
    void signingInGivesHttpOnlyLaxCookiesThatAreSecureBehindHttps() throws Exception {
        for (boolean https : new boolean[] {false, true}) {
            HttpVisitor browser = new HttpVisitor(https ? Map.of("X-Forwarded-Proto", "https") : Map.of());

            HttpResponse<String> loginPage = browser.get(port, "/login");
            assertThat(loginPage.statusCode()).isEqualTo(200);
            assertStaffCookie(setCookie(loginPage, "XSRF-TOKEN"), https);

            HttpResponse<String> signedIn = browser.post(port, "/login", Map.of("username", "admin",
                    "password", ADMIN_PASSWORD, "_csrf", HttpVisitor.csrfToken(loginPage)));
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin/articles");
            assertStaffCookie(setCookie(signedIn, "SESSION"), https);

            assertThat(browser.get(port, "/admin/articles").statusCode()).as("signed in").isEqualTo(200);
        }
    }

    @Test
    void readersGetNoCookieAtAll() throws Exception {
        HttpVisitor reader = new HttpVisitor();
        for (String path : List.of("/", "/articles/taliban-overtakes-3-more-major-cities-in-afghanistan-in-push-toward-kabul",
                "/sections/world", "/search?q=kabul", "/feed.xml", "/no-such-page")) {
            HttpResponse<String> page = reader.get(port, path);
            assertThat(page.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
        assertThat(reader.cookies()).isEmpty();
    }
}
