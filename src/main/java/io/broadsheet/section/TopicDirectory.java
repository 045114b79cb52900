package io.broadsheet.section;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only lookups of sections and tags for other features (tag pages, feeds, sitemaps): whether one exists, and
 * pages of all of them in a stable order.
 *
 * <p>A section or tag looked up by its slug is answered from memory once known, without a transaction, so that
 * the repeat view of a tag's page or of a section's or tag's feed runs no SQL and takes no connection (each ran one
 * statement before): sections from the masthead's {@link SectionDirectory}, tags from a cache of the tags asked
 * for ({@link #KNOWN_TAGS} at most). A tag is never renamed or deleted, so a known one stays right; a slug that
 * names no tag is asked of the database each time (not remembered, so no one can fill memory with made-up ones).
 */
@Service
@Transactional(readOnly = true)
public class TopicDirectory {

    /** A section or tag: its name and the path of its page. */
    public record Topic(String name, String slug, String path) {
    }

    static final int KNOWN_TAGS = 10_000;

    private final SectionRepository sections;
    private final TagRepository tags;
    private final SectionDirectory sectionDirectory;

    /** Tags by slug; held an hour at most, in case the database is changed by other means than this application. */
    private final Cache<String, Topic> knownTags = Caffeine.newBuilder().maximumSize(KNOWN_TAGS)
            .expireAfterWrite(Duration.ofHours(1)).build();

    TopicDirectory(SectionRepository sections, TagRepository tags, SectionDirectory sectionDirectory) {
        this.sections = sections;
        this.tags = tags;
        this.sectionDirectory = sectionDirectory;
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<Topic> section(String slug) {
        return valid(slug)
                ? sectionDirectory.bySlug(slug).map(section -> new Topic(section.name(), section.slug(),
                        "/sections/" + section.slug()))
                : Optional.empty();
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<Topic> tag(String slug) {
        return valid(slug)
                ? Optional.ofNullable(knownTags.get(slug,
                        key -> tags.findBySlug(key).map(TopicDirectory::topic).orElse(null)))
                : Optional.empty();
    }

    public long sectionCount() {
        return sections.count();
    }

    public long tagCount() {
        return tags.count();
    }

    public List<Topic> sections(int pageIndex, int pageSize) {
        return sections.findBy(PageRequest.of(pageIndex, pageSize, Sort.by("id"))).map(TopicDirectory::topic)
                .getContent();
    }

    public List<Topic> tags(int pageIndex, int pageSize) {
        return tags.findBy(PageRequest.of(pageIndex, pageSize, Sort.by("id"))).map(TopicDirectory::topic)
                .getContent();
    }

    private static boolean valid(String slug) {
        return slug != null && slug.length() <= 100 && Slugs.isValid(slug);
    }

    private static Topic topic(Section section) {
        return new Topic(section.getName(), section.getSlug(), "/sections/" + section.getSlug());
    }

    private static Topic topic(Tag tag) {
        return new Topic(tag.getName(), tag.getSlug(), "/tags/" + tag.getSlug());
    }
}
