package io.broadsheet.weather;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * What every page's masthead asks for. The newest reading is held in memory for a few seconds, so that pages do
 * not each query the database for it; storing a reading here refreshes it at once. Pages only ever read here:
 * the provider is called by {@link WeatherRefresh}, never on a page request.
 */
@Service
public class LatestWeather implements MeterBinder {

    private static final Duration HELD_FOR = Duration.ofSeconds(30);

    private final WeatherReadingRepository readings;
    private final WeatherProperties properties;
    private final Clock clock;
    private final LoadingCache<Boolean, Optional<WeatherReading>> newest;
    private final ApplicationEventPublisher events;

    LatestWeather(WeatherReadingRepository readings, WeatherProperties properties, Clock clock,
            ApplicationEventPublisher events) {
        this.readings = readings;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.newest = Caffeine.newBuilder().expireAfterWrite(HELD_FOR).recordStats()
                .build(key -> readings.findFirstByOrderByObservedAtDescIdDesc());
    }

    public Optional<CurrentWeather> current() {
        return newest.get(Boolean.TRUE).map(this::shown);
    }

    /** The reading held in memory, if any, without asking the database: for pages shown while it is down. */
    public Optional<CurrentWeather> held() {
        Optional<WeatherReading> held = newest.getIfPresent(Boolean.TRUE);
        return held == null ? Optional.empty() : held.map(this::shown);
    }

    private CurrentWeather shown(WeatherReading reading) {
        return new CurrentWeather(
                properties.unit().format(reading.getTemperatureCelsius()),
                WeatherCondition.ofKey(reading.getCondition()).orElse(null),
                reading.getLocationName(),
                reading.getObservedAt(),
                reading.getObservedAt().plus(properties.maxAge()).isBefore(clock.instant()));
    }

    /** Hits and misses of the held reading, as cache_gets_total{cache="latest-weather"}. */
    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, newest, "latest-weather");
    }

    /** When the newest reading was observed, if there is one. */
    Optional<Instant> newestObservedAt() {
        return newest.get(Boolean.TRUE).map(WeatherReading::getObservedAt);
    }

    /**
     * Stores a reading for the configured location; the next page shows it if it is the newest. The save commits
     * in its own transaction before the held reading is dropped, so no page can pick up the old one again.
     */
    public void record(BigDecimal temperatureCelsius, WeatherCondition condition, Instant observedAt) {
        var reading = new WeatherReading(properties.locationName(), temperatureCelsius.setScale(1, RoundingMode.HALF_UP),
                condition == null ? null : condition.key(), observedAt);
        // The provider's "current" changes every quarter of an hour or so: polling more often repeats it.
        if (newest.get(Boolean.TRUE).filter(reading::sameAs).isPresent()) {
            return;
        }
        readings.save(reading);
        refresh();
    }

    /**
     * Forget the held reading, so that the next page shows what the database holds now, and tell whoever keeps
     * pages with the old one ({@link WeatherRecorded}).
     */
    public void refresh() {
        newest.invalidateAll();
        events.publishEvent(new WeatherRecorded());
    }
}
