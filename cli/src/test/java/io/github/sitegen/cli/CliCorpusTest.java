package io.github.sitegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.sitegen.BuildListener;
import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;

/**
 * Every real corpus the core's tests build (core/src/test/resources/corpus, copied from the
 * shared corpus) comes out of the command line as the same bytes as out of the core, which is
 * what the Maven plugin runs: both front-ends give one site.
 */
class CliCorpusTest {

    private static final Path CORPORA = Path.of(System.getProperty("siteGen.repositoryRoot", ".."))
            .resolve("core/src/test/resources/corpus");

    @TempDir
    Path project;

    static List<String> corpora() throws IOException {
        try (Stream<Path> folders = Files.list(CORPORA)) {
            List<String> names = folders.filter(f -> Files.isDirectory(f.resolve("content")))
                    .map(f -> f.getFileName().toString()).sorted().toList();
            assertFalse(names.isEmpty(), "no corpus in " + CORPORA);
            return names;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void theCommandLineBuildsEveryCorpusToTheSameBytesAsTheCore(String name) throws Exception {
        Path content = CORPORA.resolve(name).resolve("content").toAbsolutePath();
        String baseUrl = "https://example.github.io/" + name + "/";
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SiteGenCli(project, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run("generate", "--content-directory", content.toString(), "--base-url", baseUrl, "--cache-directory=");
        assertEquals(SiteGenCli.OK, code, () -> err.toString(StandardCharsets.UTF_8));

        Path core = project.resolve("core-build");
        new SiteGenerator().generate(SiteGenConfig.builder(content, core).projectDirectory(project).baseUrl(baseUrl)
                .defaultTitle(project.getFileName().toString()).build(), BuildListener.SILENT);
        Fixture.assertSameFiles(Fixture.contents(core), Fixture.contents(project.resolve("target/site-gen")));
    }
}
