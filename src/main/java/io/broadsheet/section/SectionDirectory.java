package io.broadsheet.section;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.stereotype.Service;

/** The sections the masthead links to. They change rarely, so the list is held for a minute between reads. */
@Service
public class SectionDirectory implements MeterBinder {

    public record SectionLink(String name, String slug) {
    }

    private final LoadingCache<Boolean, List<SectionLink>> all;

    private final SectionRepository sections;
    private final Cache<String, SectionLink> newer = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(1_000).build();

    SectionDirectory(SectionRepository sections) {
        this.sections = sections;
        this.all = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).recordStats()
                .build(key -> sections.findAllByOrderByNameAsc().stream()
                        .map(section -> new SectionLink(section.getName(), section.getSlug())).toList());
    }

    public List<SectionLink> all() {
        return all.get(Boolean.TRUE);
    }

    /** The held list, without asking the database (empty if none is held): for pages shown while it is down. */
    public List<SectionLink> held() {
        List<SectionLink> held = all.getIfPresent(Boolean.TRUE);
        return held == null ? List.of() : held;
    }

    /** Hits and misses of the held list, as cache_gets_total{cache="section-directory"}. */
    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, all, "section-directory");
    }

    /**
     * The section at this slug. Answered from the held list; a section the list does not have yet (created since
     * by other means than {@link Taxonomy}) is looked up in the database and held beside the list until the list
     * is next read, so that the masthead does not change under a reader between two views.
     */
    public Optional<SectionLink> bySlug(String slug) {
        Optional<SectionLink> held = all().stream().filter(section -> section.slug().equals(slug)).findFirst();
        if (held.isPresent()) {
            return held;
        }
        return Optional.ofNullable(newer.get(slug, key -> sections.findBySlug(key)
                .map(section -> new SectionLink(section.getName(), section.getSlug())).orElse(null)));
    }

    public void refresh() {
        all.invalidateAll();
        newer.invalidateAll();
    }
}
