package io.broadsheet.newsroom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/** Field by field, what differs between a revision and the story as it is now; the body line by line. */
public record RevisionDiff(List<FieldDiff> fields) {

    public enum Kind {
        SAME, REMOVED, ADDED
    }

    public record Line(Kind kind, String text) {
    }

    public record FieldDiff(String field, List<Line> lines) {

        public boolean changed() {
            return lines.stream().anyMatch(line -> line.kind() != Kind.SAME);
        }
    }

    public boolean identical() {
        return fields.stream().noneMatch(FieldDiff::changed);
    }

    static RevisionDiff between(ArticleSnapshot then, ArticleSnapshot now) {
        List<FieldDiff> fields = new ArrayList<>();
        fields.add(field("Headline", then.headline(), now.headline()));
        fields.add(field("Standfirst", then.standfirst(), now.standfirst()));
        fields.add(field("Body", then.body(), now.body()));
        fields.add(field("Byline", then.byline(), now.byline()));
        fields.add(field("Dateline", then.dateline(), now.dateline()));
        fields.add(field("Section", then.sectionName(), now.sectionName()));
        fields.add(field("Tags", then.tagNames(), now.tagNames()));
        fields.add(field("Slug", then.slug(), now.slug()));
        fields.add(field("Status", String.valueOf(then.status()), String.valueOf(now.status())));
        fields.add(field("Publish at", text(then.publishedAt()), text(now.publishedAt())));
        return new RevisionDiff(fields);
    }

    private static FieldDiff field(String name, String before, String after) {
        List<String> old = lines(before);
        List<String> current = lines(after);
        if (Objects.equals(old, current)) {
            return new FieldDiff(name, old.stream().map(line -> new Line(Kind.SAME, line)).toList());
        }
        Patch<String> patch = DiffUtils.diff(old, current);
        List<Line> out = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            for (; position < delta.getSource().getPosition(); position++) {
                out.add(new Line(Kind.SAME, old.get(position)));
            }
            delta.getSource().getLines().forEach(line -> out.add(new Line(Kind.REMOVED, line)));
            delta.getTarget().getLines().forEach(line -> out.add(new Line(Kind.ADDED, line)));
            position += delta.getSource().size();
        }
        for (; position < old.size(); position++) {
            out.add(new Line(Kind.SAME, old.get(position)));
        }
        return new FieldDiff(name, out);
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : text.lines().toList();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
