package io.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.broadsheet.article.Article;
import io.broadsheet.article.ArticleRepository;
import io.broadsheet.article.ArticleStatus;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.function.Consumer;
import io.broadsheet.support.HtmlChecker;
import io.broadsheet.support.Http;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestArticles;
import io.broadsheet.support.TestClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The search page on a known set of stories. Each test searches for words of its own (made-up or rare ones), so
 * the stories other tests put into the shared context never get in the way.
 */
@SiteTest
class SearchTest {

    static final Instant MORNING = TestClock.SEED_MORNING;

    @Autowired
    TestClock clock;

    @Autowired
    TestArticles articles;

    @Autowired
    ArticleRepository repository;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    EntityManagerFactory entityManagers;

    @Autowired
    SearchIndexRebuild rebuild;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @BeforeEach
    void morning() {
        clock.set(MORNING);
    }

    Article story(String headline, String standfirst, String body, ArticleStatus status, Instant publishedAt) {
        Article article = articles.save(headline, "Search Desk", status, publishedAt);
        article.setStandfirst(standfirst);
        article.setBody(body);
        return articles.update(article);
    }

    Article published(String headline, String standfirst, String body, Duration ago) {
        return story(headline, standfirst, body, ArticleStatus.PUBLISHED, MORNING.minus(ago));
    }

