package io.broadsheet.article;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.broadsheet.sharing.PageMeta;
import io.broadsheet.sharing.PageMetas;
import io.broadsheet.system.SiteDates;
import org.springframework.stereotype.Component;

/** A story's head metadata: OpenGraph fields and its schema.org {@code NewsArticle} as JSON-LD. */
@Component
class ArticleSharing {

    /** "Jane Doe and John Roe", "Jane Doe, John Roe": one author each. */
    private static final Pattern AUTHORS = Pattern.compile("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*");

    private final PageMetas metas;
    private final SiteDates dates;

    ArticleSharing(PageMetas metas, SiteDates dates) {
        this.metas = metas;
        this.dates = dates;
    }

    PageMeta of(ArticleView article) {
        String description = article.standfirst() != null ? article.standfirst() : article.summary();
        var modified = article.updatedAt() != null ? article.updatedAt() : article.publishedAt();
        List<String> tags = article.tags().stream().map(ArticleView.Link::name).toList();
        String url = metas.absolute(article.path());

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "NewsArticle");
        data.put("headline", article.headline());
        data.put("description", description);
        data.put("url", url);
        data.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", url));
        data.put("datePublished", dates.iso(article.publishedAt()));
        data.put("dateModified", dates.iso(modified));
        data.put("author", authors(article.byline()));
        data.put("publisher", metas.publisher());
        data.put("image", List.of(metas.absolute(PageMetas.LOGO_PATH)));
        if (article.dateline() != null) {
            data.put("dateline", article.dateline());
            data.put("locationCreated", Map.of("@type", "Place", "name", article.dateline()));
        }
        data.put("articleSection", article.section().name());
        data.put("keywords", tags);
        data.put("isAccessibleForFree", true);

        return metas.article(article.headline(), description, article.path(), article.publishedAt(), modified,
                article.section().name(), article.section().path() + "/feed.xml", tags, data);
    }

    private List<Map<String, Object>> authors(String byline) {
        List<Map<String, Object>> authors = new ArrayList<>();
        if (byline != null) {
            for (String name : AUTHORS.split(byline.strip())) {
                if (!name.isBlank()) {
                    authors.add(Map.of("@type", "Person", "name", name.strip()));
                }
            }
        }
        if (authors.isEmpty()) {
            authors.add(metas.publisher());
        }
        return authors;
    }
}
