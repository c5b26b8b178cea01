package io.github.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.sitegen.BuildListener;
import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page with every question (printing it) and "Was this helpful?" (a vote), in headless
 * Chromium under a base path. navigator.sendBeacon and fetch are replaced before any page script
 * runs, so the test sees every request a vote makes, and nothing leaves the machine.
 */
class ReaderExtrasBrowserTest {

    @TempDir
    static Path root;

    @RegisterExtension
    static final Browser.Closing CLOSING = new Browser.Closing();

    private static Browser.Session session;
    private static ChromeDriver driver;

    /** Records beacons, GET requests and site-gen:feedback events in window.sent and window.votes. */
    private static final String RECORDER = """
            window.sent = []; window.votes = [];
            navigator.sendBeacon = function (url, body) { window.sent.push('beacon ' + url + ' ' + String(body)); return true; };
            window.fetch = function (url, options) { window.sent.push('fetch ' + url + ' ' + options.credentials); return Promise.resolve(); };
            document.addEventListener('site-gen:feedback', function (e) { window.votes.push(JSON.stringify(e.detail)); });
            """;

    @BeforeAll
    static void start() throws Exception {
        Path site = root.resolve("site");
        Files.createDirectories(site);
        session = CLOSING.keep(Browser.Session.serve(site, "/faq/"));
        driver = session.driver();
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
        Fixture.write(root, """
                -- content/site.yaml --
                title: Acme help
                askUrl: https://acme.example/ask?title={query}
                feedbackUrl: https://feedback.example/vote?q={id}&v={vote}&p={page}&l={lang}
                -- content/billing.yaml --
                title: Billing
                order: 1
                questions:
                  - id: pay
                    question: How do I pay & get a receipt?
                    answer: By card.
                  - id: invoice
                    question: Can I get an invoice?
                    answer: Yes.
                -- content/start.yaml --
                title: Getting started
                order: 2
                questions:
                  - id: begin
                    question: Where do I begin?
                    answer: Here.
                """);
        new SiteGenerator().generate(SiteGenConfig.builder(root.resolve("content"), site)
                .baseUrl("https://acme.github.io/faq").build(), BuildListener.SILENT);
    }

    private static WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    private static Object script(String js) {
        return driver.executeScript(js);
    }

    @Test
    void aVoteSendsOneBeaconAnnouncesThanksFiresTheEventAndNoOffersToAsk() throws Exception {
        driver.get(session.base().resolve("billing/index.html").toString());
        driver.findElement(By.cssSelector(".question summary")).click();
        WebElement no = driver.findElement(By.cssSelector(".feedback button[data-vote=no]"));
        assertTrue(no.isDisplayed(), "under the open answer");
        no.click();
        await().until(d -> "Thank you for your feedback.".equals(d.findElement(By.id("sg_announce")).getText()));
        assertEquals(List.of("beacon https://feedback.example/vote?q=pay&v=no&p=billing%2Findex.html&l=en"
                + " id=pay&vote=no&page=billing%2Findex.html&lang=en"), script("return window.sent;"));
        assertEquals(List.of("{\"id\":\"pay\",\"vote\":\"no\",\"page\":\"billing/index.html\",\"lang\":\"en\"}"),
                script("return window.votes;"));
        WebElement ask = driver.findElement(By.cssSelector(".feedback-thanks a"));
        assertEquals("https://acme.example/ask?title=How%20do%20I%20pay%20%26%20get%20a%20receipt%3F", ask.getDomAttribute("href"));
        assertEquals("true", no.getDomAttribute("aria-pressed"));
        driver.findElement(By.cssSelector(".feedback button[data-vote=yes]")).click();
        assertEquals(1L, script("return window.sent.length;"), "one vote per question and page view");
        assertEquals(0L, script("return document.cookie.length + localStorage.length + sessionStorage.length;"));
        assertEquals(List.of(), axeInBothSchemes());
    }

    @Test
    void printingTheWholeFaqOpensEveryAnswerStartsEachTopicOnANewPageAndLeavesOutNavigation() throws Exception {
        driver.get(session.base().resolve("index.html").toString());
        driver.findElement(By.cssSelector(".all-questions-link a")).click();
        await().until(d -> d.getCurrentUrl().endsWith("/faq/all.html"));
        assertEquals(0L, script("return document.querySelectorAll('details[open]').length;"), "closed until printed");
        script("window.dispatchEvent(new Event('beforeprint'));");
        assertEquals(3L, script("return document.querySelectorAll('.all-topic details[open]').length;"));
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            for (String selector : List.of(".topic-nav", ".search", ".site-menu", ".topic-tools", ".question-links", ".site-footer")) {
                assertEquals("none", script("return getComputedStyle(document.querySelector('" + selector + "')).display;"), selector);
            }
            assertEquals(List.of("auto", "page"), script("return Array.from(document.querySelectorAll('.all-topic'))"
                    + ".map(function (s) { return getComputedStyle(s).breakBefore; });"));
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        script("window.dispatchEvent(new Event('afterprint'));");
        driver.findElement(By.cssSelector("[data-expand-all]")).click();
        assertEquals(List.of(), axeInBothSchemes());
    }

    /** axe's violations on the current page, in the light and the dark scheme. */
    private static List<String> axeInBothSchemes() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            Browser.colourScheme(driver, scheme);
            Browser.axeViolations(driver).forEach(v -> failures.add(scheme + ": " + v));
        }
        Browser.colourScheme(driver, "light");
        return failures;
    }

    @Test
    void aGetFeedbackUrlSendsAGetRequestWithoutCookies() throws Exception {
        Fixture.write(root, """
                -- get/site.yaml --
                title: Acme help
                feedbackUrl: GET https://feedback.example/hit/{vote}/{id}
                -- get/start.yaml --
                title: Getting started
                questions:
                  - id: begin
                    question: Where do I begin?
                    answer: Here.
                """);
        // Another site, served below the first one's folder.
        new SiteGenerator().generate(SiteGenConfig.builder(root.resolve("get"), root.resolve("site/get"))
                .baseUrl("https://acme.github.io/faq/get").build(), BuildListener.SILENT);
        driver.get(session.base().resolve("get/start/index.html").toString());
        driver.findElement(By.cssSelector(".question summary")).click();
        driver.findElement(By.cssSelector(".feedback button[data-vote=yes]")).click();
        await().until(d -> "Thank you for your feedback.".equals(d.findElement(By.id("sg_announce")).getText()));
        assertEquals(List.of("fetch https://feedback.example/hit/yes/begin omit"), script("return window.sent;"));
        assertTrue(driver.findElements(By.cssSelector(".feedback-thanks a")).isEmpty(), "no ask link after yes, and none set");
    }
}
