package io.broadsheet.section;

import java.time.Duration;
import java.util.List;

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

    SectionDirectory(SectionRepository sections) {
        this.all = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).recordStats()
                .build(key -> sections.findAllByOrderByNameAsc().stream()
                        .map(section -> new SectionLink(section.getName(), section.getSlug())).toList());
    }

    public List<SectionLink> all() {
        return all.get(Boolean.TRUE);
    }

    /** Hits and misses of the held list, as cache_gets_total{cache="section-directory"}. */
    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, all, "section-directory");
    }

    public void refresh() {
        all.invalidateAll();
    }
}
