package io.github.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.sitegen.BuildListener;
import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A site with site.yaml's logo, header links, footer, edit links and ask link, in headless
 * Chromium: no axe violations, and a search that finds nothing offers to ask, with the search text.
 */
class BrandingReaderTest {

    @TempDir
    static Path root;

    @RegisterExtension
    static final Browser.Closing CLOSING = new Browser.Closing();

    private static Browser.Session session;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        Path site = root.resolve("site");
        Files.createDirectories(site);
        session = CLOSING.keep(Browser.Session.serve(site, "/faq/"));
        driver = session.driver();
        String ask = session.base().resolve("ask.html").toString() + "?q={query}";
        Fixture.write(root, """
                -- content/site.yaml --
                title: Acme help
                logo: img/logo.svg
                links:
                  - text: Acme
                    url: https://acme.example/
                  - text: Write to us
                    url: mailto:help@acme.example
                footer: |
                  © 2026 Acme · [Privacy](https://acme.example/privacy)
                editUrl: https://github.com/acme/faq/edit/main/content/{file}
                askUrl: %s
                -- content/billing.yaml --
                title: Billing
                questions:
                  - question: How do I pay?
                    answer: By card.
                  - question: Can I get an invoice?
                    answer: Yes.
                -- static/img/logo.svg --
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>
                -- static/ask.html --
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ask</title></head><body><p>Ask</p></body></html>
                """.formatted(ask));
        new SiteGenerator().generate(SiteGenConfig.builder(root.resolve("content"), site)
                .staticDirectory(root.resolve("static")).baseUrl("https://acme.github.io/faq").build(), BuildListener.SILENT);
    }


    @Test
    void everyPageHasNoAxeViolationsInLightAndDark() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            Browser.colourScheme(driver, scheme);
            for (String path : List.of("index.html", "billing/index.html", "missing/page.html")) {
                driver.get(session.base().resolve(path).toString());
                if (path.startsWith("billing")) {
                    driver.findElement(By.cssSelector("[data-expand-all]")).click();
                }
                Browser.axeViolations(driver).forEach(v -> failures.add(scheme + " " + path + ": " + v));
            }
            driver.get(session.base().resolve("index.html").toString());
            noMatches();
            Browser.axeViolations(driver).forEach(v -> failures.add(scheme + " no results: " + v));
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void aSearchWithoutMatchesOffersToAskWithTheSearchText() {
        driver.get(session.base().resolve("billing/index.html").toString());
        WebElement option = noMatches();
        assertEquals("Ask a question", option.getText());
        WebElement input = driver.findElement(By.id("sg_search"));
        input.sendKeys(Keys.ARROW_DOWN);
        assertEquals("sg_result_ask", input.getAttribute("aria-activedescendant"));
        input.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Browser.PATIENCE).until(d -> d.getCurrentUrl().contains("ask.html"));
        assertEquals(session.base().resolve("ask.html") + "?q=refund%20%26%20tax", driver.getCurrentUrl());
    }

    private WebElement noMatches() {
        WebElement input = driver.findElement(By.id("sg_search"));
        input.click();
        input.sendKeys("refund & tax");
        new WebDriverWait(driver, Browser.PATIENCE)
                .until(d -> !d.findElements(By.cssSelector("#sg_results #sg_result_ask")).isEmpty());
        assertEquals("No matching questions", driver.findElement(By.cssSelector("#sg_results .no-results")).getText());
        return driver.findElement(By.id("sg_result_ask"));
    }
}
