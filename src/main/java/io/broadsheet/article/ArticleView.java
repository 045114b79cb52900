package io.broadsheet.article;

import java.time.Instant;
import java.util.List;

/**
 * An article as the article page shows it: body already rendered and sanitised, links already built.
 * The newsroom's preview builds the same view from an unsaved form, so a preview is exactly the published page.
 */
public record ArticleView(String slug, String headline, String standfirst, String bodyHtml, String byline,
        String dateline, Link section, List<Link> tags, Instant publishedAt, Instant updatedAt, String summary) {

    public record Link(String name, String path) {
    }

    public static ArticleView of(Article article) {
        return new ArticleView(article.getSlug(), article.getHeadline(), blankToNull(article.getStandfirst()),
                ArticleBody.toSafeHtml(article.getBody()), byline(article.getByline()),
                blankToNull(article.getDateline()),
                new Link(article.getSection().getName(), "/sections/" + article.getSection().getSlug()),
                article.getTags().stream().map(tag -> new Link(tag.getName(), "/tags/" + tag.getSlug())).toList(),
                article.getPublishedAt(), article.wasUpdatedAfterPublishing() ? article.getUpdatedAt() : null,
                article.getSummary());
    }

    public String path() {
        return "/articles/" + slug;
    }

    /**
     * The byline as the page puts it after its own "By": a byline typed with its own "By " (as many newsrooms write
     * it) loses that word, so that the page does not say "By By" (and feeds and shared metadata name the author).
     */
    static String byline(String byline) {
        String name = blankToNull(byline);
        if (name != null && name.regionMatches(true, 0, "by ", 0, 3)) {
            name = blankToNull(name.substring(3));
        }
        return name;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
