package io.github.sitegen.theme;

import static io.github.sitegen.Fixture.assertHasLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteCheck;
import io.github.sitegen.SiteGenConfig;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Branding and reader links from site.yaml: logo, links, footer, editUrl and askUrl. */
class BrandingTest {

    static final String SITE = """
            -- content/site.yaml --
            title: Acme help
            logo: img/logo.svg
            links:
              - text: Acme
                url: https://acme.example/
              - text: Write to us
                url: mailto:help@acme.example
              - text: Terms
                url: legal/terms.html
            footer: |
              © 2026 Acme · [Privacy](https://acme.example/privacy) <script>alert(1)</script>
            editUrl: https://github.com/acme/faq/edit/main/src/site-gen/content/{file}
            askUrl: https://github.com/acme/faq/issues/new?title={query}
            -- content/billing.yaml --
            title: Billing
            questions:
              - question: How do I pay?
                answer: By card.
              - question: Can I get an invoice?
                answer: Yes.
            -- content/account.yml --
            title: Account
            questions:
              - question: How do I sign in?
                answer: With your e-mail address.
            -- static/img/logo.svg --
            <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>
            -- static/legal/terms.html --
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Terms</title></head><body><p>Terms</p></body></html>
            """;

    @TempDir
    Path root;

    private SiteGenConfig.Builder config() {
        return SiteGenConfig.builder(root.resolve("content"), root.resolve("out")).projectDirectory(root)
                .staticDirectory(root.resolve("static")).baseUrl("https://acme.github.io/faq");
    }

