package io.github.sitegen.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteCheck;
import io.github.sitegen.SiteGenConfig;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extension points of the built-in layout: the hooks head-extra.ftlh, header-extra.ftlh and
 * footer-extra.ftlh, and assets/extra.css and assets/extra.js, on every page, without copying
 * layout.ftlh.
 */
class ThemeExtensionTest {

    private static final String CONTENT = """
            -- content/billing.yaml --
            title: Billing
            questions:
              - question: How do I pay?
                answer: By card.
            -- content/account.yaml --
            title: Account
            questions:
              - question: How do I sign in?
                answer: With your e-mail address.
            """;

    private static final String HOOKS = """
            -- templates/head-extra.ftlh --
            <meta name="sg-test-head" content="${site.title}">
            -- templates/header-extra.ftlh --
            <a class="sg-test-header" href="${url('index.html')}">Status</a>
            -- templates/footer-extra.ftlh --
            <p class="sg-test-footer">© Acme</p>
            -- templates/assets/extra.css --
            :root { --accent: #8a1538; }
            -- templates/assets/extra.js --
            document.documentElement.classList.add("extra");
            """;

    @TempDir
    Path root;

    private SiteGenConfig.Builder config(Path content) {
        return SiteGenConfig.builder(content, root.resolve("out")).projectDirectory(root)
                .templateDirectory(root.resolve("templates")).baseUrl("https://acme.github.io/faq");
    }

    @Test
    void everyHookAndExtraAssetIsOnEveryPageInItsPlace() throws Exception {
        Fixture.write(root, CONTENT + HOOKS);
        Fixture.build(config(root.resolve("content")));
        Path out = root.resolve("out");
        assertEquals(":root { --accent: #8a1538; }\n", Files.readString(out.resolve("assets/extra.css")));
        assertPage(out.resolve("index.html"), "assets/", "index.html");
        assertPage(out.resolve("billing/index.html"), "../assets/", "../index.html");
        assertPage(out.resolve("404.html"), "/faq/assets/", "/faq/index.html");
        SiteCheck.assertValidHtml(out);
    }

    @Test
    void onAMultilingualSiteEveryLanguageAndTheRootPageGetThem() throws Exception {
        Fixture.write(root, CONTENT.replace("-- content/", "-- content/en/") + """
                -- content/de/billing.yaml --
                title: Rechnung
                questions:
                  - question: Wie bezahle ich?
                    answer: Mit Karte.
                """ + HOOKS);
        Fixture.build(config(root.resolve("content")));
        Path out = root.resolve("out");
        assertPage(out.resolve("en/index.html"), "../assets/", "index.html");
        assertPage(out.resolve("de/billing/index.html"), "../../assets/", "../index.html");
        Document chooser = Fixture.html(out.resolve("index.html"));
        assertEquals("sg-test-head", chooser.head().child(chooser.head().childrenSize() - 1).attr("name"));
        assertEquals(1, chooser.select("head > link[rel=stylesheet][href$=assets/extra.css]").size());
        assertEquals(1, chooser.select("head > script[src$=assets/extra.js][defer]").size());
        SiteCheck.assertValidHtml(out);
    }

    @Test
    void withoutThemNothingExtraIsLinkedOrWritten() throws Exception {
        Fixture.write(root, CONTENT);
        Fixture.build(config(root.resolve("content")));
        Path out = root.resolve("out");
        for (String page : List.of("index.html", "billing/index.html", "404.html")) {
            Document html = Fixture.html(out.resolve(page));
            assertTrue(html.select("[href*=extra], [src*=extra]").isEmpty(), page);
            assertTrue(html.select(".sg-test-head, .sg-test-header, .sg-test-footer").isEmpty(), page);
            // The theme's own files stay last in <head> (the empty hook writes nothing).
            Element last = html.head().child(html.head().childrenSize() - 1);
            assertTrue(last.is("script[src$=assets/site-gen.js], script[type=application/ld+json]"), page + ": " + last);
            assertEquals(1, html.select("footer.site-footer .wrap > *").size(), page);
        }
        assertFalse(Files.exists(out.resolve("assets/extra.css")));
        assertFalse(Files.exists(out.resolve("assets/extra.js")));
    }

    /** The extras, in their places: after the theme's own files, at the end of the header row, in the footer. */
    private static void assertPage(Path file, String assets, String home) throws Exception {
        Document html = Fixture.html(file);
        List<Element> head = html.head().children();
        int themeCss = indexOf(head, "link[rel=stylesheet][href=" + assets + "site-gen.css]");
        int themeJs = indexOf(head, "script[src=" + assets + "site-gen.js]");
        int extraCss = indexOf(head, "link[rel=stylesheet][href=" + assets + "extra.css]");
        int extraJs = indexOf(head, "script[src=" + assets + "extra.js][defer]");
        int meta = indexOf(head, "meta[name=sg-test-head]");
        assertTrue(themeCss >= 0 && themeJs > themeCss && extraCss > themeJs && extraJs > extraCss && meta > extraJs,
                file + ": " + List.of(themeCss, themeJs, extraCss, extraJs, meta));
        assertEquals(head.size() - 1, meta, file.toString());
        // The end of the header row: the menu's panel, which on wide screens is part of the row.
        Element header = html.selectFirst("header.site-header .header-row > .menu-panel > a.sg-test-header:last-child");
        assertTrue(header != null && header.attr("href").equals(home), file + ": " + html.select(".sg-test-header"));
        assertFalse(html.selectFirst("details.site-menu").hasClass("needs-js"), "the menu has the hook's link even without the script");
        assertEquals(1, html.select("footer.site-footer .wrap > p.sg-test-footer:last-child").size(), file.toString());
    }

    private static int indexOf(List<Element> elements, String query) {
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i).is(query)) {
                return i;
            }
        }
        return -1;
    }

}
