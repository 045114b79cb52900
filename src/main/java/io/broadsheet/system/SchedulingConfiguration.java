package io.broadsheet.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the {@code @Scheduled} jobs (such as the weather refresh). {@code broadsheet.scheduling.enabled=false}
 * turns every job off, as the tests do: they call a job's method themselves when they need it to run.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "broadsheet.scheduling.enabled", matchIfMissing = true)
class SchedulingConfiguration {
}
