package io.broadsheet.section;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /** The sections by name, and the same by id. */
    private record Held(List<SectionLink> byName, Map<Long, SectionLink> byId) {
    }

    private final LoadingCache<Boolean, Held> all;

    private final SectionRepository sections;
    private final Cache<String, SectionLink> newer = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(1_000).build();
    private final Cache<Long, SectionLink> newerById = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(1_000).build();

    SectionDirectory(SectionRepository sections) {
        this.sections = sections;
        this.all = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).recordStats()
                .build(key -> held(sections.findAllByOrderByNameAsc()));
    }

    private static Held held(List<Section> sections) {
        return new Held(sections.stream().map(SectionDirectory::link).toList(),
                sections.stream().collect(Collectors.toUnmodifiableMap(Section::getId, SectionDirectory::link)));
    }

    private static SectionLink link(Section section) {
        return new SectionLink(section.getName(), section.getSlug());
    }

    public List<SectionLink> all() {
        return all.get(Boolean.TRUE).byName();
    }

    /** The held list, without asking the database (empty if none is held): for pages shown while it is down. */
    public List<SectionLink> held() {
        Held held = all.getIfPresent(Boolean.TRUE);
        return held == null ? List.of() : held.byName();
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
                .map(SectionDirectory::link).orElse(null)));
    }

    /** The section with this id, answered as {@link #bySlug} is: for stories known by their section's id alone. */
    public Optional<SectionLink> byId(long id) {
        SectionLink held = all.get(Boolean.TRUE).byId().get(id);
        if (held != null) {
            return Optional.of(held);
        }
        return Optional.ofNullable(newerById.get(id, key -> sections.findById(key)
                .map(SectionDirectory::link).orElse(null)));
    }

    public void refresh() {
        all.invalidateAll();
        newer.invalidateAll();
        newerById.invalidateAll();
    }
}
