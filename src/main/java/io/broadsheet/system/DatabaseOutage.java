package io.broadsheet.system;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that cannot be reached (refused, cut, the pool timing out waiting for a connection) from any
 * other failure, whichever layer wrapped it: such a request is answered 503 with the "back soon" page, not a 500.
 */
public final class DatabaseOutage {

    /**
     * Request attribute set on a request that failed because the database could not be reached; the 503 page
     * reads it by this name.
     */
    public static final String REQUEST_ATTRIBUTE = "databaseOutage";

    /** What the 503 answer suggests in {@code Retry-After}: about the time a restarted database takes. */
    static final int RETRY_AFTER_SECONDS = 30;

    /**
     * H2's error codes (its SQL states too) for a connection whose database has gone: broken (90067), database
     * closed (90098), session closed (90121), and an I/O failure (90028, 90031), which a connection to an H2
     * server cut mid-statement gives with the I/O exception named in the message but not attached as a cause.
     * None is in SQL state class 08, so neither this class nor the pool would know them otherwise.
     */
    private static final Set<Integer> H2_CONNECTION_LOST = Set.of(90028, 90031, 90067, 90098, 90121);

    private DatabaseOutage() {
    }

    /** True if {@code failure}, or anything that caused it, says the database could not be reached. */
    public static boolean explains(Throwable failure) {
        boolean underSql = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof JDBCConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            // SQL state class 08 is "connection exception" in the SQL standard, for drivers that use no subclass.
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (cause instanceof SQLException sql && isLostH2Connection(sql)) {
                return true;
            }
            // The connection refused to begin, commit or roll back: on a connection broken mid-query the pool has
            // closed it, the rollback fails, and Spring's transaction interceptor logs the query's connection
            // failure and throws this one in its place.
            if (cause instanceof TransactionException && cause.getCause() instanceof SQLException) {
                return true;
            }
            // A driver's I/O failure (H2 over TCP says "IO Exception: EOFException"); an I/O failure that is not
            // under an SQLException, such as the reader hanging up, is no outage.
            if (underSql && cause instanceof IOException) {
                return true;
            }
            underSql |= cause instanceof SQLException;
        }
        return false;
    }

    /** True if this is H2's driver saying that the connection's database has gone ({@link #H2_CONNECTION_LOST}). */
    static boolean isLostH2Connection(SQLException failure) {
        return failure.getClass().getName().startsWith("org.h2.")
                && H2_CONNECTION_LOST.contains(failure.getErrorCode());
    }

    /** True while the error page of a request that failed for want of the database is being rendered. */
    public static boolean isBehind(HttpServletRequest request) {
        return request.getAttribute(REQUEST_ATTRIBUTE) != null;
    }
}
