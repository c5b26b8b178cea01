package io.github.sitegen.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.sitegen.BuildListener;
import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;
import io.github.sitegen.TestContent;
import io.github.sitegen.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteVerifierTest {

    private static final String SITE = """
            -- content/a.yaml --
            title: A
            order: 1
            questions:
              - id: one
                question: One?
                answer: See [two](../b/index.html#two).
            -- content/b.yaml --
            title: B
            order: 2
            questions:
              - id: two
                question: Two?
                answer: Back to [one](../a/index.html#one).
            """;

    @TempDir
    Path root;

    private Path out() {
        return root.resolve("out");
    }

    private SiteVerifier.Report build(String baseUrl, SiteGenConfig.Builder config) throws Exception {
        new SiteGenerator().generate(config.baseUrl(baseUrl).build(), BuildListener.SILENT);
        return new SiteVerifier(out(), io.github.sitegen.render.Urls.normaliseBaseUrl(baseUrl, new StringBuilder())
                .orElseThrow(), false).verify();
    }

    private SiteGenConfig.Builder config() {
        return SiteGenConfig.builder(root.resolve("content"), out()).projectDirectory(root);
    }

    private List<String> problems(SiteVerifier.Report report) {
        return report.problems().stream().map(p -> p.format(root)).toList();
    }

    @Test
    void theExampleSiteServedUnderAProjectPathHasNoBrokenLinkAnchorOrPage() throws Exception {
        SiteVerifier.Report report = build("https://example.github.io/site-gen-example",
                SiteGenConfig.builder(TestContent.example(), out()));
        assertEquals(List.of(), problems(report));
        assertEquals(5, report.pages(), "home, three topics and all.html");
        assertEquals(4, report.sitemapEntries(), "all.html is not in the sitemap: readers are sent to the topic pages");
        assertTrue(report.notFoundChecked());
        assertTrue(report.links() > 40, report.summary());
        assertTrue(report.summary().startsWith("verify: crawled 5 pages, checked "), report.summary());
    }

    @Test
    void theExampleSiteOnACustomDomainAtTheRootHasNoBrokenLinkAnchorOrPage() throws Exception {
        SiteVerifier.Report report = build("https://faq.example.org/",
                SiteGenConfig.builder(TestContent.example(), out()));
        assertEquals(List.of(), problems(report));
        assertEquals(4, report.sitemapEntries());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"osc-gov", "geyser-wiki", "wsl-faq", "bitcoin-org", "cc-korea"})
    void everyRealCorpusSitePassesAndItsAuthorsBrokenLinksAreOnlyWarnings(String name) throws Exception {
        SiteVerifier.Report report = build("https://example.github.io/" + name,
                SiteGenConfig.builder(TestContent.corpus(name), out()));
        assertFalse(report.failed(), () -> String.join("\n", problems(report)));
        for (Problem warning : report.problems()) {
            assertTrue(warning.message().startsWith("link in authored content: "), warning.toString());
        }
    }

    @Test
    void aBrokenLinkInATemplateIsAnErrorAtItsPosition() throws Exception {
        Fixture.write(root, SITE + """
                -- templates/index.ftlh --
                <#import "layout.ftlh" as layout>
                <@layout.frame>
                <h1>Home</h1>
                <p><a href="${url('nowhere.html')}">gone</a> <a href="${url(topics[0])}#missing">anchor</a></p>
                </@layout.frame>
                """);
        SiteVerifier.Report report = build("", config().templateDirectory(root.resolve("templates")));
        assertTrue(report.failed());
        List<String> problems = problems(report);
        Path index = out().resolve("index.html");
        assertTrue(problems.contains("out/index.html:" + position(index, "<a href=\"nowhere.html\"")
                + ": error: 'nowhere.html' is broken: no file at /nowhere.html (HTTP 404)"), String.join("\n", problems));
        assertTrue(problems.contains("out/index.html:" + position(index, "<a href=\"a/index.html#missing\"")
                + ": error: 'a/index.html#missing' points to a missing anchor: no id=\"missing\" in /a/index.html"),
                String.join("\n", problems));
    }

    @Test
    void aPageNothingLinksToIsReported() throws Exception {
        Fixture.write(root, SITE + """
                -- static/orphan.html --
                <!DOCTYPE html><title>x</title>
                """);
        SiteVerifier.Report report = build("", config().staticDirectory(root.resolve("static")));
        assertEquals(List.of("out/orphan.html: error: page is not reachable by links from the home page (link it from"
                + " a template, or remove it)"), problems(report));
    }

    @Test
    void a404PageWithRelativeLinksFailsWhenServedAtDepth() throws Exception {
        Fixture.write(root, SITE + """
                -- templates/404.ftlh --
                <!DOCTYPE html><html lang="en"><head><title>Missing</title>
                <link rel="stylesheet" href="assets/site-gen.css"></head>
                <body><a href="index.html">home</a></body></html>
                """);
        SiteVerifier.Report report = build("https://o.github.io/repo", config().templateDirectory(root.resolve("templates")));
        List<String> problems = problems(report);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("out/404.html:") && p.contains("'assets/site-gen.css' is broken:"
                + " no file at /repo/site-gen-verify/missing/deep/assets/site-gen.css (HTTP 404) when the 404 page is"
                + " served at depth")), String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.contains("'index.html' is broken")), String.join("\n", problems));
    }

    @Test
    void aSitemapEntryThatDoesNotResolveIsAnError() throws Exception {
        Fixture.write(root, SITE);
        build("https://o.github.io/repo/", config());
        Path sitemap = out().resolve("sitemap.xml");
        Files.writeString(sitemap, Files.readString(sitemap).replace("/repo/b/", "/repo/c/")
                .replace("</urlset>", "<url><loc>https://elsewhere.example/x/</loc></url></urlset>"));
        List<String> problems = problems(new SiteVerifier(out(), "https://o.github.io/repo/", false).verify());
        assertEquals(List.of("out/sitemap.xml: error: sitemap entry 'https://o.github.io/repo/c/' does not resolve (HTTP 404)",
                "out/sitemap.xml: error: sitemap entry 'https://elsewhere.example/x/' is not under https://o.github.io/repo/"
                        + " (a sitemap may list only URLs below its own folder)"), problems);
    }

    @Test
    void brokenLinksWrittenByAuthorsAreWarningsUnlessStrict() throws Exception {
        Fixture.write(root, SITE.replace("See [two](../b/index.html#two).", "See [two](../b/index.html#tow)."));
        SiteVerifier.Report report = build("", config());
        assertFalse(report.failed());
        assertEquals(List.of("out/a/index.html:" + position(out().resolve("a/index.html"), "<a href=\"../b/index.html#tow\"")
                + ": warning: link in authored content: '../b/index.html#tow' points to"
                + " a missing anchor: no id=\"tow\" in /b/index.html (fix the link in the content file)",
                "out/all.html:" + position(out().resolve("all.html"), "<a href=\"b/index.html#tow\"")
                + ": warning: link in authored content: 'b/index.html#tow' points to"
                + " a missing anchor: no id=\"tow\" in /b/index.html (fix the link in the content file)"), problems(report));
        assertTrue(new SiteVerifier(out(), "", true).verify().failed());
    }

    @Test
    void aLinkToAnotherPlaceOnTheHostThanTheBasePathIsAnError() throws Exception {
        Fixture.write(root, SITE + """
                -- templates/index.ftlh --
                <!DOCTYPE html><html lang="en"><head><title>x</title></head><body>
                <#list topics as t><a href="${url(t)}">${t.title}</a></#list> <a href="/elsewhere/">out</a></body></html>
                """);
        List<String> problems = problems(build("https://o.github.io/repo", config().templateDirectory(root.resolve("templates"))));
        assertTrue(problems.stream().anyMatch(p -> p.contains("'/elsewhere/' leaves the site's base path /repo/")),
                String.join("\n", problems));
    }

    @Test
    void theServerBehavesLikeGitHubPages() throws Exception {
        Fixture.write(root, """
                -- site/index.html --
                home
                -- site/dir/index.html --
                dir
                -- site/page.html --
                page
                -- site/404.html --
                missing
                """);
        try (PagesServer server = new PagesServer(root.resolve("site"), "/repo/")) {
            HttpClient client = HttpClient.newHttpClient();
            URI base = server.baseUri();
            assertEquals("home\n", get(client, base).body());
            assertEquals("dir\n", get(client, base.resolve("dir/")).body());
            HttpResponse<String> redirect = get(client, base.resolve("dir"));
            assertEquals(301, redirect.statusCode());
            assertEquals("/repo/dir/", redirect.headers().firstValue("Location").orElseThrow());
            assertEquals("page\n", get(client, base.resolve("page")).body());
            HttpResponse<String> missing = get(client, base.resolve("a/b/c"));
            assertEquals(404, missing.statusCode());
            assertEquals("missing\n", missing.body());
            assertEquals(404, get(client, base.resolve("../index.html")).statusCode(), "outside the base path");
            assertEquals(404, get(client, base.resolve("PAGE.html")).statusCode(), "paths are case-sensitive");
            assertEquals(404, get(client, base.resolve("DIR/index.html")).statusCode(), "on macOS and Windows too");
            assertEquals(404, get(client, base.resolve("dir%5Cindex.html")).statusCode(), "a backslash is no separator");
            assertEquals(404, get(client, base.resolve("x%3Apage.html")).statusCode(), "nor is a colon a drive");
        }
    }

    /** "line:column" (1-based) of the first occurrence of {@code text} in {@code file}. */
    private static String position(Path file, String text) throws java.io.IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            int column = lines.get(i).indexOf(text);
            if (column >= 0) {
                return (i + 1) + ":" + (column + 1);
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void linksToFilesWithAPlusOrASpaceInTheirNamesResolve() throws Exception {
        Fixture.write(root, """
                -- content/a.yaml --
                title: A
                questions:
                  - id: one
                    question: One?
                    answer: See [plus](../c++.txt), [space](../a%20b.txt) and [encoded plus](../c%2B%2B.txt).
                -- static/c++.txt --
                plus
                -- static/a b.txt --
                space
                """);
        SiteVerifier.Report report = build("", config().staticDirectory(root.resolve("static")));
        assertEquals(List.of(), problems(report));
    }
}
