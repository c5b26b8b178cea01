package io.github.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteCheck;
import io.github.sitegen.SiteGenConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The built-in theme on a small phone (375 × 667) and on a desktop (1280 × 800), in light and dark
 * mode: a topic of 88 questions with a long title, header links and two languages, served under a
 * sub-path. The header is one row, the topics are behind a disclosure on the phone, the first
 * question is on the first screen, an open answer has the width, nothing scrolls sideways, every
 * control is at least 24 × 24 pixels, axe finds nothing; without JavaScript a link to a question
 * opens its answer, and with it nothing moves while the page loads.
 */
class PhoneFirstTest {

    private static final int PHONE = 375;
    private static final int PHONE_HEIGHT = 667;
    private static final int DESKTOP = 1280;
    private static final int DESKTOP_HEIGHT = 800;
    private static final String LONG_TITLE = "Hatch Act questions for federal employees, including unpaid interns,"
            + " detailees and the uniformed services";
    private static final String TOPIC = "en/federal-employees/index.html";

    @TempDir
    static Path root;

    @RegisterExtension
    static final Browser.Closing CLOSING = new Browser.Closing();

    private static Browser.Session session;
    private static URI base;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        StringBuilder spec = new StringBuilder("""
                -- content/site.yaml --
                defaultLanguage: en
                -- content/en/site.yaml --
                title: Acme customer help centre
                links:
                  - text: Acme home
                    url: https://acme.example/
                  - text: Service status
                    url: https://status.acme.example/
                -- content/de/site.yaml --
                title: Acme Hilfe
                -- content/de/federal-employees.yaml --
                title: Bundesbedienstete
                questions:
                  - {id: q-1, question: "Gilt das Gesetz für Praktikanten?", answer: Nein.}
                -- content/en/agencies.yaml --
                title: Outreach, training and certification questions for agencies and their ethics officials
                questions:
                  - {question: "How does an agency get certified?", answer: "It applies."}
                -- content/en/federal-employees.yaml --
                """).append("title: \"").append(LONG_TITLE).append("\"\n")
                .append("summary: Who the Hatch Act covers, and what it allows and forbids.\nquestions:\n");
        for (int i = 1; i <= 88; i++) {
            spec.append("  - id: q-").append(i).append('\n')
                    .append("    question: \"").append(i % 11 == 0
                            ? "May an employee of an Executive agency supervise a partisan political campaign while on"
                                    + " leave without pay, number " + i + "?"
                            : "Is an unpaid student intern number " + i + " covered by the Hatch Act?").append("\"\n")
                    .append("    tags: [interns, coverage]\n")
                    .append(i > 1 ? "    related: [q-" + (i - 1) + "]\n" : "")
                    .append(i == 7 ? "    previousIds: [Old_anchor_of_7]\n" : "")
                    .append("    answer: |\n")
                    .append("      No. Pursuant to 5 U.S.C. 3111(c)(1), an unpaid student intern is not considered a\n")
                    .append("      federal employee for any purpose other than those specifically listed therein.\n\n")
                    .append("      - Read https://osc.gov/Services/Pages/HatchAct-Federal.aspx%7cwith%7ca%7cvery%7clong%7caddress\n")
                    .append("      - Ask your agency's ethics official.\n\n")
                    .append("      | Form | Who | When | Where | Why | How | Cost |\n")
                    .append("      |------|-----|------|-------|-----|-----|------|\n")
                    .append("      | SF-50 personnel action | supervisor | yearly | headquarters | records | online | none |\n\n")
                    .append("      ```\n      hatch-act --check --employee=intern --agency=office-of-special-counsel --verbose\n      ```\n");
        }
        Fixture.write(root, spec.toString());
        Path site = root.resolve("site");
        Fixture.build(SiteGenConfig.builder(root.resolve("content"), site).baseUrl("https://acme.github.io/help"));
        session = CLOSING.keep(Browser.Session.serve(site, "/help/"));
        base = session.base();
        driver = session.driver();
    }


    @BeforeEach
    void lightDesktop() {
        Browser.colourScheme(driver, "light");
        Browser.screen(driver, DESKTOP, DESKTOP_HEIGHT);
    }

    /** Loads {@code path} afresh (not as a jump within the page it may be on) on a screen {@code width} wide. */
    private void open(ChromeDriver browser, int width, String path) {
        Browser.screen(browser, width, width == PHONE ? PHONE_HEIGHT : DESKTOP_HEIGHT);
        browser.get("about:blank");
        browser.get(base.resolve(path).toString());
    }

    private static Map<String, Object> rect(ChromeDriver browser, String selector) {
        @SuppressWarnings("unchecked")
        Map<String, Object> rect = (Map<String, Object>) browser.executeScript("""
                var r = document.querySelector(arguments[0]).getBoundingClientRect();
                return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height};
                """, selector);
        return rect;
    }

    private static double number(Map<String, Object> rect, String key) {
        return ((Number) rect.get(key)).doubleValue();
    }

    private static boolean displayed(ChromeDriver browser, String selector) {
        return Boolean.TRUE.equals(browser.executeScript(
                "var e = document.querySelector(arguments[0]); return !!e && e.getClientRects().length > 0;", selector));
    }

    @Test
    void theHeaderIsOneRowWithTheTitleTheSearchAndAMenuForTheRest() {
        for (int width : List.of(PHONE, DESKTOP)) {
            open(driver, width, TOPIC);
            Map<String, Object> header = rect(driver, ".site-header");
            assertTrue(number(header, "height") <= 64, width + ": the header is one row: " + header);
            List<String> row = width == PHONE ? List.of(".site-title", ".search input", ".site-menu summary")
                    : List.of(".site-title", ".search input", ".site-links", ".languages", ".theme-toggle");
            for (String selector : row) {
                Map<String, Object> item = rect(driver, selector);
                assertTrue(number(item, "top") >= number(header, "top") && number(item, "bottom") <= number(header, "bottom"),
                        width + ": " + selector + " is in the header's one row: " + item + " in " + header);
            }
        }
        open(driver, PHONE, TOPIC);
        assertFalse(displayed(driver, ".site-links"), "the links are in the menu");
        driver.findElement(By.cssSelector(".site-menu summary")).click();
        for (String selector : List.of(".site-links a", ".languages a[hreflang=de]", ".theme-toggle")) {
            assertTrue(driver.findElement(By.cssSelector(selector)).isDisplayed(), selector + " is in the open menu");
        }
        driver.findElement(By.cssSelector(".languages a[hreflang=de]")).click();
        new WebDriverWait(driver, Browser.PATIENCE).until(d -> d.getCurrentUrl().endsWith("/help/de/federal-employees/index.html"));
        // A click elsewhere closes the menu, and so does Escape.
        driver.findElement(By.cssSelector(".site-menu summary")).click();
        driver.findElement(By.cssSelector(".site-footer p")).click();
        assertFalse(displayed(driver, ".menu-panel"));
        driver.findElement(By.cssSelector(".site-menu summary")).click();
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();
        assertFalse(displayed(driver, ".menu-panel"));
    }

    @Test
    void onAPhoneTheTopicsAreBehindADisclosureAndOnADesktopBesideThePage() {
        open(driver, PHONE, TOPIC);
        assertTrue(displayed(driver, ".topic-nav-toggle summary"));
        assertFalse(displayed(driver, ".topic-nav ul"), "closed, the topic list takes no room");
        driver.findElement(By.cssSelector(".topic-nav-toggle summary")).click();
        assertTrue(driver.findElement(By.cssSelector(".topic-nav a[aria-current=page]")).isDisplayed());
        open(driver, DESKTOP, TOPIC);
        assertFalse(displayed(driver, ".topic-nav-toggle"));
        assertTrue(driver.findElement(By.cssSelector(".topic-nav a[aria-current=page]")).isDisplayed());
        assertTrue(number(rect(driver, ".topic-nav"), "right") <= number(rect(driver, "main"), "left"), "beside the page");
    }

    @Test
    void onAPhoneTheFirstQuestionIsOnTheFirstScreenAndAnOpenAnswerHasTheWidth() {
        for (String scheme : List.of("light", "dark")) {
            Browser.colourScheme(driver, scheme);
            open(driver, PHONE, TOPIC);
            Map<String, Object> first = rect(driver, ".question summary");
            assertTrue(number(first, "bottom") <= PHONE_HEIGHT, scheme + ": the first question ends at " + first);
            driver.findElement(By.cssSelector(".question summary")).click();
            double answer = number(rect(driver, ".question details[open] .answer"), "width");
            assertTrue(answer >= 0.85 * PHONE, scheme + ": the open answer is " + answer + " of " + PHONE + " pixels wide");
            assertTrue(driver.findElement(By.cssSelector(".question details[open] + .question-links .self-link")).isDisplayed(),
                    "the link to the question is under its open answer");
        }
    }

    @Test
    void nothingScrollsSidewaysAndEveryControlIsAtLeast24PixelsSquare() {
        List<String> failures = new ArrayList<>();
        for (int width : List.of(PHONE, DESKTOP)) {
            for (String path : List.of(TOPIC, "en/index.html", "en/missing/page.html")) {
                open(driver, width, path);
                if (path.equals(TOPIC)) {
                    driver.findElement(By.cssSelector("[data-expand-all]")).click();
                }
                failures.addAll(sideways(width + " " + path));
                if (width == PHONE) {
                    driver.findElement(By.cssSelector(".topic-nav-toggle summary")).click();
                    driver.findElement(By.cssSelector(".site-menu summary")).click();
                }
                failures.addAll(smallTargets(width + " " + path));
                driver.findElement(By.id("sg_search")).click();
                failures.addAll(sideways(width + " " + path + " with the search field open"));
            }
        }
        assertEquals(List.of(), failures);
    }

    private static List<String> sideways(String where) {
        @SuppressWarnings("unchecked")
        List<Long> widths = (List<Long>) driver.executeScript(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
        return widths.get(0) > widths.get(1) ? List.of(where + ": scrolls sideways, " + widths) : List.of();
    }

    /**
     * Links, buttons, summaries and fields smaller than 24 × 24 pixels, but for links in text (in
     * an answer, the footer's text or a paragraph), which WCAG's target size criterion exempts.
     */
    private static List<String> smallTargets(String where) {
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) driver.executeScript("""
                return Array.from(document.querySelectorAll('a[href], button, summary, input'))
                  .filter(function (e) { return !e.closest('[data-sg-content], .footer-text, p') && e.getClientRects().length > 0; })
                  .map(function (e) { var r = e.getBoundingClientRect(); return [r.width, r.height, e.outerHTML.slice(0, 90)]; })
                  .filter(function (t) { return t[0] < 24 || t[1] < 24; })
                  .map(function (t) { return Math.round(t[0]) + 'x' + Math.round(t[1]) + ' ' + t[2]; });
                """);
        return small.stream().limit(5).map(s -> where + ": " + s).toList();
    }

    @Test
    void axeFindsNoViolationAtEitherWidthInLightAndDark() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            Browser.colourScheme(driver, scheme);
            for (int width : List.of(PHONE, DESKTOP)) {
                for (String path : List.of(TOPIC, "en/index.html")) {
                    open(driver, width, path);
                    if (path.equals(TOPIC)) {
                        driver.findElement(By.cssSelector("[data-expand-all]")).click();
                    }
                    if (width == PHONE) {
                        driver.findElement(By.cssSelector(".topic-nav-toggle summary")).click();
                        driver.findElement(By.cssSelector(".site-menu summary")).click();
                    }
                    String where = scheme + " " + width + " " + path + ": ";
                    Browser.axeViolations(driver).forEach(v -> failures.add(where + v));
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theNuCheckerFindsNoError() throws Exception {
        SiteCheck.assertValidHtml(root.resolve("site"));
    }

    @Test
    void withoutJavaScriptALinkToAQuestionOpensItsAnswerAndEveryAnswerOpens() {
        ChromeDriver plain = Browser.start(false);
        try {
            for (int width : List.of(PHONE, DESKTOP)) {
                open(plain, width, TOPIC + "#q-42");
                assertEquals(Boolean.TRUE, plain.executeScript("return document.getElementById('q-42').closest('details').open;"),
                        width + ": the linked answer is open");
                WebElement answer = plain.findElement(By.cssSelector("#q-42 ~ .answer"));
                assertTrue(answer.isDisplayed() && answer.getText().startsWith("No. Pursuant to"), answer.getText());
                double top = number(rect(plain, "details:has(#q-42) summary"), "top");
                assertTrue(top >= 0 && top < 100, width + ": the question is at the top of the screen: " + top);
                assertEquals(1L, plain.executeScript("return document.querySelectorAll('.question details[open]').length;"),
                        "the other answers stay closed");
                plain.findElement(By.cssSelector("details:has(#q-43) summary")).click();
                assertTrue(plain.findElement(By.cssSelector("#q-43 ~ .answer")).isDisplayed(), "any answer opens");
                assertFalse(displayed(plain, ".search"), "what needs the script is not shown");
            }
            // An old anchor of a question opens it too.
            open(plain, PHONE, TOPIC + "#Old_anchor_of_7");
            assertEquals(Boolean.TRUE, plain.executeScript("return document.getElementById('q-7').closest('details').open;"));
        } finally {
            plain.quit();
        }
    }

    /**
     * On a slow device (the processor 20 times slower, as a busy machine can be by chance), the
     * first paint comes while the page is still being read: the header arrives in parts and the
     * scroll bar appears once the page outgrows the window. Whatever arrives later must not move
     * what is shown, so the test is slow on purpose, every time, rather than by chance.
     */
    @Test
    void withJavaScriptNothingMovesWhileThePageLoads() {
        driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 20));
        try {
            assertEquals(List.of(), shifts());
        } finally {
            driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 1));
        }
    }

    /**
     * The layout shift a reader notices: the header moving (0.006 to 0.012 before it waited to be
     * read whole) or the page moving sideways when the scroll bar appears (0.021). Below it are
     * pieces of one row arriving apart while the processor is slowed 20 times, such as a question's
     * copy button beside its link (0.0003), which no reader on a real device sees.
     */
    private static final double NOTICEABLE_SHIFT = 0.001;

    private List<String> shifts() {
        List<String> shifts = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            Browser.colourScheme(driver, scheme);
            for (int width : List.of(PHONE, DESKTOP)) {
                for (String path : List.of(TOPIC, TOPIC + "#q-42", "en/index.html")) {
                    open(driver, width, path);
                    if (path.endsWith("#q-42")) {
                        assertEquals(Boolean.TRUE, driver.executeScript(
                                "return document.getElementById('q-42').closest('details').open;"), "the linked answer is open");
                    }
                    Browser.LayoutShift shift = Browser.layoutShift(driver);
                    if (shift.total() > NOTICEABLE_SHIFT) {
                        shifts.add(scheme + " " + width + " " + path + ": " + shift);
                    }
                }
            }
        }
        return shifts;
    }
}
