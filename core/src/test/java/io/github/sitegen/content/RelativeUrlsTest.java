package io.github.sitegen.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteCheck;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;
import io.github.sitegen.check.ContentCheck;
import io.github.sitegen.verify.SiteVerifier;

/**
 * Relative URLs written in content name files of the site from its root, and each page that
 * shows them writes them for its own depth (issue 14, item 2).
 */
class RelativeUrlsTest {

    @TempDir
    Path root;

    private Path out() {
        return root.resolve("out");
    }

    private SiteGenConfig.Builder config() {
        return SiteGenConfig.builder(root.resolve("content"), out()).projectDirectory(root)
                .staticDirectory(root.resolve("static"));
    }

    private List<String> build() throws Exception {
        return build(config());
    }

    /** Builds; returns the warnings, shown relative to the root. */
    private List<String> build(SiteGenConfig.Builder config) throws Exception {
        List<String> lines = new ArrayList<>();
        new SiteGenerator().generate(config.build(), Fixture.recording(lines, root));
        return lines.stream().filter(line -> line.contains(": warning: ")).toList();
    }

    private static final String SITE = """
            -- content/site.yaml --
            title: Acme help
            description: Answers.
            introduction: |
              ![Our logo](img/logo.png) Start with [billing](billing/) or the [price list](docs/prices.pdf).
            footer: "[Terms](legal/terms.html)"
            -- content/billing.yaml --
            title: Billing
            summary: See ![the chart](img/chart.png).
            questions:
              - id: pay
                question: How do I pay?
                answer: |
                  ![Cards we take](img/cards.png) and the [price list](docs/prices.pdf?v=2#page=3);
                  <a href="docs/prices.pdf">as raw HTML</a> and <img src="img/cards.png" alt="cards">.
                  Also [another topic](start/) and [its question](start/#begin), [this one](#pay).
            -- content/start.yaml --
            title: Start
            questions:
              - id: begin
                question: Where do I begin?
                answer: With [paying](billing#pay).
            -- static/img/logo.png --
            logo
            -- static/img/chart.png --
            chart
            -- static/img/cards.png --
            cards
            -- static/docs/prices.pdf --
            pdf
            -- static/legal/terms.html --
            <!DOCTYPE html><html lang="en"><title>Terms</title><p>Terms.</p></html>
            """;

    @Test
    void anAnswersRelativeLinksAndImagesStartAtTheSiteRootInMarkdownAndRawHtml() throws Exception {
        Fixture.write(root, SITE);
        assertEquals(List.of(), build());
        assertLinksFromTheRoot("", "");
    }

    @Test
    void aMultilingualSiteLinksStaticFilesAtTheRootOfTheWholeSiteAndTopicsInItsLanguage() throws Exception {
        Fixture.write(root, SITE.replace("-- content/", "-- content/en/")
                + SITE.replace("-- content/", "-- content/de/").replaceAll("-- static/[^\n]*\n[^\n]*\n", "")
                .replace("title: Acme help", "title: Acme Hilfe\nlanguage: de"));
        assertEquals(List.of(), build());
        assertLinksFromTheRoot("de/", "../");
    }

    /**
     * The links of {@link #SITE} in the pages of {@code folder}: pages of the site one folder up
     * on a topic page, static files {@code up} further (at the root of the whole site).
     */
    private void assertLinksFromTheRoot(String folder, String up) throws Exception {
        Document topic = Fixture.html(out().resolve(folder + "billing/index.html"));
        assertEquals(List.of("../" + up + "docs/prices.pdf?v=2#page=3", "../" + up + "docs/prices.pdf", "../start/",
                "../start/index.html#begin", "#pay"), topic.select(".answer a").eachAttr("href"));
        assertEquals(List.of("../" + up + "img/cards.png", "../" + up + "img/cards.png"), topic.select(".answer img").eachAttr("src"));
        assertEquals("../" + up + "img/chart.png", topic.selectFirst(".summary img").attr("src"));
        assertEquals("../" + up + "legal/terms.html", topic.selectFirst("footer a[href$=terms.html]").attr("href"));
        Document home = Fixture.html(out().resolve(folder + "index.html"));
        assertEquals(up + "img/logo.png", home.selectFirst(".intro img").attr("src"));
        assertEquals(List.of("billing/", up + "docs/prices.pdf"), home.select(".intro a").eachAttr("href"));
        assertEquals(up + "img/chart.png", home.selectFirst(".topic-card .summary img").attr("src"));
        assertEquals(up + "legal/terms.html", home.selectFirst("footer a[href$=terms.html]").attr("href"));
        assertEquals(List.of(), SiteCheck.brokenLinks(out()));
    }

