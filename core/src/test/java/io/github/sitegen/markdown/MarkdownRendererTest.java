package io.github.sitegen.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer safe = new MarkdownRenderer(false);

    private Document html(String markdown) {
        return Jsoup.parseBodyFragment(safe.render(markdown, 3).html().markup());
    }

    @Test
    void tablesStrikethroughAndAutolinksAreRendered() {
        Document doc = html("""
                | a | b |
                |:-:|---|
                | 1 | 2 |

                ~~old~~ see https://example.org/x
                """);
        assertEquals("align-center", doc.selectFirst("th").className());
        assertEquals("old", doc.selectFirst("del").text());
        assertEquals("https://example.org/x", doc.selectFirst("a").attr("href"));
        assertTrue(doc.select("[align]").isEmpty(), "HTML5 has no align attribute");
    }

    @Test
    void linksGetNoNofollowWhetherTheyAreTheSitesOwnOrLeadOutAndRawHtmlKeepsWhatItSays() {
        Document doc = html("""
                [anchor](#other) [page](../billing/index.html#pay) [out](https://example.org/x)
                <https://example.org/auto> www.example.org

                <a href="https://example.org/raw">raw</a> <a href="https://ads.example" rel="sponsored">ad</a>
                """);
        assertEquals(7, doc.select("a").size());
        assertEquals(List.of("", "", "", "", "", "", "sponsored"), doc.select("a").stream().map(a -> a.attr("rel")).toList());
    }

    @Test
    void aLinkThatLosesItsHrefIsUnwrappedAndItsTextKept() {
        MarkdownRenderer.Rendered rendered = safe.render("""
                <a name="x">Title</a> and <a href="javascript:alert(1)">here</a>.
                """, 3);
        Document doc = Jsoup.parseBodyFragment(rendered.html().markup());
        assertEquals(0, doc.select("a").size(), rendered.html().markup());
        assertEquals("Title and here.", doc.text());
    }

    @Test
    void aLinkWithoutTextShowsItsAddressAndIsReported() {
        MarkdownRenderer.Rendered rendered = safe.render("""
                See [](https://x.example/a) and [![](logo.png)](https://x.example/b) and [![Logo](logo.png)](https://x.example/c).

                Or <a href="https://y.example/"></a>.
                """, 3);
        Document doc = Jsoup.parseBodyFragment(rendered.html().markup());
        assertEquals(List.of("https://x.example/a", "https://x.example/b", "", "https://y.example/"),
                doc.select("a").stream().map(Element::ownText).toList());
        assertEquals(List.of("https://x.example/a", "https://x.example/b", "https://y.example/"), rendered.emptyLinks());
        MarkdownRenderer.Rendered plain = safe.render("[](#other-question)", 3);
        assertEquals("<p><a href=\"#other-question\">#other-question</a></p>", plain.html().markup());
        assertEquals(List.of("#other-question"), plain.emptyLinks());
    }

    @Test
    void gitHubAlertsBecomeCalloutsTitledInTheGivenLanguage() {
        String source = """
                > [!NOTE]
                > Plain **note**.

                > [!warning]
                > Not <em>safe</em>.

                > [!TIP] not alone on its line

                > Just a quote.
                """;
        MarkdownRenderer.Rendered rendered = safe.render(source, 3, java.util.function.UnaryOperator.identity(),
                kind -> kind.equals("note") ? "Hinweis" : "Warnung");
        Document doc = Jsoup.parseBodyFragment(rendered.html().markup());
        assertEquals(List.of("alert alert-note", "alert alert-warning"), doc.select("div[role=note]").eachAttr("class"));
        assertEquals(List.of("Hinweis", "Warnung"), doc.select("div[role=note] > p.alert-title").eachText());
        assertEquals("Plain note.", doc.select("div.alert-note > p").get(1).text());
        assertEquals(2, doc.select("blockquote").size(), "a marker not alone on its line, and a plain quote, stay quotes");
        assertEquals(List.of(), rendered.removed(), "the allowlist keeps an alert's own markup");
    }

    @Test
    void rawHtmlCannotBorrowClassesOrRolesBeyondAnAlertsOwn() {
        MarkdownRenderer.Rendered rendered = safe.render("""
                <div class="banner" role="alert"><p class="big">Hi</p></div>
                """, 3);
        assertEquals("<div><p>Hi</p></div>", rendered.html().markup());
        assertEquals(List.of("div class=\"banner\"", "div role=\"alert\"", "p class=\"big\""), rendered.removed());
    }

    @Test
    void headingsStartAtTheGivenLevelAndNeverSkipOne() {
        Document doc = html("""
                ### Deep first
                ##### Deeper
                # Top
                ## Second
                """);
        assertEquals(List.of("h3", "h4", "h3", "h4"),
                doc.select("h1, h2, h3, h4, h5, h6").stream().map(e -> e.tagName()).toList());
    }

    @Test
    void headingsNeverGoBelowSix() {
        assertEquals("h6", Jsoup.parseBodyFragment(safe.render("# a\n## b\n### c\n#### d\n##### e", 3).html().markup())
                .select("h1, h2, h3, h4, h5, h6").last().tagName());
    }

    @Test
    void scriptsStylesFramesFormsAndEventHandlersAreRemovedButTheirTextStays() {
        MarkdownRenderer.Rendered rendered = safe.render("""
                <div onclick="steal()">Kept <b>bold</b><script>alert(1)</script><style>p{}</style></div>
                <iframe src="https://evil.example"></iframe><form action="/x"><input name="q">Form text</form>
                """, 3);
        Document doc = Jsoup.parseBodyFragment(rendered.html().markup());
        assertTrue(doc.select("script, style, iframe, form, input, [onclick]").isEmpty(), rendered.html().markup());
        assertEquals("bold", doc.selectFirst("b").text());
        assertTrue(doc.text().contains("Kept") && doc.text().contains("Form text"));
        assertEquals(List.of("<form>", "<iframe>", "<input>", "<script>", "<style>", "div onclick=\"steal()\""),
                rendered.removed());
    }

    @Test
    void javascriptUrlsAreRemovedFromMarkdownLinksAndRawHtml() {
        String markup = safe.render("[md](javascript:alert(1)) <a href=\"JavaScript:alert(2)\">raw</a>"
                + " <img src=\"data:text/html,x\" alt=\"i\">", 3).html().markup();
        assertTrue(!markup.toLowerCase().contains("javascript:") && !markup.contains("data:"), markup);
    }

    @Test
    void allowedRawHtmlIsKeptAsWritten() {
        Document doc = html("""
                <table><tr><th colspan="2">Head</th></tr><tr><td>a</td><td>b</td></tr></table>

                Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, see <a href="../other/index.html#x" title="t">there</a><br>
                <img src="img/a.png" alt="A">
                """);
        assertEquals("2", doc.selectFirst("th").attr("colspan"));
        assertEquals(2, doc.select("kbd").size());
        assertEquals("../other/index.html#x", doc.selectFirst("a").attr("href"));
        assertEquals("img/a.png", doc.selectFirst("img").attr("src"));
        assertEquals(1, doc.select("br").size());
    }

    @Test
    void invalidUrlsInRawHtmlArePercentEncodedAndReported() {
        MarkdownRenderer.Rendered rendered = safe.render("<a href=\"#vocabulary##[vocabulary.segwit]\">x</a>"
                + " <a href=\"a b.html\">y</a>", 3);
        Document doc = Jsoup.parseBodyFragment(rendered.html().markup());
        assertEquals(List.of("#vocabulary%23%23%5Bvocabulary.segwit%5D", "a%20b.html"), doc.select("a").eachAttr("href"));
        assertEquals(2, rendered.repaired().size());
    }

    @Test
    void aTrustedSiteKeepsRawHtmlAsWritten() {
        String markup = new MarkdownRenderer(true).render("<iframe src=\"https://video.example/1\"></iframe>", 3)
                .html().markup();
        assertEquals("<iframe src=\"https://video.example/1\"></iframe>", markup);
    }

    @Test
    void thePlainTextIsWhatReadersSee() {
        assertEquals("Use the billing page. Then pay.",
                safe.render("Use the **billing** page.\n\nThen <b>pay</b>.<script>x</script>", 3).text());
    }

    @Test
    void liquidAndTemplateSyntaxInContentIsJustText() {
        assertEquals("<p>Java {{ site.data.versions.java }} and ${user.home}</p>",
                safe.render("Java {{ site.data.versions.java }} and ${user.home}", 3).html().markup());
    }

    @Test
    void headingsWrittenAsRawHtmlFollowTheSameRule() {
        Document doc = html("<h1>Raw top</h1>\n\n## Markdown\n\n<h5>Raw deep</h5>");
        assertEquals(List.of("h3", "h4", "h5"), doc.select("h1, h2, h3, h4, h5, h6").stream().map(e -> e.tagName()).toList());
    }

    @Test
    void markdownLinksAcceptOnlyWebMailAndRelativeUrlsAndTheOthersBecomeTheirTextWithAReport() {
        MarkdownRenderer.Rendered rendered = safe.render(
                "[a](data:text/html,x) [b](vbscript:x) [c](https://ok.example) [d](mailto:x@y.example) [e](../x/)", 3);
        Document doc = Jsoup.parseBodyFragment(rendered.html().markup());
        assertEquals(List.of("https://ok.example", "mailto:x@y.example", "../x/"), doc.select("a").eachAttr("href"));
        assertEquals("a b c d e", doc.text());
        assertEquals(List.of("link 'data:text/html,x' (data:)", "link 'vbscript:x' (vbscript:)"), rendered.unsafeUrls());
    }

    @Test
    void aRefusedSchemeIsFoundHoweverItIsWrittenInLinksAutolinksReferencesAndImages() {
        String[] written = {"[a](javascript:alert(1))", "[a](&#106;avascript:alert(1))", "[a](javas%63ript:alert(1))",
                "[a](JaVaScRiPt:alert(1))", "[a](<java\tscript:alert(1)>)", "[a](<\u0001javascript:alert(1)>)",
                "<javascript:alert(1)>", "<JAVASCRIPT:alert(1)>", "[a][r]\n\n[r]: javascript:alert(1)",
                "![a](javascript:alert(1))", "![a](data:text/html;base64,PHNjcmlwdD4=)", "![a](data:image/svg+xml,%3Csvg/%3E)",
                "[a](data:image/png;base64,iVBORw0KGgo=)", "[a](vbscript:msgbox(1))", "[a](&#x64;ata:text/html,x)"};
        for (String markdown : written) {
            MarkdownRenderer.Rendered rendered = safe.render(markdown, 3);
            Document doc = Jsoup.parseBodyFragment(rendered.html().markup());
            assertEquals(List.of(), doc.select("a, img, [href], [src]").eachAttr("outerHtml"), markdown);
            // the text stays: a link's words, an image's alternative text, an autolink's address
            assertEquals(markdown.startsWith("<") ? markdown.substring(1, markdown.length() - 1) : "a", doc.text(), markdown);
            assertEquals(1, rendered.unsafeUrls().size(), markdown + " is reported: " + rendered.unsafeUrls());
        }
    }

    @Test
    void anImageMayBeADataUrlOfARasterFormatAndALinkMayNot() {
        String png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
        MarkdownRenderer.Rendered rendered = safe.render("![A dot](" + png + ") ![b](DATA:image/webp;base64,UklGRg==)", 3);
        Document doc = Jsoup.parseBodyFragment(rendered.html().markup());
        assertEquals(List.of(png, "DATA:image/webp;base64,UklGRg=="), doc.select("img").eachAttr("src"));
        assertEquals(List.of(), rendered.unsafeUrls());
    }

    @Test
    void thePlainTextOfALinkIsItsTextNotItsTarget() {
        assertEquals("See the docs.", safe.render("See [the docs](https://example.org/docs).", 3).text());
    }

    @Test
    void markdownLinksNextToRawHtmlDoNotCauseWarnings() {
        assertEquals(List.of(), safe.render("[a](https://example.org) and <br> raw", 3).removed());
    }

    @Test
    void anImageWithoutAltTextIsMarkedDecorativeAndReported() {
        MarkdownRenderer.Rendered rendered = safe.render("<img src=\"chart.png\"> and ![described](b.png)", 3);
        Document doc = Jsoup.parseBodyFragment(rendered.html().markup());
        assertEquals(List.of("", "described"), doc.select("img").eachAttr("alt"));
        assertEquals(List.of("<img src=\"chart.png\"> had no alt text and is now marked decorative (alt=\"\")"),
                rendered.repaired());
    }

    /**
     * Found while bounding MarkdownFuzzTest's output (seed link-reference-expansion.md): a reference's URL
     * repeated at every use grows with the square of the input.
     */
    @Test
    void repeatedLinkReferencesCannotExpandBeyondTheLimit() {
        String markdown = "[a]: /" + "x".repeat(5000) + "\n\n" + "[a] ".repeat(1250);
        MarkdownRenderer.Rendered rendered = safe.render(markdown, 3);
        long limit = (long) MarkdownRenderer.EXPANSION * markdown.length() + MarkdownRenderer.EXPANSION_SLACK;
        assertTrue(rendered.html().markup().length() < limit + 64 * 1024,
                "HTML of " + rendered.html().markup().length() + " characters from " + markdown.length());
        assertEquals(1, rendered.errors().size(), rendered.errors().toString());
        assertTrue(rendered.errors().get(0).startsWith("link references repeat "), rendered.errors().get(0));
    }

    /** Found in review: empty reference links showed their address even past the limit. */
    @Test
    void emptyReferenceLinksShowingTheirAddressCannotExpandBeyondTheLimitEither() {
        String markdown = "[a]: /" + "x".repeat(2000) + "\n\n" + "[][a] ".repeat(2000);
        MarkdownRenderer.Rendered rendered = safe.render(markdown, 3);
        long limit = (long) MarkdownRenderer.EXPANSION * markdown.length() + MarkdownRenderer.EXPANSION_SLACK;
        assertTrue(rendered.html().markup().length() < limit + 64 * 1024,
                "HTML of " + rendered.html().markup().length() + " characters from " + markdown.length());
        assertTrue(rendered.text().length() < limit + 64 * 1024, "text of " + rendered.text().length() + " characters");
        assertTrue(rendered.emptyLinks().size() < 200, rendered.emptyLinks().size() + " empty-link warnings");
        assertEquals(1, rendered.errors().size(), rendered.errors().toString());
    }

    /**
     * Found while bounding MarkdownFuzzTest's output (seed table-cell-expansion.md): a wide table header over many
     * one-character rows fills in columns × rows cells.
     */
    @Test
    void tablesCannotFillInCellsBeyondTheLimit() {
        String table = "|a".repeat(60) + "|\n" + "|-".repeat(60) + "|\n" + "x\n".repeat(150) + "\n";
        String markdown = table.repeat(8);
        MarkdownRenderer.Rendered rendered = safe.render(markdown, 3);
        assertTrue(rendered.html().markup().length() < 64L * markdown.length(),
                "HTML of " + rendered.html().markup().length() + " characters from " + markdown.length());
        assertEquals(1, rendered.errors().size(), rendered.errors().toString());
        assertTrue(rendered.errors().get(0).startsWith("tables fill in "), rendered.errors().get(0));
    }

    /**
     * Found while bounding MarkdownFuzzTest's output (seed table-over-cell-limit.md): commonmark threw
     * IllegalArgumentException out of the build at its own cell limit.
     */
    @Test
    void aTableWithTooManyCellsIsAnErrorNotAnException() {
        String markdown = "|a".repeat(1250) + "|\n" + "|-".repeat(1250) + "|\n" + "x\n".repeat(2500);
        MarkdownRenderer.Rendered rendered = safe.render(markdown, 3);
        assertEquals("", rendered.html().markup());
        assertEquals(List.of("a table has more than 10000 cells (counting the ones its rows leave out), so nothing of"
                + " this text is rendered"), rendered.errors());
    }

    @Test
    void ordinaryReferencesAndTablesAreWithinTheLimit() {
        MarkdownRenderer.Rendered rendered = safe.render("""
                See [the guide][g], [the guide][g] and [the guide][g].

                | a | b | c |
                |---|---|---|
                | 1 |
                | 2 | 3 |

                [g]: https://example.org/a/rather/long/address/of/the/guide "The guide"
                """, 3);
        assertEquals(List.of(), rendered.errors());
        assertEquals(3, Jsoup.parseBodyFragment(rendered.html().markup()).select("a").size());
        assertEquals(6, Jsoup.parseBodyFragment(rendered.html().markup()).select("td").size());
    }
}
