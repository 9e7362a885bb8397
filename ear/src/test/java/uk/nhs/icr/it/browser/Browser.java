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
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
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
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.WARNING);
        options.setCapability("goog:loggingPrefs", logs);
        // the server's self-signed certificate is trusted by its public key and nothing else: verification stays on for the rest
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=" + size.width + "," + size.height, "--lang=en-GB",
                "--ignore-certificate-errors-spki-list=" + uk.nhs.icr.it.ServerCertificate.spkiPin());
        if (size.width < MIN_WINDOW_WIDTH) {
            // a window is never narrower than 500 px: a phone's width is the page's, as a phone browser shows it
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", size.width, "height", size.height, "pixelRatio", 1.0)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // a script error on any page is written to the console with where it came from, for the log printed on close
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.addEventListener('error', e => console.error('page error: ' + (e.error && e.error.stack ? e.error.stack : e.message)));"));
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
        return signIn(username, Portal.DEMO_PASSWORD);
    }

    public Browser signIn(String username, String password) {
        if (driver.findElements(By.id("j_username")).isEmpty()) {
            visit("/");
        }
        type(By.id("j_username"), username);
        type(By.id("j_password"), password);
        // the answer is a new page (the one asked for, or the sign-in page again saying why)
        submit(By.id("signInButton"));
        return this;
    }

    /** The driver itself, for waits and what the helpers here do not cover. */
    public ChromeDriver driver() {
        return driver;
    }

    public WebElement find(By locator) {
        return waiting().until(d -> d.findElement(locator));
    }

    /** Waits of up to 10 s that look again when the page replaced what they were reading (a form posted, an update). */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
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

    /**
     * Presses a button that posts the whole page, and returns once the answer has replaced it: text of the page before
     * (a count, a message) is never mistaken for the answer's.
     */
    public void submit(By button) {
        WebElement page = driver.findElement(By.tagName("html"));
        click(button);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> gone(page));
        find(By.tagName("body"));
    }

    /**
     * Whether the page an element belongs to has been replaced. While the new page loads, Chromium may answer for the old
     * element with "does not belong to the document" rather than as stale: both mean it is gone.
     */
    static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Clicks what a person would: scrolled to the middle of the window first, clear of the pinned patient banner. */
    public void click(By target) {
        WebElement element = find(target);
        script("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /**
     * Chooses an option of a PrimeFaces select menu as a person does: opens it, waits until it has finished opening
     * (aria-expanded, and its panel shown and no longer sliding: an option clicked during the slide is lost, or the click
     * lands on the option beneath) and clicks the option with this label.
     */
    public void choose(String menuId, String label) {
        click(By.id(menuId));
        waiting().until(d -> !d.findElement(By.id(menuId)).findElements(By.cssSelector("[aria-expanded='true']")).isEmpty());
        waitUntilOpen("[id='" + menuId + "_panel']");
        // not scrolled first: the menu was, and its panel opened beside it; scrolling the page under an open panel moves the
        // panel's options beneath the pinned banner before the click lands
        find(By.cssSelector("[id='" + menuId + "_panel'] li[data-label='" + label + "']")).click();
    }

    /**
     * Picks a suggestion of a PrimeFaces autocomplete whose panel is opening: waits until the panel is shown and has stopped
     * sliding open (an item clicked before is "not interactable"), then clicks the item with this label.
     */
    public void pickSuggestion(String autocompleteId, String label) {
        String panel = "[id='" + autocompleteId + "_panel']";
        waiting().until(d -> !d.findElements(By.cssSelector(panel + " li[data-item-label='" + label + "']")).isEmpty());
        waitUntilOpen(panel);
        find(By.cssSelector(panel + " li[data-item-label='" + label + "']")).click();
    }

    /** Waits until the overlay panel with this selector is shown and has stopped sliding open. */
    private void waitUntilOpen(String panel) {
        waiting().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "var p = jQuery(arguments[0]); return p.is(':visible') && !p.is(':animated');", panel)));
    }

    /**
     * Fills a browser date or date-time field ({@code type="date"}, {@code "datetime-local"}) with a value in the form the
     * browser sends (2026-11-25, 2026-11-25T08:00), as its picker would: typed keys are read in the machine's locale.
     */
    public void fillDate(By field, String value) {
        script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", find(field),
                value);
    }

    /** Waits until the field's value is this (what an update from the server filled in). */
    public void waitForValue(By field, String value) {
        waiting().until(d -> value.equals(d.findElement(field).getAttribute("value")));
    }

    /**
     * Ticks the option with this label in a PrimeFaces check-box menu as a person does: opens it, waits until its panel
     * has finished sliding open (a click during the slide lands on another option), ticks the option, waits until it
     * shows as ticked, and closes the menu.
     */
    public void tickInMenu(String menuId, String label) {
        // PrimeFaces hides an open overlay when the page scrolls under it (a click then lands on whatever was beneath), so the
        // page is scrolled once, before opening, to put the menu a quarter of the way down and leave room for its panel
        WebElement menu = find(By.id(menuId));
        script("window.scrollBy(0, arguments[0].getBoundingClientRect().top - window.innerHeight / 4)", menu);
        menu.click();
        waitUntilOpen("[id='" + menuId + "_panel']");
        By box = By.xpath("//*[@id='" + menuId + "_panel']//li[.//label[normalize-space()='" + label + "']]"
                + "//div[contains(@class,'ui-chkbox-box')]");
        // a long list is narrowed as a person would, by typing into the panel's filter: the option is then in view, and no
        // scrolling of the list can move another option under the click
        By filterField = By.cssSelector("[id='" + menuId + "_panel'] input[type='text']");
        List<WebElement> filters = driver.findElements(filterField);
        if (!filters.isEmpty() && filters.get(0).isDisplayed()) {
            // the label's longest word, not the label: a space typed while the field is being redrawn reaches the option
            // that has the focus instead, and ticks it (CI once ticked an organisation nobody chose that way)
            String typed = java.util.Arrays.stream(label.split("\\s+")).max(java.util.Comparator.comparingInt(String::length)).orElse(label);
            filters.get(0).sendKeys(typed);
            // every key arrived and the list is filtered to what was typed (the filter runs on each key); a key lost while the
            // list was redrawn (or the field redrawn under it) is made good by typing it again
            waiting().until(d -> {
                WebElement filter = d.findElement(filterField);
                if (!typed.equals(filter.getAttribute("value"))) {
                    filter.clear();
                    filter.sendKeys(typed);
                    return false;
                }
                // settled when every option shown matches what was typed: a count alone can be met mid-redraw
                List<String> shown = d.findElements(By.xpath("//*[@id='" + menuId + "_panel']//li[.//label]")).stream()
                        .filter(WebElement::isDisplayed).map(option -> option.getText().trim().toLowerCase(java.util.Locale.ROOT)).toList();
                return !shown.isEmpty() && shown.stream().allMatch(option -> option.contains(typed.toLowerCase(java.util.Locale.ROOT)));
            });
        }
        waiting().until(d -> d.findElement(box).isDisplayed());
        // a click that lands while the list is being redrawn is lost: looked at again, and clicked again if it did not take
        for (int attempt = 1; !find(box).getAttribute("class").contains("ui-state-active"); attempt++) {
            find(box).click();
            try {
                new WebDriverWait(driver, Duration.ofSeconds(3)).ignoring(StaleElementReferenceException.class)
                        .until(d -> d.findElement(box).getAttribute("class").contains("ui-state-active"));
            } catch (TimeoutException e) {
                if (attempt == 3) {
                    screenshot("not-ticked");
                    throw e;
                }
            }
        }
        new Actions(driver()).sendKeys(Keys.ESCAPE).perform();
        // closed before the next control is used: a panel still fading out covers what lies under it
        waiting().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !jQuery(arguments[0]).is(':visible');", "[id='" + menuId + "_panel']")));
    }

    /** Ticks a PrimeFaces check box (leaves it ticked when it already is). */
    public void tick(By checkbox) {
        WebElement box = find(checkbox).findElement(By.cssSelector(".ui-chkbox-box"));
        if (!box.getAttribute("class").contains("ui-state-active")) {
            script("arguments[0].scrollIntoView({block: 'center'})", box);
            box.click();
        }
    }

    /** Gives a PrimeFaces file upload ({@code p:fileUpload}, by its client id) this file, as choosing it in the dialogue would. */
    public void upload(String fileUploadId, java.nio.file.Path file) {
        find(By.cssSelector("[id='" + fileUploadId + "'] input[type=file]")).sendKeys(file.toAbsolutePath().toString());
    }

    /** Waits until the page's text contains this. */
    public void waitForText(String text) {
        try {
            waiting().until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        } catch (TimeoutException e) {
            screenshot("timed-out");
            throw new AssertionError("waited 10 s for \"" + text + "\" on " + path() + "; the page says: " + text(), e);
        }
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
        // the page at rest: the pointer off the button it last pressed, no Ajax request in flight (PrimeFaces greys out the
        // button that sent one and gives its colour back only when the answer is in, after the page's text has changed),
        // and no colour transition half-way (axe reads the colours of the moment, and a fade is neither state)
        new Actions(driver).moveToLocation(0, 0).perform();
        waiting().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return (!window.PrimeFaces"
                + " || PrimeFaces.ajax.Queue.isEmpty()) && (!window.jQuery || jQuery.active === 0)")));
        waiting().until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return document.getAnimations()"
                + ".filter(a => a instanceof CSSTransition && a.playState === 'running').length")).intValue() == 0);
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
            // what the page's scripts complained of, for whoever reads a failed run
            List<String> blocked = new java.util.ArrayList<>();
            driver.manage().logs().get(LogType.BROWSER).forEach(entry -> {
                System.out.println("browser console (" + journey + "): " + entry);
                if (entry.getMessage().contains("Content Security Policy")) {
                    blocked.add(entry.getMessage());
                }
            });
            driver.quit();
            // the portal's CSP allows no inline script but PrimeFaces' own (with the page's nonce): anything else is a bug
            if (!blocked.isEmpty()) {
                throw new AssertionError("the page broke its Content-Security-Policy (" + journey + "): " + blocked);
            }
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
