package io.broadsheet.system;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With several instances on one database, each would run every scheduled job. A job runs its work through the
 * {@link LockingTaskExecutor}, which first takes the job's row in the {@code shedlock} table (migration V4): the
 * instance that gets it runs the job, the others skip that turn. Times are the database's, so instances with
 * drifting clocks agree. Always on, also when a test calls a job's method itself: the lock is released when the
 * work returns. (ShedLock's {@code @SchedulerLock} would do the same through an AOP advisor, which looks through
 * every method of every bean at each start; for one job, the executor is called directly.)
 */
@Configuration(proxyBeanMethods = false)
class ScheduledJobLocks {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }

    @Bean
    LockingTaskExecutor lockingTaskExecutor(LockProvider lockProvider) {
        return new DefaultLockingTaskExecutor(lockProvider);
    }
}
