package io.tumorboard.board.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.board.BoardIntegrationTest;
import io.tumorboard.board.TestBoard;
import io.tumorboard.board.TestRegistry;
import io.tumorboard.board.demo.DemoCases;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A chair's meeting in a real headless Chromium: sign in, create a meeting, build the agenda, open a case, see
 * its flags and the model panel, acknowledge a flag, record and sign a decision, export the minutes, present.
 * A data scientist's visit: a training run's charts drawn by Chart.js, promotion of a model version, and the
 * case page's model panel using it. Screenshots of each step go to {@code target/screenshots/}.
 */
@BoardIntegrationTest
class BoardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static WebDriver browser;
    private static Path profile;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void startChromium() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium or chromedriver is not installed (apt-get install chromium chromium-driver); "
                        + "the real-browser test cannot run here");
        profile = Files.createTempDirectory("board-chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1400,1100",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void board() {
        TestBoard.prepare(context);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void shot(String name) throws IOException {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    @Test
    void aChairRunsAMeetingFromSignInToSignedDecisionAndMinutes() throws IOException {
        String conflictKey = DemoCases.all().get(0).patientCase().caseKey();
        browser.get(url("/login"));
        shot("01-login");
        browser.findElement(By.id("username")).sendKeys("chair");
        browser.findElement(By.id("password")).sendKeys(TestBoard.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        waitFor(By.id("logout"));

        browser.get(url("/meetings"));
        WebElement date = browser.findElement(By.id("date"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-12-16'", date);
        browser.findElement(By.id("create-meeting")).click();
        waitFor(By.id("case-search")).sendKeys("lung");
        browser.findElement(By.id("search")).click();
        waitFor(By.id("search-results"));
        shot("02-agenda-search");
        addToAgenda(conflictKey);
        addToAgenda(DemoCases.all().get(3).patientCase().caseKey());
        String meetingUrl = browser.getCurrentUrl();
        assertThat(browser.findElement(By.id("agenda-discuss")).getText()).contains(conflictKey.substring(0, 12));
        assertThat(browser.findElement(By.id("agenda-confirm")).getText()).contains("Confirm standard of care");
        shot("03-agenda");

        browser.findElement(By.cssSelector("#agenda-discuss a.case-link")).click();
        WebElement flags = waitFor(By.id("flags"));
        assertThat(flags.getText()).contains("CONTRAST_RENAL_RISK", "CLINICAL_PATHOLOGICAL_STAGE_CONFLICT",
                "ACR Manual on Contrast Media");
        assertThat(browser.findElement(By.id("prognosis")).getText()).contains("No model promoted yet");
        assertThat(browser.findElement(By.id("display-identity")).getText()).isEqualTo("MRN-100231");
        shot("04-case");

        WebElement review = browser.findElements(By.cssSelector("form.flag-review")).get(1);
        review.findElement(By.name("reason")).sendKeys("Nephrology consulted; switch to non-contrast CT");
        review.findElement(By.cssSelector("button[value=ACKNOWLEDGED]")).click();
        assertThat(waitFor(By.id("flags")).getText()).contains("ACKNOWLEDGED by chair");
        shot("05-flag-acknowledged");

        browser.findElement(By.id("decision-link")).click();
        new Select(waitFor(By.id("intent"))).selectByValue("CURATIVE");
        new Select(browser.findElement(By.id("modality"))).selectByValue("ADJUVANT_SYSTEMIC_THERAPY");
        browser.findElement(By.id("guidelineReference")).sendKeys("NCCN NSCLC v5.2026, NSCL-4");
        browser.findElement(By.id("rationale")).sendKeys("pN2 at lobectomy, EGFR exon 19 deletion: adjuvant osimertinib.");
        browser.findElement(By.id("followUp")).sendKeys("CT chest without contrast in 3 months");
        browser.findElement(By.id("save-decision")).click();
        waitFor(By.id("decision-saved"));
        browser.findElement(By.id("sign-off")).click();
        assertThat(waitFor(By.id("decision-status")).getText()).isEqualTo("SIGNED");
        shot("06-decision-signed");

        browser.get(meetingUrl);
        String minutes = browser.findElement(By.id("minutes")).getAttribute("href");
        Object pdfHead = ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '"
                        + " + r.headers.get('content-type') + ' ' + String.fromCharCode(...new Uint8Array(b.slice(0, 5))))));",
                minutes);
        assertThat(pdfHead).isEqualTo("200 application/pdf %PDF-");

        browser.findElement(By.id("present")).click();
        waitFor(By.id("next"));
        shot("07-presentation");
        browser.findElement(By.tagName("body")).sendKeys(Keys.ARROW_RIGHT);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("i=1"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("standard of care");
        shot("08-presentation-next");
    }

    @Test
    void aDataScientistReadsATrainingRunsChartsAndPromotesAVersionTheCasePageThenUses() throws IOException {
        Path registry = Path.of("target/test-model-registry");
        org.springframework.util.FileSystemUtils.deleteRecursively(registry.toFile());
        TestRegistry.write(registry);
        try {
            browser.manage().deleteAllCookies();
            browser.get(url("/login"));
            browser.findElement(By.id("username")).sendKeys("datasci");
            browser.findElement(By.id("password")).sendKeys(TestBoard.PASSWORD);
            browser.findElement(By.id("sign-in")).click();
            waitFor(By.id("logout"));

            browser.get(url("/training-runs"));
            waitFor(By.id("runs")).findElement(By.linkText(TestRegistry.RUN)).click();
            assertThat(waitFor(By.id("run-status")).getText()).isEqualTo("COMPLETED");
            // Chart.js drew into the canvas: its chart registry knows it and the canvas has a rendered size.
            Object charted = new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> ((JavascriptExecutor) d)
                    .executeScript("var c = document.getElementById('chart-evaluate-c_index');"
                            + "var chart = window.Chart && Chart.getChart(c);"
                            + "return chart ? chart.data.datasets.map(s => s.label).join(',') : null;"));
            assertThat(charted).isEqualTo("global,site-a,site-b");
            assertThat(browser.findElement(By.id("metrics-table")).getText()).contains("global", "0.6600");
            shot("09-training-run");

            browser.get(url("/models"));
            assertThat(waitFor(By.id("none-promoted")).isDisplayed()).isTrue();
            browser.findElement(By.id("promote-model-fedavg-2026-12-01-round-0002")).click();
            assertThat(waitFor(By.id("promoted-version")).getText()).isEqualTo(TestRegistry.ROUND_2);
            assertThat(browser.findElement(By.id("promote-notice")).getText()).contains("is promoted");
            shot("10-model-promoted");

            browser.get(url("/cases/" + DemoCases.all().get(3).patientCase().caseKey()));
            assertThat(waitFor(By.id("prognosis")).getText()).contains(TestRegistry.ROUND_2)
                    .doesNotContain("No model promoted yet");
            shot("11-case-with-promoted-model");
        } finally {
            Files.deleteIfExists(registry.resolve("promoted"));
            browser.manage().deleteAllCookies();
        }
    }

    private void addToAgenda(String caseKey) {
        browser.get(browser.getCurrentUrl().replaceAll("\\?.*", "") + "?q=lung");
        WebElement row = waitFor(By.xpath("//input[@name='caseKey' and @value='" + caseKey + "']/.."));
        row.findElement(By.cssSelector("button.add-to-agenda")).click();
        waitFor(By.id("agenda-discuss"));
    }
}
