package io.broadsheet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import io.broadsheet.BroadsheetApplication;
import io.broadsheet.support.HttpVisitor;
import io.broadsheet.support.TestPostgres;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the application on different ports and one PostgreSQL database, as behind a load balancer,
 * talked to over real HTTP with a cookie jar: an editor signs in on A, publishes through B with A's session, a
 * reader sees the story on both, and an instance that is stopped and started again has lost nothing.
 */
@ExtendWith(TestPostgres.Available.class)
class SeveralInstancesTest {

    static final String ADMIN_PASSWORD = "several-instances-admin-password";

    /** The editor's browser: one cookie jar for the one address that both instances stand behind. */
    private final HttpVisitor editor = new HttpVisitor();

    /** A reader, with no cookies. */
    private final HttpVisitor reader = new HttpVisitor();

    ConfigurableApplicationContext start(String name, String databaseUrl) {
        return new SpringApplicationBuilder(BroadsheetApplication.class).run(
                "--server.port=0",
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + TestPostgres.username(),
                "--spring.datasource.password=",
                "--broadsheet.data-dir=" + Path.of("target/several-instances", name).toAbsolutePath(),
                "--broadsheet.scheduling.enabled=false",
                "--broadsheet.weather.provider=none",
                // each instance has its own index; search is not part of this journey
                "--spring.jpa.properties.hibernate.search.backend.directory.type=local-heap",
                "--broadsheet.search.initial-indexing=off",
                "--BROADSHEET_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                "--spring.main.banner-mode=off");
    }

    static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    @Test
    void signedInOnOnePublishedThroughTheOtherSeenOnBothAndARestartLosesNothing() throws Exception {
        String database = TestPostgres.newDatabase();
        ConfigurableApplicationContext a = start("a", database);
        ConfigurableApplicationContext b = start("b", database);
        try {
            int portA = port(a);
            int portB = port(b);

            // Sign in on A.
            HttpResponse<String> signedIn = editor.signIn(portA, "admin", ADMIN_PASSWORD);
            assertThat(editor.cookies()).containsKey("XSRF-TOKEN");
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/admin/articles"));
            assertThat(editor.cookies()).containsKey("SESSION");

            // B knows the session A made: the form opens there, and publishing through it works.
            HttpResponse<String> form = editor.get(portB, "/admin/articles/new");
            assertThat(form.statusCode()).isEqualTo(200);
            Map<String, String> story = HttpVisitor.publishForm(HttpVisitor.csrfToken(form),
                    "Two instances, one newsroom",
                    "Published through instance B by an editor who signed in on instance A.", "Cluster Desk");
            story.put("tags", "Instances");
            HttpResponse<String> published = editor.post(portB, "/admin/articles", story);
            assertThat(published.statusCode()).isEqualTo(302);
            assertThat(published.headers().firstValue("Location").orElseThrow()).contains("/admin/articles/");

            // A reader, with no cookies, sees it on both.
            for (int port : new int[] {portA, portB}) {
                HttpResponse<String> page = reader.get(port, "/articles/two-instances-one-newsroom");
                assertThat(page.statusCode()).as("instance on port %d", port).isEqualTo(200);
                assertThat(Jsoup.parse(page.body()).select("h1").text()).isEqualTo("Two instances, one newsroom");
                assertThat(reader.get(port, "/sections/cluster-desk").body()).contains("Two instances, one newsroom");
            }

            // B stops: A carries on with the same session; B starts again and has lost nothing.
            b.close();
            assertThat(editor.get(portA, "/admin/articles").statusCode()).isEqualTo(200);
            b = start("b", database);
            int restartedB = port(b);
            HttpResponse<String> again = reader.get(restartedB, "/articles/two-instances-one-newsroom");
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).contains("Published through instance B by an editor who signed in on instance A.");
            HttpResponse<String> newsroom = editor.get(restartedB, "/admin/articles");
            assertThat(newsroom.statusCode()).as("still signed in after the restart").isEqualTo(200);
            assertThat(newsroom.body()).contains("Two instances, one newsroom");
        } finally {
            a.close();
            b.close();
        }
    }
}
