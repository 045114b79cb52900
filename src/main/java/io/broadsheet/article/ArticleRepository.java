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

    /**
     * Tagged {@code :tag}, asked of each story by its id ({@code article_tag}'s primary key): H2 can then walk the
     * public stories in the order of {@code article_by_publication} and stop at a full page (see {@link #NEWEST}).
     */
    String WITH_TAG = "exists (select 1 from a.tags tt where tt.slug = :tag)";

    /**
     * A tag's stories of the last weeks (see {@link RecentWindow}), newest first, read in index order: on a million
     * stories the busiest tag's first page reads about a hundred stories (6-9 ms in H2) where sorting the month's
     * 7,900 public stories took 75-190 ms, and a tag with no story that month reads the month once (22-62 ms).
     */
    @Query(SUMMARY + " where " + VISIBLE + SINCE + " and " + WITH_TAG + NEWEST)
    Slice<ArticleSummary> findRecentWithTag(@Param("tag") String tagSlug, @Param("now") Instant now,
            @Param("since") Instant since, Pageable page);

    /**
     * A tag's stories of the whole archive, found from the tag ({@code article_tag_by_tag}) and sorted: their
     * publish times are in another table, and walking every public story in order for a rare tag would read the
     * whole archive.
     */
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
