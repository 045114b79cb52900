package io.broadsheet.search;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * Searches take turns: at most {@link SearchProperties#concurrentSearches()} run at once, the others wait, first
 * come first served. A search is CPU work: eight at once on two processors each took four times as long, and a slow
 * one (two words most stories contain) slowed every other for the whole of its time; in turn, each runs at full
 * speed and a slow one delays only those behind it.
 *
 * <p>At most {@link SearchProperties#maxWaiting()} wait at once; a search beyond them is told at once that search
 * is busy. A waiting search holds one of the web server's threads, so this keeps a flood of searches from taking
 * all of them from the readers of every other page.
 */
@Component
class SearchTurns implements MeterBinder {

    private final Semaphore turns;
    private final long waitNanos;
    private final int maxWaiting;

    SearchTurns(SearchProperties properties) {
        this.turns = new Semaphore(properties.concurrentSearches(), true);
        this.waitNanos = Math.max(0, properties.waitForTurn().toNanos());
        this.maxWaiting = Math.max(0, properties.maxWaiting());
    }

    /**
     * Waits for a turn, at most {@link SearchProperties#waitForTurn()}; false when none came, or when as many
     * searches as may wait are waiting and no turn is free.
     */
    boolean take() throws InterruptedException {
        if (turns.getQueueLength() >= maxWaiting) {
            return turns.tryAcquire();
        }
        return turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
    }

    /** Ends a turn that {@link #take()} gave. */
    void giveBack() {
        turns.release();
    }

    /** How many searches are waiting for a turn now (an estimate, as the threads come and go). */
    int waiting() {
        return turns.getQueueLength();
    }

    /** Searches waiting for their turn as broadsheet_search_waiting on /actuator/prometheus. */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("broadsheet.search.waiting", this, SearchTurns::waiting)
                .description("Searches waiting for their turn (broadsheet.search.concurrent run at once)")
                .register(registry);
    }
}
