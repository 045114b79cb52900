package io.broadsheet.weather;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The unit the masthead shows temperatures in. Readings are always stored in Celsius. */
public enum TemperatureUnit {
    CELSIUS("°C"),
    FAHRENHEIT("°F");

    private static final BigDecimal NINE_FIFTHS = new BigDecimal("1.8");
    private static final BigDecimal THIRTY_TWO = new BigDecimal("32");

    private final String symbol;

    TemperatureUnit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** A Celsius value in this unit, to one decimal place. */
    BigDecimal fromCelsius(BigDecimal celsius) {
        BigDecimal value = this == FAHRENHEIT ? celsius.multiply(NINE_FIFTHS).add(THIRTY_TWO) : celsius;
        return value.setScale(1, RoundingMode.HALF_UP);
    }

    /** A value in this unit as Celsius, to the one decimal place the database keeps. */
    BigDecimal toCelsius(BigDecimal value) {
        BigDecimal celsius = this == FAHRENHEIT
                ? value.subtract(THIRTY_TWO).divide(NINE_FIFTHS, 10, RoundingMode.HALF_UP) : value;
        return celsius.setScale(1, RoundingMode.HALF_UP);
    }

    /** "4.8 °C", "40.6 °F" */
    String format(BigDecimal celsius) {
        return fromCelsius(celsius).toPlainString() + " " + symbol;
    }
}
