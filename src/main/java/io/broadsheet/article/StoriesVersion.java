package io.broadsheet.article;

import java.time.Duration;
import java.time.Instant;

import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A number that moves on whenever what readers may see of the stories may have changed; the reader caches of
 * stories, listings and related news are keyed by it.
 *
 * <p>It moves on at once when a story saved on this instance commits, and otherwise at most once a minute, when
 * the first request of a new minute finds (in one indexed statement) a story that became public since the last
 * look (a scheduled one coming due) or one saved since a minute before it (through another instance: the minute
 * of slack covers a commit that took a while and clocks a little apart). A save stamped later than a minute from
 * now (a clock further ahead) counts once this clock has caught up with it. Before, those caches were keyed by the
 * minute and asked the database again every minute whether or not anything had changed: on a large archive the
 * front page's listing then cost a slow query once a minute, which every reader arriving meanwhile waited for.
 */
@Component
class StoriesVersion {

    /** How far back a save by another instance is looked for, beyond the last look. */
    static final Duration SLACK = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(StoriesVersion.class);

    private final ArticleRepository articles;
    private final ReentrantLock looking = new ReentrantLock();

    private volatile long version;
    private volatile long lookedInMinute = Long.MIN_VALUE;
    /** When the database was last asked successfully. */
    private Instant lookedAt;

    StoriesVersion(ArticleRepository articles) {
        this.articles = articles;
    }

    /**
     * The version for what is public at {@code now}. A request that comes while another is asking the database
     * takes the version as it stands (that request's answer is a moment older) rather than waiting in line.
     */
    long at(Instant now) {
        long minute = Math.floorDiv(now.getEpochSecond(), 60);
        if (minute != lookedInMinute && looking.tryLock()) {
            try {
                if (minute != lookedInMinute) {
                    look(now, minute);
                }
            } finally {
                looking.unlock();
            }
        }
        return version;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void storyChanged(ArticleChanged change) {
        looking.lock();
        try {
            version++;
        } finally {
            looking.unlock();
        }
    }

    private void look(Instant now, long minute) {
        try {
            // A clock set back (or a first look) cannot reuse anything: what was public then may not be now.
            if (lookedAt == null || now.isBefore(lookedAt)
                    || !articles.anyChange(lookedAt.minus(SLACK), now.plus(SLACK), lookedAt, now).isEmpty()) {
                version++;
            }
            lookedAt = now;
        } catch (RuntimeException e) {
            // The database cannot be asked (an outage, see system/DatabaseOutage): what is kept stays in use, and
            // the next minute's look covers everything since the last one that worked.
            log.warn("Could not look for changed stories: {}", e.toString());
        }
        lookedInMinute = minute;
    }
}
