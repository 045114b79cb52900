package io.broadsheet.weather;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the masthead's weather is for, and how old a reading may be before it is no longer "current". */
@ConfigurationProperties("broadsheet.weather")
public record WeatherProperties(
        @DefaultValue("Kabul") String locationName,
        @DefaultValue("3h") Duration maxAge) {
}
