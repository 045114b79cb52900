package io.broadsheet.newsroom;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import io.broadsheet.section.Slugs;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The article form as the editor typed it. Never bound to the entity: a refused save shows this back whole.
 * {@code version} is the version of the story the editor started from, so a save over someone else's newer
 * save is caught instead of silently overwriting it.
 */
record ArticleForm(
        @Pattern(regexp = "|\\d{1,18}", message = "{article.version.invalid}") String version,
        @Pattern(regexp = LINE, message = "{text.control}") @NotBlank(message = "{article.headline.required}") @Size(max = 200, message = "{article.headline.size}")
        String headline,
        @Pattern(regexp = TEXT, message = "{text.control}") @Size(max = 500, message = "{article.standfirst.size}") String standfirst,
        @Pattern(regexp = TEXT, message = "{text.control}") @NotBlank(message = "{article.body.required}") @Size(max = 200_000, message = "{article.body.size}")
        String body,
        @Pattern(regexp = LINE, message = "{text.control}") @Size(max = 200, message = "{article.byline.size}") String byline,
        @Pattern(regexp = LINE, message = "{text.control}") @Size(max = 100, message = "{article.dateline.size}") String dateline,
        @Pattern(regexp = LINE, message = "{text.control}") @NotBlank(message = "{article.section.required}") @Size(max = 100, message = "{article.section.size}")
        String section,
        @Pattern(regexp = LINE, message = "{text.control}") @Size(max = 2000, message = "{article.tags.size}") String tags,
        @Size(max = 200, message = "{article.slug.size}")
        @Pattern(regexp = "|[a-z0-9]+(-[a-z0-9]+)*", message = "{article.slug.pattern}") String slug,
        @Size(max = 40, message = "{article.publishAt.invalid}") String publishAt) {

    static final int MAX_TAGS = 20;

    /** The years "Publish at" may name: anything else is a typing mistake or an attack. */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 9999;

    /**
     * No control characters (NUL, escape, C1) or non-characters: HTML cannot show them and XML 1.0 forbids them,
     * so one would break every feed carrying the story. Multi-line fields may hold tabs and line breaks.
     */
    static final String LINE = "[^\\p{Cc}\\uFFFE\\uFFFF]*";
    static final String TEXT = "[\\t\\n\\r[^\\p{Cc}\\uFFFE\\uFFFF]]*";

    static ArticleForm empty() {
        return new ArticleForm("", "", "", "", "", "", "", "", "", "");
    }

    /** The version the editor started from; null for a new story. */
    Long baseVersion() {
        return version == null || version.isBlank() ? null : Long.valueOf(version);
    }

    /** "Publish at" as a time in the site's zone; null when blank or unreadable (then a form error says so). */
    LocalDateTime publishTime() {
        if (publishAt == null || publishAt.isBlank()) {
            return null;
        }
        try {
            // To the minute, as the form shows it: nanoseconds would be rounded by the database, past year 9999.
            LocalDateTime time = LocalDateTime.parse(publishAt.strip()).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            // A year such as +999999999 parses, but no store or index can hold it (epoch millis overflow).
            return time.getYear() >= FIRST_YEAR && time.getYear() <= LAST_YEAR ? time : null;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    boolean isPublishAtReadable() {
        return publishAt == null || publishAt.isBlank() || publishTime() != null;
    }

    List<String> tagNames() {
        if (tags == null || tags.isBlank()) {
            return List.of();
        }
        return Arrays.stream(tags.split(",")).map(String::strip).filter(name -> !name.isEmpty()).distinct()
                .toList();
    }

    @AssertTrue(message = "{article.tags.invalid}")
    public boolean isTagListUsable() {
        List<String> names = tagNames();
        return names.size() <= MAX_TAGS
                && names.stream().allMatch(name -> name.length() <= 100 && !Slugs.of(name).isEmpty());
    }

    @AssertTrue(message = "{article.section.invalid}")
    public boolean isSectionUsable() {
        return section == null || section.isBlank() || !Slugs.of(section).isEmpty();
    }

    ArticleForm withVersion(long newVersion) {
        return new ArticleForm(String.valueOf(newVersion), headline, standfirst, body, byline, dateline, section, tags, slug,
                publishAt);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
