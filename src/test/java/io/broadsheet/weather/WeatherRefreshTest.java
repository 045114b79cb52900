package io.broadsheet.weather;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.broadsheet.support.HtmlChecker;
import io.broadsheet.support.Http;
import io.broadsheet.support.TestClock;
import mockwebserver3.RecordedRequest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/** The refresh job against a fake Open-Meteo, and what the masthead shows as a result. */
@WeatherSiteTest
@ExtendWith(OutputCaptureExtension.class)
class WeatherRefreshTest {

    static final String WARNING = "No weather reading from";

    @Autowired
    WeatherRefresh refresh;

    @Autowired
    WeatherReadingRepository readings;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @BeforeEach
    void freshFake() throws Exception {
        FakeOpenMeteo.reset();
        clock.set(TestClock.SEED_MORNING);
    }

    /** A successful refresh with a reading observed after every earlier one; the clock is a minute later. */
    Instant goodReading(String temperature, int weatherCode) {
        Instant observedAt = FakeOpenMeteo.nextObservationTime();
        clock.set(observedAt.plus(Duration.ofMinutes(1)));
        FakeOpenMeteo.answerReading(temperature, weatherCode, observedAt);
        refresh.refresh();
        return observedAt;
    }

    Document frontPage() {
        var response = Http.get(port, "/");
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    @Test
    void normalReadingIsStoredAndShownInTheMasthead() throws Exception {
        Instant observedAt = goodReading("12.3", 3);

        RecordedRequest request = FakeOpenMeteo.server().takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/forecast");
        assertThat(request.getUrl().queryParameter("latitude")).isEqualTo("34.5289");
        assertThat(request.getUrl().queryParameter("longitude")).isEqualTo("69.1725");
        assertThat(request.getUrl().queryParameter("current")).isEqualTo("temperature_2m,weather_code");

        var stored = readings.findFirstByOrderByObservedAtDescIdDesc().orElseThrow();
        assertThat(stored.getTemperatureCelsius()).isEqualByComparingTo("12.3");
        assertThat(stored.getCondition()).isEqualTo("cloudy");
        assertThat(stored.getObservedAt()).isEqualTo(observedAt);
        assertThat(stored.getLocationName()).isEqualTo("Kabul");

        Document page = frontPage();
        assertThat(page.select(".weather-temperature").text()).isEqualTo("12.3 °C");
        assertThat(page.select(".weather-condition-label").text()).isEqualTo("Cloudy");
        assertThat(page.select(".weather-symbol").attr("aria-hidden")).isEqualTo("true");
        assertThat(page.select(".weather-location").text()).isEqualTo("Kabul");
        assertThat(page.select(".weather-observed")).isEmpty();
    }

    @Test
    void mastheadWithAConditionPassesTheHtmlChecker() {
        goodReading("-3.5", 73);

        var response = Http.get(port, "/");

        assertThat(Jsoup.parse(response.body()).select(".weather-condition-label").text()).isEqualTo("Snow");
        assertThat(HtmlChecker.errorsIn(response.body())).isEmpty();
        assertThat(response.body()).doesNotContain("??");
    }

    @Test
    void mastheadFollowsTheProviderAtEachRefresh() {
        goodReading("20.1", 0);
        assertThat(frontPage().select(".weather-temperature").text()).isEqualTo("20.1 °C");

        goodReading("21.4", 95);

        Document page = frontPage();
        assertThat(page.select(".weather-temperature").text()).isEqualTo("21.4 °C");
        assertThat(page.select(".weather-condition-label").text()).isEqualTo("Thunderstorm");
    }

    @Test
    void pagesNeverCallTheProvider() {
        goodReading("8.8", 1);
        int calls = FakeOpenMeteo.server().getRequestCount();

        for (String path : new String[] {"/", "/sections/world", "/articles/no-such-story", "/actuator/health"}) {
            Http.get(port, path);
        }

        assertThat(FakeOpenMeteo.server().getRequestCount()).isEqualTo(calls);
    }

    @ParameterizedTest
    @ValueSource(strings = {"server error", "not found", "timeout", "malformed json", "partial json", "html",
            "absurd temperature"})
    void aFailingProviderLeavesThePreviousReadingAndThePageAnswering(String failure) {
        goodReading("17.2", 2);
        FakeOpenMeteo.answer(switch (failure) {
            case "server error" -> FakeOpenMeteo.json(500, "{\"error\":true,\"reason\":\"Internal error\"}");
            case "not found" -> FakeOpenMeteo.json(404, "{\"error\":true}");
            case "timeout" -> FakeOpenMeteo.response().headersDelay(FakeOpenMeteo.TIMEOUT.toMillis() * 3,
                    TimeUnit.MILLISECONDS).addHeader("Content-Type", "application/json")
                    .body(FakeOpenMeteo.readingJson("30.0", "°C", 0, Instant.parse("2030-01-01T00:00:00Z"))).build();
            case "malformed json" -> FakeOpenMeteo.json(200, "{\"current\":{\"time\":\"2030-01-01T00:00\",\"temp");
            case "partial json" -> FakeOpenMeteo.json(200, "{\"current\":{\"time\":\"2030-01-01T00:00\"}}");
            case "html" -> FakeOpenMeteo.response().code(200).addHeader("Content-Type", "text/html")
                    .body("<html><body>Captive portal</body></html>").build();
            case "absurd temperature" -> FakeOpenMeteo.json(200,
                    FakeOpenMeteo.readingJson("999.9", "°C", 0, Instant.parse("2030-01-01T00:00:00Z")));
            default -> throw new IllegalArgumentException(failure);
        });
        long stored = readings.count();

        refresh.refresh();

        assertThat(readings.count()).as("nothing stored").isEqualTo(stored);
        assertThat(frontPage().select(".weather-temperature").text()).isEqualTo("17.2 °C");
        assertThat(refresh.failingSince()).isPresent();
        goodReading("17.3", 2);
        assertThat(refresh.failingSince()).isEmpty();
    }

    @Test
    void aClosedPortLeavesThePreviousReadingAndReadingsResumeWhenTheProviderIsBack() {
        goodReading("5.5", 61);
        FakeOpenMeteo.stop();
        try {
            refresh.refresh();
            refresh.refresh();

            Document page = frontPage();
            assertThat(page.select(".weather-temperature").text()).isEqualTo("5.5 °C");
            assertThat(page.select(".weather-condition-label").text()).isEqualTo("Rain");
        } finally {
            FakeOpenMeteo.start();
        }

        goodReading("6.5", 80);

        assertThat(frontPage().select(".weather-temperature").text()).isEqualTo("6.5 °C");
        assertThat(frontPage().select(".weather-condition-label").text()).isEqualTo("Showers");
    }

    @Test
    void recoveryAfterAFailureStreakLogsOneWarningAndOneRecovery(CapturedOutput output) {
        goodReading("10.0", 0);
        int before = count(output.getOut(), WARNING);

        for (int i = 0; i < 3; i++) {
            FakeOpenMeteo.answer(FakeOpenMeteo.json(503, "{}"));
            refresh.refresh();
        }
        assertThat(count(output.getOut(), WARNING) - before).as("one warning for three failures").isEqualTo(1);
        assertThat(output.getOut()).contains(" WARN ").contains("503");

        goodReading("11.0", 0);

        assertThat(frontPage().select(".weather-temperature").text()).isEqualTo("11.0 °C");
        assertThat(output.getOut()).contains("Weather readings from").contains("resumed");
        assertThat(count(output.getOut(), WARNING) - before).isEqualTo(1);

        FakeOpenMeteo.answer(FakeOpenMeteo.json(503, "{}"));
        refresh.refresh();
        assertThat(count(output.getOut(), WARNING) - before).as("a new streak warns again").isEqualTo(2);
        goodReading("11.5", 0);
    }

    @Test
    void readingInFahrenheitFromTheProviderIsStoredInCelsius() {
        Instant observedAt = FakeOpenMeteo.nextObservationTime();
        clock.set(observedAt.plusSeconds(60));
        FakeOpenMeteo.answer(FakeOpenMeteo.json(200, FakeOpenMeteo.readingJson("40.6", "°F", 45, observedAt)));

        refresh.refresh();

        assertThat(readings.findFirstByOrderByObservedAtDescIdDesc().orElseThrow().getTemperatureCelsius())
                .isEqualByComparingTo("4.8");
        assertThat(frontPage().select(".weather-temperature").text()).isEqualTo("4.8 °C");
        assertThat(frontPage().select(".weather-condition-label").text()).isEqualTo("Fog");
    }

    @Test
    void theSameObservationPolledTwiceIsStoredOnce() {
        Instant observedAt = goodReading("9.1", 3);
        long stored = readings.count();

        FakeOpenMeteo.answerReading("9.1", 3, observedAt);
        refresh.refresh();

        assertThat(readings.count()).isEqualTo(stored);
    }

    @Test
    void theScheduleDoesNotRunInTests() throws Exception {
        // the job is registered, and handed to a scheduler that never runs it (scheduling is off in the test profile)
        assertThat(context.getBean(ScheduledTaskHolder.class).getScheduledTasks())
                .filteredOn(task -> task.toString().contains("WeatherRefresh.refresh"))
                .singleElement().satisfies(task -> assertThat(task.nextExecution()).isNull());
        int calls = FakeOpenMeteo.server().getRequestCount();

        goodReading("7.0", 0);

        assertThat(FakeOpenMeteo.server().getRequestCount()).as("only the test's own call").isEqualTo(calls + 1);
    }

    static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            count++;
        }
        return count;
    }
}
