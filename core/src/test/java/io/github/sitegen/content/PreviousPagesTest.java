package io.github.sitegen.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.check.ContentCheck;
import io.github.sitegen.markdown.MarkdownRenderer;
import io.github.sitegen.model.Topic;
import io.github.sitegen.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviousPagesTest {

    @TempDir
    Path root;

    private SiteGenConfig.Builder config() {
        return SiteGenConfig.builder(root.resolve("content"), root.resolve("out")).projectDirectory(root)
                .staticDirectory(root.resolve("static"));
    }

    /** The errors generate stops on, and the errors check reports, which must be the same. */
    private List<String> errors(String spec) throws Exception {
        Fixture.write(root, spec);
        List<String> generate = Fixture.failures(root, config()).stream().filter(line -> line.contains(": error: ")).toList();
        List<String> check = ContentCheck.run(config().build(), LocalDate.of(2026, 12, 7)).problems().stream()
                .filter(Problem::isError).map(p -> p.format(root)).toList();
        assertEquals(generate.stream().sorted().toList(), check.stream().sorted().toList(),
                "generate and check report the same errors");
        return generate;
    }

    @Test
    void aTopicKeepsThePathsItWasPublishedAtAsWritten() throws Exception {
        Fixture.write(root, """
                -- content/payments.yaml --
                title: Payments
                previousPages: [billing/, faq.html, help/Billing.html, old]
                questions:
                  - question: How do I pay?
                    answer: By card.
                """);
        Topic topic = new ContentLoader(new MarkdownRenderer(false)).load(root.resolve("content"), "FAQ", "").site()
                .topics().get(0);
        assertEquals(List.of("billing/", "faq.html", "help/Billing.html", "old"), topic.previousPages());
    }

    @Test
    void aPathThatIsNotASafePathInsideTheSiteIsAnErrorAtItsPosition() throws Exception {
        List<String> errors = errors("""
                -- content/payments.yaml --
                title: Payments
                previousPages:
                  - /billing/
                  - https://old.example.org/faq.html
                  - ../outside.html
                  - help/../faq.html
                  - faq.html#top
                  - _drafts/a.html
                  - help//a.html
                  - "faq page.html"
                  - download.pdf
                  - con.html
                questions:
                  - question: How do I pay?
                    answer: By card.
                """);
        Fixture.assertHasLine(errors, "content/payments.yaml:3:5: error: previous page '/billing/' starts with '/'");
        Fixture.assertHasLine(errors, "content/payments.yaml:4:5: error: previous page 'https://old.example.org/faq.html'"
                + " is an absolute URL");
        Fixture.assertHasLine(errors, "content/payments.yaml:5:5: error: previous page '../outside.html' has a '..' part");
        Fixture.assertHasLine(errors, "content/payments.yaml:6:5: error: previous page 'help/../faq.html' has a '..' part");
        Fixture.assertHasLine(errors, "content/payments.yaml:7:5: error: previous page 'faq.html#top' has a query or a fragment");
        Fixture.assertHasLine(errors, "content/payments.yaml:8:5: error: previous page '_drafts/a.html' has a part that"
                + " starts with '_'");
        Fixture.assertHasLine(errors, "content/payments.yaml:9:5: error: previous page 'help//a.html' has an empty part");
        Fixture.assertHasLine(errors, "content/payments.yaml:10:5: error: previous page 'faq page.html' has the character ' '");
        Fixture.assertHasLine(errors, "content/payments.yaml:11:5: error: previous page 'download.pdf' is not a page");
        Fixture.assertHasLine(errors, "content/payments.yaml:12:5: error: previous page 'con.html' has a part, 'con.html',"
                + " that Windows cannot name a file");
        assertEquals(10, errors.size(), String.join("\n", errors));
    }

    @Test
    void aPathClaimedTwiceOrUsedByAPageOfTheSiteIsAnErrorAtItsPosition() throws Exception {
        List<String> errors = errors("""
                -- content/payments.yaml --
                title: Payments
                previousPages: [billing/, faq.html, index.html, accounts, assets/old.html, Faq.html/x.html]
                questions:
                  - question: How do I pay?
                    answer: By card.
                -- content/accounts.yaml --
                title: Accounts
                previousPages: [billing, faq.html, 404.html]
                questions:
                  - question: How do I sign in?
                    answer: With your e-mail address.
                """);
        Fixture.assertHasLine(errors, "content/payments.yaml:2:37: error: previous page 'index.html' is the home page");
        Fixture.assertHasLine(errors, "content/payments.yaml:2:49: error: previous page 'accounts' is the page of the"
                + " topic 'accounts'");
        Fixture.assertHasLine(errors, "content/payments.yaml:2:59: error: previous page 'assets/old.html' is in the folder"
                + " 'assets/', which the site uses itself");
        Fixture.assertHasLine(errors, "content/payments.yaml:2:76: error: previous page 'Faq.html/x.html' needs a folder"
                + " 'faq.html', which the previous page at accounts.yaml:2 is as a file");
        // Topics are read in display order: Accounts claims first.
        Fixture.assertHasLine(errors, "content/payments.yaml:2:17: error: previous page 'billing/' is also a previous page"
                + " at accounts.yaml:2");
        Fixture.assertHasLine(errors, "content/payments.yaml:2:27: error: previous page 'faq.html' is also a previous page"
                + " at accounts.yaml:2");
        Fixture.assertHasLine(errors, "content/accounts.yaml:2:36: error: previous page '404.html' is the 404 page");
        assertEquals(7, errors.size(), String.join("\n", errors));
    }

    @Test
    void thePageWithEveryQuestionCannotBeAPreviousPage() throws Exception {
        List<String> errors = errors("""
                -- content/payments.yaml --
                title: Payments
                previousPages: [all.html]
                questions:
                  - question: How do I pay?
                    answer: By card.
                """);
        Fixture.assertHasLine(errors, "content/payments.yaml:2:17: error: previous page 'all.html' is the page with every"
                + " question");
        assertEquals(1, errors.size(), String.join("\n", errors));
    }

    @Test
    void theSamePageListedTwiceInOneTopicIsAnError() throws Exception {
        List<String> errors = errors("""
                -- content/payments.yaml --
                title: Payments
                previousPages:
                  - billing/
                  - billing
                questions:
                  - question: How do I pay?
                    answer: By card.
                """);
        Fixture.assertHasLine(errors, "content/payments.yaml:4:5: error: previous page 'billing' is the same page as"
                + " 'billing/' at line 3");
        assertEquals(1, errors.size(), String.join("\n", errors));
    }

    @Test
    void aPreviousPageThatIsAStaticFileIsAnError() throws Exception {
        List<String> errors = errors("""
                -- content/payments.yaml --
                title: Payments
                previousPages: [faq.html]
                questions:
                  - question: How do I pay?
                    answer: By card.
                -- static/faq.html --
                <!doctype html><title>Old</title>
                """);
        Fixture.assertHasLine(errors, "content/payments.yaml:2:17: error: previous page 'faq.html' is a file of the static folder");
    }

    @Test
    void theTopicSchemaRefusesThePathsTheLoaderRefusesForTheirForm() throws Exception {
        Path schema = Path.of(System.getProperty("siteGen.repositoryRoot", "..")).resolve("schema/topic.schema.json");
        JsonNode items = new ObjectMapper().readTree(schema.toFile()).path("properties").path("previousPages").path("items");
        Pattern pattern = Pattern.compile(items.path("pattern").asText());
        assertEquals(PreviousPages.MAX_LENGTH, items.path("maxLength").asInt());
        for (String good : List.of("billing/", "billing", "faq.html", "help/Billing.html", "v1.2/", "도움말/faq.html")) {
            assertEquals("", PreviousPages.problem(good), good);
            assertTrue(pattern.matcher(good).matches(), good);
        }
        for (String bad : List.of("/billing/", "https://example.org/faq.html", "../a.html", "a/../b.html", "faq.html#top",
                "faq.html?x", "_drafts/a.html", ".well-known/a.html", "a//b.html", "faq page.html", "")) {
            assertFalse(pattern.matcher(bad).matches(), bad);
            assertFalse(PreviousPages.problem(bad).isEmpty(), bad);
        }
    }
}
