package io.broadsheet.caching;

import java.time.Instant;

/** A model value that knows when what the page shows last changed; its page then sends Last-Modified. */
public interface LastModified {

    /** {@code null} when the page has no single modification time. */
    Instant lastModified();
}
