package io.github.sitegen.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteCheck;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.render.Urls;
import io.github.sitegen.verify.SiteVerifier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The map old links follow (links.js) and the pages at topics' previous pages. */
public class OldLinksTest {

    /** A topic renamed from billing to payments, which keeps its old pages and anchors. */
    public static final String SITE = """
            -- content/payments.yaml --
            title: Payments
            order: 1
            previousIds: [Paying]
            previousPages: [billing/, faq.html, help/Billing.html]
            questions:
              - id: change-payment-method
                question: How do I change my payment method?
                answer: Open the billing settings.
                previousIds: [How_to_pay.3F]
            -- content/accounts.yaml --
            title: Accounts
            order: 2
            questions:
              - id: reset-password
                question: How do I reset my password?
                answer: Use the link on the sign-in page.
            """;

    @TempDir
    Path root;

    private Path out() {
        return root.resolve("out");
    }

    private SiteGenConfig.Builder config(String baseUrl) {
        return SiteGenConfig.builder(root.resolve("content"), out()).projectDirectory(root).baseUrl(baseUrl);
    }

    @Test
    void theMapNamesTheTopicPageOfEveryIdPreviousIdAndPreviousPage() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(config(""));
        assertEquals("window.siteGenLinks = {\"version\":1,\"topics\":[\"payments/index.html\",\"accounts/index.html\"],"
                + "\"pages\":{\"billing/index.html\":0,\"faq.html\":0,\"help/Billing.html\":0},\"parts\":0,"
                + "\"ids\":{\"change-payment-method\":0,\"How_to_pay.3F\":0,\"reset-password\":1,\"Paying\":0}};\n",
                Files.readString(out().resolve(Urls.LINKS)));
    }

    @Test
    void aLargeSitesMapKeepsItsIdsInPartsThatEachHoldTheIdsOfItsHash() throws Exception {
        StringBuilder spec = new StringBuilder("-- content/many.yaml --\ntitle: Many\nquestions:\n");
        for (int i = 0; i < LinksMap.IDS_PER_PART + 1; i++) {
            spec.append("  - {id: q").append(i).append(", question: \"Question ").append(i).append("?\", answer: A.}\n");
        }
        Fixture.write(root, spec.toString());
        Fixture.build(config(""));
        assertTrue(Files.readString(out().resolve(Urls.LINKS)).endsWith("\"parts\":2,\"ids\":{}};\n"));
        for (int part = 0; part < 2; part++) {
            String text = Files.readString(out().resolve("links/p" + part + ".js"));
            assertTrue(text.startsWith("Object.assign(window.siteGenLinks.ids, {"), text);
            for (int i = 0; i <= LinksMap.IDS_PER_PART; i++) {
                String id = "q" + i;
                assertEquals(LinksMap.part(id, 2) == part, text.contains("\"" + id + "\":0"), id + " in part " + part);
            }
        }
    }

    @Test
    void eachPreviousPageSendsReadersOnWithARefreshALinkAndACanonicalAndIsNotForSearchEngines() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(config("https://acme.github.io/faq"));
        Document billing = Jsoup.parse(out().resolve("billing/index.html").toFile(), "UTF-8");
        assertEquals("../payments/index.html", billing.selectFirst("html").attr("data-moved-to"));
        assertEquals("0; url=../payments/index.html", billing.selectFirst("noscript meta[http-equiv=refresh]").attr("content"));
        assertEquals("https://acme.github.io/faq/payments/", billing.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("noindex", billing.selectFirst("meta[name=robots]").attr("content"));
        assertEquals("../payments/index.html", billing.selectFirst("main a").attr("href"));
        assertEquals("Payments", billing.selectFirst("main a").text());
        assertEquals("../payments/index.html",
                Jsoup.parse(out().resolve("help/Billing.html").toFile(), "UTF-8").selectFirst("main a").attr("href"));
        assertEquals("payments/index.html",
                Jsoup.parse(out().resolve("faq.html").toFile(), "UTF-8").selectFirst("main a").attr("href"));
        String sitemap = Files.readString(out().resolve(Urls.SITEMAP));
        assertFalse(sitemap.contains("billing") || sitemap.contains("faq.html"), sitemap);
        SiteCheck.assertValidHtml(out());
    }

    @Test
    void withoutABaseUrlThePreviousPagesCanonicalIsItsTopicsPage() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(config(""));
        assertEquals("payments/index.html", Jsoup.parse(out().resolve("faq.html").toFile(), "UTF-8")
                .selectFirst("link[rel=canonical]").attr("href"));
    }

    @Test
    void verifyChecksThePreviousPagesAndTheirTargets() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(config("https://acme.github.io/faq"));
        SiteVerifier.Report report = new SiteVerifier(out(), "https://acme.github.io/faq/", false).verify();
        assertEquals(List.of(), report.problems());
        assertEquals(3, report.movedPages());
        assertTrue(report.summary().contains(", 3 previous pages, 404 page checked at depth"), report.summary());

        Files.writeString(out().resolve("faq.html"), Files.readString(out().resolve("faq.html"))
                .replace("payments/index.html", "payment/index.html"));
        List<String> problems = new SiteVerifier(out(), "https://acme.github.io/faq/", false).verify().problems().stream()
                .map(p -> p.format(out())).toList();
        Fixture.assertHasLine(problems, "faq.html:6:11: error: 'payment/index.html' is broken: no file at /faq/payment/index.html");
        Fixture.assertHasLine(problems, "faq.html:17:27: error: 'payment/index.html' is broken");
    }

    @Test
    void aMultilingualSiteHasAMapAndPreviousPagesPerLanguage() throws Exception {
        Fixture.write(root, SITE.replace("content/", "content/en/") + """
                -- content/de/site.yaml --
                language: de
                -- content/de/zahlungen.yaml --
                title: Zahlungen
                previousPages: [faq.html]
                questions:
                  - id: change-payment-method
                    question: Wie ändere ich die Zahlungsart?
                    answer: In den Einstellungen.
                """);
        Fixture.build(config("https://acme.github.io/faq"));
        assertTrue(Files.readString(out().resolve("de/links.js")).contains("\"pages\":{\"faq.html\":0}"));
        assertTrue(Files.readString(out().resolve("en/links.js")).contains("\"faq.html\":0"));
        Document german = Jsoup.parse(out().resolve("de/faq.html").toFile(), "UTF-8");
        assertEquals("de", german.selectFirst("html").attr("lang"));
        assertEquals("zahlungen/index.html", german.selectFirst("main a").attr("href"));
        assertEquals("../assets/site-gen.css", german.selectFirst("link[rel=stylesheet]").attr("href"));
        assertFalse(Files.exists(out().resolve("faq.html")));
        Document notFound = Jsoup.parse(out().resolve("404.html").toFile(), "UTF-8");
        assertEquals("/faq/de/ /faq/en/", notFound.selectFirst("[data-sg-not-found]").attr("data-roots"));
        assertEquals(List.of(), new SiteVerifier(out(), "https://acme.github.io/faq/", false).verify().problems());
    }

    @Test
    void twoBuildsWriteTheSameBytes() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(config("https://acme.github.io/faq"));
        var first = Fixture.contents(out());
        Fixture.build(config("https://acme.github.io/faq"));
        Fixture.assertSameFiles(first, Fixture.contents(out()));
    }
}
