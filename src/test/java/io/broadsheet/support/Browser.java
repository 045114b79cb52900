package io.broadsheet.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for end-to-end tests. Without Chromium the tests are skipped with a message, unless
 * BROADSHEET_REQUIRE_BROWSER=true (as in CI), which makes a missing browser a failure.
 */
public final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    public static ChromeDriver start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = "Headless Chromium is not installed (apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("BROADSHEET_REQUIRE_BROWSER"))) {
                throw new IllegalStateException(message + ", and BROADSHEET_REQUIRE_BROWSER=true");
            }
            Assumptions.abort(message + ": browser tests skipped");
        }
        Path profile = Files.createTempDirectory(Path.of("target"), "chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1800", "--user-data-dir=" + profile.toAbsolutePath());
        // The console is readable (driver.manage().logs().get("browser")), e.g. for Content-Security-Policy reports.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * Clicks a link or a submit button and waits until the page it leads to has replaced this one and finished
     * loading. A bare click() may return while the old page is still showing (a form post on a busy machine),
     * so a test reading the address or the page straight after it would read the old one.
     */
    public static void follow(WebDriver driver, WebElement target) {
        WebElement page = driver.findElement(By.tagName("html"));
        target.click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.stalenessOf(page));
        wait.until(loaded -> "complete".equals(((JavascriptExecutor) loaded).executeScript("return document.readyState")));
    }
}
