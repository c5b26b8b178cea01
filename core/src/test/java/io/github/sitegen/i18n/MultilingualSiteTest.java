package io.github.sitegen.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import io.github.sitegen.BuildListener;
import io.github.sitegen.Fixture;
import io.github.sitegen.SiteCheck;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;
import io.github.sitegen.TestContent;
import io.github.sitegen.verify.SiteVerifier;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The Bitcoin.org FAQ in six languages, one content folder each, built as one site. */
class MultilingualSiteTest {

    private static final String BASE = "https://example.github.io/bitcoin-faq/";
    private static final List<String> LANGUAGES = List.of("ar", "de", "en", "ja", "ru", "zh-cn");

    @TempDir
    static Path root;

    private static Path site;
    private static SiteGenerator.Result result;

    @BeforeAll
    static void build() throws Exception {
        site = root.resolve("site");
        result = new SiteGenerator().generate(SiteGenConfig.builder(TestContent.multilingual(), site).baseUrl(BASE).build(),
                BuildListener.SILENT);
    }

    @Test
    void everyLanguageGetsAFolderAndTheRootSendsReadersToTheirs() throws Exception {
        for (String language : LANGUAGES) {
            assertTrue(Files.isRegularFile(site.resolve(language).resolve("index.html")), language);
            assertTrue(Files.isRegularFile(site.resolve(language).resolve("search-index.js")), "search per language");
            assertTrue(Files.isRegularFile(site.resolve(language).resolve("faq.json")), language);
        }
        Document chooser = Fixture.html(site.resolve("index.html"));
        assertEquals(LANGUAGES.stream().map(l -> l + "/index.html").toList(), chooser.select(".language-list a").eachAttr("href"));
        assertEquals(List.of("العربية", "Deutsch", "English", "日本語", "Русский", "中文 (中国)"),
                chooser.select(".language-list a").eachText());
        assertTrue(chooser.selectFirst("script").data().contains("navigator.languages"));
        assertTrue(Files.isRegularFile(site.resolve("404.html")));
        assertEquals(289, result.questions());
    }

    @Test
    void everyQuestionIsOnTheSiteInItsLanguage() throws Exception {
        for (String folder : List.of("ar", "de", "en", "ja", "ru", "zh_CN")) {
            Path content = TestContent.multilingual().resolve(folder);
            Path out = site.resolve(folder.toLowerCase().replace('_', '-'));
            try (Stream<Path> files = Files.list(content)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    Document page = Fixture.html(out.resolve(file.getFileName().toString().replace(".yaml", ""))
                            .resolve("index.html"));
                    assertEquals(questions(file), Fixture.questions(page).stream().map(Fixture.PageQuestion::question).toList(), file.toString());
                }
            }
        }
    }

    @Test
    void pagesLinkTheirTranslationsAndRightToLeftLanguagesAreMarked() throws Exception {
        Document german = Fixture.html(site.resolve("de/security/index.html"));
        assertEquals("de", german.selectFirst("html").attr("lang"));
        assertEquals("ltr", german.selectFirst("html").attr("dir"));
        List<Element> switcher = german.select("nav.languages a");
        assertEquals(6, switcher.size());
        assertEquals("../../ar/security/index.html", switcher.get(0).attr("href"));
        assertEquals("true", german.selectFirst("nav.languages a[hreflang=de]").attr("aria-current"));
        assertEquals(BASE + "en/security/", german.selectFirst("link[rel=alternate][hreflang=en]").attr("href"));
        assertEquals("Themen", german.selectFirst(".topic-nav-title").text(), "German interface strings");
        Document arabic = Fixture.html(site.resolve("ar/index.html"));
        assertEquals("rtl", arabic.selectFirst("html").attr("dir"));
        assertEquals("ar", arabic.selectFirst("html").attr("lang"));
    }

    @Test
    void theSitemapListsEveryLanguageWithItsAlternates() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var index = factory.newDocumentBuilder().parse(site.resolve("sitemap.xml").toFile());
        assertEquals("sitemapindex", index.getDocumentElement().getLocalName());
        var locs = index.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        List<String> sitemaps = new ArrayList<>();
        for (int i = 0; i < locs.getLength(); i++) {
            sitemaps.add(locs.item(i).getTextContent());
        }
        assertEquals(LANGUAGES.stream().map(l -> BASE + l + "/sitemap.xml").toList(), sitemaps);
        var german = factory.newDocumentBuilder().parse(site.resolve("de/sitemap.xml").toFile());
        var links = german.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "link");
        assertEquals(7 * 8, links.getLength(), "home and 7 topics, each with 6 languages and x-default");
        assertTrue(Files.readString(site.resolve("robots.txt")).contains("Sitemap: " + BASE + "sitemap.xml"));
    }

    @Test
    void theWholeSitePassesVerifyAndItsOwnLinksAllResolve() throws Exception {
        SiteVerifier.Report report = new SiteVerifier(site, BASE, false).verify();
        assertFalse(report.failed(), report.summary());
        assertEquals(55, report.pages(), "the chooser, six homes, six pages with every question and 42 topic pages");
        assertEquals(List.of(), report.problems().stream().filter(p -> p.isError()).toList());
    }

    @Test
    void withoutABaseUrlTheRoot404PageLinksIntoItsLanguagesFolder() throws Exception {
        Path local = root.resolve("local");
        new SiteGenerator().generate(SiteGenConfig.builder(TestContent.multilingual(), local).build(), BuildListener.SILENT);
        assertEquals(List.of(), SiteCheck.brokenLinks(local));
        Document notFound = Fixture.html(local.resolve("404.html"));
        String folder = "/" + notFound.selectFirst("html").attr("lang").toLowerCase(Locale.ROOT) + "/";
        List<String> links = notFound.select(".topic-nav a[href]").eachAttr("href");
        assertTrue(!links.isEmpty() && links.stream().allMatch(href -> href.startsWith(folder)), folder + " " + links);
    }

    @SuppressWarnings("unchecked")
    private static List<String> questions(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> topic = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return ((List<Map<String, Object>>) topic.get("questions")).stream()
                    .map(q -> String.valueOf(q.get("question")).strip().replaceAll("\\s+", " ")).toList();
        }
    }
}
