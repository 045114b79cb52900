package io.broadsheet.system;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the connection pool to drop an H2 connection whose database has gone, at the first failure, as it already
 * does for a PostgreSQL one (SQL state class 08). Otherwise the dead connection goes back into the pool, and the
 * pool checks a connection before handing it out only when it has been idle for half a second: under a steady
 * stream of requests the same dead connections keep being handed out after the database is back, and the site
 * does not recover. Set by {@code spring.datasource.hikari.exception-override-class-name}; every other failure is
 * left to the pool's own rules.
 */
public class LostConnectionEviction implements SQLExceptionOverride {

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException failure) {
        return DatabaseOutage.isLostH2Connection(failure) ? SQLExceptionOverride.Override.MUST_EVICT
                : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
