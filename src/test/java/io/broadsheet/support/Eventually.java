package io.broadsheet.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for what happens in the background (the search outbox is processed after the commit, by another thread):
 * asks again every tenth of a second. Tests assert what was seen, never how long it took.
 */
public final class Eventually {

    /** Long enough for a slow, busy build machine; a pass takes well under a second. */
    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private Eventually() {
    }

    /** The first value from the supplier that passes the test, or the last one seen when {@link #PATIENCE} runs out. */
    public static <T> T value(Supplier<T> supplier, Predicate<T> test) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T value = supplier.get();
        while (!test.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            value = supplier.get();
        }
        return value;
    }
}
