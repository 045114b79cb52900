package io.broadsheet.weather;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.validation.Errors;

/**
 * A reading entered by hand at /admin/weather. The fields stay text, so that whatever was typed comes back on
 * the form beside its error; {@link #check} does the checks that need the site's unit, time zone and clock.
 *
 * @param temperature in the site's unit, such as "4.8" or "-12"
 * @param condition   a {@link WeatherCondition#key()}
 * @param observedAt  local date-time in the site's time zone, as an {@code <input type="datetime-local">} sends it
 */
record WeatherForm(
        @NotBlank(message = "{weather.form.temperature.required}")
        @Pattern(regexp = "\\s*[-−]?\\d{1,3}(?:[.,]\\d+)?\\s*", message = "{weather.form.temperature.number}")
        String temperature,
        @NotBlank(message = "{weather.form.condition.required}")
        String condition,
        @NotBlank(message = "{weather.form.observed-at.required}")
        String observedAt) {

    /** An empty form whose observation time is now, to the minute. */
    static WeatherForm startingAt(Instant now, ZoneId zone) {
        return new WeatherForm("", "", LocalDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.MINUTES).toString());
    }

    /** What Bean Validation cannot know: the unit's plausible range, the known conditions and "not in the future". */
    void check(Errors errors, TemperatureUnit unit, ZoneId zone, Instant now) {
        if (!errors.hasFieldErrors("temperature")) {
            BigDecimal celsius = unit.toCelsius(temperatureValue());
            if (celsius.compareTo(OpenMeteoClient.COLDEST) < 0 || celsius.compareTo(OpenMeteoClient.HOTTEST) > 0) {
                errors.rejectValue("temperature", "weather.form.temperature.range", new Object[] {
                        unit.format(OpenMeteoClient.COLDEST), unit.format(OpenMeteoClient.HOTTEST)}, null);
            }
        }
        if (!errors.hasFieldErrors("condition") && WeatherCondition.ofKey(condition).isEmpty()) {
            errors.rejectValue("condition", "weather.form.condition.required");
        }
        if (!errors.hasFieldErrors("observedAt")) {
            try {
                // a minute's grace: the form's default is "now" to the minute, and clocks differ a little
                if (observedAtIn(zone).isAfter(now.plus(1, ChronoUnit.MINUTES))) {
                    errors.rejectValue("observedAt", "weather.form.observed-at.future");
                }
            } catch (DateTimeParseException e) {
                errors.rejectValue("observedAt", "weather.form.observed-at.format");
            }
        }
    }

    /** Whether {@code observedAt} is a local date-time at all (empty counts: the field is then simply blank). */
    public boolean observedAtReadable() {
        if (observedAt == null || observedAt.isBlank()) {
            return true;
        }
        try {
            LocalDateTime.parse(observedAt.strip());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    BigDecimal temperatureValue() {
        return new BigDecimal(temperature.strip().replace('−', '-').replace(',', '.'));
    }

    WeatherCondition conditionValue() {
        return WeatherCondition.ofKey(condition).orElseThrow();
    }

    Instant observedAtIn(ZoneId zone) {
        return LocalDateTime.parse(observedAt.strip()).atZone(zone).toInstant();
    }
}
