package io.broadsheet.weather;

/** A new weather reading is what the masthead shows from now on. */
public record WeatherRecorded() {
}
