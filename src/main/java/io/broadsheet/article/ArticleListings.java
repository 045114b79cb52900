package io.broadsheet.article;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
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
    private final RelatedNews related;
    private final Clock clock;

    ArticleListings(ArticleRepository articles, RelatedNews related, Clock clock) {
        this.articles = articles;
        this.related = related;
        this.clock = clock;
    }

    public ArticlePage article(String slug) {
        var article = articles.findVisibleBySlug(slug, clock.instant())
                .orElseThrow(() -> new NotFoundException("No published article " + slug));
        return new ArticlePage(ArticleView.of(article), related.of(article, clock.instant()));
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
