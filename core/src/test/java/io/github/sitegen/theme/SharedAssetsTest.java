package io.github.sitegen.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.ThemeFixture;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A multilingual site writes the theme's assets once, at its root, and every language links them there. */
class SharedAssetsTest {

    private static final String BILINGUAL = """
            -- content/en/billing.yaml --
            title: Billing
            questions:
              - question: How do I pay?
                answer: By card.
            -- content/de/billing.yaml --
            title: Rechnung
            questions:
              - question: Wie bezahle ich?
                answer: Mit Karte.
            """;

    @TempDir
    Path root;

    @Test
    void theAssetsAreWrittenOnceAtTheRootAndLinkedFromEveryLanguage() throws Exception {
        Fixture.write(root, BILINGUAL + """
                -- templates/assets/extra.css --
                :root { --accent: #8a1538; }
                """);
        Fixture.build(SiteGenConfig.builder(root.resolve("content"), root.resolve("out")).projectDirectory(root)
                .templateDirectory(root.resolve("templates")).baseUrl("https://acme.github.io/faq"));
        Path out = root.resolve("out");
        assertEquals(List.of("assets/extra.css", "assets/favicon.svg", "assets/site-gen-feedback.js", "assets/site-gen-links.js", "assets/site-gen-search.js", "assets/site-gen.css",
                "assets/site-gen.js"), assets(out));
        assertFalse(Files.exists(out.resolve("de/assets")));
        check(out.resolve("de/index.html"), "../assets/");
        check(out.resolve("en/billing/index.html"), "../../assets/");
        check(out.resolve("404.html"), "/faq/assets/");
        check(out.resolve("index.html"), "assets/");
    }

    @Test
    void aThemesAssetsAndThoseOfTheThemeItExtendsAreWrittenOnceAtTheRootAndLinkedFromEveryLanguage() throws Exception {
        Fixture.write(root, BILINGUAL + ThemeLookupTest.PARENT);
        Path child = ThemeFixture.jar(root.resolve("child.jar"), ThemeLookupTest.CHILD);
        Fixture.build(SiteGenConfig.builder(root.resolve("content"), root.resolve("out")).projectDirectory(root)
                .baseUrl("https://acme.github.io/faq").theme("child", ThemeFixture.classPath(child, root.resolve("parent-classes"))));
        Path out = root.resolve("out");
        assertEquals(List.of("assets/extra.css", "assets/extra.js", "assets/favicon.svg", "assets/parent.svg",
                "assets/site-gen-feedback.js", "assets/site-gen-links.js", "assets/site-gen-search.js", "assets/site-gen.css", "assets/site-gen.js"), assets(out));
        check(out.resolve("de/index.html"), "../assets/");
        check(out.resolve("en/billing/index.html"), "../../assets/");
        check(out.resolve("404.html"), "/faq/assets/");
        check(out.resolve("index.html"), "assets/");
        assertEquals("child topics", Fixture.html(out.resolve("en/index.html")).selectFirst(".topic-nav-title").text());
        assertEquals("Themen", Fixture.html(out.resolve("de/index.html")).selectFirst(".topic-nav-title").text(),
                "the theme's English strings do not replace the built-in German ones");
    }

    private static List<String> assets(Path site) throws Exception {
        return Fixture.contents(site).keySet().stream().filter(path -> path.contains("assets/")).toList();
    }

    private static void check(Path page, String assets) throws Exception {
        Document html = Fixture.html(page);
        assertEquals(assets + "site-gen.css", html.selectFirst("link[rel=stylesheet]").attr("href"), page.toString());
        assertEquals(assets + "extra.css", html.select("link[rel=stylesheet]").last().attr("href"), page.toString());
        assertEquals(assets + "favicon.svg", html.selectFirst("link[rel=icon]").attr("href"), page.toString());
        assertTrue(html.select("script[src]").stream().allMatch(s -> s.attr("src").startsWith(assets)
                || s.attr("src").endsWith("search-index.js")), page.toString());
    }
}
