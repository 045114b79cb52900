package io.broadsheet.speed;

import java.io.IOException;

import jakarta.persistence.EntityManagerFactory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For the benchmark only ({@code broadsheet.bench.log-sql=true}, with {@code broadsheet.bench.count-sql=true}): logs
 * one line per request with the SQL statements it ran, counted on the JDBC connection, and Hibernate's own count
 * of prepared statements (from its statistics, when {@code hibernate.generate_statistics} is on; that count is
 * global, so it is exact only while one request runs at a time, as when the benchmark asks). Nothing of this is
 * served: the figures are in the log.
 */
@Component
@ConditionalOnBooleanProperty("broadsheet.bench.log-sql")
class SqlStatementLog extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SqlStatementLog.class);

    private final Statistics statistics;

    SqlStatementLog(EntityManagerFactory entityManagers) {
        this.statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SqlStatementCount.reset();
        long hibernateBefore = statistics.getPrepareStatementCount();
        try {
            chain.doFilter(request, response);
        } finally {
            String query = request.getQueryString();
            log.info("sql-statements {} {}{} status={} jdbc={} hibernate={}", request.getMethod(),
                    request.getRequestURI(), query == null ? "" : "?" + query, response.getStatus(),
                    SqlStatementCount.current(),
                    statistics.isStatisticsEnabled() ? statistics.getPrepareStatementCount() - hibernateBefore : "off");
        }
    }
}
