package io.broadsheet.weather;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Open-Meteo's current-weather API (free, no key): one GET for the temperature and WMO weather code at the
 * configured place. Anything short of a complete, plausible answer is a {@link WeatherUnavailableException}.
 */
@Component
class OpenMeteoClient {

    /** Colder and hotter than any air temperature measured on Earth: a value outside is a broken answer. */
    static final BigDecimal COLDEST = new BigDecimal("-95");
    static final BigDecimal HOTTEST = new BigDecimal("65");

    record Observation(BigDecimal temperatureCelsius, WeatherCondition condition, Instant observedAt) {
    }

    record Response(Current current, @JsonProperty("current_units") Units currentUnits,
            @JsonProperty("utc_offset_seconds") Integer utcOffsetSeconds) {
    }

    record Current(String time, @JsonProperty("temperature_2m") BigDecimal temperature,
            @JsonProperty("weather_code") Integer weatherCode) {
    }

    record Units(@JsonProperty("temperature_2m") String temperature) {
    }

    /**
     * Made at the first reading, not at start: the JDK's HTTP client sets up TLS (the default SSL context and its
     * trust store) when built, a tenth of a second of a start that a site without weather (provider "none") or a
     * site whose first reading is minutes away does not need. Boot's builder is a prototype: none is made either.
     */
    private final SingletonSupplier<RestClient> http;
    private final WeatherProperties properties;

    OpenMeteoClient(ObjectProvider<RestClient.Builder> builder, WeatherProperties properties) {
        this.properties = properties;
        // The JDK client named explicitly: the test classpath carries a Jetty client that detection would pick.
        this.http = SingletonSupplier.of(() -> builder.getObject()
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(
                        HttpClientSettings.defaults().withTimeouts(properties.timeout(), properties.timeout())))
                .baseUrl(properties.baseUrl().toString())
                .build());
    }

    Observation current() {
        Response response;
        try {
            response = http.obtain().get()
                    .uri(uri -> uri.path("/v1/forecast")
                            .queryParam("latitude", properties.latitude())
                            .queryParam("longitude", properties.longitude())
                            .queryParam("current", "temperature_2m,weather_code")
                            .build())
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(Response.class);
        } catch (RuntimeException e) {
            throw new WeatherUnavailableException(describe(e), e);
        }
        return observation(response);
    }

    private static Observation observation(Response response) {
        if (response == null || response.current() == null) {
            throw new WeatherUnavailableException("the answer has no \"current\" object");
        }
        Current current = response.current();
        if (current.temperature() == null || current.time() == null) {
            throw new WeatherUnavailableException("the answer has no current temperature or time");
        }
        BigDecimal celsius = celsius(current.temperature(), response.currentUnits());
        if (celsius.compareTo(COLDEST) < 0 || celsius.compareTo(HOTTEST) > 0) {
            throw new WeatherUnavailableException("implausible temperature " + current.temperature());
        }
        Instant observedAt;
        try {
            int offset = response.utcOffsetSeconds() == null ? 0 : response.utcOffsetSeconds();
            observedAt = LocalDateTime.parse(current.time()).toInstant(ZoneOffset.ofTotalSeconds(offset));
        } catch (DateTimeException e) {
            throw new WeatherUnavailableException("unreadable time \"" + current.time() + "\"", e);
        }
        WeatherCondition condition = current.weatherCode() == null ? null
                : WeatherCondition.ofWmoCode(current.weatherCode()).orElse(null);
        return new Observation(celsius, condition, observedAt);
    }

    private static BigDecimal celsius(BigDecimal temperature, Units units) {
        String unit = units == null || units.temperature() == null ? "°C" : units.temperature();
        return switch (unit) {
            case "°C" -> TemperatureUnit.CELSIUS.toCelsius(temperature);
            case "°F" -> TemperatureUnit.FAHRENHEIT.toCelsius(temperature);
            default -> throw new WeatherUnavailableException("unknown temperature unit \"" + unit + "\"");
        };
    }

    /** One line for the log: what went wrong, without a stack trace for an everyday network failure. */
    private static String describe(RuntimeException e) {
        if (e instanceof RestClientResponseException response) {
            return "it answered HTTP " + response.getStatusCode().value();
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (e instanceof ResourceAccessException) {
            return "it could not be reached (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
