package io.broadsheet.weather;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One observation of the weather where the paper is published. Kept in Celsius; shown in the site's unit. */
@Entity
class WeatherReading {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String locationName;

    @Column(name = "temperature_celsius")
    private BigDecimal temperatureCelsius;

    private String condition;

    private Instant observedAt;

    protected WeatherReading() {
    }

    WeatherReading(String locationName, BigDecimal temperatureCelsius, String condition, Instant observedAt) {
        this.locationName = locationName;
        this.temperatureCelsius = temperatureCelsius;
        this.condition = condition;
        this.observedAt = observedAt;
    }

    String getLocationName() {
        return locationName;
    }

    BigDecimal getTemperatureCelsius() {
        return temperatureCelsius;
    }

    String getCondition() {
        return condition;
    }

    Instant getObservedAt() {
        return observedAt;
    }

    /** The same observation: place, time, temperature and condition. */
    boolean sameAs(WeatherReading other) {
        return Objects.equals(locationName, other.locationName) && Objects.equals(observedAt, other.observedAt)
                && temperatureCelsius.compareTo(other.temperatureCelsius) == 0
                && Objects.equals(condition, other.condition);
    }
}
