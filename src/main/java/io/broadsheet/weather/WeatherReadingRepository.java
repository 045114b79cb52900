package io.broadsheet.weather;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface WeatherReadingRepository extends JpaRepository<WeatherReading, Long> {

    Optional<WeatherReading> findFirstByOrderByObservedAtDescIdDesc();
}
