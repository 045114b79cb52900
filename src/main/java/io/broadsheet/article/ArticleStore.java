package io.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsroom's way to stories: every article whatever its state, by id, and a filtered list. The newsroom
 * decides who may change what; this only loads and stores.
 */
@Service
@Transactional
public class ArticleStore {

    public static final int PAGE_SIZE = 25;

    /** The newsroom's status filter. SCHEDULED is PUBLISHED with a publish time still to come. */
    public enum StateFilter {
        DRAFT, SCHEDULED, PUBLISHED, ARCHIVED
    }

    private final ArticleRepository articles;
    private final ArticleSlugAliasRepository aliases;
    private final EntityManager entityManager;
    private final Clock clock;

    ArticleStore(ArticleRepository articles, ArticleSlugAliasRepository aliases, EntityManager entityManager,
            Clock clock) {
        this.articles = articles;
        this.aliases = aliases;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The story with its section and tags loaded, for editing. */
    @Transactional(readOnly = true)
    public Optional<Article> find(long id) {
        return articles.findForEditing(id);
    }

    public Article save(Article article) {
        return articles.saveAndFlush(article);
    }

    /** Whether a slug belongs to another story, as its current slug or as a former one. */
    @Transactional(readOnly = true)
    public boolean isSlugTaken(String slug, Long exceptArticleId) {
        boolean current = exceptArticleId == null ? articles.existsBySlug(slug)
                : articles.existsBySlugAndIdNot(slug, exceptArticleId);
        return current || aliases.findById(slug)
                .filter(alias -> !alias.getArticleId().equals(exceptArticleId)).isPresent();
    }

    /** Keeps a published story's old slug answering, and frees the new one if it was this story's old one. */
    public void slugChanged(long articleId, String oldSlug, String newSlug, boolean keepOld) {
        aliases.findById(newSlug).filter(alias -> alias.getArticleId() == articleId).ifPresent(aliases::delete);
        if (keepOld) {
            aliases.save(new ArticleSlugAlias(oldSlug, articleId));
        }
    }

    /** One page of the newsroom's list, newest change first; {@code words} must all be in the headline. */
    @Transactional(readOnly = true)
    public List<ArticleRow> list(StateFilter state, String words, int pageIndex) {
        StringBuilder jpql = new StringBuilder("select new io.broadsheet.article.ArticleRow(a.id, a.slug, a.headline,"
                + " a.status, a.publishedAt, a.updatedAt, a.authorId, s.name) from Article a left join a.section s"
                + " where 1 = 1");
        List<String> terms = words == null ? List.of()
                : List.of(words.toLowerCase(Locale.ROOT).strip().split("\\s+")).stream()
                        .filter(term -> !term.isEmpty()).limit(10).toList();
        if (state != null) {
            // Written for article_by_status_update (status, then change time): a condition on both of its leading
            // columns (every story was changed after 1800), and the publish time of "published" inside coalesce(),
            // which no index serves (a published story always has one), so that H2 does not take
            // article_by_publication instead and sort the status's whole list (H2 picks an index by its conditions,
            // not by the order it gives). "Scheduled" is the exception: few stories are due later, and
            // article_by_publication finds exactly those, which are then sorted.
            jpql.append(switch (state) {
                case DRAFT -> " and a.status = io.broadsheet.article.ArticleStatus.DRAFT"
                        + " and a.updatedAt > :changedAfter";
                case ARCHIVED -> " and a.status = io.broadsheet.article.ArticleStatus.ARCHIVED"
                        + " and a.updatedAt > :changedAfter";
                case SCHEDULED -> " and a.status = io.broadsheet.article.ArticleStatus.PUBLISHED"
                        + " and a.publishedAt > :now";
                case PUBLISHED -> " and a.status = io.broadsheet.article.ArticleStatus.PUBLISHED"
                        + " and a.updatedAt > :changedAfter and coalesce(a.publishedAt, a.updatedAt) <= :now";
            });
        }
        for (int i = 0; i < terms.size(); i++) {
            jpql.append(" and lower(a.headline) like :term").append(i).append(" escape '\\'");
        }
        // In the order of article_by_update, or of article_by_status_update when the status is fixed, so that H2 reads
        // the page from the index in order and stops; the section is joined "left" (every story has one) so that H2
        // keeps the stories as the table it walks, where for an inner join it started from the few sections.
        jpql.append(state == null ? " order by a.updatedAt desc, a.id desc"
                : " order by a.status, a.updatedAt desc, a.id desc");
        TypedQuery<ArticleRow> query = entityManager.createQuery(jpql.toString(), ArticleRow.class);
        if (state != null && state != StateFilter.SCHEDULED) {
            query.setParameter("changedAfter", RecentWindow.WHOLE_ARCHIVE);
        }
        if (state == StateFilter.SCHEDULED || state == StateFilter.PUBLISHED) {
            query.setParameter("now", clock.instant());
        }
        for (int i = 0; i < terms.size(); i++) {
            query.setParameter("term" + i, "%" + escapeLike(terms.get(i)) + "%");
        }
        return new ArrayList<>(query.setFirstResult(pageIndex * PAGE_SIZE).setMaxResults(PAGE_SIZE + 1)
                .getResultList());
    }

    public Instant now() {
        return clock.instant();
    }

    private static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
