package io.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import io.broadsheet.security.StaffRole;
import io.broadsheet.support.Browser;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestClock;
import io.broadsheet.support.TestStaff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An editor in real headless Chromium signs in, writes and publishes a story; a reader then finds it. */
@SiteTest
class NewsroomBrowserTest {

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    TestStaff staff;

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

    void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    void screenshot(String name) throws Exception {
        Path shot = Path.of("target/screenshots/" + name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void editorPublishesAStoryThatLeadsTheFrontPageAndJoinsTheSeededReportsRelatedNews() throws Exception {
        clock.set(Instant.parse("2024-06-01T12:00:00Z"));
        String editor = staff.create(StaffRole.EDITOR);
        String base = "http://localhost:" + port;

        browser.get(base + "/admin/articles/new");
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/login");
        type("username", editor);
        type("password", TestStaff.PASSWORD);
        Browser.follow(browser, browser.findElement(By.cssSelector("form.login-form button[type=submit]")));
        assertThat(browser.getCurrentUrl()).startsWith(base + "/admin/articles/new");

        type("headline", "Kabul airport crowds grow as evacuation flights continue");
        type("standfirst", "Thousands wait at the gates as the last flights leave.");
        type("body", "Crowds gathered at Kabul airport on Saturday.\n\nFlights continued through the night.");
        type("byline", "Broadsheet staff");
        type("dateline", "Kabul");
        type("section", "World");
        type("tags", "Kabul, Evacuation");
        screenshot("newsroom-form");
        Browser.follow(browser, browser.findElement(By.cssSelector("button[value=publish]")));

        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Published.");
        assertThat(browser.findElement(By.cssSelector(".heading-row .state")).getText()).isEqualToIgnoringCase("Published");

        browser.get(base + "/");
        WebElement lead = browser.findElement(By.cssSelector("article.lead h2 a"));
        assertThat(lead.getText()).isEqualTo("Kabul airport crowds grow as evacuation flights continue");
        assertThat(browser.findElement(By.cssSelector("article.lead .summary")).getText())
                .isEqualTo("Thousands wait at the gates as the last flights leave.");

        browser.get(base + "/articles/taliban-overtakes-3-more-major-cities-in-afghanistan-in-push-toward-kabul");
        assertThat(browser.findElements(By.cssSelector("aside.related li a")).stream().map(WebElement::getText))
                .contains("Kabul airport crowds grow as evacuation flights continue");
        screenshot("seeded-report-with-related");

        Browser.follow(browser, browser.findElement(By.linkText("Kabul airport crowds grow as evacuation flights continue")));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Kabul airport crowds grow as evacuation flights continue");
        assertThat(browser.findElement(By.cssSelector(".dateline-place")).getText()).isEqualToIgnoringCase("Kabul");
        assertThat(browser.findElement(By.cssSelector(".byline")).getText()).isEqualTo("By Broadsheet staff");
    }
}
