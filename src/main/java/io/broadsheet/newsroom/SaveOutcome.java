package io.broadsheet.newsroom;

import java.time.Instant;

/** What became of a save: stored, refused for a field, or refused because someone else saved first. */
sealed interface SaveOutcome {

    record Saved(long articleId, String slug, String state) implements SaveOutcome {
    }

    record FieldProblem(String field, String messageKey) implements SaveOutcome {
    }

    /** Someone saved the story after the editor opened it: theirs is the story as it is stored now. */
    record Conflict(ArticleForm theirs, long currentVersion, String savedBy, Instant savedAt) implements SaveOutcome {
    }
}
