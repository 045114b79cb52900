package io.broadsheet.search;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Searches take turns: at most {@link SearchProperties#concurrentSearches()} run at once, the others wait, first
 * come first served. A search is CPU work: eight at once on two processors each took four times as long, and a slow
 * one (two words most stories contain) slowed every other for the whole of its time; in turn, each runs at full
 * speed and a slow one delays only those behind it.
 *
 * <p>A waiting search holds no thread: {@link #take()} answers with a future that completes when the turn is
 * handed to it, and the search then runs on one of the turns' own threads ({@link #searches()}, one per turn).
 * At most {@link SearchProperties#maxWaiting()} wait at once; a search beyond them is told at once that search is
 * busy, and one whose turn does not come within {@link SearchProperties#waitForTurn()} is told so then.
 */
@Component
class SearchTurns implements MeterBinder, DisposableBean {

    private final long waitNanos;
    private final int maxWaiting;
    private final ThreadPoolExecutor searches;

    /** Guards {@link #free} and {@link #waiting}. */
    private final Object lock = new Object();
    private int free;
    private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();

    SearchTurns(SearchProperties properties) {
        int concurrent = properties.concurrentSearches();
        this.free = concurrent;
        this.waitNanos = Math.max(0, properties.waitForTurn().toNanos());
        this.maxWaiting = Math.max(0, properties.maxWaiting());
        AtomicInteger numbers = new AtomicInteger();
        // At most one search per turn runs here, so no task ever queues for long; idle threads end after a minute.
        this.searches = new ThreadPoolExecutor(concurrent, concurrent, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "search-" + numbers.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.searches.allowCoreThreadTimeOut(true);
    }

    /**
     * A turn: a completed future when one is free now and nobody waits before it (the caller then searches on its
     * own thread), a future that completes when a turn is handed to it (exceptionally, with a
     * {@link java.util.concurrent.TimeoutException}, if none came within {@link SearchProperties#waitForTurn()}),
     * or {@code null} when as many searches as may wait are waiting. Whoever got a turn gives it back with
     * {@link #giveBack()}; a waiting search whose reader left cancels its future and gives nothing back.
     */
    CompletableFuture<Void> take() {
        CompletableFuture<Void> turn = new CompletableFuture<>();
        synchronized (lock) {
            if (free > 0 && waiting.isEmpty()) {
                free--;
                turn.complete(null);
                return turn;
            }
            if (waiting.size() >= maxWaiting) {
                return null;
            }
            waiting.addLast(turn);
        }
        turn.orTimeout(waitNanos, TimeUnit.NANOSECONDS).whenComplete((given, failure) -> {
            if (failure != null) {
                synchronized (lock) {
                    waiting.remove(turn);
                }
            }
        });
        return turn;
    }

    /** Ends a turn that {@link #take()} gave: hands it to the first search still waiting, if any. */
    void giveBack() {
        while (true) {
            CompletableFuture<Void> next;
            synchronized (lock) {
                next = waiting.pollFirst();
                if (next == null) {
                    free++;
                    return;
                }
            }
            // outside the lock: completing runs the waiting search's callbacks
            if (next.complete(null)) {
                return;
            }
            // it timed out or its reader left meanwhile: the turn goes to the one after it
        }
    }

    /** Where a search that waited for its turn runs, once the turn is handed to it. */
    Executor searches() {
        return searches;
    }

    /** How many searches are waiting for a turn now. */
    int waiting() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    /** Searches waiting for their turn as broadsheet_search_waiting on /actuator/prometheus. */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("broadsheet.search.waiting", this, SearchTurns::waiting)
                .description("Searches waiting for their turn (broadsheet.search.concurrent run at once)")
                .register(registry);
    }

    @Override
    public void destroy() {
        searches.shutdownNow();
    }
}
