package id.loket.platform.test.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real headless Chromium for page tests: Debian's {@code /usr/bin/chromium}, driven by Selenium 4 through
 * Debian's {@code /usr/bin/chromedriver} (Selenium Manager never downloads anything: both paths are given).
 *
 * <h2>Use</h2>
 * <pre>{@code
 * try (Browser browser = Browser.open(Device.TABLET)) {       // skips (or fails with CI=true) without Chromium
 *     browser.go(baseUrl + "/door");
 *     browser.type("#nik", "3515011234560001");
 *     browser.click("button[data-purpose=ADMINISTRASI]");
 *     browser.waitForText("#outcome", "Tiket");
 *     assertThat(browser.text("#status")).contains("SUSPENDED");
 *     browser.assertAccessible();                            // no serious or critical axe-core violation
 *     browser.screenshot("door-suspended");                  // docs/pages/door-suspended.png, 820×1180
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link #open(Device)} gives a fresh browser (its own profile, deleted on {@link #close()}) whose viewport is
 *       exactly the {@link Device}'s size, in Bahasa Indonesia ({@code id-ID}: {@code --lang}, Accept-Language,
 *       {@code navigator.languages} and {@code Intl}); {@link #open(Device, String)} takes another language
 *       ({@code "en-US"}).</li>
 *   <li>Availability: where {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing, {@code open}
 *       aborts the test (JUnit assumption, reported as skipped) and prints a line starting with
 *       {@code BROWSER TESTS NOT RUN} to stdout; with the environment variable {@code CI=true} it fails the test
 *       instead. {@code apt-get install chromium chromium-driver} provides both. The system properties
 *       {@code loket.chromium} and {@code loket.chromedriver} point elsewhere.</li>
 *   <li>Every method that looks for something waits for it, up to the browser's deadline (30 s, see
 *       {@link #waitAtMost(Duration)}), with Selenium's {@link WebDriverWait}: no test sleeps.
 *       {@link #waitUntil(Function)} takes any condition, e.g. one of Selenium's {@link ExpectedConditions}.</li>
 *   <li>{@link #offline()} and {@link #online()} cut and restore the page's network (DevTools' network
 *       emulation: {@code navigator.onLine} turns false and every request fails), for "the console offline"
 *       tests.</li>
 *   <li>{@link #accessibilityViolations()} runs axe-core (the {@code org.webjars.npm:axe-core} jar) on the page;
 *       {@link #assertAccessible()} fails listing each serious or critical violation.</li>
 *   <li>{@link #screenshot(String)} writes {@code docs/pages/<name>.png} in the repository (the directory of
 *       {@code mvnw} above the working directory, or the system property {@code loket.root}).</li>
 *   <li>{@link #consoleErrors()} returns what the page logged as errors (console.error, uncaught exceptions,
 *       failed loads) since the last call.</li>
 *   <li>{@link #driver()} is Selenium's {@link ChromeDriver} itself, for anything else.</li>
 * </ul>
 */
public final class Browser implements AutoCloseable {

    /** How long a look for something waits unless {@link #waitAtMost(Duration)} says otherwise. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    static final Path CHROMIUM = Path.of(System.getProperty("loket.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("loket.chromedriver", "/usr/bin/chromedriver"));
    private static final Pattern SCREENSHOT_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Held so that the level sticks: ChromeDriver warns at every start that it has no devtools-vNNN module for
     * this Chromium; none is wanted (network emulation goes through chromedriver's plain CDP endpoint).
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    private final Device device;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private Duration wait = DEFAULT_WAIT;
    private boolean networkEnabled;

    /** A fresh headless Chromium at {@code device}'s size, in Bahasa Indonesia; see the class comment. */
    public static Browser open(Device device) {
        return open(device, "id-ID");
    }

    /** As {@link #open(Device)}, in {@code language} (a BCP 47 tag such as {@code "en-US"} or {@code "id-ID"}). */
    public static Browser open(Device device, String language) {
        requireInstalled();
        return new Browser(device, language);
    }

    /** Whether Chromium and its driver are installed where {@link #open(Device)} looks for them. */
    public static boolean installed() {
        return Stream.of(CHROMIUM, CHROMEDRIVER).allMatch(Files::isExecutable);
    }

    /** The availability policy: fail with CI=true, else skip loudly. */
    static void requireInstalled() {
        requireInstalled(System.getenv("CI"), System.out, CHROMIUM, CHROMEDRIVER);
    }

    static void requireInstalled(String ci, PrintStream out, Path... binaries) {
        List<Path> missing = Stream.of(binaries).filter(p -> !Files.isExecutable(p)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String what = missing.stream().map(Path::toString).reduce((a, b) -> a + " and " + b).orElseThrow()
                + (missing.size() == 1 ? " is" : " are") + " missing";
        if ("true".equalsIgnoreCase(ci)) {
            throw new AssertionError("The browser tests must run in CI, but " + what
                    + ": apt-get install chromium chromium-driver");
        }
        out.println("BROWSER TESTS NOT RUN: " + what + " (apt-get install chromium chromium-driver);"
                + " with CI=true this fails the build");
        Assumptions.abort("BROWSER TESTS NOT RUN: " + what);
    }

    private Browser(Device device, String language) {
        this.device = device;
        try {
            this.profile = Files.createTempDirectory("loket-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Both binaries are given, so Selenium Manager has nothing to look up or download.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--user-data-dir=" + profile, "--lang=" + language,
                "--window-size=" + device.width() + "," + device.height());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage(language)));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withSilent(true).build();
        ChromeDriver started = null;
        try {
            started = new ChromeDriver(service, options);
            // The viewport (not the window) is the device's size, at one device pixel per CSS pixel: the layout
            // and the screenshots are the device's whatever the window manager of headless mode decides.
            started.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", device.width(),
                    "height", device.height(), "deviceScaleFactor", 1, "mobile", device.mobile()));
            started.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", language.replace('-', '_')));
            started.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            if (started != null) {
                started.quit();
            }
            service.stop();
            deleteProfile();
            throw e;
        }
        this.driver = started;
    }

    private static String acceptLanguage(String language) {
        int dash = language.indexOf('-');
        return dash > 0 ? language + "," + language.substring(0, dash) : language;
    }

    /** The device this browser was opened at. */
    public Device device() {
        return device;
    }

    /** Selenium's driver, for what this class does not offer. */
    public ChromeDriver driver() {
        return driver;
    }

    /** Sets how long the looks for something wait from now on (default {@link #DEFAULT_WAIT}). */
    public Browser waitAtMost(Duration deadline) {
        this.wait = deadline;
        return this;
    }

    // ---------------------------------------------------------------------------------------------- navigation

    /** Loads {@code url} and waits for the document to be loaded. */
    public Browser go(String url) {
        driver.get(url);
        return this;
    }

    /** The address the page is at now. */
    public String url() {
        return driver.getCurrentUrl();
    }

    public String title() {
        return driver.getTitle();
    }

    // ---------------------------------------------------------------------------------------------- elements

    /** The first element matching the CSS selector, waiting until there is one. */
    public WebElement find(String css) {
        return waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** Every element matching the CSS selector now (no wait; possibly none). */
    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The visible text of the element, waiting until it is visible. */
    public String text(String css) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css))).getText();
    }

    /** Clicks the element (a real mouse click at its centre), waiting until it is visible and enabled. */
    public Browser click(String css) {
        waitUntil(driver -> {
            WebElement element = ExpectedConditions.elementToBeClickable(By.cssSelector(css)).apply(driver);
            if (element == null) {
                return null;
            }
            element.click();
            return element;
        });
        return this;
    }

    /**
     * Types into the element (focusing it first), waiting until it is visible; {@code keys} may mix text and
     * {@link org.openqa.selenium.Keys}, e.g. {@code type("#nik", "3515011234560001", Keys.ENTER)}.
     */
    public Browser type(String css, CharSequence... keys) {
        waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css))).sendKeys(keys);
        return this;
    }

    /** Presses keys on whatever has the focus (keyboard shortcuts, Tab, Enter...). */
    public Browser press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** Waits until the element's visible text contains {@code text}. */
    public Browser waitForText(String css, String text) {
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return this;
    }

    /** Waits until no element matching the CSS selector is visible (none at all, or all hidden). */
    public Browser waitUntilGone(String css) {
        waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
        return this;
    }

    /**
     * Waits until {@code condition} returns neither null nor false, up to the deadline, and returns what it
     * returned; elements replaced under it (stale) are looked for again. Fails with Selenium's
     * {@link org.openqa.selenium.TimeoutException}, which names the condition.
     */
    public <T> T waitUntil(Function<? super WebDriver, T> condition) {
        return waitUntil(wait, condition);
    }

    /** As {@link #waitUntil(Function)} with its own deadline. */
    public <T> T waitUntil(Duration deadline, Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, deadline).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Runs JavaScript in the page ({@code arguments[0]}... are {@code args}) and returns its result. */
    public Object script(String javascript, Object... args) {
        return driver.executeScript(javascript, args);
    }

    // ---------------------------------------------------------------------------------------------- network

    /** Cuts the page off the network: navigator.onLine false, an "offline" event, every request failing. */
    public Browser offline() {
        return network(true);
    }

    /** Gives the page its network back. */
    public Browser online() {
        return network(false);
    }

    // Plain CDP commands through chromedriver (not Selenium's devtools-vNNN modules, which follow Chrome releases).
    private Browser network(boolean offline) {
        if (!networkEnabled) {
            driver.executeCdpCommand("Network.enable", Map.of());
            networkEnabled = true;
        }
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        return this;
    }

    /** The errors the page logged (console.error, uncaught exceptions, failed loads) since the last call. */
    public List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    // ---------------------------------------------------------------------------------------------- accessibility

    /** Every violation axe-core finds on the page as it is now (its default rules: WCAG 2.x A and AA and more). */
    public List<AxeViolation> accessibilityViolations() {
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object'"))) {
            driver.executeScript(Axe.SOURCE);
        }
        Object answer = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                    .then(r => done(JSON.stringify(r.violations)))
                    .catch(e => done('axe failed: ' + e));""");
        String json = String.valueOf(answer);
        if (!json.startsWith("[")) {
            throw new IllegalStateException(json);
        }
        List<AxeViolation> violations = new ArrayList<>();
        try {
            for (JsonNode v : JSON.readTree(json)) {
                List<String> targets = new ArrayList<>();
                for (JsonNode node : v.path("nodes")) {
                    targets.add(node.path("target").toString());
                }
                violations.add(new AxeViolation(v.path("id").asText(), v.path("impact").asText(),
                        v.path("help").asText(), v.path("helpUrl").asText(), targets));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    /** Fails, listing each one, if axe-core finds a serious or critical violation on the page as it is now. */
    public Browser assertAccessible() {
        List<AxeViolation> blocking = accessibilityViolations().stream().filter(AxeViolation::blocking).toList();
        if (!blocking.isEmpty()) {
            StringBuilder message = new StringBuilder(blocking.size() + " serious or critical accessibility "
                    + "violation(s) on " + url() + ":");
            blocking.forEach(v -> message.append("\n  - ").append(v));
            throw new AssertionError(message.toString());
        }
        return this;
    }

    // ---------------------------------------------------------------------------------------------- screenshots

    /**
     * Writes the viewport (the device's size) to {@code docs/pages/<name>.png} in the repository and returns the
     * file; {@code name} is lower case, digits and dashes ({@code door-suspended}).
     */
    public Path screenshot(String name) {
        if (!SCREENSHOT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("screenshot name must be lower case, digits and dashes: " + name);
        }
        return screenshot(repositoryRoot().resolve("docs/pages/" + name + ".png"));
    }

    Path screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's root: system property {@code loket.root}, else the nearest directory up with mvnw. */
    public static Path repositoryRoot() {
        String configured = System.getProperty("loket.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath()
                + ": set -Dloket.root to the repository");
    }

    // ---------------------------------------------------------------------------------------------- closing

    /** Quits Chromium and its driver and deletes the profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            if (service.isRunning()) {
                service.stop();
            }
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is not worth failing a test for
        }
    }

    /** axe-core's script, read once from the webjar (whatever its version). */
    private static final class Axe {
        static final String SOURCE = load();

        private static String load() {
            ClassLoader loader = Browser.class.getClassLoader();
            try (InputStream pom = loader.getResourceAsStream(
                    "META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
                if (pom == null) {
                    throw new IllegalStateException("org.webjars.npm:axe-core is not on the class path");
                }
                Properties properties = new Properties();
                properties.load(pom);
                String path = "META-INF/resources/webjars/axe-core/" + properties.getProperty("version")
                        + "/axe.min.js";
                try (InputStream script = loader.getResourceAsStream(path)) {
                    if (script == null) {
                        throw new IllegalStateException("no " + path + " in the axe-core webjar");
                    }
                    return new String(script.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
