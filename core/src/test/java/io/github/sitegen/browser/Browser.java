package io.github.sitegen.browser;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import io.github.sitegen.BuildListener;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;
import io.github.sitegen.verify.PagesServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Headless Chromium for the browser tests: Debian's {@code chromium} driven through its
 * {@code chromedriver}, nothing downloaded. Without them the tests are skipped, unless the
 * environment sets {@code SITE_GEN_BROWSER_TESTS=required} (CI does), which makes them fail.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROME_PATH", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_PATH", "/usr/bin/chromedriver"));

    /**
     * How long a test waits for a condition (a page, search results, a scroll) before it fails: a
     * ceiling, long enough for a machine whose cores are busy with other builds, never a pause. axe
     * on a topic page took more than 90 s once while two other test suites ran browsers beside it.
     */
    static final Duration PATIENCE = Duration.ofSeconds(240);

    private Browser() {
    }

    /** Skips (or, when required, fails) the calling tests if Chromium is not installed. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(installed(), "Chromium and ChromeDriver are not installed (apt-get install chromium"
                + " chromium-driver); browser tests skipped");
    }

    /**
     * Whether Chromium and its driver are installed; when they are not and the environment requires
     * the browser tests ({@code SITE_GEN_BROWSER_TESTS=required}), an exception says what is missing.
     */
    static boolean installed() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "required".equals(System.getenv("SITE_GEN_BROWSER_TESTS"))) {
            throw new IllegalStateException("browser tests are required but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        return installed;
    }

    /**
     * A site built from {@code content} into {@code site} with {@code baseUrl}, served under that
     * URL's path as GitHub Pages serves a project site, and a browser with JavaScript on. Skips the
     * calling tests when Chromium is not installed.
     */
    record Session(PagesServer server, URI base, ChromeDriver driver) implements AutoCloseable {

        static Session start(Path content, Path site, String baseUrl) throws Exception {
            assumeInstalled();
            new SiteGenerator().generate(SiteGenConfig.builder(content, site).baseUrl(baseUrl).build(),
                    BuildListener.SILENT);
            return serve(site, URI.create(baseUrl).getPath() + "/");
        }

        /**
         * The folder {@code site} (built, or to be built into while the tests run) served under
         * {@code basePath}, and a browser with JavaScript on. Skips the calling tests when
         * Chromium is not installed.
         */
        static Session serve(Path site, String basePath) throws IOException {
            assumeInstalled();
            PagesServer server = new PagesServer(site, basePath);
            try {
                return new Session(server, server.baseUri(), Browser.start(true));
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                driver.quit();
            } finally {
                server.close();
            }
        }
    }

    /**
     * Closes the session a test class keeps, after its last test: {@code @RegisterExtension static
     * final Browser.Closing CLOSING = new Browser.Closing();}, then {@code CLOSING.keep(session)}.
     */
    static final class Closing implements AfterAllCallback {
        private Session session;

        Session keep(Session opened) {
            session = opened;
            return opened;
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (session != null) {
                session.close();
            }
        }
    }

    static ChromeDriver start(boolean javascript) {
        return start(javascript, "en-US");
    }

    /** A browser whose reader prefers {@code language}. */
    static ChromeDriver start(boolean javascript, String language) {
        ChromeOptions options = new ChromeOptions();
        options.addArguments("--lang=" + language);
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--allow-file-access-from-files");
        Map<String, Object> prefs = new java.util.HashMap<>();
        prefs.put("intl.accept_languages", language);
        if (!javascript) {
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", prefs);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(PATIENCE);
        return driver;
    }

    /** Console messages at error level since the last call. */
    static List<String> consoleErrors(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Emulates the dark or light system colour scheme. */
    static void colourScheme(ChromeDriver driver, String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /**
     * Emulates a screen {@code width} × {@code height} CSS pixels large; under 600 pixels wide, a
     * phone's (the page's viewport meta element applies, scroll bars take no room).
     */
    static void screen(ChromeDriver driver, int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /**
     * The current page's cumulative layout shift so far: the sum of every layout shift not caused
     * by the reader's input, as Lighthouse counts it (0 when nothing moved on its own), and what
     * moved, each element with its box before and after, so that a failure names the culprit.
     */
    static LayoutShift layoutShift(ChromeDriver driver) {
        @SuppressWarnings("unchecked")
        Map<String, Object> found = (Map<String, Object>) driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1], total = 0, moved = [];
                function box(r) { return Math.round(r.x) + ',' + Math.round(r.y) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height); }
                function name(n) {
                  if (!n) return '(removed)';
                  if (n.nodeType !== 1) n = n.parentElement || n;
                  return n.nodeName.toLowerCase() + (n.id ? '#' + n.id : '') + (n.className && n.className.baseVal === undefined
                      ? '.' + String(n.className).trim().split(/\\s+/).join('.') : '');
                }
                new PerformanceObserver(function (list) {
                  list.getEntries().forEach(function (e) {
                    if (e.hadRecentInput) return;
                    total += e.value;
                    (e.sources || []).forEach(function (s) {
                      moved.push(name(s.node) + ' ' + box(s.previousRect) + ' -> ' + box(s.currentRect) + ' at ' + Math.round(e.startTime) + ' ms');
                    });
                  });
                }).observe({type: 'layout-shift', buffered: true});
                setTimeout(function () { done({total: total, moved: moved}); }, 500);
                """);
        @SuppressWarnings("unchecked")
        List<String> moved = (List<String>) found.get("moved");
        return new LayoutShift(((Number) found.get("total")).doubleValue(), moved);
    }

    /** A page's cumulative layout shift, and what moved. */
    record LayoutShift(double total, List<String> moved) {
        @Override
        public String toString() {
            return total + " " + moved;
        }
    }

    /** axe-core's violations on the current page, WCAG 2.x A and AA plus best practices, as text lines. */
    static List<String> axeViolations(ChromeDriver driver) throws IOException {
        JavascriptExecutor js = driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(axeSource());
        }
        Object raw = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                    'wcag22aa', 'best-practice']}}).then(function (r) { done(JSON.stringify(r.violations)); },
                    function (e) { done(JSON.stringify([{id: 'axe-error', help: String(e), nodes: []}])); });
                """);
        JsonNode violations = new ObjectMapper().readTree((String) raw);
        List<String> lines = new java.util.ArrayList<>();
        for (JsonNode violation : violations) {
            StringBuilder line = new StringBuilder(violation.path("id").asText()).append(": ")
                    .append(violation.path("help").asText());
            for (JsonNode node : violation.path("nodes")) {
                line.append(" | ").append(node.path("target").toString()).append(' ')
                        .append(node.path("failureSummary").asText().replace('\n', ' '));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String axeSource() throws IOException {
        try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IOException("axe.min.js is missing from the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
