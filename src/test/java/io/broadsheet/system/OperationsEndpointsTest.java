package io.broadsheet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;

import io.broadsheet.security.StaffRole;
import io.broadsheet.support.Eventually;
import io.broadsheet.support.Http;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestStaff;
import org.apache.catalina.valves.AccessLogValve;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The actuator: public health and probes without details, Prometheus metrics for ADMIN only, nothing else; and
 * Tomcat's access log.
 */
@SiteTest
class OperationsEndpointsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestStaff staff;

    @Autowired
    ServletWebServerApplicationContext server;

    @Value("${server.tomcat.accesslog.directory}")
    String directory;

    @LocalServerPort
    int port;

    @Test
    void healthAndBothProbesArePublicAndSayOnlyUp() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            String body = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).as(path).contains("\"status\":\"UP\"").doesNotContain("components", "details");
        }
    }

    @Test
    void anAdminSeesTheDatabaseDiskAndWeatherComponentsWithoutDetails() throws Exception {
        String admin = staff.create(StaffRole.ADMIN);
        String body = mvc.perform(get("/actuator/health").with(httpBasic(admin, TestStaff.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("\"db\":{\"status\":\"UP\"}", "\"diskSpace\":{\"status\":\"UP\"}",
                "\"weather\":{\"status\":\"UP\"}").doesNotContain("details", "observedAt");
        mvc.perform(get("/actuator/health/db")).andExpect(status().isNotFound());
    }

    @Test
    void prometheusIsForAdminsOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(staff.as(staff.create(StaffRole.EDITOR))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic(staff.create(StaffRole.EDITOR), TestStaff.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic(staff.create(StaffRole.ADMIN), "wrong password")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void prometheusGivesRequestTimingsByRouteCacheHitsAndThePool() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk());
        mvc.perform(get("/articles/taliban-seize-kandahar-and-herat")).andReturn();
        String scraper = staff.create(StaffRole.ADMIN);
        String metrics = mvc.perform(get("/actuator/prometheus").with(httpBasic(scraper, TestStaff.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(metrics).contains("http_server_requests_seconds_count{")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/articles/\\{slug}\"")
                .containsPattern("cache_gets_total\\{cache=\"latest-weather\"[^}]*result=\"hit\"")
                .containsPattern("cache_gets_total\\{cache=\"section-directory\"")
                .containsPattern("cache_gets_total\\{cache=\"related-news\"")
                .contains("hikaricp_connections_active", "hikaricp_connections_max", "jvm_memory_used_bytes")
                .containsPattern("(?m)^broadsheet_search_waiting(\\{[^}]*})? 0\\.0$");
    }

    @Test
    void theAccessLogHasALineForEachRequestAndIsKeptThirtyDays() throws Exception {
        AccessLogValve log = Arrays.stream(((TomcatWebServer) server.getWebServer()).getTomcat().getEngine()
                .getPipeline().getValves())
                .filter(AccessLogValve.class::isInstance).map(AccessLogValve.class::cast).findFirst().orElseThrow();
        String probe = "access-log-probe-" + UUID.randomUUID();

        assertThat(Http.get(port, "/search?q=" + probe).statusCode()).isEqualTo(200);

        // Tomcat logs a request once its answer has gone, and buffers the line: ask until it is written out
        String line = Eventually.value(() -> {
            log.backgroundProcess(); // writes out what it buffered
            return logLines().filter(l -> l.contains("GET /search?q=" + probe + " ")).findFirst().orElse("");
        }, found -> !found.isEmpty());
        assertThat(line).contains("GET /search?q=" + probe + " HTTP/1.1\" 200 ").matches(".* \\d+ms \".*\"$");
        assertThat(log.getMaxDays()).isEqualTo(30);
    }

    @Test
    void nothingElseIsExposed() throws Exception {
        String admin = staff.create(StaffRole.ADMIN);
        for (String path : new String[] {"/actuator", "/actuator/env", "/actuator/beans", "/actuator/configprops",
                "/actuator/loggers", "/actuator/heapdump", "/actuator/threaddump", "/actuator/metrics",
                "/actuator/sessions", "/actuator/shutdown", "/actuator/mappings"}) {
            int anonymous = mvc.perform(get(path)).andReturn().getResponse().getStatus();
            int asAdmin = mvc.perform(get(path).with(httpBasic(admin, TestStaff.PASSWORD))).andReturn()
                    .getResponse().getStatus();
            assertThat(anonymous).as(path).isEqualTo(401);
            assertThat(asAdmin).as(path).isIn(403, 404);
        }
    }

    /** Every line of every access log file in the folder (other test contexts write there too). */
    private Stream<String> logLines() {
        try (Stream<Path> files = Files.list(Path.of(directory))) {
            return files.filter(file -> file.getFileName().toString().startsWith("access_log."))
                    .flatMap(OperationsEndpointsTest::lines).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
