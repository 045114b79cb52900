package io.broadsheet.article;

/**
 * Where an article stands. "Scheduled" is not a status of its own: it is PUBLISHED with a publish time still in
 * the future, so a story goes live when the clock passes that time, without any job having to run.
 */
public enum ArticleStatus {
    DRAFT, PUBLISHED, ARCHIVED
}
