package com.tracklane.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium for the browser tests ({@code *BrowserIT}), driven through Debian's {@code /usr/bin/chromedriver}
 * (never a downloaded driver: the driver and browser paths are given, so Selenium Manager is not used). Flags for
 * running as root in a container, a fresh profile directory per browser, page helpers, an axe-core scan that fails on
 * serious or critical WCAG 2.1 AA violations, and screenshots under {@code target/screenshots/<page>-<lang>.png}.
 *
 * <p>Where Chromium or its driver is missing, {@link #available()} is false and the browser tests skip with a message
 * ({@code .ci/run} installs both and then checks that the browser tests ran).
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("tracklane.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("tracklane.chromedriver", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The WCAG 2.1 A and AA rules of axe-core. */
    public static final List<String> WCAG21AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    private final WebDriver driver;
    private final Path profile;
    private final String base;

    private Browser(WebDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** True when Debian's chromium and chromium-driver are installed. */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Why browser tests skip here. */
    public static String unavailableReason() {
        return "browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing (apt-get install chromium chromium-driver "
                + "fonts-khmeros fonts-noto-cjk; .ci/run does, and fails when the browser tests did not run)";
    }

    /** A new headless browser whose relative addresses resolve against {@code base} (e.g. http://127.0.0.1:1234). */
    public static Browser open(String base) throws IOException {
        Path profile = Files.createTempDirectory("tracklane-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(1280, 900));
        return new Browser(driver, profile, base);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the service. */
    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    /** Sets the language cookie as the switch does (call after opening any page of the service). */
    public Browser language(String code) {
        driver.manage().deleteCookieNamed("tracklane_lang");
        driver.manage().addCookie(new Cookie("tracklane_lang", code, "/"));
        return this;
    }

    public String html() {
        return driver.getPageSource();
    }

    /**
     * Runs axe-core's WCAG 2.1 A/AA rules on the current page; returns the serious and critical violations as lines
     * ({@code rule (impact): help — target}), empty when there are none.
     */
    public List<String> blockingViolations() {
        Results results = new AxeBuilder().withTags(WCAG21AA).analyze(driver);
        record(results);
        return results.getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
                .map(Browser::describe)
                .collect(Collectors.toList());
    }

    /** Where every scan is recorded: page address, language, and the violations by impact (for the closing notes). */
    public static final Path AXE_RESULTS = Path.of("target", "axe-results.csv");

    private void record(Results results) {
        try {
            java.net.URI at = java.net.URI.create(driver.getCurrentUrl());
            String lang = String.valueOf(((JavascriptExecutor) driver).executeScript("return document.documentElement.lang"));
            java.util.Map<String, Long> byImpact = results.getViolations().stream()
                    .collect(Collectors.groupingBy(r -> String.valueOf(r.getImpact()), Collectors.counting()));
            String line = String.join(",", at.getRawPath() + (at.getRawQuery() == null ? "" : "?" + at.getRawQuery().replace(',', ';')),
                    lang, String.valueOf(byImpact.getOrDefault("critical", 0L)), String.valueOf(byImpact.getOrDefault("serious", 0L)),
                    String.valueOf(byImpact.getOrDefault("moderate", 0L)), String.valueOf(byImpact.getOrDefault("minor", 0L)),
                    String.valueOf(results.getPasses() == null ? 0 : results.getPasses().size())) + "\n";
            Files.createDirectories(AXE_RESULTS.getParent());
            if (!Files.exists(AXE_RESULTS)) {
                Files.writeString(AXE_RESULTS, "page,lang,critical,serious,moderate,minor,rules_passed\n");
            }
            Files.writeString(AXE_RESULTS, line, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            System.err.println("axe results not recorded: " + e);
        }
    }

    private static String describe(Rule rule) {
        String targets = rule.getNodes() == null ? "" : rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget()))
                .collect(Collectors.joining(", "));
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " — " + targets;
    }

    // --- page helpers shared by the browser tests -----------------------------------------------------------------

    /** The first element matching a CSS selector. */
    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** The text of the page's {@code main}. */
    public String mainText() {
        return driver.findElement(By.tagName("main")).getText();
    }

    /** Clears an input and types into it. */
    public void type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
    }

    /** Sets a date/time input's value as the browser's picker would (its typing order depends on the locale). */
    public void setValue(String css, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", find(css), value);
    }

    /**
     * Clicks and waits until the next page replaced this one. Chromium's driver reports a replaced element either as
     * stale or, while the new document is being attached, as "does not belong to the document": both mean it is gone.
     */
    public void clickAndWait(WebElement element) {
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException | NoSuchElementException gone) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    /** Clicks the button of {@code main} whose text is {@code text} and waits for the next page. */
    public void clickButton(String text) {
        clickAndWait(driver.findElement(By.xpath("//main//button[normalize-space(.)='" + text + "']")));
    }

    /**
     * Signs in at {@code /login} as the development user of {@code role} (signing out first when someone is signed
     * in), with the page language English.
     */
    public void signInAs(String role) {
        go("/").language("en").go("/login");
        List<WebElement> out = driver.findElements(By.xpath("//form[@action='/logout']//button"));
        if (!out.isEmpty()) {
            clickAndWait(out.get(0));
            go("/login");
        }
        clickAndWait(driver.findElement(By.xpath("//form[input[@name='role' and @value='" + role + "']]//button")));
        org.assertj.core.api.Assertions.assertThat(find(".account .who").getText()).contains(role + "-dev");
    }

    /** Fails when axe-core finds a serious or critical WCAG 2.1 A/AA violation on the current page. */
    public void assertAccessible(String page) {
        org.assertj.core.api.Assertions.assertThat(blockingViolations()).as("axe on " + page).isEmpty();
    }

    /** Writes a full-page screenshot to {@code target/screenshots/<page>-<lang>.png} and returns its path. */
    public Path screenshot(String page, String lang) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        long height = ((Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")).longValue();
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height + 160, 600), 8000)));
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(page + "-" + lang + ".png");
        Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(new Dimension(1280, 900));
        return target;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
