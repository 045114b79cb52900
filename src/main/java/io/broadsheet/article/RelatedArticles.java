package io.broadsheet.article;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The related-news sidebar: up to five other public stories, ranked by how many tags they share with this one,
 * then by being in the same section, then by recency.
 *
 * <p>One indexed query. The candidates are the newest {@value #PER_TAG} stories of each of this story's tags,
 * read backwards from {@code article_tag_by_tag}, plus the five newest in its section through
 * {@code article_by_section} (a story that shares no tag can only rank by section and recency, so no older one
 * could beat those five). Nothing is scanned in Java and the archive's size does not enter, only the number of
 * this story's tags.
 */
@Component
public class RelatedArticles {

    static final int LIMIT = 5;

    /**
     * The candidates: {@code %s} is where the newest stories of each of this story's tags go. The candidates come
     * first and each is looked up by its id ("left join": H2 keeps that order; every candidate is a story). Asked as
     * "{@code a.id in (candidates)}" of the public stories, H2 walked the index of public stories, every one of them,
     * and tested each against the candidates: 0.9 s a story (median, up to 2.1 s) on a million stories. The ranking
     * reads only the columns of {@code article_visibility_by_id} (V7), so H2 finds each candidate in that index
     * instead of reading its row, body and all; only the five it keeps are read whole.
     */
    private static final String QUERY = """
            select a.slug, a.headline, a.published_at, s.name as section_name, ranked.shared_tags
              from (
                   select v.id, v.published_at,
                          (select count(*) from article_tag mine
                             join article_tag theirs on theirs.tag_id = mine.tag_id
                            where mine.article_id = :id and theirs.article_id = v.id) as shared_tags,
                          case when v.section_id = :sectionId then 1 else 0 end as same_section
                     from (
                          %s
                          select recent.id as candidate_id from (
                              select r.id from article r
                               where r.section_id = :sectionId and r.status = 'PUBLISHED' and r.published_at <= :now
                                 and r.published_at > :since and r.id <> :id
                               order by r.section_id, r.status, r.published_at desc, r.id desc
                               limit :limit) recent) candidates
                     left join article v on v.id = candidates.candidate_id
                    where v.status = 'PUBLISHED' and v.published_at <= :now and v.id <> :id
                    order by shared_tags desc, same_section desc, v.published_at desc, v.id desc
                    limit :limit) ranked
              join article a on a.id = ranked.id
              join section s on s.id = a.section_id
             order by ranked.shared_tags desc, ranked.same_section desc, ranked.published_at desc, ranked.id desc
            """;

    /**
     * The newest stories of one tag (ids grow with time), read in the order of the index {@code article_tag_by_tag}
     * (ordered by its columns in its directions: H2 reads an index in order only then, and stops at the limit).
     */
    private static final String NEWEST_OF_TAG = """
            select tagged.article_id as candidate_id from (
                select t.article_id from article_tag t where t.tag_id = :tag%d
                 order by t.tag_id, t.article_id desc limit :perTag) tagged
            union
            """;

    /** How many of each tag's newest stories are candidates: a popular tag does not drag in the whole archive. */
    static final int PER_TAG = 200;

    /** The same columns for a given set of stories (those alike in text), with the same visibility rule. */
    private static final String BY_IDS = """
            select a.id, a.slug, a.headline, a.published_at, s.name as section_name,
                   (select count(*) from article_tag mine
                      join article_tag theirs on theirs.tag_id = mine.tag_id
                     where mine.article_id = :id and theirs.article_id = a.id) as shared_tags
              from article a
              join section s on s.id = a.section_id
             where a.status = 'PUBLISHED' and a.published_at <= :now and a.id <> :id and a.id in (:ids)
            """;

    private final JdbcClient jdbc;
    private final ObjectProvider<RecentWindow> window;

    public RelatedArticles(DataSource dataSource, ObjectProvider<RecentWindow> window) {
        this.jdbc = JdbcClient.create(dataSource);
        this.window = window;
    }

    /** Related stories of a story whose tags are not at hand: one more statement, to read them. */
    public List<RelatedArticle> of(long articleId, long sectionId, Instant now) {
        return of(articleId, sectionId, jdbc.sql("select tag_id from article_tag where article_id = :id")
                .param("id", articleId).query(Long.class).list(), now);
    }

    /**
     * Up to five related public stories, ranked. The candidates are the {@value #PER_TAG} newest stories of each of
     * the story's tags and the five newest of its section, so the cost follows the story's tag count, not the
     * archive's size; an older story that shares a tag can lose its place to newer ones sharing as many.
     */
    public List<RelatedArticle> of(long articleId, long sectionId, Collection<Long> tagIds, Instant now) {
        List<Long> tags = List.copyOf(tagIds);
        RecentWindow recent = window.getIfAvailable();
        Instant since = recent == null ? RecentWindow.WHOLE_ARCHIVE : recent.since(now);
        StringBuilder newest = new StringBuilder();
        for (int i = 0; i < tags.size(); i++) {
            newest.append(NEWEST_OF_TAG.formatted(i));
        }
        var statement = jdbc.sql(QUERY.formatted(newest));
        for (int i = 0; i < tags.size(); i++) {
            statement = statement.param("tag" + i, tags.get(i));
        }
        return statement
                .param("perTag", PER_TAG)
                .param("id", articleId)
                .param("sectionId", sectionId)
                .param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                // On a large archive, the section's newest among the last weeks' stories (see RecentWindow).
                .param("since", OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC))
                .param("limit", LIMIT)
                .query((rs, row) -> new RelatedArticle(rs.getString("slug"), rs.getString("headline"),
                        rs.getString("section_name"), rs.getObject("published_at", OffsetDateTime.class).toInstant(),
                        rs.getInt("shared_tags")))
                .list();
    }

    /** The public ones among {@code ids} (never the story itself), by id, with the tags each shares with it. */
    public Map<Long, RelatedArticle> byIds(long articleId, Collection<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, RelatedArticle> found = new HashMap<>();
        jdbc.sql(BY_IDS)
                .param("id", articleId)
                .param("ids", ids)
                .param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .query(rs -> {
                    found.put(rs.getLong("id"), new RelatedArticle(rs.getString("slug"), rs.getString("headline"),
                            rs.getString("section_name"),
                            rs.getObject("published_at", OffsetDateTime.class).toInstant(),
                            rs.getInt("shared_tags")));
                });
        return found;
    }
}
