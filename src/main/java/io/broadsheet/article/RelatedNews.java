package io.broadsheet.article;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The related-news sidebar: the tag and section ranking of {@link RelatedArticles}, with the stories whose text is
 * most alike ({@link ContentSimilarity}) added in, so that a new story that shares no tag still finds its relatives.
 *
 * <p>Order: more shared tags first; then more alike in text (a story that is not among the alike ones counts as
 * not alike); then {@link RelatedArticles}' own order (same section, then newest). Five at most.
 *
 * <p>A list is worked out once and kept under the {@link StoriesVersion} (so a scheduled story due in the meantime
 * shows up at the next minute); any change to any story drops every kept list once its transaction commits, since
 * a change to one story can change the lists of many.
 */
@Service
public class RelatedNews implements MeterBinder {

    static final int LIMIT = RelatedArticles.LIMIT;

    private final RelatedArticles byTagsAndSection;
    private final ObjectProvider<ContentSimilarity> similarity;
    private final Cache<Key, List<RelatedArticle>> kept = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(10_000).recordStats().build();

    private record Key(long articleId, long version) {
    }

    private record Candidate(RelatedArticle story, double likeness, int baseRank) {
    }

    private final StoriesVersion version;

    RelatedNews(RelatedArticles byTagsAndSection, ObjectProvider<ContentSimilarity> similarity,
            StoriesVersion version) {
        this.version = version;
        this.byTagsAndSection = byTagsAndSection;
        this.similarity = similarity;
    }

    public List<RelatedArticle> of(Article article, Instant now) {
        return kept.get(new Key(article.getId(), version.at(now)), key -> rank(article, now));
    }

    /** Hits and misses of the kept lists, as cache_gets_total{cache="related-news"}. */
    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, kept, "related-news");
    }

    @TransactionalEventListener(fallbackExecution = true)
    void forgetOnChange(ArticleChanged change) {
        kept.invalidateAll();
    }

    private List<RelatedArticle> rank(Article article, Instant now) {
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        List<RelatedArticle> base = byTagsAndSection.of(article.getId(), article.getSection().getId(),
                article.getTags().stream().map(tag -> tag.getId()).toList(), now);
        for (int i = 0; i < base.size(); i++) {
            candidates.put(base.get(i).slug(), new Candidate(base.get(i), 0, i));
        }
        ContentSimilarity index = similarity.getIfAvailable();
        if (index != null) {
            List<ContentSimilarity.Alike> alike = index.similarTo(article.getId(), textOf(article), now, LIMIT);
            Map<Long, RelatedArticle> stories = byTagsAndSection.byIds(article.getId(),
                    alike.stream().map(ContentSimilarity.Alike::articleId).toList(), now);
            for (ContentSimilarity.Alike one : alike) {
                RelatedArticle story = stories.get(one.articleId());
                if (story != null) {
                    Candidate known = candidates.get(story.slug());
                    candidates.put(story.slug(), new Candidate(story, one.likeness(),
                            known == null ? Integer.MAX_VALUE : known.baseRank()));
                }
            }
        }
        List<Candidate> ranked = new ArrayList<>(candidates.values());
        ranked.sort(Comparator.comparingInt((Candidate c) -> c.story().sharedTags()).reversed()
                .thenComparing(Comparator.comparingDouble(Candidate::likeness).reversed())
                .thenComparingInt(Candidate::baseRank)
                .thenComparing(c -> c.story().publishedAt(), Comparator.reverseOrder()));
        return ranked.stream().limit(LIMIT).map(Candidate::story).toList();
    }

    private static String textOf(Article article) {
        return String.join("\n", article.getHeadline(),
                article.getStandfirst() == null ? "" : article.getStandfirst(), article.getBodyText());
    }
}
