package io.github.sitegen.fml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.sitegen.BuildListener;
import io.github.sitegen.FuzzProperties;
import io.github.sitegen.problem.SiteGenException;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzzes {@code site-gen:import-fml} ({@link FmlImporter}, with its XML reader, FML model, XHTML to
 * Markdown converter and YAML writer) on arbitrary bytes as an FML file. Property: the import
 * succeeds or throws a {@link SiteGenException} whose errors name a file (and a line, in the FML
 * file); no other exception or error; the YAML written is at most {@value #FACTOR} × the input +
 * {@value #CONSTANT} bytes.
 */
class FmlFuzzTest {

    static final long FACTOR = 64;
    static final long CONSTANT = 4096;

    private static final Path ROOT = FuzzProperties.temporaryFolder("fml");

    @AfterAll
    static void cleanUp() throws IOException {
        FuzzProperties.delete(ROOT);
    }

    @FuzzTest(maxDuration = "2m")
    void importFml(byte[] input) throws IOException {
        Path content = ROOT.resolve("content");
        FuzzProperties.delete(content);
        Path fml = ROOT.resolve("faq.fml");
        Files.write(fml, input);
        try {
            new FmlImporter().importFml(fml, content, BuildListener.SILENT);
            // Entities may expand a file to four times its text, or 1,000,000 characters (XmlReader).
            long stands = FuzzProperties.contains(input, "<!ENTITY") ? Math.max(4L * input.length, 1_000_000) : input.length;
            FuzzProperties.assertBounded(FuzzProperties.size(content), stands, FACTOR, CONSTANT, "YAML");
        } catch (SiteGenException e) {
            FuzzProperties.assertPositioned(e, fml, problem -> false);
        }
    }
}
