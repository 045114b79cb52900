package io.broadsheet.article;

import java.time.Instant;
import java.util.List;

/**
 * Which public stories read most like a given one. The search feature answers it from its full-text index; the
 * article feature only asks, so it does not depend on how (or whether) the text is indexed.
 */
public interface ContentSimilarity {

    /**
     * Up to {@code limit} stories public at {@code now} whose text is most like {@code text}, most alike first,
     * never the story itself.
     */
    List<Alike> similarTo(long articleId, String text, Instant now, int limit);

    /** A story and how alike it is, relative to the story itself (1.0 is "as alike as itself"). */
    record Alike(long articleId, double likeness) {
    }
}
