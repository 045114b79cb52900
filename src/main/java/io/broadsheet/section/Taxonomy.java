package io.broadsheet.section;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sections and tags by name, created on demand when the newsroom files a story under a new one. */
@Service
public class Taxonomy {

    private final SectionRepository sections;
    private final TagRepository tags;
    private final SectionDirectory directory;

    Taxonomy(SectionRepository sections, TagRepository tags, SectionDirectory directory) {
        this.sections = sections;
        this.tags = tags;
        this.directory = directory;
    }

    @Transactional
    public Section section(String name) {
        String clean = name.strip();
        return sections.findBySlug(Slugs.of(clean)).orElseGet(() -> {
            Section created = sections.save(new Section(clean));
            directory.refresh();
            return created;
        });
    }

    /** The tags with these names, in the order given, creating the ones that do not exist yet. */
    @Transactional
    public Set<Tag> tags(Collection<String> names) {
        Map<String, String> bySlug = new LinkedHashMap<>();
        for (String name : names) {
            String slug = Slugs.of(name.strip());
            if (!slug.isEmpty()) {
                bySlug.putIfAbsent(slug, name.strip());
            }
        }
        Map<String, Tag> existing = new LinkedHashMap<>();
        tags.findBySlugIn(bySlug.keySet()).forEach(tag -> existing.put(tag.getSlug(), tag));
        Set<Tag> result = new LinkedHashSet<>();
        bySlug.forEach((slug, name) -> result.add(existing.computeIfAbsent(slug, s -> tags.save(new Tag(name)))));
        return result;
    }

    public java.util.List<String> sectionNames() {
        return directory.all().stream().map(SectionDirectory.SectionLink::name).toList();
    }
}
