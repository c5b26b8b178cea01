package io.github.sitegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzzes a whole build (load, validate, render, write) from arbitrary bytes as a topic file or as
 * {@code site.yaml}. Property: the build succeeds or throws a {@link SiteGenException} whose errors
 * name a file (and a line, in the fuzzed file); no other exception or error; the site written is at
 * most {@value #FACTOR} × the input + {@value #CONSTANT} bytes (the constant covers the theme's
 * assets, the home and 404 pages and the other fixed files of an empty site).
 *
 * <p>Without {@code JAZZER_FUZZ} this runs the seeds in {@code ContentFuzzTestInputs/<method>/} as a
 * regression test; see docs/fuzzing.md.
 */
class ContentFuzzTest {

    static final long FACTOR = 64;
    static final long CONSTANT = 256 * 1024;

    private static final String SITE = "title: Fuzz\nintroduction: Answers.\n";
    private static final String TOPIC = "title: Topic\nquestions:\n  - question: Why?\n    answer: Because.\n";

    private static final Path ROOT = FuzzProperties.temporaryFolder("content");

    @AfterAll
    static void cleanUp() throws IOException {
        FuzzProperties.delete(ROOT);
    }

    @FuzzTest(maxDuration = "2m")
    void topicFile(byte[] input) throws IOException {
        build("faq.yaml", input, "site.yaml", SITE);
    }

    @FuzzTest(maxDuration = "2m")
    void siteFile(byte[] input) throws IOException {
        build("site.yaml", input, "faq.yaml", TOPIC);
    }

    private static void build(String fuzzedName, byte[] input, String otherName, String other) throws IOException {
        Path content = ROOT.resolve("content");
        Path out = ROOT.resolve("out");
        FuzzProperties.delete(content);
        FuzzProperties.delete(out);
        Files.createDirectories(content);
        Path fuzzed = content.resolve(fuzzedName);
        Files.write(fuzzed, input);
        Files.writeString(content.resolve(otherName), other, StandardCharsets.UTF_8);
        try {
            SiteGenerator.Result result = new SiteGenerator().generate(SiteGenConfig.builder(content, out)
                    .projectDirectory(ROOT).threads(1).build(), BuildListener.SILENT);
            // Aliases may make a file stand for four times its text, or 1,000,000 characters (YamlSource).
            long stands = hasAlias(input) ? Math.max(4L * input.length, 1_000_000) : input.length;
            FuzzProperties.assertBounded(FuzzProperties.size(out), stands + other.length(), FACTOR, CONSTANT, "site");
        } catch (SiteGenException e) {
            FuzzProperties.assertPositioned(e, fuzzed, ContentFuzzTest::aboutTheWholeFile);
        }
    }

    private static boolean hasAlias(byte[] input) {
        return FuzzProperties.contains(input, "&") && FuzzProperties.contains(input, "*");
    }

    /**
     * Errors that may come without a line. "The topic file is empty" is about the whole file: an
     * empty file, or one with only comments and blank lines (seed comment-only.yaml), has no node
     * to point at.
     */
    private static boolean aboutTheWholeFile(Problem problem) {
        return problem.message().startsWith("the topic file is empty");
    }
}
