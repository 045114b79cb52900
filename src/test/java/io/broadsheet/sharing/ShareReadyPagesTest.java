package io.broadsheet.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import io.broadsheet.article.Article;
import io.broadsheet.support.HtmlChecker;
import io.broadsheet.support.Http;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestArticles;
import io.broadsheet.support.TestClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Canonical URLs, descriptions, OpenGraph and Twitter cards, JSON-LD and pagination links in the head. */
@SiteTest
class ShareReadyPagesTest {

    static final Instant NOW = Instant.parse("2032-04-01T09:00:00Z");
    static final String BASE = "http://localhost:8080";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Autowired
    TestArticles articles;

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    @BeforeEach
    void pinClock() {
        clock.set(NOW);
    }

    String html(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    static String meta(Document page, String attribute, String name) {
        return page.select("head meta[" + attribute + "=" + name + "]").attr("content");
    }

    @Test
    void articleHasCanonicalDescriptionOpenGraphTwitterAndNewsArticleJsonLd() throws Exception {
        Instant published = NOW.minus(Duration.ofHours(3));
        String headline = "Sharing “quoted” \"headline\" </script><script>alert(1)</script> & Кабул کابل 喀布尔 😀";
        Article article = articles.publish(headline, "Sharing Desk", published, "Sharing Kabul", "Sharing Herat");
        article.setStandfirst("A standfirst with <b>tags</b> & “quotes”.");
        article.setByline("Amina Rahimi and John Roe");
        article.setDateline("Kabul");
        article.setUpdatedAt(published.plus(Duration.ofHours(1)));
        articles.update(article);
        String url = BASE + "/articles/" + article.getSlug();

        String html = html("/articles/" + article.getSlug());
        Document page = Jsoup.parse(html);

        assertThat(page.select("head link[rel=canonical]").attr("href")).isEqualTo(url);
        assertThat(meta(page, "name", "description")).isEqualTo("A standfirst with <b>tags</b> & “quotes”.");
        assertThat(meta(page, "property", "og:type")).isEqualTo("article");
        assertThat(meta(page, "property", "og:title")).isEqualTo(headline);
        assertThat(meta(page, "property", "og:url")).isEqualTo(url);
        assertThat(meta(page, "property", "og:image")).isEqualTo(BASE + "/images/logo.png");
        assertThat(meta(page, "property", "og:site_name")).isEqualTo("Broadsheet");
        assertThat(meta(page, "property", "article:section")).isEqualTo("Sharing Desk");
        assertThat(page.select("head meta[property=article:tag]").eachAttr("content"))
                .containsExactly("Sharing Herat", "Sharing Kabul");
        assertThat(meta(page, "name", "twitter:card")).isEqualTo("summary");
        assertThat(meta(page, "name", "twitter:title")).isEqualTo(headline);
        assertThat(page.select("head link[rel=alternate][type=application/rss+xml]").eachAttr("href"))
                .containsExactly(BASE + "/feed.xml", BASE + "/sections/sharing-desk/feed.xml");

        assertThat(page.select("script[type=application/ld+json]")).hasSize(1);
        String script = page.selectFirst("script[type=application/ld+json]").data();
        assertThat(script).doesNotContain("<", ">", "&");
        assertThat(html.split("</script", -1)).as("the headline cannot end the script element early").hasSize(2);
        JsonNode data = json.readTree(script);
        assertThat(data.get("@context").asString()).isEqualTo("https://schema.org");
        assertThat(data.get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(data.get("headline").asString()).isEqualTo(headline);
        assertThat(data.get("description").asString()).isEqualTo("A standfirst with <b>tags</b> & “quotes”.");
        assertThat(data.get("datePublished").asString()).isEqualTo("2032-04-01T06:00:00Z");
        assertThat(data.get("dateModified").asString()).isEqualTo("2032-04-01T07:00:00Z");
        assertThat(data.get("author").valueStream().map(author -> author.get("name").asString()).toList())
                .containsExactly("Amina Rahimi", "John Roe");
        assertThat(data.get("author").get(0).get("@type").asString()).isEqualTo("Person");
        assertThat(data.get("publisher").get("name").asString()).isEqualTo("Broadsheet");
        assertThat(data.get("publisher").get("logo").get("url").asString()).isEqualTo(BASE + "/images/logo.png");
        assertThat(data.get("mainEntityOfPage").get("@id").asString()).isEqualTo(url);
        assertThat(data.get("dateline").asString()).isEqualTo("Kabul");
        assertThat(data.get("locationCreated").get("name").asString()).isEqualTo("Kabul");
        assertThat(data.get("articleSection").asString()).isEqualTo("Sharing Desk");
        assertThat(data.get("keywords").valueStream().map(JsonNode::asString).toList())
                .containsExactly("Sharing Herat", "Sharing Kabul");

        assertThat(HtmlChecker.errorsIn(html)).isEmpty();
    }

    @Test
    void theLogoTheJsonLdNamesIsServed() throws Exception {
        var response = mvc.perform(get("/images/logo.png")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo("image/png");
        assertThat(response.getContentAsByteArray()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void listingPagesHaveCanonicalUrlsAndPaginationLinksInTheHead() throws Exception {
        for (int i = 1; i <= 45; i++) {
            articles.publish("Sharing paging story " + i, "Sharing Paging Desk",
                    NOW.minus(Duration.ofDays(400)).plus(Duration.ofMinutes(i)), "Sharing Paging");
        }

        Document first = Jsoup.parse(html("/sections/sharing-paging-desk"));
        assertThat(first.select("head link[rel=canonical]").attr("href"))
                .isEqualTo(BASE + "/sections/sharing-paging-desk");
        assertThat(first.select("head link[rel=prev]")).isEmpty();
        assertThat(first.select("head link[rel=next]").attr("href"))
                .isEqualTo(BASE + "/sections/sharing-paging-desk?page=2");
        assertThat(meta(first, "name", "description"))
                .isEqualTo("The latest stories in Sharing Paging Desk from Broadsheet.");
        assertThat(meta(first, "property", "og:title")).isEqualTo("Sharing Paging Desk");
        assertThat(meta(first, "property", "og:type")).isEqualTo("website");
        assertThat(first.select("head script[type=application/ld+json]")).isEmpty();

        Document second = Jsoup.parse(html("/tags/sharing-paging?page=2"));
        assertThat(second.select("head link[rel=canonical]").attr("href"))
                .isEqualTo(BASE + "/tags/sharing-paging?page=2");
        assertThat(second.select("head link[rel=prev]").attr("href")).isEqualTo(BASE + "/tags/sharing-paging");
        assertThat(second.select("head link[rel=next]").attr("href")).isEqualTo(BASE + "/tags/sharing-paging?page=3");

        Document third = Jsoup.parse(html("/tags/sharing-paging?page=3"));
        assertThat(third.select("head link[rel=prev]").attr("href")).isEqualTo(BASE + "/tags/sharing-paging?page=2");
        assertThat(third.select("head link[rel=next]")).isEmpty();
    }

    @Test
    void frontPageHasTheSiteDescriptionAndCanonicalUrl() throws Exception {
        Document front = Jsoup.parse(html("/"));

        assertThat(front.select("head link[rel=canonical]").attr("href")).isEqualTo(BASE + "/");
        assertThat(meta(front, "name", "description"))
                .isEqualTo("Broadsheet: news as it happens, reported and edited by our newsroom.");
        assertThat(meta(front, "property", "og:title")).isEqualTo("Broadsheet");
        assertThat(meta(front, "name", "twitter:card")).isEqualTo("summary");
    }

    @Test
    void errorPagesAskNotToBeIndexedAndHaveNoCanonicalUrl() throws Exception {
        var response = Http.get(port, "/articles/no-such-sharing-story");
        assertThat(response.statusCode()).isEqualTo(404);

        Document page = Jsoup.parse(response.body());
        assertThat(meta(page, "name", "robots")).isEqualTo("noindex");
        assertThat(page.select("head link[rel=canonical]")).isEmpty();
        assertThat(page.select("head script[type=application/ld+json]")).isEmpty();
    }
}
