package io.broadsheet.newsroom;

import java.time.Instant;
import java.util.stream.Collectors;

import io.broadsheet.article.Article;
import io.broadsheet.article.ArticleStatus;
import io.broadsheet.section.Tag;

/** Every field of a story at one moment: what a revision keeps and what the diff compares. */
public record ArticleSnapshot(String slug, String headline, String standfirst, String body, String byline,
        String dateline, String sectionName, String tagNames, ArticleStatus status, Instant publishedAt) {

    static ArticleSnapshot of(Article article) {
        return new ArticleSnapshot(article.getSlug(), article.getHeadline(), article.getStandfirst(),
                article.getBody(), article.getByline(), article.getDateline(), article.getSection().getName(),
                article.getTags().stream().map(Tag::getName).collect(Collectors.joining(", ")),
                article.getStatus(), article.getPublishedAt());
    }
}
