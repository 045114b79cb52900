package io.broadsheet.weather;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With several instances, the refresh runs on one of them at a time: while another instance holds the job's
 * ShedLock row, a refresh here does nothing and the provider is not called; once released, the next one runs.
 */
@WeatherSiteTest
class WeatherRefreshRunsOnceTest {

    @Autowired
    WeatherRefresh refresh;

    @Autowired
    LockProvider locks;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void freshFake() throws Exception {
        FakeOpenMeteo.reset();
    }

    @Test
    void aRefreshWhileAnotherInstanceHoldsTheLockIsSkipped() throws Exception {
        Optional<SimpleLock> heldElsewhere = locks.lock(new LockConfiguration(Instant.now(), WeatherRefresh.JOB_NAME,
                Duration.ofMinutes(5), Duration.ZERO));
        assertThat(heldElsewhere).isPresent();
        int before = FakeOpenMeteo.server().getRequestCount();

        refresh.refresh();
        assertThat(FakeOpenMeteo.server().getRequestCount()).isEqualTo(before);

        heldElsewhere.get().unlock();
        FakeOpenMeteo.answerReading("9.5", 0, FakeOpenMeteo.nextObservationTime());
        refresh.refresh();
        assertThat(FakeOpenMeteo.server().getRequestCount()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select count(*) from shedlock where name = ?", Integer.class,
                WeatherRefresh.JOB_NAME)).isEqualTo(1);
    }
}
