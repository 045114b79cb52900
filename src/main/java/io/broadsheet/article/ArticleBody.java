package io.broadsheet.article;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Editors write Markdown; readers get HTML that has been through an allow-list, so that no script, event handler,
 * {@code javascript:} link, frame or style an editor typed (or pasted) ever reaches a reader's browser.
 */
public final class ArticleBody {

    private static final Parser PARSER = Parser.builder().build();

    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(false).sanitizeUrls(true).build();

    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeTags("img")
            .addAttributes("a", "rel")
            .addEnforcedAttribute("a", "rel", "nofollow noopener")
            .removeProtocols("a", "href", "ftp");

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private ArticleBody() {
    }

    /** Markdown to HTML that is safe to put in a page as it is. */
    public static String toSafeHtml(String markdown) {
        return Jsoup.clean(toHtml(markdown), "", ALLOWED, OUTPUT);
    }

    /** Markdown to the plain text a reader sees, for the search index. */
    public static String toPlainText(String markdown) {
        return Jsoup.parse(toHtml(markdown)).text();
    }

    static String toHtml(String markdown) {
        return RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
    }
}
