package io.broadsheet.search;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Searches take turns: at most {@link SearchProperties#concurrentSearches()} run at once, the others wait, first
 * come first served. A search is CPU work: eight at once on two processors each took four times as long, and a slow
 * one (two words most stories contain) slowed every other for the whole of its time; in turn, each runs at full
 * speed and a slow one delays only those behind it.
 */
@Component
class SearchTurns {

    private final Semaphore turns;
    private final long waitNanos;

    SearchTurns(SearchProperties properties) {
        this.turns = new Semaphore(properties.concurrentSearches(), true);
        this.waitNanos = Math.max(0, properties.waitForTurn().toNanos());
    }

    /** Waits for a turn, at most {@link SearchProperties#waitForTurn()}; false when none came. */
    boolean take() throws InterruptedException {
        return turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
    }

    /** Ends a turn that {@link #take()} gave. */
    void giveBack() {
        turns.release();
    }
}
