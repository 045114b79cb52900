package io.broadsheet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import io.broadsheet.support.Eventually;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * {@code broadsheet.scheduling.enabled} switches every scheduled job on (the default) or off (the tests), read at
 * start-up: a job every 10 ms runs, or never runs.
 */
class SchedulingConfigurationTest {

    static class Job {

        final AtomicInteger runs = new AtomicInteger();

        @Scheduled(fixedDelay = 10)
        void run() {
            runs.incrementAndGet();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class JobConfiguration {

        @Bean
        Job job() {
            return new Job();
        }
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SchedulingConfiguration.class, JobConfiguration.class);

    @Test
    void scheduledJobsRunByDefault() {
        runner.run(context -> {
            AtomicInteger runs = context.getBean(Job.class).runs;
            assertThat(Eventually.value(runs::get, count -> count > 2)).isGreaterThan(2);
        });
    }

    @Test
    void noScheduledJobRunsWhenSwitchedOff() {
        runner.withPropertyValues("broadsheet.scheduling.enabled=false").run(context -> {
            // the job is known, as it would be with scheduling on, and is handed to a scheduler that never runs it
            assertThat(context.getBean(ScheduledTaskHolder.class).getScheduledTasks()).singleElement()
                    .satisfies(task -> assertThat(task.nextExecution()).isNull());
            Thread.sleep(300);
            assertThat(context.getBean(Job.class).runs).hasValue(0);
        });
    }
}
