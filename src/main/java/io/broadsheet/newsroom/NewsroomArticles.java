package io.broadsheet.newsroom;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import io.broadsheet.article.Article;
import io.broadsheet.article.ArticleStatus;
import io.broadsheet.article.ArticleStore;
import io.broadsheet.section.Slugs;
import io.broadsheet.section.Taxonomy;
import io.broadsheet.security.SignedInStaff;
import io.broadsheet.system.NotFoundException;
import io.broadsheet.system.SiteDates;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsroom's changes to stories: saving, publishing, scheduling, unpublishing, archiving and restoring, each
 * checked against the signed-in member's role and each kept as a revision.
 */
@Service
@Transactional
class NewsroomArticles {

    enum Action {
        SAVE, PUBLISH
    }

    private final ArticleStore store;
    private final Taxonomy taxonomy;
    private final ArticleRevisionRepository revisions;
    private final SiteDates dates;

    NewsroomArticles(ArticleStore store, Taxonomy taxonomy, ArticleRevisionRepository revisions, SiteDates dates) {
        this.store = store;
        this.taxonomy = taxonomy;
        this.revisions = revisions;
        this.dates = dates;
    }

    static boolean canEdit(SignedInStaff staff, Article article) {
        return staff.canPublish()
                || (article.getStatus() == ArticleStatus.DRAFT && Long.valueOf(staff.id()).equals(article.getAuthorId()));
    }

    @Transactional(readOnly = true)
    Article editable(long id, SignedInStaff staff) {
        Article article = store.find(id).orElseThrow(() -> new NotFoundException("No article " + id));
        if (!canEdit(staff, article)) {
            throw new AccessDeniedException("Writers edit only their own drafts");
        }
        return article;
    }

    /** The conflict a stale save would meet now: the story as stored, and who saved it last. */
    @Transactional(readOnly = true)
    SaveOutcome.Conflict currentConflict(long id) {
        return conflict(store.find(id).orElseThrow(() -> new NotFoundException("No article " + id)));
    }

    /** Stories stored before the newsroom existed (the seed) get their first state kept before any change. */
    private void keepBaseline(Article article) {
        if (revisions.lastNumber(article.getId()) == 0) {
            revisions.save(new ArticleRevision(article.getId(), 1, "system", article.getUpdatedAt(),
                    ArticleSnapshot.of(article), "As first stored"));
        }
    }

    ArticleForm formOf(Article article) {
        ArticleSnapshot snapshot = ArticleSnapshot.of(article);
        return new ArticleForm(String.valueOf(article.getVersion()), snapshot.headline(), nullToEmpty(snapshot.standfirst()),
                snapshot.body(), nullToEmpty(snapshot.byline()), nullToEmpty(snapshot.dateline()),
                snapshot.sectionName(), snapshot.tagNames(), snapshot.slug(),
                article.getPublishedAt() == null ? ""
                        : LocalDateTime.ofInstant(article.getPublishedAt(), dates.zone()).withSecond(0).withNano(0)
                                .toString());
    }

    SaveOutcome create(ArticleForm form, Action action, SignedInStaff staff) {
        requirePublishRight(action, staff);
        Instant now = dates.now();
        String slug = chooseSlug(form, null);
        if (slug == null) {
            return new SaveOutcome.FieldProblem("slug", "article.slug.taken");
        }
        Article article = new Article(slug, form.headline().strip(), form.body(), taxonomy.section(form.section()), now);
        article.setAuthorId(staff.id());
        apply(form, article, action, now);
        return store(article, staff, null);
    }

    SaveOutcome update(long id, ArticleForm form, Action action, SignedInStaff staff) {
        requirePublishRight(action, staff);
        Article article = editable(id, staff);
        if (form.baseVersion() == null || form.baseVersion() != article.getVersion()) {
            return conflict(article);
        }
        String slug = chooseSlug(form, article);
        if (slug == null) {
            return new SaveOutcome.FieldProblem("slug", "article.slug.taken");
        }
        keepBaseline(article);
        String oldSlug = article.getSlug();
        boolean wasPublished = article.getStatus() == ArticleStatus.PUBLISHED;
        Instant now = dates.now();
        article.setSlug(slug);
        article.setHeadline(form.headline().strip());
        article.setBody(form.body());
        article.setSection(taxonomy.section(form.section()));
        apply(form, article, action, now);
        if (!oldSlug.equals(slug)) {
            store.slugChanged(article.getId(), oldSlug, slug, wasPublished);
        }
        return store(article, staff, null);
    }

    SaveOutcome unpublish(long id, long version, SignedInStaff staff) {
        return changeStatus(id, version, staff, ArticleStatus.DRAFT, "Unpublished");
    }

