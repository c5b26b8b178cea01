package io.github.sitegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import nu.validator.client.EmbeddedValidator;
import nu.validator.validation.SimpleDocumentValidator;

/**
 * Every page and style sheet of real sites passes the Nu HTML Checker with zero errors: the
 * example site of this repository and a site per real corpus.
 */
class HtmlValidationTest {

    @TempDir
    Path out;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"example", "osc-gov", "geyser-wiki", "wsl-faq", "bitcoin-org", "cc-korea", "multilingual"})
    void everyPageAndStyleSheetPassesTheNuHtmlChecker(String name) throws Exception {
        Path content = switch (name) {
            case "example" -> TestContent.example();
            case "multilingual" -> TestContent.multilingual();
            default -> TestContent.corpus(name);
        };
        Path site = out.resolve(name);
        new SiteGenerator().generate(SiteGenConfig.builder(content, site)
                .baseUrl("https://acme.github.io/" + name).build(), BuildListener.SILENT);
        List<String> errors = new ArrayList<>();
        int[] counts = validate(site, errors);
        int pages = counts[0];
        int styleSheets = counts[1];
        assertTrue(pages >= 3 && styleSheets >= 1, "checked " + pages + " pages and " + styleSheets + " style sheets");
        assertEquals(List.of(), errors);
    }

    /**
     * Every GitHub alert kind, in an answer, a summary and the introduction, passes the Nu HTML
     * Checker, whether the text holds raw HTML (and goes through the allowlist) or not.
     */
    @org.junit.jupiter.api.Test
    void alertsInAnswersSummariesAndTheIntroductionPassTheNuHtmlChecker() throws Exception {
        Path root = out.resolve("alerts");
        Fixture.write(root, """
                -- content/site.yaml --
                title: Alerts
                language: de
                introduction: |
                  > [!NOTE]
                  > Read this first.
                -- content/a.yaml --
                title: A
                summary: |
                  > [!TIP]
                  > A tip with <kbd>Ctrl</kbd>.
                questions:
                  - question: How?
                    answer: |
                      > [!IMPORTANT]
                      > Important.

                      > [!WARNING]
                      > A warning
                      > on two lines.

                      > [!CAUTION]
                      > Careful, <em>really</em>.
                """);
        Path site = root.resolve("out");
        new SiteGenerator().generate(SiteGenConfig.builder(root.resolve("content"), site).build(), BuildListener.SILENT);
        List<String> errors = new ArrayList<>();
        validate(site, errors);
        assertEquals(List.of(), errors);
        assertEquals(4, Fixture.html(site.resolve("a/index.html")).select("div.alert[role=note]").size(),
                "three in the answer, one in the summary");
        assertEquals(List.of("Hinweis", "Tipp"), Fixture.html(site.resolve("index.html")).select("div.alert > p.alert-title")
                .eachText(), "the introduction's and the summary's, titled in the site's language");
    }

    /** Validates every page and style sheet below {@code site}; returns the numbers of pages and style sheets. */
    private static int[] validate(Path site, List<String> errors) throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        int pages = 0;
        int styleSheets = 0;
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                pages++;
                for (String line : validator.validate(file).split("\\R")) {
                    if (line.contains(": error:") || line.contains(": fatal:")) {
                        errors.add(site.relativize(file) + " " + line);
                    }
                }
            }
        }
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".css")).sorted().toList()) {
                styleSheets++;
                cssErrors(file).forEach(e -> errors.add(site.relativize(file) + ":" + e));
            }
        }
        return new int[] {pages, styleSheets};
    }

    /** The checker's CSS validation (the embedded HTML validator skips style sheets). */
    private static List<String> cssErrors(Path file) throws Exception {
        List<String> errors = new ArrayList<>();
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": error: " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema("http://s.validator.nu/html5-rdfalite.rnc", handler);
        validator.setUpValidatorAndParsers(handler, false, false);
        validator.checkCssFile(file.toFile(), true);
        return errors;
    }
}
