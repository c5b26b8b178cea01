package io.github.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.sitegen.BuildListener;
import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;
import io.github.sitegen.publish.OldLinksTest;
import io.github.sitegen.verify.PagesServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Links published before a site was reorganised, followed in Chromium on a site served as GitHub
 * Pages serves a project site: a moved question, a renamed topic's old page, an old page with the
 * fragment of a question that has moved on to a third topic, and missing addresses that the 404
 * page resolves. Each lands on its question with the answer open.
 */
class OldLinksBrowserTest {

    /**
     * Once: a topic "billing" with the questions change-payment-method (then How_to_pay.3F) and
     * cancel-subscription, and a page faq.html. Now: "billing" is "payments", which holds the old
     * pages, and cancel-subscription has moved to "accounts".
     */
    static final String SITE = OldLinksTest.SITE + """
              - id: cancel-subscription
                question: How do I cancel my subscription?
                answer: Close your account in the account settings.
            """;

    @TempDir
    static Path folder;

    @RegisterExtension
    static final Browser.Closing CLOSING = new Browser.Closing();

    private static URI base;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        Fixture.write(folder, SITE);
        Browser.Session session = CLOSING.keep(Browser.Session.start(folder.resolve("content"), folder.resolve("site"),
                "https://example.github.io/faq"));
        base = session.base();
        driver = session.driver();
    }

    private static WebDriverWait waiting(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    /** Waits until the browser shows {@code page} with the answer of {@code id} open. */
    private static void assertLandsOnOpenAnswer(WebDriver browser, String page, String id) {
        waiting(browser).until(d -> d.getCurrentUrl().endsWith(page + "#" + id));
        waiting(browser).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "var e = document.getElementById(arguments[0]); return !!e && e.closest('details').open;", id)));
    }

    @Test
    void aMovedQuestionsOldLinkLandsOnItsNewPage() {
        driver.get(base.resolve("payments/index.html#cancel-subscription").toString());
        assertLandsOnOpenAnswer(driver, "/faq/accounts/index.html", "cancel-subscription");
    }

    @Test
    void aRenamedTopicsOldPageLandsOnTheQuestionItsLinkNamed() {
        driver.get(base.resolve("billing/#change-payment-method").toString());
        assertLandsOnOpenAnswer(driver, "/faq/payments/index.html", "change-payment-method");
    }

    @Test
    void anOldPageWithTheFragmentOfAQuestionThatMovedToAnotherTopicLandsOnThatQuestion() {
        driver.get(base.resolve("faq.html#cancel-subscription").toString());
        assertLandsOnOpenAnswer(driver, "/faq/accounts/index.html", "cancel-subscription");
    }

    @Test
    void aMissingPageWithTheFragmentOfAKnownQuestionLandsOnThatQuestion() {
        driver.get(base.resolve("old/section/page.html#reset-password").toString());
        assertLandsOnOpenAnswer(driver, "/faq/accounts/index.html", "reset-password");
    }

    @Test
    void aMissingSpellingOfAPreviousPageLandsOnItsTopicWithThePreviousIdOpen() {
        driver.get(base.resolve("Billing/index.html#How_to_pay.3F").toString());
        assertLandsOnOpenAnswer(driver, "/faq/payments/index.html", "How_to_pay.3F");
    }

    @Test
    void aMissingPageThatNamesNothingKnownOffersTheSearchForTheWordsOfItsAddress() {
        driver.get(base.resolve("help/reset-password.html").toString());
        waiting(driver).until(d -> !d.findElements(By.cssSelector("#sg_results [role=option][id]")).isEmpty());
        assertEquals("help reset password", driver.findElement(By.id("sg_search")).getAttribute("value"));
        assertEquals(true, driver.findElement(By.cssSelector("[data-sg-not-found]")).isDisplayed());
        assertEquals(base.resolve("help/reset-password.html").toString(), driver.getCurrentUrl());
    }

    @Test
    void theRenamedTopicsOldPageWorksWithJavaScriptOff() {
        ChromeDriver noScript = Browser.start(false);
        try {
            noScript.get(base.resolve("billing/").toString());
            waiting(noScript).until(d -> d.getCurrentUrl().endsWith("/faq/payments/index.html"));
            assertEquals("Payments", noScript.findElement(By.tagName("h1")).getText());
        } finally {
            noScript.quit();
        }
    }

    @Test
    void oldLinksWorkFromDiskToo() {
        driver.get(folder.resolve("site/faq.html").toUri() + "#cancel-subscription");
        assertLandsOnOpenAnswer(driver, "/site/accounts/index.html", "cancel-subscription");
    }

    @Test
    void oldLinksWorkOnASiteServedAtTheRootOfItsHost() throws Exception {
        Path site = folder.resolve("root-site");
        new SiteGenerator().generate(SiteGenConfig.builder(folder.resolve("content"), site).baseUrl("https://faq.example.org")
                .build(), BuildListener.SILENT);
        try (PagesServer server = new PagesServer(site, "/")) {
            driver.get(server.baseUri().resolve("faq.html#cancel-subscription").toString());
            assertLandsOnOpenAnswer(driver, "/accounts/index.html", "cancel-subscription");
            driver.get(server.baseUri().resolve("gone.html#change-payment-method").toString());
            assertLandsOnOpenAnswer(driver, "/payments/index.html", "change-payment-method");
        }
    }

    @Test
    void eachLanguageFollowsItsOwnOldLinks() throws Exception {
        Fixture.write(folder, SITE.replace("content/", "languages/en/") + """
                -- languages/de/site.yaml --
                language: de
                -- languages/de/zahlungen.yaml --
                title: Zahlungen
                previousPages: [faq.html]
                questions:
                  - id: zahlungsart
                    question: Wie ändere ich die Zahlungsart?
                    answer: In den Einstellungen.
                -- languages/de/konto.yaml --
                title: Konto
                questions:
                  - id: kuendigen
                    question: Wie kündige ich?
                    answer: In den Kontoeinstellungen.
                """);
        Path site = folder.resolve("languages-site");
        new SiteGenerator().generate(SiteGenConfig.builder(folder.resolve("languages"), site)
                .baseUrl("https://example.github.io/faq").build(), BuildListener.SILENT);
        try (PagesServer server = new PagesServer(site, "/faq/")) {
            driver.get(server.baseUri().resolve("de/faq.html#kuendigen").toString());
            assertLandsOnOpenAnswer(driver, "/faq/de/konto/index.html", "kuendigen");
            driver.get(server.baseUri().resolve("de/alt/seite.html#zahlungsart").toString());
            assertLandsOnOpenAnswer(driver, "/faq/de/zahlungen/index.html", "zahlungsart");
            driver.get(server.baseUri().resolve("en/old.html#cancel-subscription").toString());
            assertLandsOnOpenAnswer(driver, "/faq/en/accounts/index.html", "cancel-subscription");
        }
    }

    @Test
    void onALargeSiteOnlyThePartOfTheMapThatHoldsTheFragmentIsNeededToFollowIt() throws Exception {
        StringBuilder spec = new StringBuilder();
        for (int topic = 0; topic < 2; topic++) {
            spec.append("-- large/topic-").append(topic).append(".yaml --\ntitle: Topic ").append(topic).append("\nquestions:\n");
            for (int i = 0; i < 600; i++) {
                spec.append("  - {id: question-").append(topic * 600 + i).append(", question: \"Question ").append(topic * 600 + i)
                        .append("?\", answer: An answer.}\n");
            }
        }
        Fixture.write(folder, spec.toString());
        Path site = folder.resolve("large-site");
        new SiteGenerator().generate(SiteGenConfig.builder(folder.resolve("large"), site)
                .baseUrl("https://example.github.io/faq").build(), BuildListener.SILENT);
        assertEquals(true, Files.isRegularFile(site.resolve("links/p0.js")), "the map is split");
        try (PagesServer server = new PagesServer(site, "/faq/")) {
            driver.get(server.baseUri().resolve("topic-0/index.html#question-1111").toString());
            assertLandsOnOpenAnswer(driver, "/faq/topic-1/index.html", "question-1111");
            driver.get(server.baseUri().resolve("gone.html#question-7").toString());
            assertLandsOnOpenAnswer(driver, "/faq/topic-0/index.html", "question-7");
        }
    }

    @Test
    void theMovedPageAndThe404PageHaveNoAxeViolationsInEitherScheme() throws Exception {
        // The moved page as a reader without JavaScript sees it, kept in place: without its script and refresh.
        Path moved = folder.resolve("site/faq.html");
        Files.writeString(folder.resolve("site/axe-moved.html"), Files.readString(moved)
                .replaceAll("<script>.*</script>\n", "").replaceAll("<noscript>.*</noscript>\n", ""));
        List<String> failures = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            Browser.colourScheme(driver, scheme);
            for (String path : List.of("axe-moved.html", "help/reset-password.html")) {
                driver.get(base.resolve(path).toString());
                waiting(driver).until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
                Browser.axeViolations(driver).forEach(v -> failures.add(scheme + " " + path + ": " + v));
            }
        }
        Browser.colourScheme(driver, "light");
        assertEquals(List.of(), failures);
    }
}
