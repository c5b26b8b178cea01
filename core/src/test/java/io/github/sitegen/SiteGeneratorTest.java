package io.github.sitegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.github.sitegen.problem.Problem;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteGeneratorTest {

    private static final String SITE = """
            -- content/site.yaml --
            title: Acme <Help>
            introduction: Answers for **Acme** users.
            -- content/billing.yaml --
            title: Billing & payments
            summary: Invoices and cards.
            order: 2
            questions:
              - id: how-to-pay
                question: How do I pay with <b>cards</b>?
                answer: |
                  Use the **billing** page.

                  # Details
                  | plan | price |
                  |:-----|------:|
                  | Pro  | 10 €  |
                tags: [payment]
                related: [getting-started]
              - question: Can I get a refund?
                answer: Yes.
            -- content/start.yaml --
            title: Getting started
            order: 1
            questions:
              - id: getting-started
                question: Where do I begin?
                answer: Read [the billing answer](../billing/index.html#how-to-pay).
            """;

    @TempDir
    Path root;

    private Path out() {
        return root.resolve("out");
    }

    @Test
    void aBuildWritesTheHomePageOnePagePerTopicThe404PageAndTheAssets() throws Exception {
        Fixture.write(root, SITE);
        SiteGenerator.Result result = Fixture.build(root);
        assertEquals(List.of(".nojekyll", "404.html", "all.html", "assets/favicon.svg", "assets/site-gen-feedback.js",
                "assets/site-gen-links.js",
                "assets/site-gen-search.js", "assets/site-gen.css", "assets/site-gen.js", "billing/index.html",
                "billing/index.md", "faq.json", "index.html", "links.js", "llms-full.txt", "llms.txt", "search-index.js",
                "search-index/d0.js", "search-index/p0.js", "start/index.html", "start/index.md"), files(out()));
        assertEquals(5, result.pages());
        assertEquals(2, result.topics());
        assertEquals(3, result.questions());
    }

    @Test
    void headingsInTheIntroductionSummariesAndAnswersNeverSkipALevelOnAnyPage() throws Exception {
        String site = """
                -- content/site.yaml --
                title: Acme
                introduction: |
                  ### Welcome
                  Read on.
                  #### Before you start
                  Sign in.
                -- content/billing.yaml --
                title: Billing
                summary: |
                  ## What is here
                  Invoices.
                  <h4>Cards</h4>
                  And cards.
                questions:
                  - question: How do I pay?
                    answer: |
                      ## Steps
                      Open the page.
                      <h1>Raw heading</h1>
                      Done.
                """;
        Fixture.write(root, site);
        Fixture.build(root);
        Document home = Fixture.html(out().resolve("index.html"));
        Document topic = Fixture.html(out().resolve("billing/index.html"));
        assertEquals(List.of(), Fixture.skippedHeadings(home));
        assertEquals(List.of(), Fixture.skippedHeadings(topic));
        assertEquals("h2", home.selectFirst(".intro :is(h1,h2,h3,h4,h5,h6)").normalName());
        assertEquals("h3", home.selectFirst(".topic-card .summary :is(h1,h2,h3,h4,h5,h6)").normalName());
        assertEquals("h2", topic.selectFirst(".summary :is(h1,h2,h3,h4,h5,h6)").normalName());
        assertEquals("h3", topic.selectFirst(".answer :is(h1,h2,h3,h4,h5,h6)").normalName());

        Fixture.write(root, site);
        Fixture.build(config().trustRawHtml(true));
        Document trusted = Fixture.html(out().resolve("billing/index.html"));
        assertEquals(List.of(), Fixture.skippedHeadings(trusted));
        assertEquals("h3", trusted.select(".answer :is(h1,h2,h3,h4,h5,h6)").get(1).normalName(),
                "a trusted raw <h1> is renumbered like a Markdown one");
    }

    @Test
    void aSummarysRelativeUrlsStartAtTheSiteRootAndAreRewrittenForEachPageThatShowsIt() throws Exception {
        Fixture.write(root, """
                -- content/billing.yaml --
                title: Billing
                summary: |
                  See [paying](#how-to-pay), [getting started](start/index.html), ![chart](img/chart.png),
                  [the guide](https://example.org/guide) and <a href="start/">the start</a>.
                questions:
                  - id: how-to-pay
                    question: How do I pay?
                    answer: By card.
                -- content/start.yaml --
                title: Start
                questions:
                  - question: Where do I begin?
                    answer: Here.
                -- static/img/chart.png --
                png
                """);
        Fixture.build(SiteGenConfig.builder(root.resolve("content"), out()).staticDirectory(root.resolve("static")));
        Document home = Fixture.html(out().resolve("index.html"));
        assertEquals(List.of("billing/index.html#how-to-pay", "start/index.html", "https://example.org/guide", "start/"),
                home.select(".topic-card .summary a").eachAttr("href"));
        assertEquals("img/chart.png", home.selectFirst(".topic-card .summary img").attr("src"));
        Document topic = Fixture.html(out().resolve("billing/index.html"));
        assertEquals(List.of("#how-to-pay", "../start/index.html", "https://example.org/guide", "../start/"),
                topic.select(".summary a").eachAttr("href"), "on the topic page, one folder down");
        assertEquals("../img/chart.png", topic.selectFirst(".summary img").attr("src"));
        assertEquals(List.of(), SiteCheck.brokenLinks(out()));
    }

    @Test
    void theHomePageAlwaysHasAMetaDescriptionInTheSitesLanguage() throws Exception {
        String topics = """
                -- content/billing.yaml --
                title: Billing
                order: 2
                questions: [{question: "How do I pay?", answer: By card.}]
                -- content/start.yaml --
                title: Getting started
                order: 1
                questions: [{question: "Where do I begin?", answer: Here.}]
                """;
        Fixture.write(root, "-- content/site.yaml --\ntitle: Acme\n" + topics);
        Fixture.build(root);
        assertEquals("Acme: answers to common questions about Getting started, Billing.",
                Fixture.html(out().resolve("index.html")).selectFirst("meta[name=description]").attr("content"));

        Fixture.write(root, "-- content/site.yaml --\ntitle: Acme\nlanguage: ja\n" + topics);
        Fixture.build(root);
        assertEquals("Acme：Getting started、Billingについてのよくある質問と回答。",
                Fixture.html(out().resolve("index.html")).selectFirst("meta[name=description]").attr("content"));
    }

    @Test
    void theHomePageIndexesEveryTopicWithItsSummaryCountAndQuestionLinks() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(root);
        Document home = Fixture.html(out().resolve("index.html"));
        assertEquals("Acme <Help>", home.selectFirst("h1").text());
        assertEquals("Answers for Acme users.", home.selectFirst(".intro").text());
        List<Element> cards = home.select(".topic-index > li");
        assertEquals(2, cards.size());
        assertEquals("Getting started", cards.get(0).selectFirst("h2").text(), "topics sort by order");
        Element billing = cards.get(1);
        assertEquals("billing/index.html", billing.selectFirst("h2 a").attr("href"));
        assertEquals("2 questions", billing.selectFirst(".count").text());
        assertEquals("Invoices and cards.", billing.selectFirst(".summary").text());
        assertEquals(List.of("billing/index.html#how-to-pay", "billing/index.html#can-i-get-a-refund"),
                billing.select(".question-list a").eachAttr("href"));
        assertEquals("1 question", cards.get(0).selectFirst(".count").text());
    }

    @Test
    void aTopicPageHasEveryQuestionAsAHeadingWithItsIdAndALinkToItself() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(root);
        Document page = Fixture.html(out().resolve("billing/index.html"));
        assertEquals("Billing & payments", page.selectFirst("h1").text());
        assertEquals("Billing & payments | Acme <Help>", page.title());
        List<Fixture.PageQuestion> questions = Fixture.questions(page);
        assertEquals(List.of("how-to-pay", "can-i-get-a-refund"), questions.stream().map(Fixture.PageQuestion::id).toList());
        for (Fixture.PageQuestion question : questions) {
            Element section = question.section();
            assertEquals("summary", section.selectFirst("h2").parent().tagName(), "the question heading opens and closes its answer");
            Element anchor = page.getElementById(question.id());
            assertEquals("details", anchor.parent().tagName(), "the id is inside the details, so a link to it opens them");
            Element self = section.selectFirst(".question-links a.self-link");
            assertEquals("#" + question.id(), self.attr("href"));
            assertEquals("Link to this question", self.selectFirst(".visually-hidden").text());
            Element copy = section.selectFirst("button.copy-link");
            assertEquals(question.id(), copy.attr("data-id"));
            assertTrue(copy.hasClass("needs-js"), "shown only where the script can copy");
            assertEquals(1, section.select("details > .answer").size(), "the answer is inside the details");
        }
        assertTrue(page.selectFirst(".topic-tools").hasClass("needs-js"), "expand and collapse need the script");
        assertEquals(List.of("Expand all", "Collapse all"), page.select(".topic-tools button").eachText());
        Element first = page.getElementById("how-to-pay").closest("section");
        assertEquals("h3", first.selectFirst(".answer h3").tagName(), "answer headings sit below the question's h2");
        assertEquals("align-right", first.select(".answer td").get(1).className());
        assertEquals(List.of("payment"), first.select(".tags li").eachText());
        assertEquals("../start/index.html#getting-started", first.selectFirst(".related a").attr("href"));
        assertEquals("Where do I begin?", first.selectFirst(".related a").text());
        assertEquals("../start/index.html", page.selectFirst("a[rel=prev]").attr("href"));
        assertEquals("page", page.selectFirst(".topic-nav a[href=../billing/index.html]").attr("aria-current"));
    }

    @Test
    void plainStringsAreEscapedEverywhere() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(root);
        String home = Files.readString(out().resolve("index.html"));
        String billing = Files.readString(out().resolve("billing/index.html"));
        assertTrue(billing.contains("How do I pay with &lt;b&gt;cards&lt;/b&gt;?"), billing);
        assertTrue(home.contains("<title>Acme &lt;Help&gt;</title>"), home);
        assertFalse(billing.contains("<b>cards</b>"));
    }

    @Test
    void everyPageHasLanguageViewportDescriptionAndNoRequestToAnotherHost() throws Exception {
        Fixture.write(root, SITE.replace("title: Acme <Help>", "title: Acme <Help>\nlanguage: fr"));
        Fixture.build(root);
        for (String path : List.of("index.html", "billing/index.html", "start/index.html", "404.html")) {
            Document page = Fixture.html(out().resolve(path));
            assertEquals("fr", page.selectFirst("html").attr("lang"), path);
            assertEquals(1, page.select("meta[name=viewport]").size(), path);
            assertFalse(page.select("meta[name=description]").attr("content").isEmpty(), path);
            for (Element ref : page.select("[href], [src]")) {
                String url = ref.hasAttr("href") ? ref.attr("href") : ref.attr("src");
                assertFalse(url.startsWith("http:") || url.startsWith("https:") || url.startsWith("//"),
                        path + " loads " + url);
            }
        }
    }

    @Test
    void theOutputIsByteIdenticalBetweenTwoRuns() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(root);
        Map<String, byte[]> first = Fixture.contents(out());
        Fixture.build(root);
        Fixture.assertSameFiles(first, Fixture.contents(out()));
    }

    @Test
    void aSiteOfManyTopicsIsTheSameBytesOnOneThreadAsOnSeven() throws Exception {
        StringBuilder spec = new StringBuilder("-- content/site.yaml --\ntitle: Many\n");
        for (int t = 0; t < 60; t++) {
            spec.append("-- content/topic-").append(t).append(".yaml --\ntitle: Topic ").append(t)
                    .append("\nquestions:\n");
            for (int q = 0; q < 5; q++) {
                spec.append("  - id: q").append(t).append('-').append(q).append("\n    question: Question ").append(q)
                        .append(" of topic ").append(t).append("?\n    answer: Answer **").append(q)
                        .append("** with a <script>x</script> and [a link](#q").append((t + 1) % 60).append("-0).\n");
            }
        }
        Fixture.write(root, spec.toString());
        SiteGenerator.Result one = Fixture.build(config().threads(1).baseUrl("https://x.example/"));
        Map<String, byte[]> first = Fixture.contents(out());
        SiteGenerator.Result seven = Fixture.build(config().threads(7).baseUrl("https://x.example/"));
        Fixture.assertSameFiles(first, Fixture.contents(out()));
        assertEquals(300, one.warnings().size(), "one warning per answer for its <script>");
        assertEquals(one.warnings(), seven.warnings(), "the same warnings, in the same order");
    }

    @Test
    void problemsInAnswersAreFoundAsTheyAreRenderedAndReportedWithTheirPositionsInReadingOrder() throws Exception {
        Fixture.write(root, """
                -- content/b.yaml --
                title: B
                questions:
                  - question: Second?
                    answer: Go to [nowhere](#no-such-question) or <iframe src="x"></iframe>.
                -- content/a.yaml --
                title: A
                questions:
                  - question: First?
                    answer: <img src="https://example.org/a.png">
                """);
        List<String> warnings = Fixture.build(root).warnings().stream().map(p -> p.format(root)).toList();
        assertEquals(List.of("content/a.yaml:4:13: warning: raw HTML corrected: <img src=\"https://example.org/a.png\"> had no alt text and is"
                        + " now marked decorative (alt=\"\") (fix it in the content: a URL holds one '#' and no spaces, an"
                        + " image needs alt text)",
                "content/b.yaml:4:13: warning: the link '#no-such-question' points to no question (link questions as"
                        + " #question-id or topic-id#question-id)",
                "content/b.yaml:4:13: warning: raw HTML removed: <iframe> (use Markdown or allowed tags, or set"
                        + " site-gen.trustRawHtml if every author is trusted)"), warnings);
    }

    @Test
    void markdownLinksAndImagesWithAScriptSchemeAreReportedAtTheirTextTheSameByGenerateAndCheck() throws Exception {
        Fixture.write(root, """
                -- content/a.yaml --
                title: A
                questions:
                  - question: First?
                    answer: See [this](&#106;avascript:alert(1)), <vbscript:x> and ![a chart](data:text/html,x).
                """);
        List<String> warnings = Fixture.build(root).warnings().stream().map(p -> p.format(root)).toList();
        assertEquals(List.of("content/a.yaml:4:13: warning: Markdown links and images removed for the scheme of their URL:"
                + " link 'javascript:alert(1)' (javascript:), link 'vbscript:x' (vbscript:), image 'data:text/html,x'"
                + " (data:); their text stays (links may use http:, https:, mailto: or a relative URL, images also"
                + " data:image/png, gif, jpeg or webp; set site-gen.trustRawHtml if every author is trusted)"), warnings);
        List<String> checked = io.github.sitegen.check.ContentCheck.run(config().build(), java.time.LocalDate.of(2026, 1, 1))
                .problems().stream().map(p -> p.format(root)).toList();
        assertTrue(checked.containsAll(warnings), checked.toString());
        String page = Files.readString(out().resolve("a/index.html"));
        assertTrue(page.contains("See this, vbscript:x and a chart."), page);
        assertFalse(page.contains("href=\"\""), page);
    }

    @Test
    void rawHtmlThatNestsBlocksInvalidlyComesOutValidTrustedOrNot() throws Exception {
        Fixture.write(root, """
                -- content/a.yaml --
                title: A
                questions:
                  - question: A table in a paragraph?
                    answer: |
                      <p><table><tr><td>cell</td></tr></table>

                      Text <p><p>nested</p></p> and <table><p>fostered</table>
                """);
        for (boolean trusted : new boolean[] {false, true}) {
            Fixture.build(config().trustRawHtml(trusted));
            SiteCheck.assertValidHtml(out());
            assertEquals("cell", Fixture.html(out().resolve("a/index.html")).selectFirst(".answer td").text());
        }
    }

    @Test
    void whenTheContentHasErrorsTheAnswersWarningsAreReportedWithThemInOneRun() throws Exception {
        Fixture.write(root, """
                -- content/a.yaml --
                title: A
                questions:
                  - question: First?
                    answer: Watch <iframe src="x"></iframe> this.
                    related: [nowhere]
                """);
        List<String> problems = Fixture.failures(root);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("content/a.yaml:4:13: warning: raw HTML removed: <iframe>"), problems.get(0));
        assertTrue(problems.get(1).startsWith("content/a.yaml:5:15: error: related question 'nowhere' does not exist"),
                problems.get(1));
    }

    @Test
    void whenOneLanguageHasErrorsTheOtherLanguagesAnswersAreCheckedToo() throws Exception {
        Fixture.write(root, """
                -- content/de/a.yaml --
                title: A
                questions:
                  - question: Erste?
                    answer: Siehe <iframe src="x"></iframe>.
                -- content/en/a.yaml --
                title: A
                questions:
                  - question: First?
                    related: [nowhere]
                """);
        List<String> problems = Fixture.failures(root);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("content/de/a.yaml:4:13: warning: raw HTML removed")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("content/en/a.yaml:3:5: error:")), problems.toString());
    }

    @Test
    void outputPathsAreLowercaseAndNoneStartsWithADotOrUnderscoreButNojekyll() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(root);
        for (String path : files(out())) {
            assertEquals(path.toLowerCase(Locale.ROOT), path);
            for (String segment : path.split("/")) {
                assertTrue(segment.equals(".nojekyll") || !(segment.startsWith(".") || segment.startsWith("_")), path);
            }
        }
    }

    @Test
    void aFailedBuildLeavesThePreviousSiteUntouchedAndNoStagingFolder() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(root);
        Map<String, byte[]> before = Fixture.contents(out());
        Files.writeString(root.resolve("content/start.yaml"), "title: Broken\nquestions: [{id: getting-started, question: q}]\n");
        List<String> errors = Fixture.failures(root);
        // Only the cause is reported: the related link to the broken question is not a second error.
        assertEquals(List.of("content/start.yaml:2:13: error: question 1 has no 'answer' (add 'answer: |' followed by"
                + " the answer in Markdown)"), errors);
        Map<String, byte[]> after = Fixture.contents(out());
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
        try (Stream<Path> siblings = Files.list(root)) {
            assertEquals(List.of(".out.lock", "content", "out"), siblings.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aTemplateErrorAlsoLeavesThePreviousSiteAndNamesTheTemplatePosition() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(root);
        Map<String, byte[]> before = Fixture.contents(out());
        Fixture.write(root, """
                -- templates/topic.ftlh --
                <p>fine</p>
                <p>${topic.nosuch.title}</p>
                """);
        List<String> errors = Fixture.failures(root, config().templateDirectory(root.resolve("templates")));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("templates/topic.ftlh:2:6: error: template error while rendering topic.ftlh:"),
                errors.get(0));
        assertEquals(before.keySet(), Fixture.contents(out()).keySet());
        try (Stream<Path> siblings = Files.list(root)) {
            assertEquals(4, siblings.count(), "content, templates, out and .out.lock: no staging folder left");
        }
    }

    @Test
    void aTemplateThatCallsItselfWithoutEndIsATemplateErrorAtTheRepeatingCallNotAStackOverflow() throws Exception {
        Fixture.write(root, SITE + """
                -- templates/topic.ftlh --
                <#macro m>
                  <p>again</p><@m/>
                </#macro>
                <@m/>
                """);
        List<String> errors = Fixture.failures(root, config().templateDirectory(root.resolve("templates")));
        assertEquals(List.of("templates/topic.ftlh:2:15: error: template calls itself without end (the stack overflowed"
                + " while rendering topic.ftlh) (give the recursive macro, function or #include a condition that stops it)"), errors);
    }

    @Test
    void aTemplateThatIncludesItselfWithoutEndIsATemplateErrorAtTheInclude() throws Exception {
        Fixture.write(root, SITE + """
                -- templates/topic.ftlh --
                <p>before</p>
                <p>${topic.title}</p> <#include "part.ftlh">
                -- templates/part.ftlh --
                <p>part</p>
                  <#include "topic.ftlh">
                """);
        List<String> errors = Fixture.failures(root, config().templateDirectory(root.resolve("templates")));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("templates/topic.ftlh:2:23: error: template calls itself without end")
                || errors.get(0).startsWith("templates/part.ftlh:2:3: error: template calls itself without end"), errors.get(0));
    }

    @Test
    void aTemplateSyntaxErrorNamesItsPosition() throws Exception {
        Fixture.write(root, SITE + """
                -- templates/index.ftlh --
                <#if>
                """);
        List<String> errors = Fixture.failures(root, config().templateDirectory(root.resolve("templates")));
        assertTrue(errors.get(0).startsWith("templates/index.ftlh:1:2: error: template syntax error:"), errors.get(0));
    }

    @Test
    void aUserTemplateReplacesTheBuiltInOneByPathAndTheRestOfTheThemeStays() throws Exception {
        Fixture.write(root, SITE + """
                -- templates/topic.ftlh --
                <#import "layout.ftlh" as layout>
                <@layout.frame><h1 class="mine">${topic.title}</h1><#list topic.questions as q><a href="${url(q)}">${q.id}</a></#list></@layout.frame>
                -- templates/assets/site-gen.css --
                body { color: rebeccapurple; }
                -- templates/assets/extra.js --
                console.log("hi");
                """);
        Fixture.build(config().templateDirectory(root.resolve("templates")));
        Document topic = Fixture.html(out().resolve("billing/index.html"));
        assertEquals("Billing & payments", topic.selectFirst("h1.mine").text());
        assertEquals(List.of("#how-to-pay", "#can-i-get-a-refund"), topic.select("main a").eachAttr("href"));
        assertEquals(1, Fixture.html(out().resolve("index.html")).select(".topic-index").size(), "home is built-in");
        assertEquals("body { color: rebeccapurple; }\n", Files.readString(out().resolve("assets/site-gen.css")));
        assertTrue(Files.exists(out().resolve("assets/extra.js")));
        assertTrue(Files.exists(out().resolve("assets/favicon.svg")));
    }

    @Test
    void staticFilesAreCopiedAsTheyAreAndMayNotReplaceGeneratedFiles() throws Exception {
        Fixture.write(root, SITE + """
                -- static/img/logo.txt --
                logo
                -- static/index.html --
                mine
                -- static/.DS_Store --
                x
                """);
        List<String> errors = Fixture.failures(root, config().staticDirectory(root.resolve("static")));
        assertTrue(errors.contains("static/index.html: error: static file would replace the generated index.html"
                + " (rename or move it; generated pages and theme assets cannot be replaced this way (override"
                + " templates and assets in the template directory instead))"), errors.toString());
        Files.delete(root.resolve("static/index.html"));
        SiteGenerator.Result result = Fixture.build(config().staticDirectory(root.resolve("static")));
        assertEquals("logo\n", Files.readString(out().resolve("img/logo.txt")));
        assertFalse(Files.exists(out().resolve(".DS_Store")));
        assertEquals("static/.DS_Store: warning: hidden file not copied into the site (GitHub Pages' upload action"
                + " leaves hidden files out; rename it if it should be published)", result.warnings().get(0).format(root));
    }

    @Test
    void theOutputMayNotBeTheProjectDirectoryOrOverlapAnInput() throws Exception {
        Fixture.write(root, SITE);
        assertRefused(SiteGenConfig.builder(root.resolve("content"), root).projectDirectory(root),
                "the output directory is the project directory or one of its parents");
        assertRefused(SiteGenConfig.builder(root.resolve("content"), root.getParent()).projectDirectory(root),
                "the output directory is the project directory or one of its parents");
        assertRefused(SiteGenConfig.builder(root.resolve("content"), root.resolve("content/site")).projectDirectory(root),
                "the output directory overlaps the input folder");
        assertRefused(config().templateDirectory(root.resolve("out/templates")), "overlaps the input folder");
        assertRefused(config().staticDirectory(root.resolve("out")), "overlaps the input folder");
    }

    @Test
    void aNonEmptyFolderThatSiteGenDidNotWriteIsRefusedNotEmptied() throws Exception {
        Fixture.write(root, SITE + """
                -- out/notes.txt --
                my notes
                """);
        List<String> errors = Fixture.failures(root);
        assertEquals(List.of("out: error: the output directory holds files site-gen did not write: notes.txt (site-gen"
                + " never deletes files it did not write; move them into the static directory, or choose an empty or new"
                + " output folder)"), errors);
        assertEquals("my notes\n", Files.readString(root.resolve("out/notes.txt")));
    }

    @Test
    void aFileAddedByHandToAGeneratedSiteStopsTheNextBuild() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(root);
        Files.writeString(out().resolve("billing/mine.html"), "mine");
        assertTrue(Fixture.failures(root).get(0).contains("files site-gen did not write: billing/mine.html"));
        assertEquals("mine", Files.readString(out().resolve("billing/mine.html")));
    }

    @Test
    void theNojekyllFileListsWhatSiteGenWroteSoThatARemovedTopicIsCleanedUp() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(root);
        assertTrue(Files.readString(out().resolve(".nojekyll")).lines().toList().contains("start/index.html"));
        Files.delete(root.resolve("content/start.yaml"));
        Files.writeString(root.resolve("content/billing.yaml"),
                Files.readString(root.resolve("content/billing.yaml")).replace("related: [getting-started]", ""));
        Fixture.build(root);
        assertFalse(Files.exists(out().resolve("start")));
    }

    @Test
    void anEmptyExistingOutputFolderIsUsed() throws Exception {
        Fixture.write(root, SITE);
        Files.createDirectories(out());
        Fixture.build(root);
        assertTrue(Files.exists(out().resolve("index.html")));
    }

    @Test
    void theBaseUrlIsCheckedNormalisedAndUsedForCanonicalLinksAndThe404Page() throws Exception {
        Fixture.write(root, SITE);
        assertEquals(List.of("error: site-gen.baseUrl: 'acme.github.io/faq' is not an absolute http(s) URL (use the"
                + " address the site is published at, such as https://owner.github.io/repo)"),
                Fixture.failures(root, config().baseUrl("acme.github.io/faq")));
        assertTrue(Fixture.failures(root, config().baseUrl("ftp://acme.example/")).get(0).contains("not an absolute http(s) URL"));

        Fixture.build(config().baseUrl("https://Acme.github.io/faq"));
        assertEquals("https://acme.github.io/faq/billing/",
                Fixture.html(out().resolve("billing/index.html")).selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("https://acme.github.io/faq/",
                Fixture.html(out().resolve("index.html")).selectFirst("link[rel=canonical]").attr("href"));
        Document notFound = Fixture.html(out().resolve("404.html"));
        assertEquals("/faq/assets/site-gen.css", notFound.selectFirst("link[rel=stylesheet]").attr("href"));
        for (String href : notFound.select("a[href]").eachAttr("href")) {
            assertTrue(href.startsWith("/faq/") || href.startsWith("#"), href);
        }
        assertTrue(notFound.select("link[rel=canonical]").isEmpty());

        Fixture.build(config().baseUrl("https://faq.acme.example/"));
        assertEquals("/index.html", Fixture.html(out().resolve("404.html")).selectFirst(".site-title").attr("href"));
    }

    @Test
    void withoutABaseUrlPagesHaveNoCanonicalLinkAndRelativeLinksOnly() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(root);
        Document topic = Fixture.html(out().resolve("start/index.html"));
        assertTrue(topic.select("link[rel=canonical]").isEmpty());
        for (String href : topic.select("[href]").eachAttr("href")) {
            assertFalse(href.startsWith("/"), href);
        }
    }

    @Test
    void warningsGoToTheListenerAndOneSummaryLineCountsPagesTopicsQuestionsAndTimesEachStage() throws Exception {
        Fixture.write(root, """
                -- content/a.yaml --
                title: A
                questions:
                  - question: Same?
                    answer: one
                  - question: Same?
                    answer: two
                """);
        StringBuilder log = new StringBuilder();
        new SiteGenerator().generate(config().build(), new BuildListener() {
            @Override
            public void info(String message) {
                log.append("info ").append(message).append('\n');
            }

            @Override
            public void warning(Problem problem) {
                log.append(problem.format(root)).append('\n');
            }
        });
        assertTrue(log.toString().contains("content/a.yaml:5:5: warning: the id derived from this question, 'same',"
                + " is taken"), log.toString());
        List<String> info = log.toString().lines().filter(line -> line.startsWith("info ")).toList();
        assertEquals(1, info.size(), "one line per build: " + info);
        assertTrue(info.get(0).matches("info site-gen wrote 4 pages \\(1 topic, 2 questions, 19 files\\) to .* in \\d+ ms,"
                + " \\d+ pages per second; stages: load and validate \\d+ ms, Markdown \\d+ ms, templates \\d+ ms,"
                + " write \\d+ ms \\(Markdown, templates and write summed over threads\\)"), info.get(0));
    }

    @Test
    void rawHtmlIsKeptAsWrittenOnlyWhenTheSiteTrustsItsAuthors() throws Exception {
        Fixture.write(root, """
                -- content/a.yaml --
                title: A
                questions:
                  - id: embed
                    question: Video?
                    answer: <iframe src="https://video.example/1" title="Demo"></iframe>
                """);
        Fixture.build(root);
        assertTrue(Fixture.html(out().resolve("a/index.html")).select("iframe").isEmpty());
        Fixture.build(config().trustRawHtml(true));
        assertEquals(1, Fixture.html(out().resolve("a/index.html")).select("iframe").size());
    }

    @Test
    void aPreviewConfigurationKeepsEveryOtherSettingThreadsIncluded() {
        SiteGenConfig.Builder configured = config().templateDirectory(root.resolve("t")).staticDirectory(root.resolve("s"))
                .baseUrl("https://x.example/faq").defaultTitle("T").trustRawHtml(true).cname("faq.example")
                .structuredData(true).threads(3);
        assertEquals(configured.drafts(true).build(), configured.drafts(false).build().withDrafts());
    }

    @Test
    void aConfigurationWithoutContentOrOutputIsAProgrammingError() {
        assertThrows(NullPointerException.class, () -> SiteGenConfig.builder(null, root).build());
    }

    private SiteGenConfig.Builder config() {
        return SiteGenConfig.builder(root.resolve("content"), out()).projectDirectory(root);
    }

    private void assertRefused(SiteGenConfig.Builder config, String message) throws IOException {
        List<String> errors = Fixture.failures(root, config);
        assertTrue(errors.get(0).contains(message), errors.toString());
    }

    private static List<String> files(Path dir) throws IOException {
        return List.copyOf(Fixture.contents(dir).keySet());
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