    SaveOutcome archive(long id, long version, SignedInStaff staff) {
        return changeStatus(id, version, staff, ArticleStatus.ARCHIVED, "Archived");
    }

    /** Puts a revision's text back as the current text; that is itself a new revision. */
    SaveOutcome restore(long id, int number, long version, SignedInStaff staff) {
        Article article = editable(id, staff);
        if (version != article.getVersion()) {
            return conflict(article);
        }
        ArticleSnapshot old = revision(id, number).snapshot();
        keepBaseline(article);
        article.setHeadline(old.headline());
        article.setStandfirst(old.standfirst());
        article.setBody(old.body());
        article.setByline(old.byline());
        article.setDateline(old.dateline());
        article.setSection(taxonomy.section(old.sectionName()));
        article.setTags(taxonomy.tags(List.of(old.tagNames().split(","))));
        article.setUpdatedAt(dates.now());
        return store(article, staff, "Restored revision " + number);
    }

    @Transactional(readOnly = true)
    List<ArticleRevision> history(long id, SignedInStaff staff) {
        editable(id, staff);
        return revisions.findByArticleIdOrderByNumberDesc(id);
    }

    @Transactional(readOnly = true)
    ArticleRevision revision(long id, int number) {
        return revisions.findByArticleIdAndNumber(id, number)
                .orElseThrow(() -> new NotFoundException("No revision " + number));
    }

    private SaveOutcome changeStatus(long id, long version, SignedInStaff staff, ArticleStatus status, String note) {
        requirePublishRight(Action.PUBLISH, staff);
        Article article = editable(id, staff);
        if (version != article.getVersion()) {
            return conflict(article);
        }
        keepBaseline(article);
        article.setStatus(status);
        if (status == ArticleStatus.DRAFT) {
            article.setPublishedAt(null);
        }
        article.setUpdatedAt(dates.now());
        return store(article, staff, note);
    }

    private void apply(ArticleForm form, Article article, Action action, Instant now) {
        article.setStandfirst(ArticleForm.blankToNull(form.standfirst()));
        article.setByline(ArticleForm.blankToNull(form.byline()));
        article.setDateline(ArticleForm.blankToNull(form.dateline()));
        article.setTags(taxonomy.tags(form.tagNames()));
        Instant publishAt = form.publishTime() == null ? null : form.publishTime().atZone(dates.zone()).toInstant();
        if (action == Action.PUBLISH) {
            article.setStatus(ArticleStatus.PUBLISHED);
            article.setPublishedAt(publishAt != null ? publishAt
                    : article.getPublishedAt() != null ? article.getPublishedAt() : now);
        } else {
            article.setStatus(ArticleStatus.DRAFT);
            article.setPublishedAt(publishAt);
        }
        article.setUpdatedAt(now);
    }

    private SaveOutcome store(Article article, SignedInStaff staff, String note) {
        // A save racing this one between the version check and here fails the flush with an optimistic-locking
        // error; the controller answers that with the conflict page, like a stale version.
        Article saved = store.save(article);
        int number = revisions.lastNumber(saved.getId()) + 1;
        revisions.save(new ArticleRevision(saved.getId(), number, staff.getUsername(), dates.now(),
                ArticleSnapshot.of(saved), note));
        return new SaveOutcome.Saved(saved.getId(), saved.getSlug(), stateOf(saved));
    }

    private SaveOutcome.Conflict conflict(Article current) {
        var last = revisions.findFirstByArticleIdOrderByNumberDesc(current.getId());
        return new SaveOutcome.Conflict(formOf(current), current.getVersion(),
                last.map(ArticleRevision::getSavedBy).orElse("someone"),
                last.map(ArticleRevision::getSavedAt).orElse(current.getUpdatedAt()));
    }

    /** The form's slug, or one made from the headline; null when the form's own slug belongs to another story. */
    private String chooseSlug(ArticleForm form, Article article) {
        Long id = article == null ? null : article.getId();
        String wanted = ArticleForm.blankToNull(form.slug());
        if (wanted != null) {
            return store.isSlugTaken(wanted, id) ? null : wanted;
        }
        String base = Slugs.of(form.headline(), 190);
        if (base.isEmpty()) {
            base = "story";
        }
        String candidate = base;
        for (int n = 2; store.isSlugTaken(candidate, id); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private void requirePublishRight(Action action, SignedInStaff staff) {
        if (action == Action.PUBLISH && !staff.canPublish()) {
            throw new AccessDeniedException("Writers cannot publish");
        }
    }

    String stateOf(Article article) {
        if (article.getStatus() == ArticleStatus.PUBLISHED) {
            return article.getPublishedAt().isAfter(dates.now()) ? "scheduled" : "published";
        }
        return article.getStatus() == ArticleStatus.DRAFT ? "draft" : "archived";
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
