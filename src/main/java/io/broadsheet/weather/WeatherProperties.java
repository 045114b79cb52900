package io.broadsheet.weather;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the masthead's weather is for, in which unit it is shown, where readings come from and how often, and how
 * old a reading may be before it is no longer "current".
 *
 * @param timeout connect and read timeout for one call to the provider: a slow provider costs the refresh job at
 *                most this long, never a page
 */
@ConfigurationProperties("broadsheet.weather")
public record WeatherProperties(
        @DefaultValue("Kabul") String locationName,
        @DefaultValue("34.5289") double latitude,
        @DefaultValue("69.1725") double longitude,
        @DefaultValue("celsius") TemperatureUnit unit,
        @DefaultValue("open-meteo") WeatherProvider provider,
        @DefaultValue("https://api.open-meteo.com") URI baseUrl,
        @DefaultValue("15m") Duration refresh,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("3h") Duration maxAge) {

    /** Where readings come from. */
    public enum WeatherProvider {
        /** Open-Meteo's current-weather API, polled every {@code refresh}. */
        OPEN_METEO,
        /** No network: an editor enters the reading at /admin/weather. */
        NONE
    }
}
