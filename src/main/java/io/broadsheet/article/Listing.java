package io.broadsheet.article;

import java.util.List;

import io.broadsheet.system.PageNumber;

/** One page of a listing, and whether there are newer or older pages around it. */
public record Listing(List<ArticleSummary> items, PageNumber page, boolean hasOlder) {

    public boolean hasNewer() {
        return !page.isFirst();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
