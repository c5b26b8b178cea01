package io.github.sitegen.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A multilingual site writes the theme's assets once, at its root, and every language links them there. */
class SharedAssetsTest {

    @TempDir
    Path root;

    @Test
    void theAssetsAreWrittenOnceAtTheRootAndLinkedFromEveryLanguage() throws Exception {
        Fixture.write(root, """
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
                -- templates/assets/extra.css --
                :root { --accent: #8a1538; }
                """);
        Fixture.build(SiteGenConfig.builder(root.resolve("content"), root.resolve("out")).projectDirectory(root)
                .templateDirectory(root.resolve("templates")).baseUrl("https://acme.github.io/faq"));
        Path out = root.resolve("out");
        try (Stream<Path> walk = Files.walk(out)) {
            List<String> assets = walk.filter(Files::isRegularFile).map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.contains("assets/")).sorted().toList();
            assertEquals(List.of("assets/extra.css", "assets/favicon.svg", "assets/site-gen-search.js", "assets/site-gen.css",
                    "assets/site-gen.js"), assets);
        }
        assertFalse(Files.exists(out.resolve("de/assets")));
        check(out.resolve("de/index.html"), "../assets/");
        check(out.resolve("en/billing/index.html"), "../../assets/");
        check(out.resolve("404.html"), "/faq/assets/");
        check(out.resolve("index.html"), "assets/");
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
