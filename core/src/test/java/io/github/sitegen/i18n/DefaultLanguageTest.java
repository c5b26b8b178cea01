package io.github.sitegen.i18n;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.check.ContentCheck;
import nu.validator.client.EmbeddedValidator;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default language of a multilingual site (a root site.yaml's defaultLanguage, else the first
 * language folder by name) speaks on the root pages, and every page names the root language
 * chooser as its hreflang="x-default".
 */
class DefaultLanguageTest {

    private static final String BASE = "https://acme.github.io/faq/";

    /** Three languages; their folders sort de, en, fr. */
    private static final String LANGUAGES = """
            -- content/en/site.yaml --
            title: Widget help
            -- content/en/billing.yaml --
            title: Billing
            questions:
              - id: pay
                question: How do I pay for a widget?
                answer: Pay by card or by bank transfer on the order page.
            -- content/de/site.yaml --
            title: Widget-Hilfe
            -- content/de/billing.yaml --
            title: Rechnungen
            questions:
              - id: pay
                question: Wie bezahle ich ein Widget?
                answer: Bezahlen Sie per Karte oder per Überweisung auf der Bestellseite.
            -- content/fr/site.yaml --
            title: Aide Widget
            -- content/fr/billing.yaml --
            title: Facturation
            questions:
              - id: pay
                question: Comment payer un widget ?
                answer: Payez par carte ou par virement sur la page de commande.
            """;

    @TempDir
    Path root;

    private SiteGenConfig.Builder config(String baseUrl) {
        return SiteGenConfig.builder(root.resolve("content"), root.resolve("out")).projectDirectory(root).baseUrl(baseUrl);
    }

    private Path out() {
        return root.resolve("out");
    }

    @Test
    void theRootPageAndTheRoot404PageAreInTheDefaultLanguageNamedInTheRootSiteYaml() throws Exception {
        Fixture.write(root, LANGUAGES + """
                -- content/site.yaml --
                defaultLanguage: fr
                """);
        Fixture.build(config(BASE));
        Document chooser = Fixture.html(out().resolve("index.html"));
        assertEquals("fr", chooser.selectFirst("html").attr("lang"));
        assertEquals("Aide Widget", chooser.title());
        assertEquals("Choisissez votre langue", chooser.selectFirst("h2").text());
        Document notFound = Fixture.html(out().resolve("404.html"));
        assertEquals("fr", notFound.selectFirst("html").attr("lang"));
        assertEquals("Page introuvable", notFound.selectFirst("h1").text());
        assertTrue(notFound.select(".topic-nav a").eachAttr("href").stream().allMatch(href -> href.startsWith("/faq/fr/")),
                notFound.select(".topic-nav a").eachAttr("href").toString());
        // The languages stay listed in folder order; only the page's own language changes.
        assertEquals(List.of("de/index.html", "en/index.html", "fr/index.html"),
                chooser.select(".language-list a").eachAttr("href"));
    }

    @Test
    void aDefaultLanguageIsMatchedRegardlessOfCaseAndUnderscore() throws Exception {
        Fixture.write(root, LANGUAGES.replace("content/en/", "content/pt_BR/") + """
                -- content/site.yaml --
                defaultLanguage: PT-br
                """);
        Fixture.build(config(BASE));
        assertEquals("pt-BR", Fixture.html(out().resolve("index.html")).selectFirst("html").attr("lang"));
    }

    @Test
    void withoutADefaultLanguageTheFirstFolderByNameIsTheDefault() throws Exception {
        Fixture.write(root, LANGUAGES);
        Fixture.build(config(BASE));
        assertEquals("de", Fixture.html(out().resolve("index.html")).selectFirst("html").attr("lang"));
        assertEquals("de", Fixture.html(out().resolve("404.html")).selectFirst("html").attr("lang"));
    }

    @Test
    void aDefaultLanguageThatNamesNoFolderIsAnErrorAtItsValueFromGenerateAndCheck() throws Exception {
        Fixture.write(root, LANGUAGES + """
                -- content/site.yaml --
                # The language of the root page.
                defaultLanguage: it
                """);
        String expected = "content/site.yaml:2:18: error: defaultLanguage 'it' names none of the language folders"
                + " (use one of: de, en, fr)";
        Fixture.assertHasLine(Fixture.failures(root, config("")), expected);
        Fixture.assertHasLine(ContentCheck.run(config("").build(), LocalDate.of(2026, 11, 27)).problems().stream()
                .map(p -> p.format(root)).toList(), expected);
    }

