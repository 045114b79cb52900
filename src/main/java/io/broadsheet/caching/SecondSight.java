package io.broadsheet.caching;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which keys a cache was asked about before, roughly, so that it keeps a page only when it is asked for a second
 * time: a page asked for once (most searches, each with a reader's own words) is then neither copied nor
 * compressed nor held, and does not push out pages that readers come back to. Without it every such page went
 * into the caches, lived long enough to be moved to the old generation of the heap and died there, and the heap
 * grew by the caches' whole size to make room.
 *
 * <p>A fixed table of fingerprints, nothing allocated per key. A key whose slot another key has taken since counts
 * as new again (the page is made once more), and two keys with the same fingerprint count as one (a page is kept
 * that did not need to be): either way a little work, never a wrong page.
 */
final class SecondSight {

    private final AtomicLongArray fingerprints;
    private final int mask;

    /** {@code slots}: how many keys are remembered at most (rounded up to a power of two). */
    SecondSight(int slots) {
        int size = Integer.highestOneBit(Math.max(1, slots - 1)) << 1;
        this.fingerprints = new AtomicLongArray(size);
        this.mask = size - 1;
    }

    /** Whether this key was asked about before; if not, it is remembered now. */
    boolean seenBefore(Object key) {
        // the hash spread over 64 bits (never 0, which marks an empty slot); its high bits pick the slot
        long fingerprint = (key.hashCode() * 0x9E3779B97F4A7C15L) | 1;
        int slot = (int) (fingerprint >>> 40) & mask;
        if (fingerprints.get(slot) == fingerprint) {
            return true;
        }
        fingerprints.set(slot, fingerprint);
        return false;
    }
}
