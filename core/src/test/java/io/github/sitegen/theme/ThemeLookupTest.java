package io.github.sitegen.theme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteCheck;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.ThemeFixture;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Themes from the plugin's class path: a path is looked up in the template folder, then in the
 * chosen theme, then in the theme it extends, then in the built-in theme, one path at a time, for
 * templates, assets and interface strings alike.
 */
class ThemeLookupTest {

    static final String CONTENT = """
            -- content/site.yaml --
            title: Acme help
            -- content/billing.yaml --
            title: Billing
            questions:
              - question: How do I pay?
                answer: By card.
            """;

    /** A theme in a folder on the class path, as an IDE or a reactor build has it. */
    static final String PARENT = """
            -- parent-classes/site-gen/themes/parent/theme.properties --
            model = 1
            -- parent-classes/site-gen/themes/parent/header-extra.ftlh --
            <p class="hook">parent header</p>
            -- parent-classes/site-gen/themes/parent/footer-extra.ftlh --
            <p class="hook">parent footer</p>
            -- parent-classes/site-gen/themes/parent/head-extra.ftlh --
            <meta name="hook" content="parent head">
            -- parent-classes/site-gen/themes/parent/assets/extra.css --
            /* parent extra.css */
            -- parent-classes/site-gen/themes/parent/assets/extra.js --
            /* parent extra.js */
            -- parent-classes/site-gen/themes/parent/assets/parent.svg --
            <svg xmlns="http://www.w3.org/2000/svg"/>
            -- parent-classes/site-gen/themes/parent/messages/en.properties --
            search.placeholder=parent search
            nav.topics=parent topics
            footer.builtWith=parent footer line
            """;

    /** A theme in a jar that extends the other one. */
    static final String CHILD = """
            -- site-gen/themes/child/theme.properties --
            model = 1
            extends = parent
            stable = footer-extra.ftlh, assets/extra.css
            -- site-gen/themes/child/header-extra.ftlh --
            <p class="hook">child header</p>
            -- site-gen/themes/child/footer-extra.ftlh --
            <p class="hook">child footer</p>
            -- site-gen/themes/child/assets/extra.css --
            /* child extra.css */
            -- site-gen/themes/child/assets/extra.js --
            /* child extra.js */
            -- site-gen/themes/child/messages/en.properties --
            search.placeholder=child search
            nav.topics=child topics
            """;

    static final String TEMPLATES = """
            -- templates/header-extra.ftlh --
            <p class="hook">user header</p>
            -- templates/assets/extra.css --
            /* user extra.css */
            -- templates/messages/en.properties --
            search.placeholder=user search
            """;

    @TempDir
    Path root;

    private SiteGenConfig.Builder config(String theme) throws Exception {
        Path child = root.resolve("site-gen-theme-child-1.0.jar");
        if (Files.notExists(child)) {
            ThemeFixture.jar(child, CHILD);
        }
        return SiteGenConfig.builder(root.resolve("content"), root.resolve("out")).projectDirectory(root)
                .templateDirectory(root.resolve("templates"))
                .theme(theme, ThemeFixture.classPath(child, root.resolve("parent-classes")));
    }

    @Test
    void eachPathComesFromTheTemplateFolderThenTheThemeThenItsParentThenTheBuiltInTheme() throws Exception {
        Fixture.write(root, CONTENT + PARENT + TEMPLATES);
        Fixture.build(config("child"));
        Path out = root.resolve("out");
        Document home = Fixture.html(out.resolve("index.html"));

        assertEquals(List.of("user header", "child footer"), home.select("p.hook").eachText(), "templates");
        assertEquals("parent head", home.selectFirst("meta[name=hook]").attr("content"));
        assertEquals(1, home.select("ul.topic-index").size(), "index.ftlh of the built-in theme");

        assertEquals("/* user extra.css */\n", Files.readString(out.resolve("assets/extra.css")), "assets");
        assertEquals("/* child extra.js */\n", Files.readString(out.resolve("assets/extra.js")));
        assertEquals("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", Files.readString(out.resolve("assets/parent.svg")));
        assertArrayEquals(Files.readAllBytes(Path.of(System.getProperty("siteGen.repositoryRoot", ".."))
                .resolve("templates/assets/site-gen.css")), Files.readAllBytes(out.resolve("assets/site-gen.css")));
        assertEquals(1, home.select("link[rel=stylesheet][href=assets/extra.css]").size());
        assertEquals(1, home.select("script[src=assets/extra.js][defer]").size());

        assertEquals("user search", home.selectFirst("#sg_search").attr("placeholder"), "interface strings");
        assertEquals("child topics", home.selectFirst(".topic-nav-title").text());
        assertTrue(home.selectFirst("footer").text().contains("Acme help · parent footer line"), home.selectFirst("footer").text());
        assertEquals("Skip to content", home.selectFirst(".skip-link").text());
        SiteCheck.assertValidHtml(out);
    }

