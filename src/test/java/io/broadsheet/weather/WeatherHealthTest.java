package io.broadsheet.weather;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.broadsheet.support.Http;
import io.broadsheet.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The {@code weather} health component: the newest reading's age, a warning when stale, never DOWN. */
@WeatherSiteTest
class WeatherHealthTest {

    @Autowired
    WeatherHealthIndicator health;

    @Autowired
    WeatherRefresh refresh;

    @Autowired
    TestClock clock;

    @LocalServerPort
    int port;

    Instant observedAt;

    @BeforeEach
    void aFreshReading() throws Exception {
        FakeOpenMeteo.reset();
        observedAt = FakeOpenMeteo.nextObservationTime();
        clock.set(observedAt);
        FakeOpenMeteo.answerReading("14.0", 0, observedAt);
        refresh.refresh();
    }

    @Test
    void freshReadingIsUpWithItsAge() {
        clock.set(observedAt.plus(Duration.ofMinutes(10)));

        Health weather = health.health();

        assertThat(weather.getStatus()).isEqualTo(Status.UP);
        assertThat(weather.getDetails()).containsEntry("ageSeconds", 600L).containsEntry("age", "PT10M")
                .containsEntry("observedAt", observedAt.toString()).containsEntry("provider", "open-meteo")
                .doesNotContainKeys("warning", "failingSince");
    }

    @Test
    void staleReadingIsAWarningButStaysUp() {
        clock.set(observedAt.plus(Duration.ofHours(3)).plusSeconds(1));
        FakeOpenMeteo.answer(FakeOpenMeteo.json(500, "{}"));
        refresh.refresh();

        Health weather = health.health();

        assertThat(weather.getStatus()).isEqualTo(Status.UP);
        assertThat(weather.getDetails()).containsKeys("warning", "failingSince").containsEntry("ageSeconds", 10801L);
        assertThat(weather.getDetails().get("warning").toString()).contains("older than PT3H");

        var response = Http.get(port, "/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"")
                .as("anonymous callers see no details").doesNotContain("weather", "components", "ageSeconds");
        FakeOpenMeteo.answerReading("14.1", 0, FakeOpenMeteo.nextObservationTime());
        refresh.refresh();
    }
}
