package io.broadsheet.weather;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.broadsheet.weather.WeatherProperties.WeatherProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one job that asks the provider for the weather and stores what it says, every
 * {@code broadsheet.weather.refresh}. A failure leaves the last reading in place; a streak of failures is logged
 * once as a warning when it starts and once as information when it ends, not on every attempt.
 */
@Component
public class WeatherRefresh {

    /** The job's row in the shedlock table. */
    public static final String JOB_NAME = "weather-refresh";

    private static final Logger log = LoggerFactory.getLogger(WeatherRefresh.class);

    private final OpenMeteoClient provider;
    private final LatestWeather latest;
    private final WeatherProperties properties;
    private final Clock clock;

    /** When the current failure streak began; null while the provider answers. Read by the health check. */
    private volatile Instant failingSince;

    WeatherRefresh(OpenMeteoClient provider, LatestWeather latest, WeatherProperties properties, Clock clock) {
        this.provider = provider;
        this.latest = latest;
        this.properties = properties;
        this.clock = clock;
    }

    /** With several instances, one of them asks the provider each turn (ShedLock); the others skip it. */
    @Scheduled(fixedDelayString = "${broadsheet.weather.refresh:15m}")
    @SchedulerLock(name = JOB_NAME, lockAtMostFor = "PT5M")
    public void refresh() {
        if (properties.provider() == WeatherProvider.NONE) {
            return;
        }
        OpenMeteoClient.Observation observation;
        try {
            observation = provider.current();
        } catch (WeatherUnavailableException e) {
            if (failingSince == null) {
                failingSince = clock.instant();
                log.warn("No weather reading from {}: {}. The masthead keeps the last reading; retrying every {}.",
                        properties.baseUrl(), e.getMessage(), properties.refresh().toString().substring(2).toLowerCase());
            } else {
                log.debug("Still no weather reading from {}: {}", properties.baseUrl(), e.getMessage());
            }
            return;
        }
        latest.record(observation.temperatureCelsius(), observation.condition(), observation.observedAt());
        if (failingSince != null) {
            log.info("Weather readings from {} resumed (failing since {}).", properties.baseUrl(), failingSince);
            failingSince = null;
        }
    }

    /** When the provider started failing, if it is failing now. */
    Optional<Instant> failingSince() {
        return Optional.ofNullable(failingSince);
    }
}
