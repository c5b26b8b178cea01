package io.github.sitegen.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;
import io.github.sitegen.problem.SiteGenException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate reports the link problems check reports, at the same file:line:column: links in
 * answers to no question, header links in site.yaml to files the site does not have, paths from
 * the host's root that leave the base path or name no file; and with site-gen.strict both fail.
 */
class GenerateReportsWhatCheckReportsTest {

    @TempDir
    Path root;

    @BeforeEach
    void content() throws Exception {
        Fixture.write(root, """
                -- content/site.yaml --
                title: Acme help
                description: Answers about buying from Acme.
                links:
                  - text: API
                    url: apidocs/index.html
                  - text: Shop
                    url: shop/
                -- content/shop.yaml --
                title: Shop
                questions:
                  - id: buy-online
                    question: Can I buy online?
                    answer: Yes, in the web shop at any time of day.
                  - id: pay
                    question: How do I pay?
                    answer: |
                      By card; [see buying](#buy-onlin), [the guide](/help/guides/pay.html) and [the old one](/guides/).
                """);
    }

    private SiteGenConfig.Builder config() {
        return SiteGenConfig.builder(root.resolve("content"), root.resolve("site")).baseUrl("https://acme.github.io/help");
    }

    private List<String> generated(SiteGenerator generator) throws Exception {
        List<String> lines = new ArrayList<>();
        generator.generate(config().build(), Fixture.recording(lines, root));
        return lines.stream().filter(line -> line.contains(": warning: ")).toList();
    }

    private List<String> checked() throws Exception {
        return ContentCheck.run(config().build(), LocalDate.now(ZoneOffset.UTC)).problems().stream()
                .map(p -> p.format(root)).toList();
    }

    @Test
    void generateReportsEveryLinkProblemCheckReportsAtItsPlaceInTheSource() throws Exception {
        List<String> generated = generated(new SiteGenerator());
        List<String> checked = checked();
        assertEquals(checked, generated);
        Fixture.assertHasLine(generated, "content/site.yaml:5:10: warning: a relative URL points at no file of the site:"
                + " 'apidocs/index.html'");
        Fixture.assertHasLine(generated, "content/shop.yaml:8:13: warning: the link '#buy-onlin' points to no question"
                + " (did you mean '#buy-online'?)");
        Fixture.assertHasLine(generated, "content/shop.yaml:8:13: warning: a relative URL points at no file of the site:"
                + " '/help/guides/pay.html'");
        Fixture.assertHasLine(generated, "content/shop.yaml:8:13: warning: URLs that lead out of the site look written for"
                + " another site: '/guides/'");
        assertFalse(generated.stream().anyMatch(line -> line.contains("'shop/'")), "a topic is a file of the site");
    }

    @Test
    void strictGenerateFailsOnTheWarningsAsStrictCheckDoesAndWritesNothing() throws Exception {
        SiteGenException e = assertThrows(SiteGenException.class,
                () -> new SiteGenerator().strict(true).generate(config().build(), Fixture.recording(new ArrayList<>(), root)));
        assertEquals("site-gen found 4 warnings, and site-gen.strict is set", e.getMessage());
        assertEquals(checked(), e.problems().stream().map(p -> p.format(root)).toList());
        assertFalse(Files.exists(root.resolve("site")), "no site is written");
    }
}
