package io.broadsheet.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A slug a published story used to have: links to it answer 301 to the story's current address. */
@Entity
class ArticleSlugAlias {

    @Id
    private String slug;

    @Column(name = "article_id")
    private Long articleId;

    protected ArticleSlugAlias() {
    }

    ArticleSlugAlias(String slug, Long articleId) {
        this.slug = slug;
        this.articleId = articleId;
    }

    Long getArticleId() {
        return articleId;
    }
}
