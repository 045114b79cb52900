package io.broadsheet.weather;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code weather} health component: how old the newest reading is. A stale or missing reading is worth a
 * warning to whoever watches the site, but readers still get every page, so the status stays UP; the warning is a
 * detail. It reads the held reading, never the provider.
 */
@Component
class WeatherHealthIndicator implements HealthIndicator {

    private final LatestWeather latest;
    private final WeatherRefresh refresh;
    private final WeatherProperties properties;
    private final Clock clock;

    WeatherHealthIndicator(LatestWeather latest, WeatherRefresh refresh, WeatherProperties properties, Clock clock) {
        this.latest = latest;
        this.refresh = refresh;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up()
                .withDetail("provider", properties.provider().name().toLowerCase().replace('_', '-'))
                .withDetail("maxAge", properties.maxAge().toString());
        refresh.failingSince().ifPresent(since -> health.withDetail("failingSince", since.toString()));
        Optional<Instant> observedAt = latest.newestObservedAt();
        if (observedAt.isEmpty()) {
            return health.withDetail("warning", "there is no weather reading yet").build();
        }
        Duration age = Duration.between(observedAt.get(), clock.instant());
        health.withDetail("observedAt", observedAt.get().toString())
                .withDetail("age", age.withNanos(0).toString())
                .withDetail("ageSeconds", age.toSeconds());
        if (age.compareTo(properties.maxAge()) > 0) {
            health.withDetail("warning", "the newest reading is older than " + properties.maxAge()
                    + ", so the masthead shows when it was observed");
        }
        return health.build();
    }
}
