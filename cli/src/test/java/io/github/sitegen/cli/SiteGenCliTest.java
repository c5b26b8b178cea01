package io.github.sitegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.sitegen.BuildListener;
import io.github.sitegen.Fixture;
import io.github.sitegen.Setting;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;

class SiteGenCliTest {

    private static final String SITE = """
            -- src/site-gen/content/site.yaml --
            title: Acme help
            description: Answers about paying for Acme.
            -- src/site-gen/content/billing.yaml --
            title: Billing
            questions:
              - id: how-to-pay
                question: How do I pay?
                answer: With a **card**.
              - question: Can I get a refund?
                answer: Yes, see [paying](#how-to-pay).
            """;

    private static final String BROKEN = """
            -- src/site-gen/content/site.yaml --
            title: Acme help
            -- src/site-gen/content/billing.yaml --
            title: Billing
            questions:
              - question: Q?
                tags: [a
             ]d  answer: b
            """;

    @TempDir
    Path project;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new SiteGenCli(project, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private List<String> errLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void generateBuildsTheProjectOfTheCurrentFolderToTheSameBytesAsTheCore() throws Exception {
        Fixture.write(project, SITE);
        assertEquals(SiteGenCli.OK, run("generate", "--base-url", "https://acme.github.io/help"), err::toString);

        Path core = project.resolve("core-build");
        new SiteGenerator().generate(SiteGenConfig.builder(project.resolve("src/site-gen/content"), core)
                .projectDirectory(project).baseUrl("https://acme.github.io/help")
                .defaultTitle(project.getFileName().toString()).build(), BuildListener.SILENT);
        Fixture.assertSameFiles(Fixture.contents(core), Fixture.contents(project.resolve("target/site-gen")));
        assertTrue(Files.isDirectory(project.resolve("target/site-gen-cache")), "the build cache is where the plugin keeps it");
    }

    @Test
    void contentErrorsExitWithOneAndAreOnStandardErrorAsFileLineColumn() throws Exception {
        Fixture.write(project, BROKEN);
        assertEquals(SiteGenCli.CONTENT_ERRORS, run("generate"));
        assertEquals("src/site-gen/content/billing.yaml:5:3: error: cannot read YAML: A simple key is required only if"
                + " it is the first token in the current line", errLines().get(0));
        assertTrue(Files.notExists(project.resolve("target/site-gen")), "a failed build writes no site");
    }

    @Test
    void checkReportsTheSameErrorsAsGenerateWithTheSameExitCode() throws Exception {
        Fixture.write(project, BROKEN);
        assertEquals(SiteGenCli.CONTENT_ERRORS, run("generate"));
        String generated = errLines().get(0);
        err.reset();
        assertEquals(SiteGenCli.CONTENT_ERRORS, run("check"));
        assertEquals(generated, errLines().get(0));
    }

    @Test
    void aGoodSiteChecksAndVerifiesWithExitZero() throws Exception {
        Fixture.write(project, SITE);
        assertEquals(SiteGenCli.OK, run("check", "--strict"), err::toString);
        assertEquals(SiteGenCli.OK, run("generate", "--base-url=https://acme.github.io/help/"), err::toString);
        assertEquals(SiteGenCli.OK, run("verify", "--base-url=https://acme.github.io/help/"), err::toString);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("verify: crawled"), out::toString);
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitTwo() {
        assertEquals(SiteGenCli.USAGE, run("generate", "--no-such-option"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown option: '--no-such-option'"), err::toString);
    }

    @Test
    void aCommandLineWithoutACommandIsAUsageError() {
        assertEquals(SiteGenCli.USAGE, run());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("generate"), err::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"generate", "check", "serve", "verify"})
    void aBaseUrlThatIsNotAbsoluteIsAUsageErrorOfEveryCommandThatTakesOne(String command) throws Exception {
        Fixture.write(project, SITE);
        assertEquals(SiteGenCli.USAGE, run(command, "--base-url", "acme.github.io/help"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("site-gen " + command + ": --base-url: "), err::toString);
        assertTrue(Files.notExists(project.resolve("target/site-gen")) || command.equals("verify"), "nothing is built");
    }

    @Test
    void messagesNameTheCommandLinesOptionsCommandsAndClassPathNotMavens() throws Exception {
        assertEquals(SiteGenCli.CONTENT_ERRORS, run("generate"));
        assertTrue(errLines().contains("src/site-gen/content: error: the content directory does not exist (create it with"
                + " one <topic-id>.yaml file per topic, or point --content-directory at your content)"), err::toString);
        err.reset();
        assertEquals(SiteGenCli.CONTENT_ERRORS, run("verify"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("run site-gen generate first, with the same --output-directory"),
                err::toString);
        err.reset();
        Fixture.write(project, SITE);
        assertEquals(SiteGenCli.CONTENT_ERRORS, run("generate", "--theme", "nosuch"));
        String theme = err.toString(StandardCharsets.UTF_8);
        assertTrue(theme.contains("there is no theme 'nosuch' on the class path"), theme);
        assertTrue(theme.contains("put the theme's jar on the class path beside the command's"), theme);
        assertTrue(!theme.contains("site-gen.") && !theme.contains("site-gen-maven-plugin"), theme);
    }

    @Test
    void ejectWithoutNamesTellsHowToNameAnInternalFileAsAnOption() throws Exception {
        assertEquals(SiteGenCli.OK, run("eject"), err::toString);
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("such as --templates="), said);
        assertTrue(!said.contains("-Dsite-gen.") && !said.contains("-D--"), said);
    }

    @ParameterizedTest
    @ValueSource(strings = {"generate", "check", "serve", "verify", "eject", "import-fml"})
    void everyCommandHasHelpListingEachOfItsSettings(String command) {
        assertEquals(SiteGenCli.OK, run(command, "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (Setting setting : Setting.of(command)) {
            assertTrue(help.contains("--" + setting.kebabName()), () -> setting.name() + " in\n" + help);
        }
    }

    @Test
    void skipDoesNothing() throws Exception {
        Fixture.write(project, BROKEN);
        assertEquals(SiteGenCli.OK, run("generate", "--skip"));
        assertTrue(Files.notExists(project.resolve("target/site-gen")));
    }

    @Test
    void ejectCopiesTheNamedThemeFileIntoTheTemplateFolder() throws Exception {
        assertEquals(SiteGenCli.OK, run("eject", "--templates", "topic.ftlh"), err::toString);
        assertTrue(Files.isRegularFile(project.resolve("src/site-gen/templates/topic.ftlh")));
    }

    @Test
    void importFmlWritesTopicFilesThatGenerateBuilds() throws Exception {
        Fixture.write(project, """
                -- src/site/fml/faq.fml --
                <?xml version="1.0" encoding="UTF-8"?>
                <faqs title="Acme"><part id="general"><title>General</title>
                <faq id="what"><question>What is it?</question><answer><p>A tool.</p></answer></faq>
                </part></faqs>
                """);
        assertEquals(SiteGenCli.OK, run("import-fml"), err::toString);
        assertTrue(Files.isRegularFile(project.resolve("src/site-gen/content/general.yaml")));
        assertEquals(SiteGenCli.OK, run("generate"), err::toString);
        assertTrue(Files.readString(project.resolve("target/site-gen/general/index.html")).contains("What is it?"));
    }
}
