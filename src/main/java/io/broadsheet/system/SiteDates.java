package io.broadsheet.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Dates as readers see them, always in the site's time zone: templates call it as {@code @siteDates}.
 */
@Component
public class SiteDates {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMMM d, yyyy, HH:mm", Locale.ENGLISH);

    private final Clock clock;
    private final ZoneId zone;

    SiteDates(Clock clock, SiteProperties site) {
        this.clock = clock;
        this.zone = site.timeZone();
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** "Wednesday, November 29, 2023" */
    public String longDate(LocalDate date) {
        return LONG_DATE.format(date);
    }

    /** "Wednesday, November 29, 2023" */
    public String longDate(Instant instant) {
        return LONG_DATE.format(instant.atZone(zone));
    }

    /** "August 13, 2021" */
    public String date(Instant instant) {
        return DATE.format(instant.atZone(zone));
    }

    /** "August 13, 2021, 10:00" */
    public String dateTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    /** For {@code <time datetime>}: the instant with the site's offset. */
    public String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).withNano(0));
    }
}
