package io.broadsheet.article;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import io.broadsheet.section.Section;
import io.broadsheet.section.Tag;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;

/**
 * A story. It is also a document of the full-text index (Hibernate Search): every save through JPA updates the
 * index in the same breath, so search and related news follow publishing, edits and unpublishing at once. Only
 * published stories are in the index ({@link IndexedWhenPublished}).
 */
@Entity
@Indexed(index = Article.SEARCH_INDEX, routingBinder = @RoutingBinderRef(type = IndexedWhenPublished.class))
@EntityListeners(ArticleChanges.class)
public class Article {

    /** Analyzer of the text fields: English stemming, so that "seized" finds "seize". */
    public static final String TEXT_ANALYZER = "english";

    /**
     * The search index's name, and its folder under the index root. The number moves on when the fields change in
     * a way an existing index cannot take (Lucene refuses a field whose options differ from what its segments
     * hold), or when what it holds changes (4: published stories only): a new name starts an empty index, which the
     * start-up check fills from the database.
     */
    public static final String SEARCH_INDEX = "article-4";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @KeywordField(projectable = Projectable.YES)
    private String slug;

    /** Searched, and kept in the index as written: a page of results shows it without reading the story's row. */
    @FullTextField(analyzer = TEXT_ANALYZER, projectable = Projectable.YES)
    private String headline;

    private String standfirst;

    /** Markdown, as the editor wrote it; rendered and sanitised on the way to a reader. */
    private String body;

    /** {@link #getBodyText()}, worked out once: indexing asks for it twice (the stored body, the searched text). */
    @Transient
    private String bodyText;

    /**
     * The standfirst, or else the body's first sentence: what listings show, kept so they never load bodies. Kept in
     * the search index too, for a result whose body has none of the words.
     */
    @GenericField(searchable = Searchable.NO, projectable = Projectable.YES)
    private String summary;

    private String byline;

    /** The place the story was filed from, shown before the date. */
    private String dateline;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "section_id")
    private Section section;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "article_tag", joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @OrderBy("name")
    private Set<Tag> tags = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    @KeywordField
    private ArticleStatus status = ArticleStatus.DRAFT;

    @GenericField
    private Instant publishedAt;

    private Instant createdAt;

    private Instant updatedAt;

    /** The member of staff who created the story (a writer may edit only their own drafts). */
    private Long authorId;

    @Version
    private long version;

    protected Article() {
    }

    public Article(String slug, String headline, String body, Section section, Instant now) {
        this.slug = slug;
        this.headline = headline;
        this.section = section;
        this.createdAt = now;
        this.updatedAt = now;
        setBody(body);
    }

    public void publishAt(Instant when) {
        this.status = ArticleStatus.PUBLISHED;
        this.publishedAt = when;
    }

    public boolean isVisibleAt(Instant now) {
        return isVisible(status, publishedAt, now);
    }

    /** The rule of {@link #isVisibleAt}, for a story read as columns rather than as an entity. */
    static boolean isVisible(ArticleStatus status, Instant publishedAt, Instant now) {
        return status == ArticleStatus.PUBLISHED && publishedAt != null && !publishedAt.isAfter(now);
    }

    /** Edited after it went out: readers are told when. */
    public boolean wasUpdatedAfterPublishing() {
        return publishedAt != null && updatedAt.isAfter(publishedAt);
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getHeadline() {
        return headline;
    }

    public void setHeadline(String headline) {
        this.headline = headline;
    }

    public String getStandfirst() {
        return standfirst;
    }

    public void setStandfirst(String standfirst) {
        this.standfirst = standfirst;
        this.summary = Summaries.of(standfirst, body);
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
        this.bodyText = null;
        this.summary = Summaries.of(standfirst, body);
    }

    /** The body as readers read it, without Markdown: kept in the index for the snippets of search results. */
    @GenericField(name = "body", searchable = Searchable.NO, projectable = Projectable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "body")))
    public String getBodyText() {
        if (bodyText == null) {
            bodyText = ArticleBody.toPlainText(body);
        }
        return bodyText;
    }

    /**
     * What a search looks in: the headline, the standfirst and the body as one text, so that each word of a search
     * is one list of stories to walk (Lucene can skip through it by the best score a block of it can reach) rather
     * than three lists merged; the headline's weight comes from its own field.
     */
    @FullTextField(name = "text", analyzer = TEXT_ANALYZER)
    @IndexingDependency(derivedFrom = {
            @ObjectPath(@PropertyValue(propertyName = "headline")),
            @ObjectPath(@PropertyValue(propertyName = "standfirst")),
            @ObjectPath(@PropertyValue(propertyName = "body"))})
    public String getSearchText() {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {headline, standfirst, getBodyText()}) {
            if (part != null && !part.isBlank()) {
                text.append(part.strip()).append("\n\n");
            }
        }
        return text.toString();
    }

    public String getSummary() {
        return summary;
    }

    public String getByline() {
        return byline;
    }

    public void setByline(String byline) {
        this.byline = byline;
    }

    public String getDateline() {
        return dateline;
    }

    public void setDateline(String dateline) {
        this.dateline = dateline;
    }

    public Section getSection() {
        return section;
    }

    public void setSection(Section section) {
        this.section = section;
    }

    public Set<Tag> getTags() {
        return tags;
    }

    public void setTags(Set<Tag> tags) {
        this.tags = new LinkedHashSet<>(tags);
    }

    public ArticleStatus getStatus() {
        return status;
    }

    public void setStatus(ArticleStatus status) {
        this.status = status;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public void setPublishedAt(Instant publishedAt) {
        this.publishedAt = publishedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public void setAuthorId(Long authorId) {
        this.authorId = authorId;
    }

    public long getVersion() {
        return version;
    }
}