    @Test
    void withoutTheThemeTheSameFoldersGiveTheBuiltInThemeAndTheTemplateFolder() throws Exception {
        Fixture.write(root, CONTENT + PARENT + TEMPLATES);
        Fixture.build(config(""));
        Document home = Fixture.html(root.resolve("out/index.html"));
        assertEquals(List.of("user header"), home.select("p.hook").eachText());
        assertEquals("user search", home.selectFirst("#sg_search").attr("placeholder"));
        assertEquals("Topics", home.selectFirst(".topic-nav-title").text());
        assertTrue(Files.notExists(root.resolve("out/assets/extra.js")));
    }

    @Test
    void aThemeMayAddInterfaceStringsWhichSiteYamlCanSetAndALanguageWithoutThemFallsBackWithAWarning() throws Exception {
        Path jar = ThemeFixture.theme(root.resolve("tagline.jar"), "tagline", """
                -- theme.properties --
                model = 1
                -- header-extra.ftlh --
                <p class="tagline">${t('tagline.text')}</p>
                -- messages/en.properties --
                tagline.text=Help, fast
                """);
        Fixture.write(root, CONTENT.replace("title: Acme help", "title: Acme Hilfe\nlanguage: de") + """
                -- set/site.yaml --
                title: Acme Hilfe
                language: de
                messages:
                  tagline.text: Schnelle Hilfe
                -- set/billing.yaml --
                title: Rechnung
                questions:
                  - question: Wie bezahle ich?
                    answer: Mit Karte.
                """);
        SiteGenConfig.Builder lacking = SiteGenConfig.builder(root.resolve("content"), root.resolve("lacking"))
                .projectDirectory(root).theme("tagline", ThemeFixture.classPath(jar));
        List<String> warnings = Fixture.build(lacking).warnings().stream().map(p -> p.format(root)).toList();
        assertEquals("Help, fast", Fixture.html(root.resolve("lacking/index.html")).selectFirst(".tagline").text());
        Fixture.assertHasLine(warnings, "content/site.yaml: warning: 1 interface strings have no 'de' translation and"
                + " show in English: tagline.text");

        SiteGenConfig.Builder set = SiteGenConfig.builder(root.resolve("set"), root.resolve("set-out"))
                .projectDirectory(root).theme("tagline", ThemeFixture.classPath(jar));
        assertEquals(List.of(), Fixture.build(set).warnings());
        assertEquals("Schnelle Hilfe", Fixture.html(root.resolve("set-out/index.html")).selectFirst(".tagline").text());
    }

    @Test
    void aSiteBuiltWithAThemeIsTheSameBytesOnEveryBuildWhateverTheThreads() throws Exception {
        Fixture.write(root, CONTENT + PARENT + TEMPLATES + """
                -- content/account.yaml --
                title: Account
                questions:
                  - question: How do I sign in?
                    answer: With your e-mail address.
                """);
        Fixture.build(config("child").threads(1));
        Map<String, byte[]> first = Fixture.contents(root.resolve("out"));
        Fixture.build(config("child").threads(4));
        Fixture.assertSameFiles(first, Fixture.contents(root.resolve("out")));
    }
}
