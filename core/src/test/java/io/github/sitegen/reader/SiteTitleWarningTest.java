package io.github.sitegen.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.check.ContentCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site without a title of its own is titled after the Maven project (often its bare artifactId,
 * such as "faq"): generate and check say so, at site.yaml, with how to set one.
 */
class SiteTitleWarningTest {

    private static final String TOPIC = """
            -- content/start.yaml --
            title: Getting started
            questions:
              - question: How do I install the tool?
                answer: Download the installer from the releases page and run it.
            """;

    @TempDir
    Path root;

    private SiteGenConfig.Builder config() {
        return SiteGenConfig.builder(root.resolve("content"), root.resolve("out")).projectDirectory(root).defaultTitle("faq");
    }

    private List<String> generate() throws Exception {
        return Fixture.build(config()).warnings().stream().map(p -> p.format(root)).toList();
    }

    private List<String> check() throws Exception {
        return ContentCheck.run(config().build(), LocalDate.of(2026, 11, 27)).problems().stream()
                .map(p -> p.format(root)).toList();
    }

    @Test
    void aSiteYamlWithoutATitleIsAWarningAtSiteYamlFromGenerateAndCheck() throws Exception {
        Fixture.write(root, TOPIC + """
                -- content/site.yaml --
                description: Answers about the tool.
                """);
        String expected = "content/site.yaml:1:1: warning: site.yaml sets no title, so the site is titled 'faq'"
                + " (add 'title: ...', the name readers see in every page's title and header; without one, it is the"
                + " project's name: the Maven project's, or the folder's with the command line)";
        Fixture.assertHasLine(generate(), expected);
        Fixture.assertHasLine(check(), expected);
    }

    @Test
    void withoutSiteYamlTheWarningIsAtTheContentFolder() throws Exception {
        Fixture.write(root, TOPIC);
        String expected = "content: warning: there is no site.yaml, so the site is titled 'faq' (create site.yaml in"
                + " this folder with 'title: ...'";
        Fixture.assertHasLine(generate(), expected);
        Fixture.assertHasLine(check(), expected);
    }

    @Test
    void aBlankTitleIsNoTitle() throws Exception {
        Fixture.write(root, TOPIC + """
                -- content/site.yaml --
                title: "  "
                """);
        Fixture.assertHasLine(generate(), "content/site.yaml:1:1: warning: site.yaml sets no title, so the site is titled 'faq'");
    }

    @Test
    void aSiteWithATitleHasNoSuchWarning() throws Exception {
        Fixture.write(root, TOPIC + """
                -- content/site.yaml --
                title: Tool FAQ
                description: Answers about installing and running the tool.
                """);
        assertTrue(generate().stream().noneMatch(line -> line.contains("title")), generate().toString());
        assertEquals(List.of(), check().stream().filter(line -> line.contains("title")).toList());
    }

    @Test
    void everyLanguageWithoutATitleIsNamed() throws Exception {
        Fixture.write(root, """
                -- content/en/start.yaml --
                title: Getting started
                questions:
                  - question: How do I install the tool?
                    answer: Download the installer from the releases page and run it.
                -- content/en/site.yaml --
                title: Tool FAQ
                -- content/de/start.yaml --
                title: Erste Schritte
                questions:
                  - question: Wie installiere ich das Werkzeug?
                    answer: Laden Sie das Installationsprogramm von der Seite mit den Veröffentlichungen herunter.
                """);
        List<String> warnings = generate();
        Fixture.assertHasLine(warnings, "content/de: warning: there is no site.yaml, so the site is titled 'faq'");
        assertTrue(warnings.stream().noneMatch(line -> line.startsWith("content/en")), warnings.toString());
    }
}
