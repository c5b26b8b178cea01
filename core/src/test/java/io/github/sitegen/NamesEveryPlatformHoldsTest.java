package io.github.sitegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import io.github.sitegen.check.ContentCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names that Linux accepts and Windows or macOS cannot hold are refused wherever they would become
 * a path of the site, at their source, and the same by {@code generate} and {@code check}.
 */
class NamesEveryPlatformHoldsTest {

    private static final String TOPIC = """
            title: A topic
            questions:
              - question: How do I start?
                answer: Read the guide, then follow its steps one by one.
            """;

    @TempDir
    Path root;

    /** Why tests that write names Windows cannot hold do not run there: the names are the point. */
    private static final String WINDOWS = "Windows cannot create the names these tests are about";

    /** Skips a test on a file system that, like macOS's and Windows', holds one of two names that differ only in case. */
    private void assumeCaseSensitive() throws Exception {
        Files.writeString(root.resolve("case"), "a");
        Files.writeString(root.resolve("CASE"), "b");
        boolean sensitive = Files.readString(root.resolve("case")).equals("a");
        Files.delete(root.resolve("CASE"));
        Files.deleteIfExists(root.resolve("case"));
        assumeTrue(sensitive, "this file system ignores case, so it cannot hold the names this test is about");
    }

    private SiteGenConfig.Builder config() {
        return SiteGenConfig.builder(root.resolve("content"), root.resolve("out")).projectDirectory(root)
                .staticDirectory(root.resolve("static")).templateDirectory(root.resolve("templates"));
    }

    /** The errors of a build, which must fail, after checking that site-gen:check reports the same ones. */
    private List<String> errors() throws Exception {
        List<String> generated = Fixture.failures(root, config()).stream().filter(line -> line.contains(": error: ")).toList();
        List<String> checked = ContentCheck.run(config().build(), LocalDate.of(2026, 12, 7)).problems().stream()
                .filter(problem -> problem.isError()).map(problem -> problem.format(root)).toList();
        assertEquals(generated, checked, "generate and check report the same errors");
        return generated;
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = WINDOWS)
    void aTopicNamedForAWindowsDeviceIsRefusedAtItsFile() throws Exception {
        Fixture.write(root, "-- content/con.yaml --\n" + TOPIC + "-- content/lpt1.yaml --\n" + TOPIC);
        assertEquals(List.of("content/con.yaml: error: 'con' cannot be a topic id: 'con' is a device name on Windows"
                        + " (CON, PRN, AUX, NUL, COM1 to COM9, LPT1 to LPT9, with any extension), which no folder there"
                        + " can hold (rename the file, for example to con-faq.yaml)",
                "content/lpt1.yaml: error: 'lpt1' cannot be a topic id: 'lpt1' is a device name on Windows (CON, PRN,"
                        + " AUX, NUL, COM1 to COM9, LPT1 to LPT9, with any extension), which no folder there can hold"
                        + " (rename the file, for example to lpt1-faq.yaml)"), errors());
    }

