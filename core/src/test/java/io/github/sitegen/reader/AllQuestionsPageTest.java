package io.github.sitegen.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteCheck;
import io.github.sitegen.SiteGenConfig;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page with every question and answer, all.html. */
class AllQuestionsPageTest {

    static final String SITE = """
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
                  With a card. See [refunds](#refund) and [where to begin](start#begin).
              - id: refund
                question: Can I get a refund?
                answer: Yes, within **30 days**.
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

    @Test
    void allHtmlHasEveryTopicAndAnswerInOrderEachQuestionLinkingToItsCanonicalPlace() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(config().baseUrl("https://acme.github.io/faq/"));
        Document all = Fixture.html(out().resolve("all.html"));
        assertEquals("All questions on one page", all.selectFirst("h1").text());
        assertEquals(List.of("Billing", "Getting started"), all.select(".all-topic > h2").eachText());
        assertEquals(List.of("billing/index.html", "start/index.html"), all.select(".all-topic > h2 a").eachAttr("href"));
        assertEquals(List.of("How do I pay?", "Can I get a refund?", "Where do I begin?"), all.select("details summary h3").eachText());
        assertEquals(List.of("billing/index.html#pay", "billing/index.html#refund", "start/index.html#begin"),
                all.select(".question .self-link").eachAttr("href"));
        Element pay = all.selectFirst(".question details .answer");
        assertEquals(List.of("billing/index.html#refund", "start/index.html#begin"), pay.select("a").eachAttr("href"),
                "the answer's links, written for its topic page, lead to the same places from the root");
        assertEquals("https://acme.github.io/faq/all.html", all.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("noindex", all.selectFirst("meta[name=robots]").attr("content"), "the topic pages are the canonical places");
        assertTrue(all.selectFirst(".summary").text().contains("Paying for Acme."));
        assertEquals("all.html", Fixture.html(out().resolve("index.html")).selectFirst(".all-questions-link a").attr("href"));
        assertEquals("../all.html", Fixture.html(out().resolve("billing/index.html")).selectFirst(".topic-nav .all-questions-link a")
                .attr("href"));
        assertEquals("page", all.selectFirst(".topic-nav .all-questions-link a").attr("aria-current"));
        SiteCheck.assertValidHtml(out());
    }

    @Test
    void withoutABaseUrlEveryLinkOfThePageResolvesAndTwoBuildsAreTheSame() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(config());
        assertEquals(List.of(), SiteCheck.brokenLinks(out()));
        var first = Fixture.contents(out());
        Fixture.build(config());
        Fixture.assertSameFiles(first, Fixture.contents(out()));
    }

    @Test
    void siteYamlCanLeaveThePageOut() throws Exception {
        Fixture.write(root, SITE.replace("description: Answers about Acme.\n", "description: Answers about Acme.\nallOnOnePage: false\n"));
        Fixture.build(config());
        assertFalse(Files.exists(out().resolve("all.html")));
        assertTrue(Fixture.html(out().resolve("index.html")).select(".all-questions-link").isEmpty());
        assertTrue(Fixture.html(out().resolve("billing/index.html")).select(".all-questions-link").isEmpty());
    }

    @Test
    void aThemeThatPrintsTheTopicsTwiceIsToldWhatIsWrong() throws Exception {
        Fixture.write(root, SITE + """
                -- templates/all.ftlh --
                <p>${allTopics}${allTopics}</p>
                """);
        Fixture.assertHasLine(Fixture.failures(root, config().templateDirectory(root.resolve("templates"))),
                "all.ftlh prints ${allTopics} twice");
    }
}
