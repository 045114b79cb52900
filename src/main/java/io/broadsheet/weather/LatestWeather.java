package io.broadsheet.weather;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.stereotype.Service;

/**
 * What every page's masthead asks for. The newest reading is held in memory for a few seconds, so that pages do
 * not each query the database for it; storing a reading here refreshes it at once.
 */
@Service
public class LatestWeather {

    private static final Duration HELD_FOR = Duration.ofSeconds(30);

    private final WeatherReadingRepository readings;
    private final WeatherProperties properties;
    private final Clock clock;
    private final LoadingCache<Boolean, Optional<WeatherReading>> newest;

    LatestWeather(WeatherReadingRepository readings, WeatherProperties properties, Clock clock) {
        this.readings = readings;
        this.properties = properties;
        this.clock = clock;
        this.newest = Caffeine.newBuilder().expireAfterWrite(HELD_FOR)
                .build(key -> readings.findFirstByOrderByObservedAtDescIdDesc());
    }

    public Optional<CurrentWeather> current() {
        Instant now = clock.instant();
        return newest.get(Boolean.TRUE).map(reading -> new CurrentWeather(
                reading.getTemperatureCelsius().setScale(1, RoundingMode.HALF_UP).toPlainString() + " °C",
                reading.getCondition(),
                reading.getLocationName(),
                reading.getObservedAt(),
                reading.getObservedAt().plus(properties.maxAge()).isBefore(now)));
    }

    /** Forget the held reading, so that the next page shows what the database holds now. */
    public void refresh() {
        newest.invalidateAll();
    }
}
