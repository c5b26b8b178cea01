package io.github.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.sitegen.BuildListener;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;
import io.github.sitegen.TestContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The built-in theme as a reader meets it, in real headless Chromium: the example site served
 * under {@code /site-gen-example/} the way GitHub Pages serves it, and the same folder opened from
 * disk.
 */
class ReaderExperienceTest {

    private static final String BASE = "https://example.github.io/site-gen-example";

    @TempDir
    static Path folder;

    private static Path site;
    private static Browser.Session session;
    private static URI base;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        site = folder.resolve("site");
        session = Browser.Session.start(TestContent.example(), site, BASE);
        base = session.base();
        driver = session.driver();
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
    }

    @BeforeEach
    void freshState() {
        driver.get(base.toString());
        driver.executeScript("localStorage.clear();");
        Browser.colourScheme(driver, "light");
        Browser.consoleErrors(driver);
    }

    private WebDriverWait await() {
        return new WebDriverWait(driver, Browser.PATIENCE);
    }

    private boolean isOpen(String questionId) {
        return Boolean.TRUE.equals(driver.executeScript(
                "return document.getElementById(arguments[0]).closest('details').open;", questionId));
    }

    private List<String> searchFor(String text) {
        WebElement input = driver.findElement(By.id("sg_search"));
        input.click();
        input.sendKeys(text);
        await().until(d -> !d.findElements(By.cssSelector("#sg_results [role=option][id]")).isEmpty());
        return driver.findElements(By.cssSelector("#sg_results [role=option][id] .result-question")).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    void searchFindsAQuestionByAWordOnlyInItsAnswerAndOpensItThere() {
        List<String> found = searchFor("pledging");
        assertEquals(List.of("How is NATO supporting Ukraine amid ongoing conflicts?"), found);
        List<String> marked = driver.findElements(By.cssSelector("#sg_results mark")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("pledging"), marked, "the matched word is highlighted in the snippet");
        driver.findElement(By.id("sg_search")).sendKeys(Keys.ENTER);
        await().until(d -> d.getCurrentUrl().endsWith("/site-gen-example/ukraine/index.html#how-nato-supports-ukraine"));
        await().until(d -> isOpen("how-nato-supports-ukraine"));
        assertFalse(isOpen("why-ukraine-membership-matters"));
        assertEquals(List.of(), Browser.consoleErrors(driver));
    }

    @Test
    void questionWordsWeighMoreThanAnswerWordsAndCaseAndAccentsDoNotMatter() {
        List<String> found = searchFor("UKRAÏNE membership");
        assertEquals("Why does NATO prioritize Ukraine's membership and security?", found.get(0));
        assertTrue(found.size() >= 2, "answers that mention both words follow: " + found);
    }

    @Test
    void arrowKeysChooseAResultAndEnterGoesToIt() {
        List<String> found = searchFor("ukraine");
        assertTrue(found.size() >= 3, found.toString());
        WebElement input = driver.findElement(By.id("sg_search"));
        input.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertEquals("sg_result_1", input.getDomAttribute("aria-activedescendant"));
        assertEquals("true", driver.findElement(By.id("sg_result_1")).getDomAttribute("aria-selected"));
        String second = found.get(1);
        input.sendKeys(Keys.ENTER);
        await().until(d -> d.getCurrentUrl().contains("#"));
        String id = driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf('#') + 1);
        await().until(d -> isOpen(id));
        assertEquals(second, driver.executeScript(
                "return document.getElementById(arguments[0]).closest('.question').querySelector('h2').textContent;", id));
    }

    @Test
    void aSearchWithoutMatchesSaysSo() {
        WebElement input = driver.findElement(By.id("sg_search"));
        input.sendKeys("zzzzqqq");
        await().until(d -> !d.findElements(By.cssSelector("#sg_results .no-results")).isEmpty());
        assertEquals("No matching questions", driver.findElement(By.cssSelector("#sg_results .no-results")).getText());
    }

    @Test
    void aDeepLinkOpensItsAnswerAndScrollsToIt() {
        driver.get(base.resolve("defence-spending/index.html#nato-initiatives-russian-aggression").toString());
        await().until(d -> isOpen("nato-initiatives-russian-aggression"));
        assertFalse(isOpen("why-increase-defence-spending"), "other answers stay closed");
        Number top = (Number) driver.executeScript(
                "return document.getElementById('nato-initiatives-russian-aggression').getBoundingClientRect().top;");
        assertTrue(top.doubleValue() >= 0 && top.doubleValue() < 300, "scrolled into view, top at " + top);
    }

    @Test
    void aLinkToAnotherQuestionOnThePageOpensIt() {
        driver.get(base.resolve("ukraine/index.html#how-nato-supports-ukraine").toString());
        await().until(d -> isOpen("how-nato-supports-ukraine"));
        driver.findElement(By.cssSelector(".related a")).click();
        await().until(d -> isOpen("why-ukraine-membership-matters"));
    }

    @Test
    void keyboardAloneReachesAndOpensAnAnswer() {
        driver.get(base.resolve("ukraine/index.html").toString());
        Actions keys = new Actions(driver);
        String focused = "";
        for (int i = 0; i < 40 && !focused.equals("SUMMARY"); i++) {
            keys.sendKeys(Keys.TAB).perform();
            focused = (String) driver.executeScript("return document.activeElement.tagName;");
        }
        assertEquals("SUMMARY", focused, "a question can be reached with Tab");
        String id = (String) driver.executeScript(
                "return document.activeElement.closest('.question').querySelector('.question-anchor').id;");
        assertFalse(isOpen(id));
        keys.sendKeys(Keys.ENTER).perform();
        await().until(d -> isOpen(id));
        String outline = (String) driver.executeScript("return getComputedStyle(document.activeElement).outlineStyle;");
        assertNotEquals("none", outline, "focus is visible");
    }

    @Test
    void theSkipLinkIsTheFirstStopAndMovesFocusToTheContent() {
        driver.get(base.resolve("index.html").toString());
        new Actions(driver).sendKeys(Keys.TAB).perform();
        WebElement skip = driver.switchTo().activeElement();
        assertEquals("Skip to content", skip.getText());
        skip.sendKeys(Keys.ENTER);
        await().until(d -> "sg_main".equals(d.switchTo().activeElement().getDomAttribute("id")));
    }

    @Test
    void expandAllAndCollapseAllWorkPerTopic() {
        driver.get(base.resolve("defence-spending/index.html").toString());
        driver.findElement(By.cssSelector("[data-expand-all]")).click();
        assertTrue(isOpen("why-increase-defence-spending") && isOpen("nato-initiatives-russian-aggression"));
        driver.findElement(By.cssSelector("[data-collapse-all]")).click();
        assertFalse(isOpen("why-increase-defence-spending") || isOpen("nato-initiatives-russian-aggression"));
    }

    @Test
    void printingShowsEveryAnswerAndHidesNavigationAndSearch() {
        driver.get(base.resolve("defence-spending/index.html").toString());
        driver.executeScript("window.dispatchEvent(new Event('beforeprint'));");
        assertTrue(isOpen("why-increase-defence-spending") && isOpen("nato-initiatives-russian-aggression"));
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            for (String selector : List.of(".topic-nav", ".search", ".theme-toggle", ".topic-tools", ".question-links")) {
                assertEquals("none", driver.executeScript("return getComputedStyle(document.querySelector(arguments[0])).display;",
                        selector), selector);
            }
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        driver.executeScript("window.dispatchEvent(new Event('afterprint'));");
        assertFalse(isOpen("why-increase-defence-spending"), "closed again after printing");
    }

    @Test
    void copyLinkPutsTheQuestionsAddressOnTheClipboard() {
        driver.get(base.resolve("ukraine/index.html").toString());
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base.resolve("/").toString().replaceAll("/$", ""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        WebElement button = driver.findElement(By.cssSelector("button.copy-link[data-id=why-ukraine-membership-matters]"));
        assertTrue(button.isDisplayed());
        button.click();
        // The button says so for two seconds, which a busy machine can miss; the announcement stays.
        await().until(d -> "Link copied".equals(d.findElement(By.id("sg_announce")).getDomProperty("textContent")));
        Object copied = driver.executeAsyncScript("var done = arguments[0]; navigator.clipboard.readText().then(done, e => done('error ' + e));");
        assertEquals(base.resolve("ukraine/index.html").toString() + "#why-ukraine-membership-matters", copied);
    }

    @Test
    void theColourSchemeFollowsTheSystemAndTheTogglePersistsWithoutAFlash() {
        driver.get(base.resolve("index.html").toString());
        String light = background();
        Browser.colourScheme(driver, "dark");
        String dark = background();
        assertNotEquals(light, dark, "follows the system setting");
        Browser.colourScheme(driver, "light");
        WebElement toggle = driver.findElement(By.cssSelector(".theme-toggle"));
        // The toggle follows the system setting through a media query listener, which fires a moment later.
        await().until(d -> "false".equals(toggle.getDomAttribute("aria-pressed")));
        toggle.click();
        assertEquals("true", toggle.getDomAttribute("aria-pressed"));
        assertEquals(dark, background());
        driver.get(base.resolve("ukraine/index.html").toString());
        // The inline script in <head> applied the choice before the style sheet was even read.
        assertEquals("dark", driver.executeScript("return document.documentElement.getAttribute('data-theme');"));
        assertEquals(dark, background());
        assertEquals("true", driver.findElement(By.cssSelector(".theme-toggle")).getDomAttribute("aria-pressed"));
    }

    @Test
    void theDarkModeToggleKeepsItsNameAndSaysItsStateInBothDirections() {
        driver.get(base.resolve("index.html").toString());
        WebElement toggle = driver.findElement(By.cssSelector(".theme-toggle"));
        await().until(d -> "false".equals(toggle.getDomAttribute("aria-pressed")));
        assertEquals("Dark mode", toggle.getAccessibleName(), "what the button does, the same in both states");
        assertEquals("button", toggle.getAriaRole());
        toggle.click();
        assertEquals("true", toggle.getDomAttribute("aria-pressed"));
        assertEquals("Dark mode", toggle.getAccessibleName());
        assertEquals("dark", driver.executeScript("return document.documentElement.getAttribute('data-theme');"));
        toggle.click();
        assertEquals("false", toggle.getDomAttribute("aria-pressed"), "pressed again, dark mode is off");
        assertEquals("light", driver.executeScript("return localStorage.getItem('site-gen-theme');"));
        // A remembered light choice wins over a dark system setting, and the toggle says so.
        Browser.colourScheme(driver, "dark");
        driver.navigate().refresh();
        WebElement again = driver.findElement(By.cssSelector(".theme-toggle"));
        assertEquals("false", again.getDomAttribute("aria-pressed"));
        // Without a choice, the toggle follows the system's dark setting.
        driver.executeScript("localStorage.clear();");
        driver.navigate().refresh();
        WebElement fresh = driver.findElement(By.cssSelector(".theme-toggle"));
        await().until(d -> "true".equals(fresh.getDomAttribute("aria-pressed")));
        assertEquals(List.of(), Browser.consoleErrors(driver));
    }

    private String background() {
        return (String) driver.executeScript("return getComputedStyle(document.body).backgroundColor;");
    }

    @Test
    void the404PageWorksAtADeepMissingAddress() {
        String missing = base.resolve("no/such/page/here.html").toString();
        driver.get(missing);
        assertEquals("Page not found", driver.findElement(By.tagName("h1")).getText());
        assertNotEquals("rgba(0, 0, 0, 0)", background(), "the style sheet loaded");
        // The browser reports the page's own 404 status; nothing else may fail.
        assertEquals(List.of(), Browser.consoleErrors(driver).stream().filter(e -> !e.startsWith(missing + " ")).toList());
        driver.findElement(By.linkText("Support for Ukraine")).click();
        await().until(d -> d.getCurrentUrl().endsWith("/site-gen-example/ukraine/index.html"));
        List<String> found = searchFor("pledging");
        assertEquals(1, found.size(), "search works on the 404 page too");
    }

    @Test
    void everyPageTypeHasNoAxeViolationsInLightAndDark() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            Browser.colourScheme(driver, scheme);
            for (String path : List.of("index.html", "ukraine/index.html", "missing/deep/page.html")) {
                driver.get(base.resolve(path).toString());
                if (path.startsWith("ukraine")) {
                    driver.findElement(By.cssSelector("[data-expand-all]")).click();
                }
                Browser.axeViolations(driver).forEach(v -> failures.add(scheme + " " + path + ": " + v));
            }
            driver.get(base.resolve("index.html").toString());
            searchFor("ukraine");
            Browser.axeViolations(driver).forEach(v -> failures.add(scheme + " search results: " + v));
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void noPageLogsAConsoleError() {
        for (String path : List.of("index.html", "ministerial-meeting/index.html", "defence-spending/index.html",
                "ukraine/index.html")) {
            driver.get(base.resolve(path).toString());
            driver.findElement(By.id("sg_search")).click();
            await().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return !!window.siteGenSearch;")));
            assertEquals(List.of(), Browser.consoleErrors(driver), path);
        }
    }

    @Test
    void theSiteWorksOpenedFromDisk() throws Exception {
        driver.get(site.resolve("index.html").toUri().toString());
        assertEquals(List.of("What are the main focuses of the upcoming NATO ministerial meeting in Turkey?"),
                searchFor("Rubio"));
        driver.findElement(By.id("sg_search")).sendKeys(Keys.ENTER);
        await().until(d -> d.getCurrentUrl().startsWith("file:") && d.getCurrentUrl().endsWith(
                "ministerial-meeting/index.html#ministerial-meeting-focus"));
        await().until(d -> isOpen("ministerial-meeting-focus"));
        assertNotEquals("rgba(0, 0, 0, 0)", background(), "the style sheet loaded from disk");
        assertEquals(List.of(), Browser.consoleErrors(driver));
    }

    @Test
    void withoutJavaScriptEveryAnswerIsReadableAndNoControlIsShownBroken() {
        ChromeDriver plain = Browser.start(false);
        try {
            plain.get(base.resolve("ukraine/index.html").toString());
            for (String selector : List.of(".search", ".theme-toggle", ".topic-tools", ".copy-link")) {
                assertFalse(plain.findElement(By.cssSelector(selector)).isDisplayed(), selector + " is hidden");
            }
            WebElement summary = plain.findElement(By.cssSelector(".question summary"));
            summary.click();
            WebElement answer = plain.findElement(By.cssSelector("details[open] .answer"));
            assertTrue(answer.getText().startsWith("NATO supports Ukraine"), answer.getText());
            assertTrue(plain.findElement(By.cssSelector(".self-link")).isDisplayed());
        } finally {
            plain.quit();
        }
    }

    @Test
    void searchWorksForKoreanTextWithoutSpacesBetweenTheWordsItMatches() throws Exception {
        Path korean = folder.resolve("korean");
        new SiteGenerator().generate(SiteGenConfig.builder(TestContent.corpus("cc-korea"), korean).build(),
                BuildListener.SILENT);
        driver.get(korean.resolve("index.html").toUri().toString());
        // "합성" (compositing) appears only inside one answer, attached to a particle: "합성을".
        List<String> found = searchFor("합성");
        assertEquals(List.of("CC 라이선스 조건 중 변경금지(ND, NoDerivative)에 대해 좀 더 자세히 알고 싶어요."), found);
        driver.findElement(By.id("sg_search")).sendKeys(Keys.ENTER);
        await().until(d -> d.getCurrentUrl().contains("/general/index.html#"));
        String id = java.net.URLDecoder.decode(driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf('#') + 1),
                java.nio.charset.StandardCharsets.UTF_8);
        await().until(d -> isOpen(id));
    }

    @Test
    void theSearchIndexIsAPlainScriptNextToThePagesWithItsPartsInAFolderBesideIt() throws Exception {
        String index = Files.readString(site.resolve("search-index.js"));
        assertTrue(index.startsWith("window.siteGenSearch={\"version\":2,\"topics\":[[\"ministerial-meeting/index.html\","),
                index);
        assertTrue(Files.readString(site.resolve("search-index/p0.js")).startsWith("window.siteGenSearch.parts.p0=["));
        assertTrue(Files.readString(site.resolve("search-index/d0.js")).startsWith(
                "window.siteGenSearch.parts.d0=[[0,\"ministerial-meeting-focus\","));
    }
}