    @Test
    void twoTopicFilesThatDifferOnlyInCaseAreRefused() throws Exception {
        assumeCaseSensitive();
        Fixture.write(root, "-- content/billing.yaml --\n" + TOPIC + "-- content/Billing.yaml --\n" + TOPIC);
        Fixture.assertHasLine(errors(), "content/billing.yaml: error: 'billing.yaml' and 'Billing.yaml' differ only in"
                + " case: a folder on macOS or Windows holds only one of them (keep one file per topic, in lowercase)");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = WINDOWS)
    void staticFilesWindowsOrMacOsCouldNotHoldAreRefusedAtTheirPaths() throws Exception {
        assumeCaseSensitive();
        Fixture.write(root, "-- content/billing.yaml --\n" + TOPIC + """
                -- static/downloads/nul.txt --
                x
                -- static/notes. --
                x
                -- static/what?.png --
                x
                -- static/img/Logo.png --
                x
                -- static/img/logo.png --
                x
                -- static/Billing/invoice.pdf --
                x
                """);
        List<String> errors = errors();
        String hint = " (rename it, so that the site builds and opens on Windows and macOS too)";
        Fixture.assertHasLine(errors, "static/downloads/nul.txt: error: static file 'downloads/nul.txt' cannot be"
                + " published on every platform: 'nul.txt' is a device name on Windows");
        Fixture.assertHasLine(errors, "static/notes.: error: static file 'notes.' cannot be published on every platform:"
                + " 'notes.' ends in a dot, which Windows drops, so the name would change there" + hint);
        Fixture.assertHasLine(errors, "static/what?.png: error: static file 'what?.png' cannot be published on every"
                + " platform: 'what?.png' holds '?', which Windows does not allow in a name" + hint);
        Fixture.assertHasLine(errors, "static/img/logo.png: error: static file 'img/logo.png' cannot be published on"
                + " every platform: 'img/logo.png' and 'img/Logo.png' differ only in case: a folder on macOS or Windows"
                + " holds only one of them" + hint);
        Fixture.assertHasLine(errors, "content/billing.yaml: error: the site's folder billing/ and a folder of static"
                + " files would be one folder on macOS and Windows: 'billing' and 'Billing' differ only in case: a folder"
                + " on macOS or Windows holds only one of them (rename the static folder, or billing.yaml)");
        assertEquals(5, errors.size(), errors.toString());
    }

    @Test
    void aStaticFileThatDiffersFromAGeneratedOneOnlyInCaseIsRefused() throws Exception {
        Fixture.write(root, "-- content/billing.yaml --\n" + TOPIC + """
                -- static/Index.html --
                mine
                -- static/Assets/photo.png --
                x
                """);
        List<String> errors = Fixture.failures(root, config());
        Fixture.assertHasLine(errors, "static/Index.html: error: static file would replace a generated file on macOS and"
                + " Windows: 'Index.html' and 'index.html' differ only in case");
        Fixture.assertHasLine(errors, "static/Assets/photo.png: error: static file would replace a generated file on"
                + " macOS and Windows: 'Assets' and 'assets' differ only in case");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = WINDOWS)
    void aLanguageFolderNamedForAWindowsDeviceOrLikeAStaticFolderIsRefused() throws Exception {
        Fixture.write(root, "-- content/en/a.yaml --\n" + TOPIC + "-- content/con/a.yaml --\n" + TOPIC
                + "-- static/EN/flag.svg --\n<svg/>\n");
        List<String> errors = errors();
        Fixture.assertHasLine(errors, "content/con: error: folder 'con' cannot be a language's folder: 'con' is a device"
                + " name on Windows");
        Fixture.assertHasLine(errors, "content/en: error: the site's folder en/ and a folder of static files would be one"
                + " folder on macOS and Windows: 'en' and 'EN' differ only in case");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = WINDOWS)
    void aThemeAssetWindowsCouldNotHoldIsRefusedAtItsFile() throws Exception {
        Fixture.write(root, "-- content/a.yaml --\n" + TOPIC + """
                -- templates/assets/aux.css --
                body {}
                -- templates/assets/Site-gen.css --
                body {}
                """);
        List<String> errors = errors();
        Fixture.assertHasLine(errors, "templates/assets/aux.css: error: asset 'assets/aux.css' cannot be published on"
                + " every platform: 'aux.css' is a device name on Windows");
        Fixture.assertHasLine(errors, "error: asset 'assets/site-gen.css' cannot be published on every platform:"
                + " 'assets/site-gen.css' and 'assets/Site-gen.css' differ only in case");
        assertEquals(2, errors.size(), errors.toString());
    }

    @Test
    void namesThatEveryPlatformHoldsBuild() throws Exception {
        Fixture.write(root, "-- content/billing.yaml --\n" + TOPIC + """
                -- static/billing/invoice.pdf --
                x
                -- static/img/café au lait (2).png --
                x
                -- static/com10.txt --
                x
                """);
        Fixture.build(config());
        assertEquals("x\n", Files.readString(root.resolve("out/img/café au lait (2).png")));
    }
}
