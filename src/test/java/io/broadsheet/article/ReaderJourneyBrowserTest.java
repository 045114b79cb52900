package io.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.broadsheet.support.Browser;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A reader in real headless Chromium: front page, lead story, article. */
@SiteTest
class ReaderJourneyBrowserTest {

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void readerFollowsTheLeadStoryToTheArticle() throws Exception {
        clock.set(java.time.Instant.parse("2021-08-14T09:00:00Z"));
        browser.get("http://localhost:" + port + "/");

        assertThat(browser.findElement(By.cssSelector(".masthead .site-name")).getText()).isEqualTo("Broadsheet");
        var lead = browser.findElement(By.cssSelector("article.lead h2 a"));
        assertThat(lead.getText())
                .isEqualTo("Taliban overtakes 3 more major cities in Afghanistan in push toward Kabul");
        Browser.follow(browser, lead);

        assertThat(browser.getCurrentUrl()).endsWith("/articles/" + ArticlePageTest.SEED_SLUG);
        assertThat(browser.findElement(By.cssSelector(".masthead-date")).getText())
                .isEqualTo("Saturday, August 14, 2021");
        assertThat(browser.findElement(By.cssSelector(".weather-temperature")).getText()).isEqualTo("4.8 °C");
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Taliban overtakes 3 more major cities in Afghanistan in push toward Kabul");
        assertThat(browser.findElements(By.cssSelector(".story-body p"))).hasSize(16);
        assertThat(browser.findElement(By.cssSelector("aside.related h2")).getText())
                .isEqualToIgnoringCase("Related news");
        Path shot = Path.of("target/screenshots/reader-article.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
    }
}
