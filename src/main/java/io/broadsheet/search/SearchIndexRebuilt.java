package io.broadsheet.search;

/** The search index was rebuilt: search results shown before it may have missed stories. */
public record SearchIndexRebuilt() {
}
