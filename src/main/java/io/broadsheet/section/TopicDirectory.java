package io.broadsheet.section;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only lookups of sections and tags for other features (feeds, sitemaps): whether one exists, and pages of
 * all of them in a stable order.
 */
@Service
@Transactional(readOnly = true)
public class TopicDirectory {

    /** A section or tag: its name and the path of its page. */
    public record Topic(String name, String slug, String path) {
    }

    private final SectionRepository sections;
    private final TagRepository tags;

    TopicDirectory(SectionRepository sections, TagRepository tags) {
        this.sections = sections;
        this.tags = tags;
    }

    public Optional<Topic> section(String slug) {
        return valid(slug) ? sections.findBySlug(slug).map(TopicDirectory::topic) : Optional.empty();
    }

    public Optional<Topic> tag(String slug) {
        return valid(slug) ? tags.findBySlug(slug).map(TopicDirectory::topic) : Optional.empty();
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
