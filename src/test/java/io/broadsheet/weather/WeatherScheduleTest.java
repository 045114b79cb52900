package io.broadsheet.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * The refresh does run on its own when scheduling is on (it is off in the test profile): here a test asks for it,
 * in a small context without the web site, with a refresh of 100 ms.
 */
class WeatherScheduleTest {

    static final OpenMeteoClient provider = mock(OpenMeteoClient.class);
    static final LatestWeather latest = mock(LatestWeather.class);

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @EnableConfigurationProperties(WeatherProperties.class)
    static class Job {

        @Bean
        WeatherRefresh weatherRefresh(WeatherProperties properties) {
            // no database here: a lock that is always granted
            return new WeatherRefresh(provider, latest, properties, Clock.systemUTC(),
                    new DefaultLockingTaskExecutor(lock -> Optional.of(() -> { })));
        }
    }

    @Test
    void theRefreshRunsEveryConfiguredDelayWhenScheduled() {
        when(provider.current()).thenReturn(new OpenMeteoClient.Observation(new BigDecimal("3.0"), null,
                Instant.parse("2023-11-29T07:00:00Z")));

        new ApplicationContextRunner().withUserConfiguration(Job.class)
                .withPropertyValues("broadsheet.weather.refresh=100ms")
                .run(context -> {
                    var tasks = context.getBean(ScheduledTaskHolder.class).getScheduledTasks();
                    assertThat(tasks).singleElement().satisfies(task -> {
                        assertThat(task.getTask()).isInstanceOf(FixedDelayTask.class);
                        assertThat(((FixedDelayTask) task.getTask()).getIntervalDuration())
                                .isEqualTo(Duration.ofMillis(100));
                        assertThat(task.toString()).contains("WeatherRefresh.refresh");
                    });
                    verify(provider, timeout(10_000).atLeast(2)).current();
                    verify(latest, atLeast(2)).record(any(), any(), any());
                });
    }
}
