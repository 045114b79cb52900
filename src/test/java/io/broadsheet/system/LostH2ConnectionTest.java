package io.broadsheet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride.Override;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.JpaSystemException;

/**
 * H2's ways of saying that a connection's database has gone, as its driver makes them: the request is answered as
 * an outage ({@link DatabaseOutage}) and the pool drops the connection ({@link LostConnectionEviction}); any other
 * failure is neither. {@link DatabaseOutageH2Test} shows both on a running site.
 */
class LostH2ConnectionTest {

    private final LostConnectionEviction pool = new LostConnectionEviction();

    /** A statement on a connection to an H2 server cut mid-way: "IO Exception", the I/O exception only named. */
    @Test
    void anIoFailureWithNothingUnderneathIsAnOutageAndTheConnectionIsDropped() {
        SQLException cut = h2(ErrorCode.IO_EXCEPTION_1);
        assertThat(cut.getCause()).isNull();

        assertThat(DatabaseOutage.explains(
                new JpaSystemException(new GenericJDBCException("Could not prepare statement", cut)))).isTrue();
        assertThat(pool.adjudicate(cut)).isEqualTo(Override.MUST_EVICT);
    }

    @Test
    void aBrokenOrClosedConnectionIsDroppedAtOnce() {
        for (int code : new int[] {ErrorCode.CONNECTION_BROKEN_1, ErrorCode.DATABASE_IS_CLOSED,
                ErrorCode.DATABASE_CALLED_AT_SHUTDOWN, ErrorCode.IO_EXCEPTION_2}) {
            SQLException gone = h2(code);
            assertThat(pool.adjudicate(gone)).as(gone.getMessage()).isEqualTo(Override.MUST_EVICT);
            assertThat(DatabaseOutage.explains(gone)).as(gone.getMessage()).isTrue();
        }
    }

    @Test
    void anyOtherFailureIsLeftToThePoolAndIsNoOutage() {
        for (int code : new int[] {ErrorCode.DUPLICATE_KEY_1, ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1,
                ErrorCode.STATEMENT_WAS_CANCELED, ErrorCode.OBJECT_CLOSED}) {
            SQLException other = h2(code);
            assertThat(pool.adjudicate(other)).as(other.getMessage()).isEqualTo(Override.CONTINUE_EVICT);
            assertThat(DatabaseOutage.explains(new JpaSystemException(new GenericJDBCException("failed", other))))
                    .as(other.getMessage()).isFalse();
        }
        // another driver's failure with the same number is not H2 speaking
        SQLException elsewhere = new SQLException("disk quota", "90028", 90028);
        assertThat(pool.adjudicate(elsewhere)).isEqualTo(Override.CONTINUE_EVICT);
        assertThat(DatabaseOutage.explains(elsewhere)).isFalse();
    }

    private static SQLException h2(int code) {
        return DbException.getJdbcSQLException(code, "localhost:9092");
    }
}
