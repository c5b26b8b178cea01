package io.github.sitegen.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.ThemeFixture;
import io.github.sitegen.check.ContentCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A theme that cannot be used stops the build before anything is rendered, with an error that
 * says why and where: an unknown name (listing the themes there are), an unknown parent, themes
 * that extend each other, a theme written for another version of the template data model.
 */
class ThemeErrorsTest {

    @TempDir
    Path root;

    private SiteGenConfig.Builder config(String theme, Path... classPath) throws Exception {
        Fixture.write(root, ThemeLookupTest.CONTENT);
        return SiteGenConfig.builder(root.resolve("content"), root.resolve("out")).projectDirectory(root)
                .theme(theme, ThemeFixture.classPath(classPath));
    }

    /** The jar of a theme of that name, whose theme.properties is {@code properties}, followed by the files of {@code spec}. */
    private Path theme(String name, String properties, String... spec) throws Exception {
        return ThemeFixture.theme(root.resolve("site-gen-theme-" + name + "-1.0.jar"), name,
                "-- theme.properties --\n" + properties + String.join("", spec));
    }

    /** The entries of a jar whose theme {@code name} has a theme.properties and nothing else yet. */
    private static Map<String, byte[]> entries(String name) {
        Map<String, byte[]> entries = new TreeMap<>();
        entries.put("site-gen/themes/" + name + "/theme.properties", "model = 1\n".getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    @Test
    void anUnknownThemeIsAnErrorThatListsTheThemesOnTheClassPath() throws Exception {
        Path ocean = Fixture.write(root.resolve("classes"), "-- site-gen/themes/ocean/theme.properties --\nmodel = 1\n");
        List<String> errors = Fixture.failures(root, config("harbour", theme("harbor", "model = 1\n"), ocean));
        assertEquals(List.of("error: site-gen.theme: there is no theme 'harbour' on the plugin's class path (themes found:"
                + " harbor, ocean) (add the theme's jar as a <dependency> of site-gen-maven-plugin in the pom; the theme is"
                + " the folder site-gen/themes/harbour/ of its jar)"), errors);
        assertTrue(Files.notExists(root.resolve("out")), "nothing is written");
    }

    @Test
    void anUnknownThemeOnAClassPathWithoutThemesSaysSo() throws Exception {
        Fixture.assertHasLine(Fixture.failures(root, config("harbor")),
                "error: site-gen.theme: there is no theme 'harbor' on the plugin's class path (it holds no theme)");
    }

    @Test
    void anUnknownParentIsAnErrorAtTheLineThatNamesIt() throws Exception {
        List<String> errors = Fixture.failures(root, config("child", theme("child", "model = 1\nextends = parnt\n")));
        assertEquals(List.of("site-gen-theme-child-1.0.jar!/site-gen/themes/child/theme.properties:2: error: theme 'child'"
                + " extends 'parnt', which is not on the plugin's class path (themes found: child) (add the theme's jar as a"
                + " <dependency> of site-gen-maven-plugin in the pom; the theme is the folder site-gen/themes/parnt/ of its jar)"),
                errors);
    }

    @Test
    void themesThatExtendEachOtherInACycleAreAnError() throws Exception {
        List<String> errors = Fixture.failures(root, config("a", theme("a", "model = 1\nextends = b\n"),
                theme("b", "# b builds on c\nmodel = 1\nextends = c\n"), theme("c", "model = 1\nextends = a\n")));
        assertEquals(List.of("site-gen-theme-c-1.0.jar!/site-gen/themes/c/theme.properties:2: error: themes extend each other"
                + " in a cycle: a extends b extends c extends a (one of them must extend no theme, which is the built-in theme)"),
                errors);
    }

    @Test
    void aThemeWrittenForAnotherVersionOfTheDataModelIsRefusedAndThePreviousSiteIsKept() throws Exception {
        Fixture.build(config(""));
        byte[] before = Files.readAllBytes(root.resolve("out/index.html"));
        Path future = theme("future", "model = 2\n", """
                -- index.ftlh --
                ${site.titleInModel2}
                """);
        Files.writeString(root.resolve("content/broken.yaml"), "title: Broken\nquestions: []\n");
        List<String> errors = Fixture.failures(root, config("future", future));
        Fixture.assertHasLine(errors, "site-gen-theme-future-1.0.jar!/site-gen/themes/future/theme.properties:1: error: theme"
                + " 'future' was written for version 2 of the template data model, and this site-gen provides version 1,"
                + " so theme 'future' is not used (use a site-gen-maven-plugin that provides version 2, or a version of the"
                + " theme written for 1)");
        Fixture.assertHasLine(errors, "content/broken.yaml");
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(root.resolve("out/index.html")),
                "the previous site is left as it was");
    }

    @Test
    void aThemeThatDoesNotSayWhichVersionItWasWrittenForIsRefused() throws Exception {
        assertEquals(List.of("site-gen-theme-old-1.0.jar!/site-gen/themes/old/theme.properties: error: theme 'old' does not"
                + " say which version of the template data model it was written for, so theme 'old' is not used (if it was"
                + " written for this site-gen, add 'model = 1' to its theme.properties (docs/templates-and-themes.md))"),
                Fixture.failures(root, config("old", theme("old", "extends =\n"))));
        Fixture.assertHasLine(Fixture.failures(root, config("odd", theme("odd", "model = 1.0\n"))),
                "theme.properties:1: error: '1.0' is not a version of the template data model, so theme 'odd' is not used");
    }

    @Test
    void anUnknownKeyInThemePropertiesIsAWarning() throws Exception {
        List<String> warnings = Fixture.build(config("typo", theme("typo", "model = 1\nextend = nothing\n"))).warnings()
                .stream().map(p -> p.format(root)).toList();
        assertEquals(List.of("site-gen-theme-typo-1.0.jar!/site-gen/themes/typo/theme.properties:2: warning:"
                + " theme.properties has an unknown key 'extend', which is ignored (its keys are extends, model, stable)"), warnings);
    }

    @Test
    void aThemeTwiceOnTheClassPathIsAnError() throws Exception {
        Path copy = Fixture.write(root.resolve("classes"), "-- site-gen/themes/twice/theme.properties --\nmodel = 1\n");
        Fixture.assertHasLine(Fixture.failures(root, config("twice", theme("twice", "model = 1\n"), copy)),
                "error: site-gen.theme: theme 'twice' is on the plugin's class path more than once: site-gen-theme-twice-1.0.jar, file:");
    }

    @Test
    void aTemplateErrorInAThemeNamesItsJarAndFile() throws Exception {
        Path jar = theme("typo", "model = 1\n", """
                -- footer-extra.ftlh --
                <p>${site.titel}</p>
                """);
        // all.html is the first page rendered, so the first page whose footer fails.
        Fixture.assertHasLine(Fixture.failures(root, config("typo", jar)), "site-gen-theme-typo-1.0.jar!/site-gen/themes/typo/"
                + "footer-extra.ftlh:1:6: error: template error while rendering all.ftlh: The following has evaluated to null"
                + " or missing: site.titel");
    }

    @Test
    void anInterfaceStringOfAThemeThatIsNotAValidPatternIsAnErrorAtItsLine() throws Exception {
        Path jar = theme("quote", "model = 1\n", """
                -- messages/fr.properties --
                # French
                nav.topics=Sujets
                topic.count={0 questions
                """);
        Fixture.assertHasLine(Fixture.failures(root, config("quote", jar)), "site-gen-theme-quote-1.0.jar!/site-gen/themes/"
                + "quote/messages/fr.properties:3: error: message 'topic.count' is not a valid pattern: ");
    }

    @Test
    void aJarEntryThatClimbsOutOfItsThemesFolderIsRefused() throws Exception {
        Map<String, byte[]> entries = entries("sly");
        entries.put("site-gen/themes/sly/assets/../../../../index.html", "<p>replaced</p>".getBytes(StandardCharsets.UTF_8));
        Path jar = ThemeFixture.jar(root.resolve("sly.jar"), entries);
        Fixture.assertHasLine(Fixture.failures(root, config("sly", jar)), "sly.jar!/site-gen/themes/sly/assets/../../../../"
                + "index.html: error: a theme file's path may not contain empty, '.' or '..' segments or backslashes");
    }

    @Test
    void aThemeOfMoreFilesThanTheLimitIsNotRead() throws Exception {
        Map<String, byte[]> entries = entries("big");
        for (int i = 0; i < 1_000; i++) {
            entries.put("site-gen/themes/big/assets/icon-" + i + ".svg", new byte[] {'<', '/', '>'});
        }
        Path jar = ThemeFixture.jar(root.resolve("big.jar"), entries);
        Fixture.assertHasLine(Fixture.failures(root, config("big", jar)), "error: the theme holds more than 1000 files or 32 MB,"
                + " so it is not read (a theme holds only what it changes; publish large files from the static folder)");
    }

    @Test
    void checkReportsAThemeThatCannotBeUsedAsGenerateDoes() throws Exception {
        ContentCheck.Report report = ContentCheck.run(config("harbor", theme("old", "model = 0\n")).build(), LocalDate.now());
        assertEquals(1, report.errors(), report.problems().toString());
        assertTrue(report.problems().get(0).format(root).startsWith("error: site-gen.theme: there is no theme 'harbor'"),
                report.problems().toString());
    }
}
