package io.broadsheet.weather;

import java.util.Arrays;
import java.util.Optional;

/**
 * The sky in a word, as the masthead shows it: stored by {@link #key()}, labelled by the message
 * {@code weather.condition.<key>}, drawn with a Unicode symbol that screen readers skip (the label is read).
 * The symbols are plain text ones that common system fonts carry (DejaVu, Segoe UI Symbol), not emoji, so that a
 * machine without an emoji font draws them too.
 */
public enum WeatherCondition {
    CLEAR("clear", "☀"),
    PARTLY_CLOUDY("partly-cloudy", "☀☁"),
    CLOUDY("cloudy", "☁"),
    FOG("fog", "≋"),
    DRIZZLE("drizzle", "☂"),
    RAIN("rain", "☔"),
    SNOW("snow", "❄"),
    SHOWERS("showers", "☀☔"),
    THUNDERSTORM("thunderstorm", "⚡");

    private final String key;
    private final String symbol;

    WeatherCondition(String key, String symbol) {
        this.key = key;
        this.symbol = symbol;
    }

    public String key() {
        return key;
    }

    public String symbol() {
        return symbol;
    }

    /** The condition stored as {@code key}; empty for none or for a key this version does not know. */
    static Optional<WeatherCondition> ofKey(String key) {
        return Arrays.stream(values()).filter(condition -> condition.key.equals(key)).findFirst();
    }

    /**
     * The condition for a WMO weather interpretation code, as Open-Meteo's {@code weather_code} gives it; empty
     * for a code outside the WMO table.
     */
    static Optional<WeatherCondition> ofWmoCode(int code) {
        return Optional.ofNullable(switch (code) {
            case 0 -> CLEAR;
            case 1, 2 -> PARTLY_CLOUDY;
            case 3 -> CLOUDY;
            case 45, 48 -> FOG;
            case 51, 53, 55, 56, 57 -> DRIZZLE;
            case 61, 63, 65, 66, 67 -> RAIN;
            case 71, 73, 75, 77, 85, 86 -> SNOW;
            case 80, 81, 82 -> SHOWERS;
            case 95, 96, 99 -> THUNDERSTORM;
            default -> null;
        });
    }
}
