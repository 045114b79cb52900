package io.broadsheet.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.broadsheet.support.HtmlChecker;
import io.broadsheet.support.TestClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** /admin/weather: who may use it, and what an editor sees and stores. */
@WeatherSiteTest
class WeatherAdminControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Autowired
    WeatherReadingRepository readings;

    static RequestPostProcessor editor() {
        return user("edna").roles("EDITOR");
    }

    static String local(Instant instant) {
        return instant.toString().substring(0, 16);
    }

    Document html(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(HtmlChecker.errorsIn(body)).isEmpty();
        assertThat(body).doesNotContain("??");
        return Jsoup.parse(body);
    }

    @Test
    void anonymousIsSentToSignIn() throws Exception {
        mvc.perform(get("/admin/weather")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/admin/weather").with(csrf()).param("temperature", "1")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void writerIsRefused() throws Exception {
        mvc.perform(get("/admin/weather").with(user("wanda").roles("WRITER"))).andExpect(status().isForbidden());
        long stored = readings.count();
        mvc.perform(post("/admin/weather").with(user("wanda").roles("WRITER")).with(csrf())
                        .param("temperature", "3").param("condition", "clear")
                        .param("observedAt", local(TestClock.SEED_MORNING)))
                .andExpect(status().isForbidden());
        assertThat(readings.count()).isEqualTo(stored);
    }

    @Test
    void editorSeesTheFormWithTheObservationTimeDefaultingToNow() throws Exception {
        clock.set(Instant.parse("2023-11-29T09:41:27Z"));

        Document page = html(get("/admin/weather").with(editor()));

        assertThat(page.select("h1").text()).isEqualTo("Enter the weather by hand");
        assertThat(page.select("#observedAt").val()).isEqualTo("2023-11-29T09:41");
        assertThat(page.select("#temperature").val()).isEmpty();
        assertThat(page.select("label[for=temperature]").text()).isEqualTo("Temperature (°C)");
        assertThat(page.select("#condition option").eachText()).contains("Clear", "Partly cloudy", "Thunderstorm");
        assertThat(page.select("form.weather-form input[name=_csrf]")).as("Thymeleaf adds the CSRF token").hasSize(1);
    }

    @Test
    void adminEntersAReadingAndTheMastheadShowsIt() throws Exception {
        Instant observedAt = FakeOpenMeteo.nextObservationTime();
        clock.set(observedAt.plusSeconds(120));

        mvc.perform(post("/admin/weather").with(user("ada").roles("ADMIN")).with(csrf())
                        .param("temperature", "-2,4").param("condition", "snow").param("observedAt", local(observedAt)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/weather"))
                .andExpect(flash().attribute("saved", true));

        var stored = readings.findFirstByOrderByObservedAtDescIdDesc().orElseThrow();
        assertThat(stored.getTemperatureCelsius()).isEqualByComparingTo("-2.4");
        assertThat(stored.getCondition()).isEqualTo("snow");
        assertThat(stored.getObservedAt()).isEqualTo(observedAt);

        Document front = Jsoup.parse(mvc.perform(get("/")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(front.select(".weather-temperature").text()).isEqualTo("-2.4 °C");
        assertThat(front.select(".weather-condition-label").text()).isEqualTo("Snow");

        Document after = html(get("/admin/weather").with(editor()).flashAttr("saved", true));
        assertThat(after.select(".notice").text()).isEqualTo("Reading saved: the masthead shows it now.");
        assertThat(after.select(".weather-admin-current").text()).startsWith("Now showing: -2.4 °C, Snow, observed");
    }

    @Test
    void postWithoutCsrfTokenIsRefused() throws Exception {
        long stored = readings.count();

        mvc.perform(post("/admin/weather").with(editor())
                        .param("temperature", "3").param("condition", "clear")
                        .param("observedAt", local(TestClock.SEED_MORNING)))
                .andExpect(status().isForbidden());

        assertThat(readings.count()).isEqualTo(stored);
    }

    @Test
    void badInputIsShownBesideEachFieldWithWhatWasTyped() throws Exception {
        clock.set(TestClock.SEED_MORNING);
        long stored = readings.count();

        Document page = html(post("/admin/weather").with(editor()).with(csrf())
                .param("temperature", "warm").param("condition", "").param("observedAt", "2023-11-30T08:00"));

        assertThat(page.select(".form-errors").text()).isEqualTo("The reading was not saved. Check the fields marked below.");
        assertThat(page.select("#temperature").val()).isEqualTo("warm");
        assertThat(page.select("#temperature").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#temperature").attr("aria-describedby")).isEqualTo("temperature-error");
        assertThat(page.select("#temperature-error").text()).isEqualTo("Enter the temperature as a number, such as 4.8 or -12.");
        assertThat(page.select("#condition-error").text()).isEqualTo("Choose a condition.");
        assertThat(page.select("#observedAt").val()).isEqualTo("2023-11-30T08:00");
        assertThat(page.select("#observedAt-error").text()).isEqualTo("The reading cannot be from the future.");
        assertThat(readings.count()).isEqualTo(stored);
    }

    @Test
    void implausibleValuesAreRefused() throws Exception {
        clock.set(TestClock.SEED_MORNING);

        Document page = html(post("/admin/weather").with(editor()).with(csrf())
                .param("temperature", "80").param("condition", "hail").param("observedAt", "yesterday"));

        assertThat(page.select("#temperature-error").text()).isEqualTo("Enter a temperature between -95.0 °C and 65.0 °C.");
        assertThat(page.select("#condition-error").text()).isEqualTo("Choose a condition.");
        assertThat(page.select("#observedAt-error").text())
                .isEqualTo("Enter the date and time as year-month-day and hours:minutes.");
    }

    @Test
    void missingFieldsAreRefusedWithoutAServerError() throws Exception {
        Document page = html(post("/admin/weather").with(editor()).with(csrf()));

        assertThat(page.select("#temperature-error").text()).isEqualTo("Enter the temperature.");
        assertThat(page.select("#observedAt-error").text()).isEqualTo("Enter when the reading was taken.");
    }
}
