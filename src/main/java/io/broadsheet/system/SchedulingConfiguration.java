package io.broadsheet.system;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the {@code @Scheduled} jobs (such as the weather refresh, and Spring Session's clean-up of expired
 * sessions). {@code broadsheet.scheduling.enabled=false} turns every job off, as the tests do: they call a job's
 * method themselves when they need it to run.
 *
 * <p>The switch is read when the application starts, not when it is built: the jobs are still registered, but
 * handed to a scheduler that never runs anything. (A bean that exists or not by a property would be decided once
 * and for all by the ahead-of-time build, see "Performance" in the README.)
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration implements SchedulingConfigurer {

    private final boolean enabled;

    SchedulingConfiguration(@Value("${broadsheet.scheduling.enabled:true}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!enabled) {
            registrar.setTaskScheduler(new NoScheduler());
        }
    }

    /** Takes every job and runs none: each comes back as a job that was cancelled before it ran. */
    static final class NoScheduler implements TaskScheduler {

        @Override
        public ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
            return Cancelled.INSTANCE;
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
            return Cancelled.INSTANCE;
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
            return Cancelled.INSTANCE;
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
            return Cancelled.INSTANCE;
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
            return Cancelled.INSTANCE;
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
            return Cancelled.INSTANCE;
        }
    }

    private static final class Cancelled implements ScheduledFuture<Object> {

        static final Cancelled INSTANCE = new Cancelled();

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return true;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            throw new CancellationException("scheduling is switched off");
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return get();
        }
    }
}
