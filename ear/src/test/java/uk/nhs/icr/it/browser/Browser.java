package uk.nhs.icr.it.browser;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import uk.nhs.icr.it.Api;
import uk.nhs.icr.it.Portal;

/**
 * Debian's Chromium, headless, driven through its own chromedriver (never a downloaded one), at one window size, with a
 * fresh profile: what a clinician's browser does with the portal. Each step of a journey can be photographed into
 * {@code target/screenshots/<journey>/} and checked with axe-core for serious or critical WCAG 2.2 AA violations.
 */
public final class Browser implements AutoCloseable {

    public static final Dimension DESKTOP = new Dimension(1440, 900);
    public static final Dimension PHONE = new Dimension(390, 844);

    /** Chromium's narrowest window; narrower pages are emulated. */
    private static final int MIN_WINDOW_WIDTH = 500;

    private static final String CHROMIUM = env("ICR_CHROMIUM", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = env("ICR_CHROMEDRIVER", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("icr.test.screenshots", "target/screenshots"));
    private static final String AXE = resource("/axe/axe.min.js");

    private final ChromeDriver driver;
    private final Path profile;
    private final String journey;
    private final Dimension size;
    private int step;

    private Browser(String journey, Dimension size) {
        this.journey = journey;
        this.size = size;
        try {
            profile = Files.createTempDirectory("icr-browser-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=" + size.width + "," + size.height, "--lang=en-GB");
        if (size.width < MIN_WINDOW_WIDTH) {
            // a window is never narrower than 500 px: a phone's width is the page's, as a phone browser shows it
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", size.width, "height", size.height, "pixelRatio", 1.0)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** A new browser, as on a machine that never opened the portal. */
    public static Browser open(String journey, Dimension size) {
        return new Browser(journey, size);
    }

    /** Opens a page of the portal by its path ({@code /patients/search.xhtml}). */
    public Browser visit(String path) {
        driver.get(Api.BASE + path);
        return this;
    }

    /** Signs in on the sign-in page (where any protected page sends a browser that has not). */
    public Browser signIn(String username) {
        if (driver.findElements(By.id("j_username")).isEmpty()) {
            visit("/");
        }
        type(By.id("j_username"), username);
        type(By.id("j_password"), Portal.DEMO_PASSWORD);
        click(By.id("signInButton"));
        return this;
    }

    /** The driver itself, for waits and what the helpers here do not cover. */
    public ChromeDriver driver() {
        return driver;
    }

    public WebElement find(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(locator));
    }

    public List<WebElement> findAll(By locator) {
        return driver.findElements(locator);
    }

    public boolean has(By locator) {
        return !driver.findElements(locator).isEmpty();
    }

    public void type(By field, String text) {
        WebElement input = find(field);
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks what a person would: scrolled to the middle of the window first, clear of the pinned patient banner. */
    public void click(By target) {
        WebElement element = find(target);
        script("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Waits until the page's text contains this. */
    public void waitForText(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String path() {
        return driver.getCurrentUrl().substring(Api.BASE.length());
    }

    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** A screenshot of this step at this window size, for a person to review. */
    public void screenshot(String name) {
        try {
            Path folder = Files.createDirectories(SCREENSHOTS.resolve(journey));
            Files.write(folder.resolve(String.format("%02d-%s-%d.png", ++step, name, size.width)), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The serious and critical WCAG 2.0-2.2 A/AA violations axe-core finds on the page as it is now, each as
     * "rule (impact): help: where".
     */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations() {
        script(AXE);
        Object found = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
                + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        return (List<String>) found;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a temporary profile left behind harms nothing
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = Browser.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