    @Test
    void aRelativeUrlThatPointsAtNoFileIsAWarningOfGenerateAndCheckAtItsText() throws Exception {
        Fixture.write(root, """
                -- content/site.yaml --
                title: Acme help
                description: Answers.
                introduction: See [the guide](guide/index.html).
                -- content/billing.yaml --
                title: Billing
                summary: See ![the chart](img/chart.png).
                questions:
                  - question: How do I pay?
                    answer: |
                      ![Cards](img/cards.png), [a topic](nowhere/) and <a href="docs/a.pdf">a PDF</a>.
                      [Fine](img/there.png).
                -- static/img/there.png --
                png
                """);
        String answer = "content/billing.yaml:5:13: warning: 3 relative URLs point at no file of the site:"
                + " 'img/cards.png', 'nowhere/', 'docs/a.pdf' (relative URLs start at the site's root";
        String summary = "content/billing.yaml:2:10: warning: a relative URL points at no file of the site: 'img/chart.png'";
        String introduction = "content/site.yaml:3:15: warning: a relative URL points at no file of the site: 'guide/index.html'";
        List<String> built = build();
        Fixture.assertHasLine(built, answer);
        Fixture.assertHasLine(built, summary);
        Fixture.assertHasLine(built, introduction);
        assertEquals(3, built.size(), String.join("\n", built));
        List<String> checked = ContentCheck.run(config().build(), LocalDate.of(2026, 12, 1)).problems().stream()
                .map(p -> p.format(root)).toList();
        Fixture.assertHasLine(checked, answer);
        Fixture.assertHasLine(checked, summary);
        Fixture.assertHasLine(checked, introduction);
    }

    @Test
    void verifyReportsARelativeUrlOfContentThatPointsAtNoFile() throws Exception {
        Fixture.write(root, """
                -- content/billing.yaml --
                title: Billing
                questions:
                  - question: How do I pay?
                    answer: See ![the cards](img/cards.png).
                """);
        build();
        SiteVerifier.Report report = new SiteVerifier(out(), "", false).verify();
        assertTrue(report.problems().stream().anyMatch(p -> p.message().contains("'../img/cards.png'")
                && p.file().endsWith(Path.of("billing/index.html"))), report.problems().toString());
    }

    @Test
    void linksWrittenForAnotherSiteAreReportedOncePerText() throws Exception {
        Fixture.write(root, """
                -- content/billing.yaml --
                title: Billing
                questions:
                  - question: How do I pay?
                    answer: |
                      See [setup](setup.md), [usage](docs/USAGE.md#run) and [more](more.md) and [even more](x.md).
                      Also [the docs](/docs/guide/), [the root](/), ![up](../img/a.png) and [ours](/acme/img/b.png).
                -- static/img/b.png --
                png
                """);
        assertEquals(List.of(
                "content/billing.yaml:4:13: warning: links to Markdown files, which the site does not publish, look written"
                        + " for another site: 'setup.md', 'docs/USAGE.md#run', 'more.md' and 1 more (link the question instead"
                        + " (#question-id or topic-id#question-id), or the page's address on the web)",
                "content/billing.yaml:4:13: warning: URLs that lead out of the site look written for another site:"
                        + " '/docs/guide/', '/', '../img/a.png' (the site is served under /acme/: write paths in the site"
                        + " from its root, without a leading / or ../, such as img/chart.png)"),
                build(config().baseUrl("https://example.github.io/acme")));
        Document topic = Fixture.html(out().resolve("billing/index.html"));
        assertEquals("/acme/img/b.png", topic.select(".answer a").last().attr("href"), "a path under the base path is kept");
    }

    @Test
    void aShortLinkAsWrittenBeforeRelativeUrlsStartedAtTheRootStillLeadsToItsQuestion() throws Exception {
        Fixture.write(root, """
                -- content/a.yaml --
                title: A
                questions:
                  - id: one
                    question: One?
                    answer: See [two](../b/index.html#two) and [two again](b/#two).
                -- content/b.yaml --
                title: B
                questions:
                  - id: two
                    question: Two?
                    answer: Back to [one](#one).
                """);
        assertEquals(List.of(), build());
        assertEquals(List.of("../b/index.html#two", "../b/index.html#two"),
                Fixture.html(out().resolve("a/index.html")).select(".answer a").eachAttr("href"));
    }
}
