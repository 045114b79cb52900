package io.broadsheet.newsroom;

import java.time.Instant;

import io.broadsheet.article.ArticleStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One save of a story: who, when, and every field as it was then. Revisions are never changed or deleted. */
@Entity
public class ArticleRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "article_id")
    private long articleId;

    private int number;

    private String savedBy;

    private Instant savedAt;

    private String slug;

    private String headline;

    private String standfirst;

    private String body;

    private String byline;

    private String dateline;

    private String sectionName;

    private String tagNames;

    @Enumerated(EnumType.STRING)
    private ArticleStatus status;

    private Instant publishedAt;

    private String note;

    protected ArticleRevision() {
    }

    ArticleRevision(long articleId, int number, String savedBy, Instant savedAt, ArticleSnapshot snapshot,
            String note) {
        this.articleId = articleId;
        this.number = number;
        this.savedBy = savedBy;
        this.savedAt = savedAt;
        this.slug = snapshot.slug();
        this.headline = snapshot.headline();
        this.standfirst = snapshot.standfirst();
        this.body = snapshot.body();
        this.byline = snapshot.byline();
        this.dateline = snapshot.dateline();
        this.sectionName = snapshot.sectionName();
        this.tagNames = snapshot.tagNames();
        this.status = snapshot.status();
        this.publishedAt = snapshot.publishedAt();
        this.note = note;
    }

    public ArticleSnapshot snapshot() {
        return new ArticleSnapshot(slug, headline, standfirst, body, byline, dateline, sectionName, tagNames, status,
                publishedAt);
    }

    long getArticleId() {
        return articleId;
    }

    public int getNumber() {
        return number;
    }

    public String getSavedBy() {
        return savedBy;
    }

    public Instant getSavedAt() {
        return savedAt;
    }

    public String getNote() {
        return note;
    }
}
