package io.github.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.sitegen.Fixture;
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
 * Search as a reader types, in Chromium, served under a sub-path and opened from disk: typos
 * (one for words of 5 letters or more, two from 9), the word being typed as a prefix, results
 * ranked by the field that has the words and then by how close they are, each with its topic.
 */
class ForgivingSearchTest {

    @TempDir
    static Path root;

    @RegisterExtension
    static final Browser.Closing CLOSING = new Browser.Closing();

    private static URI base;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        Fixture.write(root, """
                -- content/site.yaml --
                title: Acme help
                -- content/disputes.yaml --
                title: Disputes and mediation
                questions:
                  - id: what-is-mediation
                    question: What is mediation?
                    answer: A way to settle a disagreement with the help of a neutral person.
                  - id: housing
                    question: Who pays for my accommodation during a hearing?
                    answer: The agency does.
                  - id: pledges
                    question: Can a union collect money from its members?
                    answer: Yes, by pledging dues each month.
                -- content/account.yaml --
                title: Your account
                questions:
                  - id: password-reset
                    question: How do I reset my password?
                    answer: Open the settings page.
                  - id: card-far
                    question: Which card types do you accept, and what happens to the fees when I ask for a refund?
                    answer: Visa and Mastercard.
                  - id: card-near
                    question: How long does a refund to my card take?
                    answer: Five working days.
                -- content/billing.yaml --
                title: Billing
                questions:
                  - id: invoice-in-answer
                    question: Where do I find the form?
                    answer: It is attached to each invoice we send.
                  - id: invoice-in-tags
                    question: What do I download first?
                    tags: [invoice]
                    answer: The latest statement.
                  - id: invoice-in-alias
                    question: Where is my bill?
                    aliases: ["Where is my invoice?"]
                    answer: On the billing page.
                  - id: invoice-in-question
                    question: How do I read an invoice?
                    answer: Line by line, from the top.
                """);
        Path site = root.resolve("site");
        Fixture.build(SiteGenConfig.builder(root.resolve("content"), site).baseUrl("https://acme.github.io/help"));
        Browser.Session session = CLOSING.keep(Browser.Session.serve(site, "/help/"));
        base = session.base();
        driver = session.driver();
    }


    @BeforeEach
    void desktop() {
        Browser.screen(driver, 1280, 800);
        driver.get("about:blank");
        driver.get(base.resolve("index.html").toString());
    }

    /** Types {@code text} letter by letter and returns the questions found, best first, once the results settle. */
    private static List<String> search(String text) {
        WebElement input = driver.findElement(By.id("sg_search"));
        input.click();
        input.clear();
        for (char c : text.toCharArray()) {
            input.sendKeys(String.valueOf(c));
        }
        // Each letter starts a search; the list is busy until the last one's results are shown.
        new WebDriverWait(driver, Browser.PATIENCE).until(d -> !d.findElements(
                By.cssSelector("#sg_results:not([aria-busy]) li")).isEmpty());
        return driver.findElements(By.cssSelector("#sg_results [role=option][id] .result-question")).stream()
                .map(WebElement::getText).toList();
    }

    private static List<String> topics() {
        return driver.findElements(By.cssSelector("#sg_results [role=option][id] .result-topic")).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    void aTypoIsForgivenInWordsOfFiveLettersOrMoreAndTwoFromNine() {
        assertEquals(List.of("What is mediation?"), search("medaition"), "two letters swapped: one typo");
        assertEquals(List.of("What is mediation?"), search("mediaton "), "a letter left out");
        assertEquals(List.of("How do I reset my password?"), search("pasword "), "7 letters, one typo");
        assertEquals(List.of("Who pays for my accommodation during a hearing?"), search("acommodaton "), "11 letters, two typos");
        assertEquals(List.of(), search("paswrd "), "6 letters, two typos: too many");
        assertEquals(List.of(), search("rset "), "4 letters: no typo");
        assertEquals("No matching questions", driver.findElement(By.cssSelector("#sg_results .no-results")).getText());
    }

    @Test
    void theWordBeingTypedMatchesTheWordsItBegins() {
        assertEquals(List.of("Can a union collect money from its members?"), search("pledg"));
        assertEquals(List.of("pledging"), driver.findElements(By.cssSelector("#sg_results .result-snippet mark")).stream()
                .map(WebElement::getText).toList(), "the whole word it matched is marked");
        assertEquals(List.of(), search("pledg "), "a finished word is not a prefix");
        assertEquals(List.of("How do I reset my password?"), search("reset my passw"));
    }

    @Test
    void resultsRankByFieldQuestionAliasesTagsAnswerAndShowTheirTopic() {
        assertEquals(List.of("How do I read an invoice?", "Where is my bill?", "What do I download first?",
                "Where do I find the form?"), search("invoice"));
        assertEquals(List.of("Billing", "Billing", "Billing", "Billing"), topics());
    }

    @Test
    void amongEqualFieldsWordsCloseTogetherComeFirst() {
        assertEquals(List.of("How long does a refund to my card take?",
                "Which card types do you accept, and what happens to the fees when I ask for a refund?"), search("refund card"));
        assertEquals(List.of("Your account", "Your account"), topics());
    }

    @Test
    void onAPhoneTheFieldWidensOverTheHeaderAndTheResultsHaveTheWidth() {
        Browser.screen(driver, 375, 667);
        driver.get(base.resolve("billing/index.html").toString());
        double closed = ((Number) driver.executeScript("return document.getElementById('sg_search').getBoundingClientRect().width;"))
                .doubleValue();
        assertTrue(closed <= 48, "a square to tap: " + closed);
        assertEquals(List.of("What is mediation?"), search("medaition"));
        @SuppressWarnings("unchecked")
        Map<String, Number> sizes = (Map<String, Number>) driver.executeScript("""
                return {field: document.getElementById('sg_search').getBoundingClientRect().width,
                  results: document.getElementById('sg_results').getBoundingClientRect().width,
                  scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth};
                """);
        assertTrue(sizes.get("field").doubleValue() >= 300 && sizes.get("results").doubleValue() >= 300, sizes.toString());
        assertTrue(sizes.get("scroll").intValue() <= sizes.get("client").intValue(), "nothing scrolls sideways: " + sizes);
        driver.findElement(By.id("sg_search")).sendKeys(org.openqa.selenium.Keys.ENTER);
        new WebDriverWait(driver, Browser.PATIENCE).until(d -> d.getCurrentUrl().endsWith(
                "/help/disputes/index.html#what-is-mediation"));
    }

    @Test
    void searchWithTyposWorksFromAFolderOpenedOnDisk() {
        driver.get(root.resolve("site/account/index.html").toUri().toString());
        assertEquals(List.of("How do I reset my password?"), search("pasword"));
        driver.findElement(By.id("sg_search")).sendKeys(org.openqa.selenium.Keys.ENTER);
        new WebDriverWait(driver, Browser.PATIENCE).until(d -> d.getCurrentUrl().startsWith("file:")
                && d.getCurrentUrl().endsWith("/account/index.html#password-reset"));
        assertEquals(List.of(), Browser.consoleErrors(driver));
    }
}
