package io.github.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.sitegen.BuildListener;
import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;
import io.github.sitegen.TestContent;
import io.github.sitegen.verify.PagesServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The six-language Bitcoin.org FAQ in Chromium: right to left where it should be, and the switcher. */
class MultilingualBrowserTest {

    @TempDir
    static Path folder;

    private static Browser.Session session;
    private static URI base;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        session = Browser.Session.start(TestContent.multilingual(), folder.resolve("site"),
                "https://example.github.io/bitcoin-faq");
        base = session.base();
        driver = session.driver();
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void arabicPagesAreLaidOutRightToLeft() {
        driver.get(base.resolve("ar/general/index.html").toString());
        assertEquals("rtl", driver.executeScript("return getComputedStyle(document.body).direction;"));
        WebElement nav = driver.findElement(By.cssSelector(".topic-nav"));
        WebElement main = driver.findElement(By.id("sg_main"));
        assertTrue(nav.getRect().getX() > main.getRect().getX(), "the topic navigation is on the right");
        driver.get(base.resolve("de/general/index.html").toString());
        assertEquals("ltr", driver.executeScript("return getComputedStyle(document.body).direction;"));
    }

    @Test
    void theSwitcherGoesToTheSameQuestionInTheOtherLanguage() throws Exception {
        // Questions share explicit ids across languages (Bitcoin.org's ids are derived from each translation).
        Fixture.write(folder, """
                -- shared/en/billing.yaml --
                title: Billing
                questions:
                  - {id: first, question: "First?", answer: One.}
                  - {id: refunds, question: "Can I get a refund?", answer: Yes.}
                -- shared/de/billing.yaml --
                title: Abrechnung
                questions:
                  - {id: first, question: "Erste?", answer: Eins.}
                  - {id: refunds, question: "Bekomme ich mein Geld zurück?", answer: Ja.}
                """);
        Path site = folder.resolve("shared-site");
        new SiteGenerator().generate(SiteGenConfig.builder(folder.resolve("shared"), site).build(), BuildListener.SILENT);
        try (PagesServer shared = new PagesServer(site, "/faq/")) {
            driver.get(shared.baseUri().resolve("en/billing/index.html#refunds").toString());
            driver.findElement(By.cssSelector("nav.languages a[hreflang=de]")).click();
            new WebDriverWait(driver, Browser.PATIENCE).until(d -> d.getCurrentUrl().endsWith("/faq/de/billing/index.html#refunds"));
            new WebDriverWait(driver, Browser.PATIENCE).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                    "return document.getElementById('refunds').closest('details').open;")));
        }
    }

    @Test
    void searchWorksPerLanguage() {
        driver.get(base.resolve("ja/index.html").toString());
        WebElement input = driver.findElement(By.id("sg_search"));
        input.sendKeys("ビットコイン");
        new WebDriverWait(driver, Browser.PATIENCE)
                .until(d -> !d.findElements(By.cssSelector("#sg_results [role=option][id]")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("#sg_results mark")).stream().allMatch(m -> m.getText().equals("ビットコイン")));
    }

    @Test
    void arabicAndTheChooserHaveNoAxeViolations() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String path : List.of("index.html", "ar/index.html", "ar/security/index.html")) {
            driver.get(base.resolve(path).toString());
            Browser.axeViolations(driver).forEach(v -> failures.add(path + ": " + v));
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theRootSendsReadersToTheirLanguage() {
        ChromeDriver german = Browser.start(true, "de-DE");
        try {
            german.get(base.toString());
            new WebDriverWait(german, Browser.PATIENCE).until(d -> d.getCurrentUrl().endsWith("/bitcoin-faq/de/index.html"));
        } finally {
            german.quit();
        }
    }
}
