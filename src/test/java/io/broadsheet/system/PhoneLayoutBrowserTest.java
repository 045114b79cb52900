package io.broadsheet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.broadsheet.security.StaffRole;
import io.broadsheet.support.Browser;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestClock;
import io.broadsheet.support.TestStaff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On a 375 px wide phone no page scrolls sideways and body text stays at a readable size. Screenshots of each
 * page land in target/screenshots/phone-*.png for a person to look at.
 */
@SiteTest
class PhoneLayoutBrowserTest {

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    TestStaff staff;

    @Autowired
    TestClock clock;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start();
        browser.manage().window().setSize(new Dimension(375, 900));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    void assertFitsThePhone(String name) throws Exception {
        Number overflow = (Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        Path shot = Path.of("target/screenshots/phone-" + name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(overflow.intValue()).as(name + " scrolls sideways by").isLessThanOrEqualTo(0);
        Number fontSize = (Number) browser.executeScript(
                "return parseFloat(getComputedStyle(document.body).fontSize);");
        assertThat(fontSize.doubleValue()).as(name + " body font size").isGreaterThanOrEqualTo(16);
    }

    @Autowired
    io.broadsheet.support.TestArticles articles;

    @Test
    void readerAndNewsroomPagesFitA375PixelScreen() throws Exception {
        clock.set(TestClock.SEED_MORNING);
        articles.publish("Unbroken " + "x".repeat(120) + " headline", "Phone Desk", TestClock.SEED_MORNING.minusSeconds(5),
                "Kabul");
        String base = "http://localhost:" + port;
        for (String path : List.of("/", "/articles/taliban-overtakes-3-more-major-cities-in-afghanistan-in-push-toward-kabul",
                "/sections/world", "/tags/kabul", "/search?q=kabul", "/articles/no-such-story")) {
            browser.get(base + path);
            assertFitsThePhone(path.replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "").replaceAll("^$", "front"));
        }

        String admin = staff.create(StaffRole.ADMIN);
        browser.get(base + "/login");
        assertFitsThePhone("login");
        browser.findElement(By.id("username")).sendKeys(admin);
        browser.findElement(By.id("password")).sendKeys(TestStaff.PASSWORD);
        Browser.follow(browser, browser.findElement(By.cssSelector("form.login-form button")));
        for (String path : List.of("/admin/articles", "/admin/articles/new", "/admin/staff", "/admin/weather",
                "/admin/account/password")) {
            browser.get(base + path);
            assertFitsThePhone(path.replaceAll("[^a-z]+", "-").replaceAll("^-|-$", ""));
        }
        Browser.follow(browser, browser.findElement(By.linkText("Articles")));
        Browser.follow(browser, browser.findElement(By.cssSelector("table.articles a")));
        assertFitsThePhone("admin-edit");
        Browser.follow(browser, browser.findElement(By.linkText("History")));
        assertFitsThePhone("admin-history");
    }
}
