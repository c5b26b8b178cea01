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
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        List<String> errors = new ArrayList<>();
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
        assertTrue(pages >= 3 && styleSheets >= 1, "checked " + pages + " pages and " + styleSheets + " style sheets");
        assertEquals(List.of(), errors);
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