    @Test
    void theRootSiteYamlAcceptsOnlyDefaultLanguage() throws Exception {
        Fixture.write(root, LANGUAGES + """
                -- content/site.yaml --
                defaultLanguage: en
                title: Widgets
                """);
        Fixture.assertHasLine(Fixture.failures(root, config("")),
                "content/site.yaml:2:1: error: unknown key 'title' in the site.yaml of a multilingual site");
    }

    @Test
    void everyPageNamesTheRootLanguageChooserAsXDefault() throws Exception {
        Fixture.write(root, LANGUAGES + """
                -- content/site.yaml --
                defaultLanguage: en
                """);
        Fixture.build(config(BASE));
        for (String page : List.of("index.html", "404.html", "de/index.html", "en/index.html", "fr/billing/index.html")) {
            Document html = Fixture.html(out().resolve(page));
            assertEquals(List.of(BASE), html.select("link[rel=alternate][hreflang=x-default]").eachAttr("href"), page);
        }
        assertTrue(Files.readString(out().resolve("de/sitemap.xml"))
                .contains("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"" + BASE + "\"/>"));
    }

    @Test
    void withoutABaseUrlXDefaultLinksToTheRootPageFromWherePagesAre() throws Exception {
        Fixture.write(root, LANGUAGES);
        Fixture.build(config(""));
        assertEquals("index.html", xDefault("index.html"));
        assertEquals("../index.html", xDefault("en/index.html"));
        assertEquals("../../index.html", xDefault("fr/billing/index.html"));
        assertEquals("/index.html", xDefault("404.html"), "the 404 page is served at any depth");
    }

    @Test
    void aSingleLanguageSiteHasNoXDefault() throws Exception {
        Fixture.write(root, LANGUAGES.replace("content/en/", "content/"));
        Fixture.build(config(BASE));
        assertTrue(Fixture.html(out().resolve("index.html")).select("link[hreflang]").isEmpty());
        assertTrue(Fixture.html(out().resolve("billing/index.html")).select("link[hreflang]").isEmpty());
    }

    private String xDefault(String page) throws Exception {
        return Fixture.html(out().resolve(page)).selectFirst("link[rel=alternate][hreflang=x-default]").attr("href");
    }

    @Test
    void withoutJavaScriptTheRootPageListsEveryLanguageByItsOwnName() throws Exception {
        Fixture.write(root, LANGUAGES + """
                -- content/site.yaml --
                defaultLanguage: en
                """);
        Fixture.build(config(BASE));
        Document chooser = Fixture.html(out().resolve("index.html"));
        List<Element> links = chooser.select("main .language-list a");
        assertEquals(List.of("Deutsch", "English", "Français"), links.stream().map(Element::text).toList());
        assertEquals(List.of("de", "en", "fr"), links.stream().map(a -> a.attr("lang")).toList());
        assertEquals(List.of("de", "en", "fr"), links.stream().map(a -> a.attr("hreflang")).toList());
        assertTrue(chooser.select("noscript").isEmpty(), "the list is the page, not a fallback");
    }

    @Test
    void thePagesAreNuValidAndTheSameBytesOnEveryBuild() throws Exception {
        Fixture.write(root, LANGUAGES + """
                -- content/site.yaml --
                defaultLanguage: fr
                """);
        Fixture.build(config(BASE));
        List<Path> files = files(out());
        List<byte[]> first = new ArrayList<>();
        for (Path file : files) {
            first.add(Files.readAllBytes(out().resolve(file)));
        }
        Fixture.build(config(BASE));
        assertEquals(files, files(out()));
        for (int i = 0; i < files.size(); i++) {
            assertArrayEquals(first.get(i), Files.readAllBytes(out().resolve(files.get(i))), files.get(i).toString());
        }
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        List<String> errors = new ArrayList<>();
        for (Path file : files) {
            if (file.toString().endsWith(".html")) {
                for (String line : validator.validate(out().resolve(file)).split("\\R")) {
                    if (line.contains(": error:") || line.contains(": fatal:")) {
                        errors.add(file + " " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), errors);
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(folder::relativize).sorted().toList();
        }
    }
}
