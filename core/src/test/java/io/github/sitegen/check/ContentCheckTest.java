package io.github.sitegen.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.TestContent;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @TempDir
    Path root;

    private List<String> check(String spec) throws Exception {
        Fixture.write(root, spec);
        return ContentCheck.run(config().build(), TODAY).problems().stream().map(p -> p.format(root)).toList();
    }

    private SiteGenConfig.Builder config() {
        return SiteGenConfig.builder(root.resolve("content"), root.resolve("out")).projectDirectory(root);
    }

    private static void assertHas(List<String> lines, String expected) {
        Fixture.assertHasLine(lines, expected);
    }

    @Test
    void weakAnswersAndQuestionsThatAreNotQuestionsAreWarnings() throws Exception {
        List<String> found = check("""
                -- content/a.yaml --
                title: A
                questions:
                  - question: How do I start?
                    answer: Here.
                  - question: Billing details
                    answer: All the details of billing are on the billing page.
                """);
        assertHas(found, "content/a.yaml:4:13: warning: the answer is one word (write an answer a reader can act on)");
        assertHas(found, "content/a.yaml:5:5: warning: 'Billing details' does not read as a question");
    }

    @Test
    void anErrorElsewhereDoesNotHideTheAnswersFindings() throws Exception {
        List<String> found = check("""
                -- content/a.yaml --
                title: A
                questions:
                  - question: How do I start?
                    answer: Here.
                    related: [nowhere]
                """);
        assertHas(found, "content/a.yaml:4:13: warning: the answer is one word (write an answer a reader can act on)");
        assertTrue(found.stream().anyMatch(line -> line.startsWith("content/a.yaml:5:15: error: related question 'nowhere'")),
                found.toString());
    }

    @Test
    void anErrorDoesNotHideTheSiteWideFindingsOfTheCheck() throws Exception {
        Files.createDirectories(root.resolve("out"));
        Files.writeString(root.resolve("out/faq.json"), "{\"topics\": [{\"id\": \"a\", \"questions\":"
                + " [{\"id\": \"gone\", \"question\": \"Gone?\"}]}]}");
        List<String> found = check("""
                -- content/a.yaml --
                title: A
                questions:
                  - question: How do I start?
                    answer: Open the app and sign in with your account.
                    related: [nowhere]
                """);
        assertHas(found, "content/a.yaml:5:15: error: related question 'nowhere' does not exist");
        assertHas(found, "content/a.yaml:1:1: error: the previous build published the question id 'gone' (\"Gone?\") on a/");
    }

    @Test
    void aSiteWithoutADescriptionIsAWarning() throws Exception {
        List<String> found = check("""
                -- content/site.yaml --
                title: Acme
                -- content/a.yaml --
                title: A
                questions:
                  - question: How do I start?
                    answer: Open the app and sign in with your account.
                """);
        assertHas(found, "content/site.yaml:1:1: warning: site.yaml has no 'description': search results and link"
                + " previews show one made from the site's title and topic titles (add 'description:' to site.yaml");
        Files.writeString(root.resolve("content/site.yaml"), "title: Acme\ndescription: Answers for Acme users.\n");
        assertFalse(ContentCheck.run(config().build(), TODAY).problems().stream()
                .anyMatch(p -> p.message().contains("'description'")));
    }

    @Test
    void repeatedAndNearlyRepeatedQuestionsAcrossTopicsAreFoundAliasesIncluded() throws Exception {
        List<String> found = check("""
                -- content/a.yaml --
                title: A
                order: 1
                questions:
                  - question: How do I reset my password?
                    answer: Use the reset link on the sign-in page.
                    aliases:
                      - "I forgot my password, what now?"
                -- content/b.yaml --
                title: B
                order: 2
                questions:
                  - question: How do I reset my password?
                    answer: Ask your administrator for a new one.
                  - question: How can I reset my password?
                    answer: Use the link on the sign-in page to do it.
                  - question: "I forgot my password, what now?"
                    answer: Ask an administrator for a reset.
                """);
        assertHas(found, "content/b.yaml:4:5: warning: the same question as a.yaml:4");
        assertHas(found, "content/b.yaml:6:5: warning: nearly the same question as a.yaml:4 (");
        assertHas(found, "content/b.yaml:8:5: warning: the same question as a.yaml:4");
    }

    @Test
    void nearDuplicatesAreFoundInScriptsWithoutSpaces() throws Exception {
        List<String> found = check("""
                -- content/a.yaml --
                title: A
                order: 1
                questions:
                  - question: 如何购买比特币？
                    answer: 可以在交易所购买比特币。
                -- content/b.yaml --
                title: B
                order: 2
                questions:
                  - question: 如何购买比特币呢？
                    answer: 请先选择一个可靠的交易所。
                """);
        assertHas(found, "content/b.yaml:4:5: warning: nearly the same question as a.yaml:4");
        assertFalse(found.stream().anyMatch(l -> l.contains("one word")), "Chinese answers have no spaces: " + found);
    }

    @Test
    void linksBetweenQuestionsThatPointNowhereAreWarnings() throws Exception {
        List<String> found = check("""
                -- content/a.yaml --
                title: A
                questions:
                  - id: start
                    question: Where do I start?
                    answer: Read [refunds](#refund) and [billing](b#nothing) first.
                -- content/b.yaml --
                title: B
                questions:
                  - id: refunds
                    question: Can I get a refund?
                    answer: Yes, within thirty days.
                """);
        assertHas(found, "content/a.yaml:5:13: warning: the link '#refund' points to no question (did you mean '#refunds'?)");
        assertHas(found, "content/a.yaml:5:13: warning: the link 'b#nothing' points to no question");
    }

    @Test
    void overdueReviewsAreReportedWithTheirOwner() throws Exception {
        List<String> found = check("""
                -- content/site.yaml --
                reviewEvery: 180d
                -- content/a.yaml --
                title: A
                questions:
                  - question: Is this fresh?
                    answer: It was checked last week.
                    reviewed: 2026-11-20
                  - question: Is this stale?
                    answer: It was checked a long time ago.
                    reviewed: 2025-01-31
                    owner: Dana (support)
                  - question: Was this ever checked?
                    answer: Nobody has checked it so far.
                -- content/b.yaml --
                title: B
                reviewEvery: 1y
                questions:
                  - question: Is a yearly review enough here?
                    answer: Yes, this topic changes slowly.
                    reviewed: 2026-01-01
                """);
        assertFalse(found.stream().anyMatch(l -> l.contains("fresh") || l.contains("b.yaml")), found.toString());
        assertHas(found, "content/a.yaml:6:5: warning: the answer was last reviewed on 2025-01-31 and was due on 2025-07-30"
                + " (owner: Dana (support))");
        assertHas(found, "content/a.yaml:10:5: warning: the answer has never been reviewed (no owner)");
    }

    @Test
    void anIdThePreviousBuildPublishedMustNotDisappear() throws Exception {
        Fixture.write(root, """
                -- content/a.yaml --
                title: A
                questions:
                  - id: how-to-pay
                    question: How do I pay?
                    answer: By card or by bank transfer.
                  - id: refunds
                    question: Can I get a refund?
                    answer: Yes, within thirty days.
                """);
        Fixture.build(config());
        Files.writeString(root.resolve("content/a.yaml"), Files.readString(root.resolve("content/a.yaml"))
                .replace("id: how-to-pay", "id: paying").replace("id: refunds", "id: refund-policy\n    previousIds: [refunds]"));
        List<String> found = ContentCheck.run(config().build(), TODAY).problems().stream().filter(p -> p.isError())
                .map(p -> p.format(root)).toList();
        assertEquals(List.of("content/a.yaml:6:5: error: the previous build published the question id 'how-to-pay' (\"How"
                + " do I pay?\") on a/, and no question has it now (links to it would break: add 'how-to-pay' to the"
                + " previousIds of the question that replaces it, or restore the question)"), found);
    }

    @Test
    void theRealOscFaqHasRepeatedQuestionsAndNoErrors() throws Exception {
        ContentCheck.Report report = ContentCheck.run(SiteGenConfig.builder(TestContent.corpus("osc-gov"),
                root.resolve("out")).build(), TODAY);
        assertEquals(0, report.errors(), report.summary());
        assertTrue(report.problems().stream().anyMatch(p -> p.message().startsWith("the same question as")),
                report.problems().toString());
        assertTrue(report.summary().startsWith("check: 0 errors, "), report.summary());
    }

    @Test
    void draftsStayOutOfTheSiteAndShowInAPreviewWithAMarker() throws Exception {
        Fixture.write(root, """
                -- content/a.yaml --
                title: A
                questions:
                  - id: live
                    question: Is this live?
                    answer: Yes, it is published.
                    related: [soon]
                  - id: soon
                    question: Is this coming?
                    answer: Not yet, it is a draft.
                    draft: true
                """);
        Fixture.build(config());
        Document published = Fixture.html(root.resolve("out/a/index.html"));
        assertEquals(List.of("live"), Fixture.questions(published).stream().map(Fixture.PageQuestion::id).toList());
        assertTrue(published.select(".related").isEmpty(), "no link to the draft");
        assertFalse(Files.readString(root.resolve("out/faq.json")).contains("soon"));
        Fixture.build(config().drafts(true));
        Document preview = Fixture.html(root.resolve("out/a/index.html"));
        assertEquals(List.of("live", "soon"), Fixture.questions(preview).stream().map(Fixture.PageQuestion::id).toList());
        assertEquals("Draft: not published yet", preview.selectFirst(".draft-marker").text());
    }

    @Test
    void pagesShowWhenAnAnswerWasReviewedAndMaintainersGetAReportPage() throws Exception {
        Fixture.write(root, """
                -- content/site.yaml --
                language: de
                reviewEvery: 90d
                -- content/a.yaml --
                title: A
                questions:
                  - id: old
                    question: Ist das alt?
                    answer: Ja, das ist schon lange her.
                    reviewed: 2020-03-01
                    owner: Team Support
                  - id: new
                    question: Ist das neu?
                    answer: Ja, das ist ganz neu hier.
                    reviewed: 2999-01-01
                """);
        Fixture.build(config().baseUrl("https://o.github.io/r"));
        Document topic = Fixture.html(root.resolve("out/a/index.html"));
        assertEquals("Zuletzt geprüft am 1. März 2020", topic.selectFirst("#old").closest("section").selectFirst(".reviewed").text());
        assertEquals("2020-03-01", topic.selectFirst(".reviewed time").attr("datetime"));
        Document report = Fixture.html(root.resolve("out/maintainers/index.html"));
        assertEquals("noindex", report.selectFirst("meta[name=robots]").attr("content"));
        assertEquals(List.of("Ist das alt?"), report.select("table.report tbody td:first-child").eachText());
        assertEquals("Team Support", report.selectFirst("table.report tbody td:nth-child(2)").text());
        assertFalse(Files.readString(root.resolve("out/sitemap.xml")).contains("maintainers"));
        assertFalse(new io.github.sitegen.verify.SiteVerifier(root.resolve("out"), "https://o.github.io/r/", false)
                .verify().failed(), "the report page is not linked, on purpose");
    }

    @Test
    void aShortLinkToAQuestionInAnotherTopicBecomesItsAddress() throws Exception {
        Fixture.write(root, """
                -- content/a.yaml --
                title: A
                questions:
                  - id: start
                    question: Where do I start?
                    answer: Read [refunds](#refunds), [the same](b#refunds) and [this one](#start).
                -- content/b.yaml --
                title: B
                questions:
                  - id: refunds
                    question: Can I get a refund?
                    answer: Yes, within thirty days.
                """);
        Fixture.build(config());
        assertEquals(List.of("../b/index.html#refunds", "../b/index.html#refunds", "#start"),
                Fixture.html(root.resolve("out/a/index.html")).select(".answer a").eachAttr("href"));
    }

    @Test
    void checkListsTheInterfaceStringsALanguageLacks() throws Exception {
        List<String> found = check("""
                -- content/site.yaml --
                language: it
                -- content/a.yaml --
                title: A
                questions: [{question: "Come iniziare?", answer: "Leggi la guida di avvio."}]
                """);
        assertHas(found, "content/site.yaml: warning: ");
        assertHas(found, "interface strings have no 'it' translation and show in English");
    }
}
