package io.broadsheet.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.broadsheet.support.Browser;
import io.broadsheet.support.SiteTest;
import io.broadsheet.support.TestClock;
import io.broadsheet.support.TestStaff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real Chromium enforcing the policy: no reader or newsroom page may trip it (an inline script, a style
 * attribute, a foreign form target), and the newsroom's own script still runs.
 */
@SiteTest
class ContentSecurityPolicyBrowserTest {

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
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    List<String> console() {
        List<String> messages = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get("browser")) {
            messages.add(entry.getMessage());
        }
        return messages;
    }

    @Test
    void noPageBreaksThePolicy() {
        clock.set(TestClock.SEED_MORNING);
        String base = "http://localhost:" + port;
        browser.get(base + "/");
        browser.executeScript("console.error('console-probe')");
        assertThat(console()).as("the console is being read").anyMatch(line -> line.contains("console-probe"));

        List<String> seen = new ArrayList<>();
        for (String path : List.of("/", SecurityHeadersTest.SEED, "/sections/world", "/tags/kabul",
                "/search?q=kabul", "/articles/no-such-story", "/login")) {
            browser.get(base + path);
            seen.addAll(console().stream().map(line -> path + ": " + line).toList());
        }
        String editor = staff.create(StaffRole.EDITOR);
        browser.get(base + "/login");
        browser.findElement(By.name("username")).sendKeys(editor);
        browser.findElement(By.name("password")).sendKeys(TestStaff.PASSWORD);
        Browser.follow(browser, browser.findElement(By.cssSelector("form.login-form button, form.login-form [type=submit]")));
        for (String path : List.of("/admin/articles", "/admin/articles/new", "/admin/weather",
                "/admin/account/password")) {
            browser.get(base + path);
            seen.addAll(console().stream().map(line -> path + ": " + line).toList());
        }
        assertThat(browser.getCurrentUrl()).endsWith("/admin/account/password");

        assertThat(seen).noneMatch(line -> line.contains("Content Security Policy")
                || line.contains("Content-Security-Policy") || line.contains("Refused to"));

        browser.get(base + "/admin/articles/new");
        browser.executeScript("var when = document.getElementById('publishAt'); when.value = '2099-01-01T12:00';"
                + " when.dispatchEvent(new Event('input'));");
        assertThat(browser.findElement(By.id("publish-button")).getText()).as("newsroom.js runs under the policy")
                .containsIgnoringCase("schedule");
    }
}
