package io.github.sitegen.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteCheck;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Was this helpful?": site.yaml's feedbackUrl, checked where it is written, and the buttons only with it. */
class FeedbackTest {

    private static final String TOPIC = """
            -- content/billing.yaml --
            title: Billing
            questions:
              - id: pay
                question: How do I pay?
                answer: By card.
            """;

    @TempDir
    Path root;

    @Test
    void withoutAFeedbackUrlThereAreNoButtonsAndNothingToSendTo() throws Exception {
        Fixture.write(root, "-- content/site.yaml --\ntitle: Acme\n" + TOPIC);
        Fixture.build(root);
        String page = Files.readString(root.resolve("out/billing/index.html"));
        assertFalse(page.contains("feedback"), page);
    }

    @Test
    void aFeedbackUrlPutsYesAndNoUnderEveryAnswerInTheSitesLanguage() throws Exception {
        Fixture.write(root, "-- content/site.yaml --\ntitle: Acme\nlanguage: de\nfeedbackUrl: https://feedback.example/v?id={id}\n"
                + TOPIC);
        Fixture.build(root);
        Document page = Fixture.html(root.resolve("out/billing/index.html"));
        assertEquals("https://feedback.example/v?id={id}", page.selectFirst("article[data-feedback]").attr("data-feedback"));
        assertEquals("billing/index.html", page.selectFirst("article[data-feedback]").attr("data-page"));
        assertEquals("War das hilfreich? Ja Nein", page.selectFirst("details .feedback").text());
        assertEquals("pay", page.selectFirst(".feedback").attr("data-id"));
        SiteCheck.assertValidHtml(root.resolve("out"));
    }

    @Test
    void aFeedbackUrlThatIsNotHttpIsAnErrorAtItsPlace() throws Exception {
        Fixture.write(root, "-- content/site.yaml --\ntitle: Acme\nfeedbackUrl: javascript:alert({id})\n" + TOPIC);
        List<String> problems = Fixture.failures(root);
        Fixture.assertHasLine(problems, "content/site.yaml:2:14: error: 'feedbackUrl' must be an absolute http(s) URL");
    }

    @Test
    void getBeforeTheUrlAsksForGetRequests() throws Exception {
        Fixture.write(root, "-- content/site.yaml --\ntitle: Acme\nfeedbackUrl: GET https://stats.example/hit/{vote}/{id}\n" + TOPIC);
        Fixture.build(root);
        assertTrue(Files.readString(root.resolve("out/billing/index.html"))
                .contains("data-feedback=\"GET https://stats.example/hit/{vote}/{id}\""));
    }
}
