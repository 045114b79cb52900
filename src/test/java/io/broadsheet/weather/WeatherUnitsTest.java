package io.broadsheet.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import io.broadsheet.weather.WeatherProperties.WeatherProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Celsius as stored, Fahrenheit as shown where the site says so, and the WMO codes in words. */
class WeatherUnitsTest {

    static WeatherProperties properties(TemperatureUnit unit) {
        return new WeatherProperties("Kabul", 34.5, 69.2, unit, WeatherProvider.NONE, URI.create("http://localhost"),
                Duration.ofMinutes(15), Duration.ofSeconds(5), Duration.ofHours(3));
    }

    @ParameterizedTest
    @CsvSource({"4.8, 40.6 °F", "0, 32.0 °F", "-40, -40.0 °F", "100, 212.0 °F", "-17.8, 0.0 °F", "36.6, 97.9 °F"})
    void celsiusIsShownInFahrenheit(String celsius, String shown) {
        assertThat(TemperatureUnit.FAHRENHEIT.format(new BigDecimal(celsius))).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({"40.6, 4.8", "32, 0.0", "-40, -40.0", "212, 100.0"})
    void fahrenheitIsStoredInCelsius(String fahrenheit, String celsius) {
        assertThat(TemperatureUnit.FAHRENHEIT.toCelsius(new BigDecimal(fahrenheit))).isEqualByComparingTo(celsius);
    }

    @Test
    void celsiusKeepsTheSeededFormat() {
        assertThat(TemperatureUnit.CELSIUS.format(new BigDecimal("4.8"))).isEqualTo("4.8 °C");
        assertThat(TemperatureUnit.CELSIUS.format(new BigDecimal("-3"))).isEqualTo("-3.0 °C");
    }

    @Test
    void mastheadShowsTheSeededReadingInFahrenheitWhenConfigured() {
        WeatherReadingRepository readings = mock(WeatherReadingRepository.class);
        Instant observed = Instant.parse("2023-11-29T07:00:00Z");
        when(readings.findFirstByOrderByObservedAtDescIdDesc())
                .thenReturn(Optional.of(new WeatherReading("Kabul", new BigDecimal("4.8"), "clear", observed)));
        Clock clock = Clock.fixed(observed.plusSeconds(3600), ZoneOffset.UTC);

        CurrentWeather weather = new LatestWeather(readings, properties(TemperatureUnit.FAHRENHEIT), clock,
                event -> { })
                .current().orElseThrow();

        assertThat(weather.temperature()).isEqualTo("40.6 °F");
        assertThat(weather.condition()).isEqualTo(WeatherCondition.CLEAR);
        assertThat(weather.stale()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"0, CLEAR", "1, PARTLY_CLOUDY", "2, PARTLY_CLOUDY", "3, CLOUDY", "45, FOG", "48, FOG", "51, DRIZZLE",
            "57, DRIZZLE", "61, RAIN", "67, RAIN", "71, SNOW", "77, SNOW", "80, SHOWERS", "82, SHOWERS", "85, SNOW",
            "95, THUNDERSTORM", "99, THUNDERSTORM"})
    void wmoCodesBecomeConditions(int code, WeatherCondition condition) {
        assertThat(WeatherCondition.ofWmoCode(code)).hasValue(condition);
    }

    @Test
    void unknownCodesAndKeysHaveNoCondition() {
        assertThat(WeatherCondition.ofWmoCode(4)).isEmpty();
        assertThat(WeatherCondition.ofWmoCode(-1)).isEmpty();
        assertThat(WeatherCondition.ofKey(null)).isEmpty();
        assertThat(WeatherCondition.ofKey("hail")).isEmpty();
        assertThat(WeatherCondition.ofKey("partly-cloudy")).hasValue(WeatherCondition.PARTLY_CLOUDY);
    }
}
