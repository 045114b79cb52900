package io.broadsheet.weather;

/** The provider gave no usable reading this time: down, slow, refusing, or answering nonsense. */
class WeatherUnavailableException extends RuntimeException {

    WeatherUnavailableException(String message) {
        super(message);
    }

    WeatherUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
