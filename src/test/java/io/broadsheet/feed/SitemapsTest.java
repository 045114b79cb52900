package io.broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import io.broadsheet.article.Article;
import io.broadsheet.article.ArticleStatus;
import io.broadsheet.article.ArticleSyndication;
import io.broadsheet.section.TopicDirectory;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestArticles;
import io.broadsheet.support.TestClock;
import io.broadsheet.system.SiteProperties;
import io.broadsheet.system.SiteUrls;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The sitemaps, the news sitemap and robots.txt, checked against the sitemap and Google News XML schemas. */
@SiteTest
class SitemapsTest {

    static final Instant NOW = Instant.parse("2050-06-15T12:00:00Z");
    static final String BASE = "http://localhost:8080";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Autowired
    TestArticles articles;

    @Autowired
    ArticleSyndication syndication;

    @Autowired
    TopicDirectory topics;

    @Autowired
    SiteUrls urls;

    @Autowired
    SiteProperties site;

    @BeforeEach
    void pinClock() {
        clock.set(NOW);
    }

    static Schema schema(String... files) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        StreamSource[] sources = new StreamSource[files.length];
        for (int i = 0; i < files.length; i++) {
            sources[i] = new StreamSource(SitemapsTest.class.getResource("/schemas/" + files[i]).toString());
        }
        return factory.newSchema(sources);
    }

    static void assertValid(String xml, Schema schema) throws Exception {
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    String fetch(String path, String contentType) throws Exception {
        var response = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo(contentType);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    static List<String> locs(String xml) {
        Document document = Jsoup.parse(xml, "", Parser.xmlParser());
        return document.select("loc").eachText();
    }

    @Test
    void sitemapListsEveryPublicArticleSectionAndTagPageAndPassesTheSchema() throws Exception {
        var story = articles.publish("Sitemap desk story", "Sitemap Desk", NOW.minus(Duration.ofDays(30)),
                "Sitemap Tag");
        var draft = articles.save("Sitemap desk draft", "Sitemap Desk", ArticleStatus.DRAFT,
                NOW.minus(Duration.ofDays(30)));
        var future = articles.publish("Sitemap desk story of tomorrow", "Sitemap Desk", NOW.plus(Duration.ofDays(1)));

        String xml = fetch("/sitemap.xml", "application/xml;charset=UTF-8");

        assertValid(xml, schema("sitemap.xsd"));
        assertThat(locs(xml)).contains(BASE + "/", BASE + "/sections/sitemap-desk", BASE + "/tags/sitemap-tag",
                        BASE + "/articles/" + story.getSlug(), BASE + "/articles/" + ArticleSlugs.SEED)
                .doesNotContain(BASE + "/articles/" + draft.getSlug(), BASE + "/articles/" + future.getSlug())
                .doesNotHaveDuplicates();
        assertThat(xml).contains("<loc>" + BASE + "/articles/" + story.getSlug() + "</loc><lastmod>"
                + "2050-05-16T12:00:00Z</lastmod>");
    }

    /**
     * Each sitemap carries an ETag of what it lists: a crawler that has it gets a 304 and no body, until a change
     * to the stories changes what that sitemap lists (and only that sitemap).
     */
    @Test
    void everySitemapAnswersAConditionalRequestWith304UntilWhatItListsChanges() throws Exception {
        articles.publish("Sitemap etag story", "Sitemap Etag Desk", NOW.minus(Duration.ofHours(3)), "Sitemap Etag Tag");
        List<String> paths = List.of("/sitemap.xml", "/news-sitemap.xml", "/sitemaps/pages-1.xml",
                "/sitemaps/articles-1.xml", "/sitemaps/sections-1.xml", "/sitemaps/tags-1.xml");
        Map<String, String> etags = new LinkedHashMap<>();
        for (String path : paths) {
            var response = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
            assertThat(response.getHeader("ETag")).as(path).startsWith("W/\"");
            assertThat(response.getHeader("Cache-Control")).as(path).contains("public");
            etags.put(path, response.getHeader("ETag"));
            var again = mvc.perform(get(path).header("If-None-Match", response.getHeader("ETag")))
                    .andReturn().getResponse();
            assertThat(again.getStatus()).as(path).isEqualTo(304);
            assertThat(again.getContentAsByteArray()).as(path).isEmpty();
        }

        var newer = articles.publish("Sitemap etag newer story", "Sitemap Etag Other Desk",
                NOW.minus(Duration.ofHours(1)));
        for (String path : paths) {
            var response = mvc.perform(get(path).header("If-None-Match", etags.get(path))).andReturn().getResponse();
            if (path.equals("/sitemaps/pages-1.xml") || path.equals("/sitemaps/tags-1.xml")) {
                assertThat(response.getStatus()).as(path + ": lists nothing new").isEqualTo(304);
                continue;
            }
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            assertThat(response.getHeader("ETag")).as(path).isNotEqualTo(etags.get(path));
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(path)
                    .contains(path.endsWith("sections-1.xml") ? "/sections/sitemap-etag-other-desk"
                            : "/articles/" + newer.getSlug());
        }
    }

    /** The news sitemap is kept while no story changes, but not past the minute a story leaves its two days. */
    @Test
    void aStoryLeavesTheNewsSitemapWhenItsTwoDaysAreOverThoughNothingChanged() throws Exception {
        var leaving = articles.publish("News sitemap story about to leave", "News Sitemap Leaving Desk",
                NOW.minus(Sitemaps.NEWS_WINDOW).plusSeconds(20));
        String path = "/articles/" + leaving.getSlug();
        assertThat(fetch("/news-sitemap.xml", "application/xml;charset=UTF-8")).contains(path);
        assertThat(fetch("/news-sitemap.xml", "application/xml;charset=UTF-8")).contains(path);

        clock.set(NOW.plusSeconds(60));
        assertThat(fetch("/news-sitemap.xml", "application/xml;charset=UTF-8")).doesNotContain(path);
    }

    /** A child sitemap as written, or empty when there is none of that number. */
    static Optional<String> written(Sitemaps sitemaps, Sitemaps.Kind kind, int number) throws Exception {
        Optional<Sitemaps.Child> child = sitemaps.child(kind, number);
        if (child.isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sitemaps.write(child.get(), out);
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void pastTheLimitTheSitemapIsAnIndexOfPagedChildSitemapsHoldingTheSameAddresses() throws Exception {
        List<Article> paging = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            paging.add(articles.publish("Sitemap paging story " + i, "Sitemap Paging Desk",
                    NOW.minus(Duration.ofDays(40 + i)), "Sitemap Paging Tag " + i));
        }
        List<String> everything = locs(fetch("/sitemap.xml", "application/xml;charset=UTF-8"));
        Sitemaps small = new Sitemaps(syndication, topics, urls, site, "en", 5);

        ByteArrayOutputStream index = new ByteArrayOutputStream();
        small.writeMain(index);
        String indexXml = index.toString(StandardCharsets.UTF_8);

        assertValid(indexXml, schema("siteindex.xsd"));
        assertThat(indexXml).contains("<sitemapindex");
        List<String> children = locs(indexXml);
        assertThat(children).first().isEqualTo(BASE + "/sitemaps/pages-1.xml");
        assertThat(children).contains(BASE + "/sitemaps/articles-1.xml", BASE + "/sitemaps/articles-2.xml",
                BASE + "/sitemaps/tags-1.xml", BASE + "/sitemaps/sections-1.xml");
        List<String> fromChildren = new ArrayList<>();
        for (String child : children) {
            String name = child.substring((BASE + "/sitemaps/").length(), child.length() - ".xml".length());
            Sitemaps.Kind kind = Sitemaps.Kind.named(name.substring(0, name.indexOf('-'))).orElseThrow();
            int number = Integer.parseInt(name.substring(name.indexOf('-') + 1));
            String childXml = written(small, kind, number).orElseThrow(() -> new AssertionError(child));
            assertValid(childXml, schema("sitemap.xsd"));
            // At most 5 each, and never none: a range of ids that holds no public story is not listed.
            assertThat(locs(childXml)).as(child).hasSizeBetween(1, 5);
            fromChildren.addAll(locs(childXml));
        }
        assertThat(fromChildren).containsExactlyInAnyOrderElementsOf(everything);
        // Story ids 1-5 are in articles-1.xml, 6-10 in articles-2.xml, and so on.
        for (Article story : paging) {
            assertThat(locs(written(small, Sitemaps.Kind.ARTICLES, (int) ((story.getId() - 1) / 5 + 1)).orElseThrow()))
                    .contains(BASE + "/articles/" + story.getSlug());
        }
    }

    @Test
    void aRangeOfIdsWithNoPublicStoryIsNeitherListedNorServed() throws Exception {
        var draft = articles.save("Sitemap range draft", "Sitemap Range Desk", ArticleStatus.DRAFT,
                NOW.minus(Duration.ofDays(3)));
        var story = articles.publish("Sitemap range story", "Sitemap Range Desk", NOW.minus(Duration.ofDays(3)));
        Sitemaps onePerFile = new Sitemaps(syndication, topics, urls, site, "en", 1);

        ByteArrayOutputStream index = new ByteArrayOutputStream();
        onePerFile.writeIndex(index);
        assertThat(locs(index.toString(StandardCharsets.UTF_8)))
                .contains(BASE + "/sitemaps/articles-" + story.getId() + ".xml")
                .doesNotContain(BASE + "/sitemaps/articles-" + draft.getId() + ".xml");
        assertThat(written(onePerFile, Sitemaps.Kind.ARTICLES, Math.toIntExact(draft.getId()))).isEmpty();
    }

    @Test
    void childSitemapsAreServedAndUnknownOnesAre404() throws Exception {
        assertValid(fetch("/sitemaps/pages-1.xml", "application/xml;charset=UTF-8"), schema("sitemap.xsd"));
        assertValid(fetch("/sitemaps/articles-1.xml", "application/xml;charset=UTF-8"), schema("sitemap.xsd"));
        for (String path : new String[] {"/sitemaps/articles-2.xml", "/sitemaps/articles-0.xml",
                "/sitemaps/pages-2.xml", "/sitemaps/nothing-1.xml", "/sitemaps/articles-99999999999.xml"}) {
            mvc.perform(get(path)).andExpect(status().isNotFound());
        }
    }

    @Test
    void newsSitemapHasTheStoriesOfTheLastTwoDaysInGoogleNewsFormat() throws Exception {
        Instant now = Instant.parse("2060-01-10T12:00:00Z");
        clock.set(now);
        var fresh = articles.publish("News sitemap story of yesterday & “today”", "News Sitemap Desk",
                now.minus(Duration.ofDays(1)));
        var old = articles.publish("News sitemap story of three days ago", "News Sitemap Desk",
                now.minus(Duration.ofDays(3)));
        var future = articles.publish("News sitemap story of tomorrow", "News Sitemap Desk",
                now.plus(Duration.ofDays(1)));

        String xml = fetch("/news-sitemap.xml", "application/xml;charset=UTF-8");

        assertValid(xml, schema("sitemap.xsd", "sitemap-news.xsd"));
        assertThat(locs(xml)).containsExactly(BASE + "/articles/" + fresh.getSlug());
        Document document = Jsoup.parse(xml, "", Parser.xmlParser());
        assertThat(document.select("news|title").text()).isEqualTo("News sitemap story of yesterday & “today”");
        assertThat(document.select("news|name").text()).isEqualTo("Broadsheet");
        assertThat(document.select("news|language").text()).isEqualTo("en");
        assertThat(document.select("news|publication_date").text()).isEqualTo("2060-01-09T12:00:00Z");
        assertThat(xml).doesNotContain(old.getSlug(), future.getSlug());
    }

    @Test
    void robotsPointsToBothSitemapsAndKeepsAdminOut() throws Exception {
        String robots = fetch("/robots.txt", "text/plain;charset=UTF-8");

        assertThat(robots.lines()).contains("User-agent: *", "Disallow: /admin",
                "Sitemap: " + BASE + "/sitemap.xml", "Sitemap: " + BASE + "/news-sitemap.xml");
    }

    /** The seeded story's slug, for checks that it is listed. */
    static final class ArticleSlugs {
        static final String SEED = "taliban-overtakes-3-more-major-cities-in-afghanistan-in-push-toward-kabul";
    }
}
