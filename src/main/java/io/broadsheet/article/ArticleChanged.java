package io.broadsheet.article;

/** A story was created, edited, published, unpublished, archived or deleted. */
public record ArticleChanged(Long articleId) {
}