    HttpResponse<String> search(String query) {
        return Http.get(port, "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    Document results(String query) {
        HttpResponse<String> response = search(query);
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    List<String> headlines(String query) {
        return results(query).select(".search-results h2").eachText();
    }

    /** What a result shows beside its headline (its section and publish time) comes with it, not from the masthead. */
    @Test
    void aResultShowsItsSectionItsTimeAndItsSummaryWhenTheBodyHasNoneOfTheWords() {
        Article story = published("Orchard of the gnomon", "Sundials, catalogued by a retired clockmaker.",
                "Shadows keep the hours.", Duration.ofDays(3));

        var result = results("gnomon").selectFirst(".story-summary");

        assertThat(result.select(".meta a").attr("href")).isEqualTo("/sections/search-desk");
        assertThat(result.select(".meta a").text()).isEqualTo("Search Desk");
        assertThat(result.select(".meta time").attr("datetime")).isEqualTo(story.getPublishedAt().toString());
        assertThat(result.select(".summary").text()).isEqualTo("Sundials, catalogued by a retired clockmaker.");
    }

    @Test
    void headlineMatchRanksAboveStandfirstAndBodyMatches() {
        published("Farmers fear the quinoa blight", null,
                "Growers met on Monday to talk about the harvest.", Duration.ofDays(30));
        published("Growers meet about the harvest", "The quinoa blight is spreading, they say.",
                "Growers met on Monday to talk about the harvest.", Duration.ofDays(20));
        published("A newer story about the harvest", null,
                "Growers met on Monday. Some said the quinoa blight had reached the valley.", Duration.ofDays(1));

        List<String> found = headlines("quinoa blight");
        assertThat(found).hasSize(3).first().isEqualTo("Farmers fear the quinoa blight");
        assertThat(found).containsOnly("Farmers fear the quinoa blight", "Growers meet about the harvest",
                "A newer story about the harvest");
    }

    @Test
    void anOlderHeadlineMatchRanksAboveANewerBodyMatch() {
        published("Rangers report two sightings", null,
                "The okapi was seen. Another okapi was seen later that day.", Duration.ofDays(1));
        published("Okapi sighted near the river", null, "Rangers saw it at dawn.", Duration.ofDays(300));

        assertThat(headlines("okapi")).containsExactly("Okapi sighted near the river",
                "Rangers report two sightings");
    }

    @Test
    void englishStemmingFindsOtherFormsOfAWord() {
        published("Customs officers act at the border", null,
                "Officers seize a lorry of counterfeit marmalade near the port.", Duration.ofDays(3));

        assertThat(headlines("seized marmalade")).containsExactly("Customs officers act at the border");
        assertThat(headlines("seizing marmalades")).containsExactly("Customs officers act at the border");
        assertThat(results("seized marmalade").select(".search-results .summary mark").eachText())
                .contains("seize", "marmalade");
    }

    @Test
    void theHeadlineMarksEachFormOfTheWordsSearchedForButNoExcludedOnes() {
        published("Officers seize counterfeit Jam at the border", null,
                "Officers seized jam at the border crossing.", Duration.ofDays(3));

        Element result = results("seizing JAM -\"border patrol\"").selectFirst(".search-results li");
        assertThat(result.select("h2 a").text()).isEqualTo("Officers seize counterfeit Jam at the border");
        assertThat(result.select("h2 mark").eachText()).containsExactly("seize", "Jam");
    }

    @Test
    void theSeededReportIsFoundThoughItWentInBySqlNotJpa() {
        assertThat(headlines("seize Kandahar"))
                .containsExactly("Taliban overtakes 3 more major cities in Afghanistan in push toward Kabul");
    }

    /** As the newsroom does it: load the story, change it, save it, in one transaction. */
    void change(Article article, Consumer<Article> change) {
        transaction.executeWithoutResult(tx -> {
            Article loaded = repository.findById(article.getId()).orElseThrow();
            change.accept(loaded);
            repository.save(loaded);
        });
    }

    /** Whether the search index holds a document for {@code article}. */
    boolean indexed(Article article) {
        return transaction.execute(tx -> {
            try (var entityManager = entityManagers.createEntityManager()) {
                return Search.session(entityManager).search(Article.class)
                        .where(f -> f.id().matching(article.getId())).fetchTotalHitCount() == 1;
            }
        });
    }

    @Test
    void theIndexFollowsPublishEditUnpublishArchiveAndDeleteAtOnce() {
        Article story = story("Axolotl draft", null, "An axolotl story.", ArticleStatus.DRAFT,
                MORNING.plus(Duration.ofDays(1)));
        assertThat(headlines("axolotl")).isEmpty();
        assertThat(indexed(story)).as("a draft in the index").isFalse();

        change(story, article -> article.publishAt(MORNING.minus(Duration.ofHours(1))));
        assertThat(headlines("axolotl")).containsExactly("Axolotl draft");
        assertThat(indexed(story)).isTrue();

        change(story, article -> {
            article.setHeadline("Axolotl numbers recover");
            article.setBody("The salamander is back in the lakes.");
        });
        assertThat(headlines("axolotl")).containsExactly("Axolotl numbers recover");
        assertThat(headlines("salamander")).containsExactly("Axolotl numbers recover");
        assertThat(headlines("axolotl story")).isEmpty();

        change(story, article -> article.setStatus(ArticleStatus.DRAFT));
        assertThat(headlines("axolotl")).isEmpty();
        assertThat(indexed(story)).as("an unpublished story in the index").isFalse();

        change(story, article -> article.publishAt(MORNING.minus(Duration.ofHours(1))));
        assertThat(headlines("axolotl")).containsExactly("Axolotl numbers recover");
        change(story, article -> article.setStatus(ArticleStatus.ARCHIVED));
        assertThat(headlines("axolotl")).isEmpty();
        assertThat(indexed(story)).as("an archived story in the index").isFalse();

        change(story, article -> article.publishAt(MORNING.minus(Duration.ofHours(1))));
        transaction.executeWithoutResult(tx -> repository.deleteById(story.getId()));
        assertThat(headlines("axolotl")).isEmpty();
    }

    @Test
    void aLostIndexIsRebuiltFromTheDatabase() throws Exception {
        String seed = "Taliban overtakes 3 more major cities in Afghanistan in push toward Kabul";
        Search.mapping(entityManagers).scope(Article.class).workspace().purge();
        assertThat(headlines("Kandahar")).isEmpty();

        rebuild.rebuildIfIncomplete();

        assertThat(headlines("Kandahar")).containsExactly(seed);
    }

    @Test
    void draftsArchivedAndScheduledStoriesAreNeverFound() {
        story("Draft about the xylophonist", null, "The xylophonist played.", ArticleStatus.DRAFT,
                MORNING.minus(Duration.ofDays(1)));
        story("Archived xylophonist story", null, "The xylophonist played.", ArticleStatus.ARCHIVED,
                MORNING.minus(Duration.ofDays(1)));
        story("Scheduled xylophonist story", null, "The xylophonist will play.", ArticleStatus.PUBLISHED,
                MORNING.plus(Duration.ofHours(2)));
        published("Published xylophonist story", null, "The xylophonist played.", Duration.ofDays(2));

        assertThat(headlines("xylophonist")).containsExactly("Published xylophonist story");
        assertThat(results("xylophonist").select(".search-count").text()).isEqualTo("1 result for “xylophonist”");

        clock.set(MORNING.plus(Duration.ofHours(3)));
        assertThat(headlines("xylophonist"))
                .containsExactlyInAnyOrder("Published xylophonist story", "Scheduled xylophonist story");
    }

    @Test
    void aStoryTheIndexStillHoldsIsShownOnlyWhileTheDatabaseSaysItIsPublic() {
        // As another instance's embedded index would see it: the story was pulled where this index did not hear.
        Article pulled = published("Narwhal sighting pulled", null, "The narwhal surfaced.", Duration.ofDays(3));
        published("Narwhal sighting one", null, "The narwhal surfaced.", Duration.ofDays(4));
        published("Narwhal sighting two", null, "The narwhal surfaced.", Duration.ofDays(5));
        jdbc.update("update article set status = 'DRAFT' where id = ?", pulled.getId());

        assertThat(headlines("narwhal")).containsExactlyInAnyOrder("Narwhal sighting one", "Narwhal sighting two");
    }

    @Test
    void aStoryPulledThroughAnotherInstanceLeavesTheResultsFromTheNextMinute() {
        Article pulled = published("Tuatara sighting pulled", null, "The tuatara basked.", Duration.ofDays(3));
        published("Tuatara sighting kept", null, "The tuatara basked.", Duration.ofDays(4));
        assertThat(headlines("tuatara"))
                .containsExactlyInAnyOrder("Tuatara sighting pulled", "Tuatara sighting kept");

        // Another instance pulls it: straight into the shared database, so neither this index nor its caches hear.
        jdbc.update("update article set status = 'DRAFT', updated_at = ? where id = ?", Timestamp.from(MORNING),
                pulled.getId());
        clock.set(MORNING.plus(Duration.ofMinutes(1)));

        assertThat(headlines("tuatara")).containsExactly("Tuatara sighting kept");
    }

    @Autowired
    SiteSearch search;

    List<Long> ids(SiteSearch.FoundPage page) {
        return page.hits().stream().map(SiteSearch.Found::id).toList();
    }

    /** The same page, first from the stories with the words in their headline, when no other story can make it. */
    @Test
    void headlineMatchesAloneAnswerWhenTheyFillThePageAboveWhatAnyOtherStoryCanScore() {
        for (int i = 0; i < 12; i++) {
            published("Numbat sighted, day " + i, null, "A numbat was seen at the waterhole.", Duration.ofDays(60 + i));
        }
        for (int i = 0; i < 20; i++) {
            published("Waterhole report " + i, null, "Numbat, numbat, numbat: the numbat is back.",
                    Duration.ofDays(80 + i));
        }
        SiteSearch.Query numbat = SiteSearch.Query.of("numbat");

        transaction.executeWithoutResult(tx -> {
            var firstPage = search.headlineMatchesFirst(numbat, 0, MORNING, 0);
            var whole = search.everything(numbat, 0, MORNING);
            assertThat(firstPage).isPresent();
            assertThat(ids(firstPage.get())).hasSize(10).isEqualTo(ids(whole));
            assertThat(firstPage.get().total()).isEqualTo(whole.total()).isEqualTo(32);
            assertThat(firstPage.get().exact()).isTrue();
            // the whole search at once when a word is in fewer stories than asked (32 hold it here)
            assertThat(search.headlineMatchesFirst(numbat, 0, MORNING, 32)).isPresent();
            assertThat(search.headlineMatchesFirst(numbat, 0, MORNING, 1_000_000)).isEmpty();
            // two headline matches are left for the second page: the whole search fills it
            assertThat(search.headlineMatchesFirst(numbat, 10, MORNING, 0)).isEmpty();
            assertThat(ids(search.everything(numbat, 10, MORNING))).hasSize(10);
        });
        List<String> found = headlines("numbat");
        assertThat(found).hasSize(10).allMatch(headline -> headline.startsWith("Numbat sighted"));
        assertThat(results("numbat").select(".search-count").text()).isEqualTo("32 results for “numbat”");
    }

    /** A story all about the words, with none in its headline, beats weak headline matches: the whole search runs. */
    @Test
    void theWholeSearchRunsWhenAStoryWithoutTheWordsInItsHeadlineCouldMakeThePage() {
        String longHeadline = " and the long list of everything else the rangers counted on the ridge that week,"
                + " from the old gum trees down to the dry creek bed and the fences they mended";
        for (int i = 0; i < 12; i++) {
            published("Wombat seen" + longHeadline + " " + i, null,
                    "Rangers walked the ridge for a week." + longHeadline + ". Lunch was a quenelle.",
                    Duration.ofDays(60 + i));
        }
        // stories with neither word, and short headlines, as most are
        for (int i = 0; i < 30; i++) {
            published("Ridge walk " + i, null, "Rangers walked the ridge.", Duration.ofDays(100 + i));
        }
        Article allAbout = published("Marsupial cookery", null,
                "Wombat quenelle. ".repeat(8), Duration.ofDays(90));
        SiteSearch.Query both = SiteSearch.Query.of("wombat quenelle");

        transaction.executeWithoutResult(tx -> {
            var whole = search.everything(both, 0, MORNING);
            assertThat(ids(whole)).hasSize(10).contains(allAbout.getId());
            assertThat(search.headlineMatchesFirst(both, 0, MORNING, 0)).isEmpty();
        });
        assertThat(headlines("wombat quenelle")).hasSize(10).contains("Marsupial cookery");
    }

    @Test
    void aHeadlineIsShownWholeEvenWhenItReadsAsTwoSentences() {
        published("U.S. Embassy in Quarkville closes. Staff leave by road", null,
                "The embassy in Quarkville shut its doors on Monday.", Duration.ofDays(2));

        Element result = results("quarkville").selectFirst(".search-results li");
        assertThat(result.select("h2 a").text()).isEqualTo("U.S. Embassy in Quarkville closes. Staff leave by road");
        assertThat(result.select(".summary mark").eachText()).containsOnly("Quarkville");
    }

    @Test
    void snippetsAreEscapedAndOnlyTheHighlightIsMarkup() {
        published("<script>alert('zebrafinch')</script> & <b>zebrafinch</b>", null,
                "Five < six & the zebrafinch sang \"<img src=x onerror=alert(1)>\".", Duration.ofDays(2));

        String html = search("zebrafinch").body();
        Element result = Jsoup.parse(html).selectFirst(".search-results li");

        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img").doesNotContain("<b>zebrafinch");
        assertThat(result.select("h2 a").text())
                .isEqualTo("<script>alert('zebrafinch')</script> & <b>zebrafinch</b>");
        assertThat(result.select("h2 mark").eachText()).containsOnly("zebrafinch");
        assertThat(result.select("mark, a, p, h2, article, time").size()).isEqualTo(result.getAllElements().size() - 1);
    }

    @Test
    void theCountStopsAtTheThousandResultsAReaderCanPageThrough() {
        // long ago, so that they stay out of every other test's listings
        transaction.executeWithoutResult(tx -> {
            for (int i = 0; i <= SiteSearch.MAX_RESULTS; i++) {
                articles.save("Quokka census " + i, "Search Desk", ArticleStatus.PUBLISHED,
                        MORNING.minus(Duration.ofDays(3000)).minusSeconds(i));
            }
        });

        Document first = results("quokka");
        assertThat(first.select(".search-count").text()).isEqualTo("1,000 or more results for “quokka”");
        assertThat(first.select(".search-results li")).hasSize(10);
        assertThat(Http.get(port, "/search?q=quokka&page=100").statusCode()).isEqualTo(200);
        assertThat(Http.get(port, "/search?q=quokka&page=101").statusCode()).isEqualTo(404);
        assertThat(results("quokka census 7").select(".search-count").text()).isEqualTo("1 result for “quokka census 7”");
    }

    @Test
    void resultsArePagedTenAtATime() {
        for (int i = 0; i < 12; i++) {
            published("Pangolin report number " + i, null, "About pangolins.", Duration.ofDays(40 + i));
        }

        Document first = results("pangolin");
        assertThat(first.select(".search-results li")).hasSize(10);
        assertThat(first.select(".search-count").text()).isEqualTo("12 results for “pangolin”");
        assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/search?q=pangolin&page=2");
        assertThat(first.select("a[rel=prev]")).isEmpty();

        HttpResponse<String> response = Http.get(port, "/search?q=pangolin&page=2");
        Document second = Jsoup.parse(response.body());
        assertThat(second.select(".search-results li")).hasSize(2);
        assertThat(second.select(".search-results").attr("start")).isEqualTo("11");
        assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/search?q=pangolin");
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(HtmlChecker.errorsIn(response.body())).isEmpty();

        assertThat(Http.get(port, "/search?q=pangolin&page=3").statusCode()).isEqualTo(404);
        assertThat(Http.get(port, "/search?q=pangolin&page=101").statusCode()).isEqualTo(404);
    }

    @Test
    void anEmptySearchAsksForWords() {
        for (String path : List.of("/search", "/search?q=", "/search?q=+++", "/search?q=%00%01")) {
            HttpResponse<String> response = Http.get(port, path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            Document page = Jsoup.parse(response.body());
            assertThat(page.select("main .empty").text()).as(path)
                    .isEqualTo("Type a word or two to search the stories.");
            assertThat(HtmlChecker.errorsIn(response.body())).as(path).isEmpty();
        }
    }

    @Test
    void aSearchThatFindsNothingSaysSo() {
        for (String query : List.of("nonexistentwordqwerty", "the", "***", "\"unbalanced quote", "-", "a OR",
                "((((", "title:foo", "*:*", "~2 ^3")) {
            Document page = results(query);
            assertThat(page.select("main .empty p").first().text()).as(query)
                    .isEqualTo("Nothing matched “" + query + "”.");
        }
    }

    @Test
    void aVeryLongSearchIsCutShortWithANotice() {
        published("Capybara census results", null, "The capybara count rose.", Duration.ofDays(5));
        String longQuery = "capybara " + "census ".repeat(300);

        HttpResponse<String> response = search(longQuery);

        assertThat(longQuery.length()).isGreaterThan(2000);
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select(".search-notice").text())
                .isEqualTo("That was a long search: only its first 200 characters were searched.");
        assertThat(page.select("#search-q").attr("value")).hasSizeLessThanOrEqualTo(200).startsWith("capybara census");
        assertThat(page.select(".search-results h2").eachText()).containsExactly("Capybara census results");
        assertThat(HtmlChecker.errorsIn(response.body())).isEmpty();

        assertThat(search("x".repeat(1000)).statusCode()).isEqualTo(200);
        assertThat(search("x".repeat(20_000)).statusCode()).as("past Tomcat's request line limit").isEqualTo(400);
    }

    @Test
    void aPageNumberThatIsNotOneIsABadRequest() {
        for (String page : List.of("abc", "0", "-1", "1.5", "99999999")) {
            HttpResponse<String> response = Http.get(port, "/search?q=kabul&page=" + page);
            assertThat(response.statusCode()).as(page).isEqualTo(400);
            assertThat(response.body()).doesNotContain("Exception");
        }
    }
}
