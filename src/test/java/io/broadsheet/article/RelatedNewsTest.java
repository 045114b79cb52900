package io.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.broadsheet.support.Http;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestArticles;
import io.broadsheet.support.TestClock;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The related-news sidebar with content similarity, as a reader sees it on the article page. */
@SiteTest
class RelatedNewsTest {

    static final Instant MORNING = TestClock.SEED_MORNING;

    static final String FLOOD_TEXT = "Monsoon floodwaters breached an embankment in Sindh province, and villagers"
            + " in Dadu and Jacobabad were evacuated to relief camps as the Indus kept rising.";

    @Autowired
    TestClock clock;

    @Autowired
    TestArticles articles;

    @LocalServerPort
    int port;

    @BeforeEach
    void morning() {
        clock.set(MORNING);
    }

    Article story(String headline, String section, ArticleStatus status, Duration ago, String body,
            String... tags) {
        Article article = articles.save(headline, section, status, MORNING.minus(ago), tags);
        article.setBody(body);
        return articles.update(article);
    }

    List<String> relatedOn(Article article) {
        var response = Http.get(port, "/articles/" + article.getSlug());
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body()).select("aside.related li a").eachText();
    }

    @Test
    void aStoryWithNoSharedTagFindsItsRelativesByTheirText() {
        Article subject = story("Sindh embankment gives way", "Flood Desk", ArticleStatus.PUBLISHED,
                Duration.ofHours(1), FLOOD_TEXT + " Officials said more rain was due.", "Flood Watch");
        story("Tagged story about a cricket final", "Cricket Desk", ArticleStatus.PUBLISHED, Duration.ofDays(50),
                "The final went to the last over.", "Flood Watch");
        story("Relief camps fill as the Indus rises", "Asia Desk", ArticleStatus.PUBLISHED, Duration.ofDays(2),
                "Families from Dadu and Jacobabad reached relief camps after monsoon floodwaters breached an"
                        + " embankment on the Indus in Sindh.");
        story("Flood desk notes on staffing", "Flood Desk", ArticleStatus.PUBLISHED, Duration.ofDays(3),
                "The desk hired two editors.");
        story("Draft copy of the Sindh flood story", "Asia Desk", ArticleStatus.DRAFT, Duration.ofDays(1),
                FLOOD_TEXT);
        story("Archived copy of the Sindh flood story", "Asia Desk", ArticleStatus.ARCHIVED, Duration.ofDays(1),
                FLOOD_TEXT);
        story("Scheduled copy of the Sindh flood story", "Asia Desk", ArticleStatus.PUBLISHED,
                Duration.ofHours(-3), FLOOD_TEXT);

        assertThat(relatedOn(subject)).containsExactly("Tagged story about a cricket final",
                "Relief camps fill as the Indus rises", "Flood desk notes on staffing");
    }

    @Test
    void aRelativeThatIsUnpublishedLeavesTheSidebarAtOnce() {
        Article subject = story("Glacier lake outburst floods Gilgit valley", "Mountain Desk",
                ArticleStatus.PUBLISHED, Duration.ofHours(1),
                "A glacier lake outburst flood swept through the Gilgit valley, washing away a bridge on the"
                        + " Karakoram Highway near Hunza.");
        Article relative = story("Karakoram Highway bridge lost to glacier flood", "Roads Desk",
                ArticleStatus.PUBLISHED, Duration.ofDays(1),
                "The Hunza bridge on the Karakoram Highway was washed away when a glacier lake burst above"
                        + " the Gilgit valley.");
        assertThat(relatedOn(subject)).containsExactly("Karakoram Highway bridge lost to glacier flood");

        relative.setStatus(ArticleStatus.DRAFT);
        articles.update(relative);

        assertThat(relatedOn(subject)).isEmpty();
    }

    @Test
    void aScheduledRelativeJoinsOnceItsTimeHasCome() {
        Article subject = story("Locust swarms reach Balochistan orchards", "Farm Desk", ArticleStatus.PUBLISHED,
                Duration.ofHours(1), "Desert locust swarms stripped pomegranate orchards across Balochistan.");
        story("Pomegranate growers count locust losses", "Market Desk", ArticleStatus.PUBLISHED,
                Duration.ofMinutes(-30), "Balochistan pomegranate orchards lost their crop to desert locust swarms.");
        assertThat(relatedOn(subject)).isEmpty();

        clock.advance(Duration.ofHours(1));

        assertThat(relatedOn(subject)).containsExactly("Pomegranate growers count locust losses");
    }

    @Test
    void oneWordInCommonIsACoincidenceTwoMakeARelative() {
        Article subject = story("Quokkas of Rottnest", "Wildlife Desk", ArticleStatus.PUBLISHED,
                Duration.ofHours(1), "Quokkas on Rottnest.");
        story("Ferry timetable", "Transport Desk", ArticleStatus.PUBLISHED, Duration.ofDays(1),
                "The Rottnest ferry sails later.");
        story("Island census", "Science Desk", ArticleStatus.PUBLISHED, Duration.ofDays(2),
                "Rangers counted quokkas across Rottnest.");

        assertThat(relatedOn(subject)).containsExactly("Island census");
    }
}
