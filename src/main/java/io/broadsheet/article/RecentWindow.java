package io.broadsheet.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * How far back the "newest first" questions look first. A database can only hand out the newest stories of a
 * listing cheaply if it reads them from an index in that order; H2 does so only from an index whose columns and
 * directions are the query's ORDER BY (it never walks one backwards). The front page, a section, their feeds and
 * related news' newest in the section now have such indexes (migration V6) and stop at a full page. A tag's
 * stories have no such index (their publish times are in another table): on a large archive (at least
 * {@code broadsheet.listings.large-archive} stories) a tag's listing and feed walk the public stories of the last
 * {@value #DAYS} days in publication order, asking each whether it has the tag, and stop at a full page; only when
 * those do not fill it are the tag's stories of the whole archive found from the tag and sorted (a rare tag's few).
 * Listings, feeds and related news all go through the same rule. A small archive is always asked whole, in one
 * statement.
 */
@Component
public class RecentWindow {

    static final int DAYS = 30;

    /** Before any publish time the newsroom accepts (from 1900): "the whole archive". */
    public static final Instant WHOLE_ARCHIVE = Instant.parse("1800-01-01T00:00:00Z");

    private static final Duration RECOUNT_AT_MOST_EVERY = Duration.ofHours(1);

    private final ArticleRepository articles;
    private final Clock clock;
    private final long largeFrom;
    private volatile boolean large;
    private volatile Instant counted = Instant.MIN;

    RecentWindow(ArticleRepository articles, Clock clock,
            @Value("${broadsheet.listings.large-archive:20000}") long largeFrom) {
        this.articles = articles;
        this.clock = clock;
        this.largeFrom = largeFrom;
    }

    /** Where a newest-first question starts looking: {@link #WHOLE_ARCHIVE}, or {@value #DAYS} days ago. */
    public Instant since(Instant now) {
        return large ? now.minus(Duration.ofDays(DAYS)) : WHOLE_ARCHIVE;
    }

    /** Whether a question asked {@code since} then is already one of the whole archive. */
    public static boolean isWholeArchive(Instant since) {
        return since.equals(WHOLE_ARCHIVE);
    }

    /** Whether an answer asked {@code since} then must be asked again of the whole archive. */
    public static boolean wholeArchiveNeeded(Instant since, boolean filled) {
        return !filled && !isWholeArchive(since);
    }

    @EventListener(ApplicationReadyEvent.class)
    void count() {
        counted = clock.instant();
        large = articles.count() >= largeFrom;
    }

    /** An archive grows by publishing: counted again after a change, at most once an hour. */
    @TransactionalEventListener(fallbackExecution = true)
    void recountAfterChange(ArticleChanged change) {
        if (!large && counted.plus(RECOUNT_AT_MOST_EVERY).isBefore(clock.instant())) {
            count();
        }
    }
}
