package io.broadsheet.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Reader queries: each asks only for what is public at {@code now} (published, publish time passed), and each
 * listing is a {@link Slice}, which needs no count over the whole archive.
 */
public interface ArticleRepository extends JpaRepository<Article, Long> {

    String VISIBLE = "a.status = io.broadsheet.article.ArticleStatus.PUBLISHED and a.publishedAt <= :now";

    /**
     * A story's section is joined "left" (every story has one): H2 then always walks the stories, in the order of
     * the index the listing reads (see {@link #NEWEST}); for an inner join it may start from the few sections.
     */
    String SUMMARY = "select new io.broadsheet.article.ArticleSummary(a.slug, a.headline, a.summary, s.slug, s.name,"
            + " a.publishedAt) from Article a left join a.section s";

    /**
     * The story at {@code slug} with its section and tags, public or not: the caller checks. Asked together with
     * "published up to now", H2 walked the index of public stories by publish time (every one of them) instead of
     * looking the slug up in its unique index.
     */
    @Query("select a from Article a join fetch a.section left join fetch a.tags where a.slug = :slug")
    Optional<Article> findWithSectionAndTagsBySlug(@Param("slug") String slug);

    /** Published after {@code since} (see {@link RecentWindow}). */
    String SINCE = " and a.publishedAt > :since";

    /**
     * Newest first, ordered by the columns of {@code article_by_publication} in its own directions (the status is
     * fixed by {@link #VISIBLE}): H2 then reads the page from that index in order and stops when it is full, where
     * for "{@code order by a.publishedAt desc}" alone it read every story of the listing and sorted them.
     */
    String NEWEST = " order by a.status, a.publishedAt desc, a.id desc";

    /** As {@link #NEWEST}, for {@code article_by_section}: the section is fixed by the query's condition. */
    String NEWEST_IN_SECTION = " order by fk(a.section), a.status, a.publishedAt desc, a.id desc";

    /**
     * A section's stories, asked by the story's own column for its section ({@code fk()}: "{@code a.section.id}"
     * is the joined section's id to Hibernate) against the section's id, found by its slug in a subquery that H2
     * runs once: asked by the joined section's slug, H2 walked the public stories of every section.
     */
    String IN_SECTION = "fk(a.section) = (select s2.id from Section s2 where s2.slug = :section)";

    @Query(SUMMARY + " where " + VISIBLE + SINCE + NEWEST)
    Slice<ArticleSummary> findLatest(@Param("now") Instant now, @Param("since") Instant since, Pageable page);

    @Query(SUMMARY + " where " + IN_SECTION + " and " + VISIBLE + SINCE + NEWEST_IN_SECTION)
    Slice<ArticleSummary> findLatestInSection(@Param("section") String sectionSlug, @Param("now") Instant now,
            @Param("since") Instant since, Pageable page);

    /** A tag's stories are in another table than their publish times: these are sorted (see {@link RecentWindow}). */
    @Query(SUMMARY + " join a.tags t where t.slug = :tag and " + VISIBLE + SINCE
            + " order by a.publishedAt desc, a.id desc")
    Slice<ArticleSummary> findLatestWithTag(@Param("tag") String tagSlug, @Param("now") Instant now,
            @Param("since") Instant since, Pageable page);

    /**
     * Not empty when a story was saved in ({@code changedAfter}, {@code changedBefore}] or became public in
     * ({@code from}, {@code to}]: one statement, each half read from an index ({@code article_by_update},
     * {@code article_by_publication}).
     */
    @Query(value = """
            select 1 from article where updated_at > :changedAfter and updated_at <= :changedBefore
            union all
            select 1 from article where status = 'PUBLISHED' and published_at > :from and published_at <= :to
            fetch first 1 rows only""", nativeQuery = true)
    List<Integer> anyChange(@Param("changedAfter") Instant changedAfter,
            @Param("changedBefore") Instant changedBefore, @Param("from") Instant from, @Param("to") Instant to);

    Optional<Article> findBySlug(String slug);

    @Query("select a from Article a join fetch a.section left join fetch a.tags where a.id = :id")
    Optional<Article> findForEditing(@Param("id") long id);

    boolean existsBySlugAndIdNot(String slug, long id);

    boolean existsBySlug(String slug);
}
