package io.broadsheet.weather;

import java.time.Instant;

/**
 * The masthead's weather: the newest reading, already worded ("4.8 °C", "40.6 °F"). {@code condition} is null
 * when the reading has none. {@code stale} is true when the reading is older than
 * {@code broadsheet.weather.max-age}; the masthead then shows when it was observed instead of passing it off as
 * current.
 */
public record CurrentWeather(String temperature, WeatherCondition condition, String locationName,
        Instant observedAt, boolean stale) {
}
