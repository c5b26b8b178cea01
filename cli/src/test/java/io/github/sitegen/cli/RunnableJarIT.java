package io.github.sitegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.sitegen.BuildListener;
import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;

/**
 * The jar users download, run as they run it: {@code java -jar site-gen-cli-<v>.jar} in a new JVM with
 * nothing else on its class path, in the folder of a project that has no Maven build. Run by failsafe
 * after the shade plugin made the jar ({@code site-gen.cli.jar}); the unit tests run the same commands
 * in-process, so what these add is the packaging: the main class, the core's theme and schema, the FML
 * importer and every library inside, the version, the exit codes of a real process.
 */
class RunnableJarIT {

    /** Set by failsafe (cli/pom.xml): the shaded jar, and the version it must say. */
    private static final Path JAR = Path.of(System.getProperty("site-gen.cli.jar"));
    private static final String VERSION = System.getProperty("site-gen.version");
    /** Only so that a broken jar that hangs fails the build instead of holding it; no figure is measured. */
    private static final long CEILING_MINUTES = 10;

    @TempDir
    Path project;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("site-gen-out", ".txt");
        Path err = Files.createTempFile("site-gen-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeAll(List.of("CLASSPATH", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"));
        Process process = builder.start();
        if (!process.waitFor(CEILING_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar " + String.join(" ", args) + " did not end within " + CEILING_MINUTES + " minutes");
        }
        try {
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    @Test
    void theJarIsRunnableAloneAndSaysItsVersion() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is made by the package phase");
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Manifest manifest = jar.getManifest();
            assertEquals(SiteGenCli.class.getName(), manifest.getMainAttributes().getValue("Main-Class"));
            assertNull(manifest.getMainAttributes().getValue("Class-Path"), "the libraries are inside, not beside it");
            assertNotNull(jar.getEntry("META-INF/site-gen/LICENSE"), "site-gen's licence");
            assertNotNull(jar.getEntry("META-INF/THIRD-PARTY.txt"), "the libraries' licences");
        }
        Run version = run("--version");
        assertEquals(SiteGenCli.OK, version.exit(), version::err);
        assertEquals("site-gen " + VERSION, version.out().strip());
    }

    @Test
    void generateInAFolderWithoutMavenBuildsTheSameBytesAsTheCore() throws Exception {
        Fixture.write(project, """
                -- src/site-gen/content/site.yaml --
                title: Acme help
                -- src/site-gen/content/billing.yaml --
                title: Billing
                questions:
                  - id: how-to-pay
                    question: How do I pay?
                    answer: With a **card**, see [refunds](#can-i-get-a-refund).
                  - question: Can I get a refund?
                    answer: Yes.
                """);
        Run generate = run("generate", "--base-url", "https://acme.github.io/help/");
        assertEquals(SiteGenCli.OK, generate.exit(), generate::err);

        Path core = project.resolve("core-build");
        new SiteGenerator().generate(SiteGenConfig.builder(project.resolve("src/site-gen/content"), core)
                .projectDirectory(project).baseUrl("https://acme.github.io/help/")
                .defaultTitle(project.getFileName().toString()).build(), BuildListener.SILENT);
        Fixture.assertSameFiles(Fixture.contents(core), Fixture.contents(project.resolve("target/site-gen")));
    }

    @Test
    void contentErrorsExitWithOneAndAreOnStandardErrorAsFileLineColumn() throws Exception {
        Fixture.write(project, """
                -- src/site-gen/content/billing.yaml --
                title: Billing
                questions:
                  - question: How do I pay?
                    answer With a card.
                """);
        Run check = run("check");
        assertEquals(SiteGenCli.CONTENT_ERRORS, check.exit(), check::err);
        assertTrue(check.err().lines().anyMatch(line -> line.startsWith("src/site-gen/content/billing.yaml:4:5: error: ")),
                check::err);
        assertFalse(check.out().contains("error:"), "errors go to standard error only");
    }

    @Test
    void anUnknownOptionExitsWithTwoAndNamesIt() throws Exception {
        Run wrong = run("generate", "--base-ulr", "https://acme.github.io/help/");
        assertEquals(SiteGenCli.USAGE, wrong.exit(), wrong::err);
        assertTrue(wrong.err().contains("--base-ulr"), wrong::err);
    }

    @Test
    void importFmlIsInsideTheJar() throws Exception {
        Fixture.write(project, """
                -- src/site/fml/faq.fml --
                <?xml version="1.0" encoding="UTF-8"?>
                <faqs title="Frequently Asked Questions">
                  <part id="general">
                    <title>General</title>
                    <faq id="what">
                      <question>What is it?</question>
                      <answer><p>A tool.</p></answer>
                    </faq>
                  </part>
                </faqs>
                """);
        Run imported = run("import-fml");
        assertEquals(SiteGenCli.OK, imported.exit(), imported::err);
        assertTrue(Files.readString(project.resolve("src/site-gen/content/general.yaml")).contains("id: what"));
    }
}