    @Test
    void everyPageShowsTheLogoLinksAndFooterAndTopicPagesEditAndAskLinks() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(config());
        Path out = root.resolve("out");
        Map<String, String> pages = new TreeMap<>(Map.of("index.html", "", "billing/index.html", "../",
                "account/index.html", "../", "404.html", "/faq/"));
        pages.forEach((page, up) -> {
            Document html = html(out.resolve(page));
            Element title = html.selectFirst("header .site-title");
            Element logo = title.selectFirst("img.site-logo");
            assertEquals(up + "img/logo.svg", logo.attr("src"), page);
            assertEquals("", logo.attr("alt"), page + ": the title next to it names the link, once");
            assertTrue(logo.hasAttr("alt"));
            assertEquals("Acme help", title.text(), page);
            List<String> links = html.select("header nav.site-links a").stream()
                    .map(a -> a.text() + " " + a.attr("href")).toList();
            assertEquals(List.of("Acme https://acme.example/", "Write to us mailto:help@acme.example",
                    "Terms " + up + "legal/terms.html"), links, page);
            Element footer = html.selectFirst("footer.site-footer .footer-text");
            assertEquals("© 2026 Acme · Privacy", footer.text(), page);
            assertEquals("https://acme.example/privacy", footer.selectFirst("a").attr("href"));
            assertTrue(footer.select("script").isEmpty(), "the footer is sanitised like the introduction");
            Element search = html.selectFirst("form.search");
            assertEquals("https://github.com/acme/faq/issues/new?title={query}", search.attr("data-ask"), page);
            assertEquals("Ask a question", search.attr("data-ask-text"), page);
        });
        Document billing = html(out.resolve("billing/index.html"));
        List<Element> edits = billing.select(".question .question-links a.edit-link");
        assertEquals(2, edits.size());
        for (Element edit : edits) {
            assertEquals("https://github.com/acme/faq/edit/main/src/site-gen/content/billing.yaml", edit.attr("href"));
            assertEquals("Edit this answer", edit.text());
            assertEquals(1, edit.closest("section.question").select("summary h2").size(),
                    "in its own question's section, after the heading that names the question");
        }
        assertEquals("https://github.com/acme/faq/edit/main/src/site-gen/content/account.yml",
                html(out.resolve("account/index.html")).selectFirst("a.edit-link").attr("href"));
        Element ask = billing.selectFirst("main p.ask");
        assertEquals("Did not find your answer? Ask a question", ask.text());
        assertEquals("https://github.com/acme/faq/issues/new?title=", ask.selectFirst("a").attr("href"));
        assertTrue(html(out.resolve("index.html")).select("a.edit-link, p.ask").isEmpty(), "only topic pages");
        SiteCheck.assertValidHtml(out);
    }

    @Test
    void theInterfaceStringsAreInTheSitesLanguage() throws Exception {
        Fixture.write(root, SITE.replace("title: Acme help", "title: Acme Hilfe\nlanguage: de"));
        Fixture.build(config());
        Document billing = html(root.resolve("out/billing/index.html"));
        assertEquals("Diese Antwort bearbeiten", billing.selectFirst("a.edit-link").text());
        assertEquals("Keine Antwort gefunden? Frage stellen", billing.selectFirst("p.ask").text());
        assertEquals("Links", billing.selectFirst("nav.site-links").attr("aria-label"));
    }

    @Test
    void onAMultilingualSiteTheLogoIsFromTheRootAndEditLinksNameTheLanguageFolder() throws Exception {
        Fixture.write(root, SITE.replace("-- content/", "-- content/en/") + """
                -- content/de/site.yaml --
                title: Acme Hilfe
                logo: img/logo.svg
                editUrl: https://github.com/acme/faq/edit/main/content/{file}
                -- content/de/rechnung und zahlung.yaml --
                title: Rechnung
                questions:
                  - question: Wie bezahle ich?
                    answer: Mit Karte.
                """.replace("rechnung und zahlung", "rechnung"));
        Fixture.build(config());
        Path out = root.resolve("out");
        Document de = html(out.resolve("de/rechnung/index.html"));
        assertEquals("../../img/logo.svg", de.selectFirst("img.site-logo").attr("src"));
        assertEquals("https://github.com/acme/faq/edit/main/content/de/rechnung.yaml",
                de.selectFirst("a.edit-link").attr("href"));
        Document en = html(out.resolve("en/index.html"));
        assertEquals("../img/logo.svg", en.selectFirst("img.site-logo").attr("src"));
        assertEquals("../legal/terms.html", en.select("nav.site-links a").last().attr("href"));
        assertEquals("/faq/img/logo.svg", html(out.resolve("404.html")).selectFirst("img.site-logo").attr("src"));
        assertTrue(Files.isRegularFile(out.resolve("img/logo.svg")));
        SiteCheck.assertValidHtml(out);
    }

    @Test
    void editLinksEncodeEachPartOfTheFilesPath() {
        Path content = Path.of("content");
        assertEquals("https://x.example/e/de%20ch/caf%C3%A9.yaml?plain=1",
                io.github.sitegen.content.ContentLoader.editLink("https://x.example/e/{file}?plain=1", content,
                        content.resolve("de ch").resolve("café.yaml")));
    }

    @Test
    void withoutTheKeysNothingIsShown() throws Exception {
        Fixture.write(root, SITE.replaceAll("(?s)-- content/site.yaml --.*?-- content/billing", "-- content/billing"));
        Fixture.build(config());
        for (String page : List.of("index.html", "billing/index.html", "404.html")) {
            Document html = html(root.resolve("out").resolve(page));
            assertTrue(html.select("img, nav.site-links, .footer-text, a.edit-link, p.ask, [data-ask]").isEmpty(), page);
        }
    }

    @Test
    void wrongValuesAreErrorsAtTheirPlace() throws Exception {
        Fixture.write(root, """
                -- content/site.yaml --
                logo: img/missing.svg
                links:
                  - text: ""
                    url: https://acme.example/
                  - text: Bad
                    url: javascript:alert(1)
                  - just text
                  - text: No URL
                footer: [a, b]
                editUrl: https://github.com/acme/faq/edit/main/content/
                askUrl: ftp://acme.example/{query}
                -- content/billing.yaml --
                title: Billing
                questions:
                  - question: How do I pay?
                    answer: By card.
                """);
        List<String> problems = Fixture.failures(root, config());
        assertHasLine(problems, "content/site.yaml:1:7: error: 'logo' names img/missing.svg, which is not a file of the static folder");
        assertHasLine(problems, "content/site.yaml:3:11: error: 'text' of a link of 'links' is empty");
        assertHasLine(problems, "content/site.yaml:6:10: error: 'url' of a link must be an https, http or mailto URL, or a path in the site, not 'javascript:alert(1)'");
        assertHasLine(problems, "content/site.yaml:7:5: error: a link of 'links' must be a mapping of keys to values");
        assertHasLine(problems, "content/site.yaml:8:5: error: a link of 'links' has no 'url'");
        assertHasLine(problems, "content/site.yaml:9:9: error: 'footer' of site.yaml must be text, not a list");
        assertHasLine(problems, "content/site.yaml:10:10: error: 'editUrl' has no {file}");
        assertHasLine(problems, "content/site.yaml:11:9: error: 'askUrl' must be an absolute http(s) or mailto URL");

        Fixture.write(root, """
                -- content/site.yaml --
                logo: http://acme.example/logo.svg
                links: https://acme.example/
                """);
        problems = Fixture.failures(root, config());
        assertHasLine(problems, "content/site.yaml:1:7: error: 'logo' must be a file of the static folder or an https:// URL");
        Fixture.write(root, """
                -- content/site.yaml --
                logo: .brand/logo.svg
                -- static/.brand/logo.svg --
                <svg xmlns="http://www.w3.org/2000/svg"/>
                """);
        assertHasLine(Fixture.failures(root, config()), "content/site.yaml:1:7: error: 'logo' names .brand/logo.svg, which"
                + " the site never publishes");
        assertHasLine(problems, "content/site.yaml:2:8: error: 'links' of site.yaml must be a list");
    }

    /** Found in review: the footer was written for the home page and printed unchanged one folder down. */
    @Test
    void theFootersRelativeLinksLeadToTheSameFileFromEveryPage() throws Exception {
        Fixture.write(root, SITE.replace("© 2026 Acme · [Privacy](https://acme.example/privacy)",
                "© 2026 Acme · [Terms](legal/terms.html) · [Privacy](https://acme.example/privacy)"));
        Fixture.build(config());
        Path out = root.resolve("out");
        Map<String, String> expected = Map.of("index.html", "legal/terms.html", "billing/index.html", "../legal/terms.html",
                "404.html", "/faq/legal/terms.html");
        expected.forEach((page, href) -> {
            Element footer = html(out.resolve(page)).selectFirst("footer.site-footer .footer-text");
            assertEquals(href, footer.selectFirst("a").attr("href"), page);
            assertEquals("https://acme.example/privacy", footer.select("a").get(1).attr("href"), page);
        });
    }

    private static Document html(Path file) {
        try {
            return Fixture.html(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
