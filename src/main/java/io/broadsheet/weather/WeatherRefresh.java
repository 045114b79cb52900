package io.broadsheet.weather;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.broadsheet.weather.WeatherProperties.WeatherProvider;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    /** Held no longer than this if an instance dies mid-refresh (a refresh takes seconds at most). */
    private static final Duration LOCK_AT_MOST_FOR = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(WeatherRefresh.class);

    private final OpenMeteoClient provider;
    private final LatestWeather latest;
    private final WeatherProperties properties;
    private final Clock clock;
    private final LockingTaskExecutor locks;

    /** When the current failure streak began; null while the provider answers. Read by the health check. */
    private volatile Instant failingSince;

    WeatherRefresh(OpenMeteoClient provider, LatestWeather latest, WeatherProperties properties, Clock clock,
            LockingTaskExecutor locks) {
        this.provider = provider;
        this.latest = latest;
        this.properties = properties;
        this.clock = clock;
        this.locks = locks;
    }

    /** With several instances, one of them asks the provider each turn (ShedLock); the others skip it. */
    @Scheduled(fixedDelayString = "${broadsheet.weather.refresh:15m}")
    public void refresh() {
        if (properties.provider() == WeatherProvider.NONE) {
            return;
        }
        locks.executeWithLock((Runnable) this::askProvider,
                new LockConfiguration(ClockProvider.now(), JOB_NAME, LOCK_AT_MOST_FOR, Duration.ZERO));
    }

    private void askProvider() {
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
