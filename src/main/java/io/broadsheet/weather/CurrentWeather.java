package io.broadsheet.weather;

import java.time.Instant;

/**
 * The masthead's weather: the newest reading, already worded. {@code stale} is true when the reading is older
 * than {@code broadsheet.weather.max-age}; the masthead then shows when it was observed instead of passing it off
 * as current.
 */
public record CurrentWeather(String temperature, String condition, String locationName, Instant observedAt,
        boolean stale) {
}
