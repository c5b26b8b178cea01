package org.example.sitegen;

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

import nu.validator.client.EmbeddedValidator;

/**
 * Every page and style sheet of real sites passes the Nu HTML Checker with zero errors: the
 * example site of this repository and a site per real corpus.
 */
class HtmlValidationTest {

    @TempDir
    Path out;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"example", "osc-gov", "geyser-wiki", "wsl-faq", "bitcoin-org", "cc-korea"})
    void everyPageAndStyleSheetPassesTheNuHtmlChecker(String name) throws Exception {
        Path content = name.equals("example") ? TestContent.example() : TestContent.corpus(name);
        Path site = out.resolve(name);
        new SiteGenerator().generate(SiteGenConfig.builder(content, site)
                .baseUrl("https://acme.github.io/" + name).build(), BuildListener.SILENT);
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        List<String> errors = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".css"))
                    .sorted().toList()) {
                checked++;
                validator.setForceHTML(file.toString().endsWith(".html"));
                for (String line : validator.validate(file).split("\\R")) {
                    if (line.contains(": error:") || line.contains(": fatal:")) {
                        errors.add(site.relativize(file) + " " + line);
                    }
                }
            }
        }
        assertTrue(checked >= 4, "pages checked: " + checked);
        assertEquals(List.of(), errors);
    }
}
