package io.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.broadsheet.system.NotFoundException;
import io.broadsheet.system.PageNumber;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reader side's read-only questions: one story, and pages of the newest stories overall, by section or tag. */
@Service
@Transactional(readOnly = true)
public class ArticleListings {

    public static final int PAGE_SIZE = 20;

    private final ArticleRepository articles;
    private final ArticleSlugAliasRepository aliases;
    private final RelatedNews related;
    private final Clock clock;

    ArticleListings(ArticleRepository articles, ArticleSlugAliasRepository aliases, RelatedNews related,
            Clock clock) {
        this.articles = articles;
        this.aliases = aliases;
        this.related = related;
        this.clock = clock;
    }

    /** Where a former slug of a public story points now, if it is one. */
    public Optional<String> currentSlugFor(String formerSlug) {
        return aliases.findById(formerSlug)
                .flatMap(alias -> articles.findById(alias.getArticleId()))
                .filter(article -> article.isVisibleAt(clock.instant()))
                .map(Article::getSlug);
    }

    /** The public story at this slug with its related news; empty when there is none (yet). */
    public Optional<ArticlePage> article(String slug) {
        Instant now = clock.instant();
        return articles.findVisibleBySlug(slug, now)
                .map(article -> new ArticlePage(ArticleView.of(article), related.of(article, now)));
    }

    /** Related news for a story that may not be public yet (the newsroom's preview). */
    public List<RelatedArticle> relatedTo(Article article) {
        return related.of(article, clock.instant());
    }

    public Listing latest(PageNumber page) {
        return listing(page, pageable -> articles.findLatest(clock.instant(), pageable));
    }

    public Listing latestInSection(String sectionSlug, PageNumber page) {
        return listing(page, pageable -> articles.findLatestInSection(sectionSlug, clock.instant(), pageable));
    }

    public Listing latestWithTag(String tagSlug, PageNumber page) {
        return listing(page, pageable -> articles.findLatestWithTag(tagSlug, clock.instant(), pageable));
    }

    /** The stories among {@code slugs} that are public now, in no particular order: for search results. */
    public List<ArticleSummary> visibleBySlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? List.of() : articles.findVisibleBySlugIn(slugs, clock.instant());
    }

    private static Listing listing(PageNumber page, Function<Pageable, Slice<ArticleSummary>> query) {
        Slice<ArticleSummary> slice = query.apply(PageRequest.of(page.index(), PAGE_SIZE));
        if (!page.isFirst() && slice.isEmpty()) {
            throw new NotFoundException("No page " + page.value());
        }
        return new Listing(List.copyOf(slice.getContent()), page, slice.hasNext());
    }

    public record ArticlePage(ArticleView article, List<RelatedArticle> related) {
    }
}
