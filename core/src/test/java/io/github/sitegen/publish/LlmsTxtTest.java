package io.github.sitegen.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** llms.txt, llms-full.txt and each topic's Markdown beside its page, for AI assistants and tools. */
class LlmsTxtTest {

    private static final String SITE = """
            -- content/site.yaml --
            title: Acme FAQ
            description: Answers about Acme.
            -- content/billing.yaml --
            title: Billing
            summary: Paying for Acme.
            order: 1
            questions:
              - id: pay
                question: How do I pay?
                answer: |
                  With a card. See [refunds](#refund), [the start](start#begin) and <em>the</em> [docs](https://docs.acme.example/pay).

                  - Visa
                  - Mastercard

                  ```
                  pay --now
                  ```
              - id: refund
                question: Can I get a refund?
                answer: Yes, within **30 days**.
              - id: secret
                question: Is there a secret discount?
                answer: Not yet.
                draft: true
            -- content/start.yaml --
            title: Getting started
            order: 2
            questions:
              - id: begin
                question: Where do I begin?
                answer: Here.
            """;

    @TempDir
    Path root;

    private Path out() {
        return root.resolve("out");
    }

    private SiteGenConfig.Builder config() {
        return SiteGenConfig.builder(root.resolve("content"), out()).projectDirectory(root);
    }

    private String read(String path) throws Exception {
        return Files.readString(out().resolve(path));
    }

    @Test
    void llmsTxtHasTheTitleTheDescriptionAndALinkToEachTopicsMarkdownWithItsSummary() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(config().baseUrl("https://acme.github.io/faq"));
        assertEquals("""
                # Acme FAQ

                > Answers about Acme.

                ## Topics

                - [Billing](https://acme.github.io/faq/billing/index.md): Paying for Acme.
                - [Getting started](https://acme.github.io/faq/start/index.md)

                ## Optional

                - [Acme FAQ](https://acme.github.io/faq/llms-full.txt): every question and answer in one file
                """, read("llms.txt"));
    }

    @Test
    void eachTopicsMarkdownIsBesideItsPageWithItsAnswersAsMarkdownAndAbsoluteLinksUnderTheBasePath() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(config().baseUrl("https://acme.github.io/faq/"));
        String billing = read("billing/index.md");
        assertTrue(billing.startsWith("""
                # [Billing](https://acme.github.io/faq/billing/)

                > Paying for Acme.

                ## [How do I pay?](https://acme.github.io/faq/billing/#pay)

                With a card. See [refunds](https://acme.github.io/faq/billing/#refund), [the start](https://acme.github.io/faq/start/#begin) and *the* [docs](https://docs.acme.example/pay).

                - Visa
                - Mastercard

                ```
                pay --now
                ```
                """), billing);
        assertTrue(billing.contains("Yes, within **30 days**."), billing);
        String full = read("llms-full.txt");
        assertTrue(full.startsWith("# Acme FAQ\n\n> Answers about Acme.\n\n## [Billing](https://acme.github.io/faq/billing/)\n"), full);
        assertTrue(full.contains("### [Where do I begin?](https://acme.github.io/faq/start/#begin)\n\nHere.\n"), full);
    }

    @Test
    void withoutABaseUrlLinksAreRelativeToTheFileThatHoldsThem() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(config());
        assertTrue(read("llms.txt").contains("- [Billing](billing/index.md): Paying for Acme.\n"));
        assertTrue(read("llms.txt").contains("(llms-full.txt)"));
        assertTrue(read("billing/index.md").contains("[refunds](../billing/index.html#refund)"));
        assertTrue(read("llms-full.txt").contains("[refunds](billing/index.html#refund), [the start](start/index.html#begin)"));
    }

    @Test
    void draftsStayOutEvenInAPreviewThatShowsThem() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(config().drafts(true));
        assertTrue(Fixture.html(out().resolve("billing/index.html")).text().contains("secret discount"));
        assertFalse(read("billing/index.md").contains("secret"));
        assertFalse(read("llms-full.txt").contains("secret"));
    }

    @Test
    void aMultilingualSiteHasOneLlmsTxtPerLanguageLinkedFromTheRootOne() throws Exception {
        Fixture.write(root, """
                -- content/en/site.yaml --
                title: Acme FAQ
                -- content/en/billing.yaml --
                title: Billing
                questions:
                  - id: pay
                    question: How do I pay?
                    answer: With a card.
                -- content/de/site.yaml --
                title: Acme-FAQ
                language: de
                -- content/de/billing.yaml --
                title: Bezahlen
                questions:
                  - id: pay
                    question: Wie bezahle ich?
                    answer: Mit Karte.
                """);
        Fixture.build(config().baseUrl("https://acme.example/"));
        String rootLlms = read("llms.txt");
        assertTrue(rootLlms.contains("- [Deutsch](https://acme.example/de/llms.txt)\n"), rootLlms);
        assertTrue(rootLlms.contains("- [English](https://acme.example/en/llms.txt)\n"), rootLlms);
        assertTrue(read("de/llms.txt").contains("- [Bezahlen](https://acme.example/de/billing/index.md)"));
        assertTrue(read("de/billing/index.md").contains("Mit Karte."));
    }
}
