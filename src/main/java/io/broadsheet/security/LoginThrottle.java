package io.broadsheet.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Five failed sign-ins within fifteen minutes, for one account or from one address, pause sign-in for that
 * account or address for fifteen minutes. Kept in the database, so every instance of the site sees the same
 * count; an administrator can lift a pause.
 */
@Service
@Transactional
public class LoginThrottle {

    static final int LIMIT = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration PAUSE = Duration.ofMinutes(15);

    public record Pause(String subject, Instant until) {

        public boolean isAccount() {
            return subject.startsWith("user:");
        }

        public String name() {
            return subject.substring(subject.indexOf(':') + 1);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    static String account(String username) {
        return "user:" + username;
    }

    static String address(String address) {
        return "address:" + address;
    }

    @Transactional(readOnly = true)
    public boolean isPaused(String username, String address) {
        return jdbc.sql("select count(*) from login_lock where subject in (:subjects) and locked_until > :now")
                .param("subjects", List.of(account(username), address(address)))
                .param("now", at(clock.instant()))
                .query(Long.class).single() > 0;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        for (String subject : List.of(account(username), address(address))) {
            jdbc.sql("delete from login_failure where subject = :subject and failed_at <= :before")
                    .param("subject", subject).param("before", at(now.minus(WINDOW))).update();
            jdbc.sql("insert into login_failure (subject, failed_at) values (:subject, :now)")
                    .param("subject", subject).param("now", at(now)).update();
            long recent = jdbc.sql("select count(*) from login_failure where subject = :subject")
                    .param("subject", subject).query(Long.class).single();
            if (recent >= LIMIT) {
                jdbc.sql("delete from login_lock where subject = :subject").param("subject", subject).update();
                jdbc.sql("insert into login_lock (subject, locked_until) values (:subject, :until)")
                        .param("subject", subject).param("until", at(now.plus(PAUSE))).update();
            }
        }
    }

    public void succeeded(String username) {
        jdbc.sql("delete from login_failure where subject = :subject").param("subject", account(username)).update();
    }

    @Transactional(readOnly = true)
    public List<Pause> activePauses() {
        return jdbc.sql("select subject, locked_until from login_lock where locked_until > :now order by subject")
                .param("now", at(clock.instant()))
                .query((rs, row) -> new Pause(rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Lifts a pause and forgets the failures behind it. */
    public void lift(String subject) {
        jdbc.sql("delete from login_lock where subject = :subject").param("subject", subject).update();
        jdbc.sql("delete from login_failure where subject = :subject").param("subject", subject).update();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
