package io.github.sitegen.input;

import static io.github.sitegen.Fixture.assertHasLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.check.ContentCheck;
import io.github.sitegen.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A symbolic link is followed only when its target stays inside the folder it belongs to (content,
 * templates, static). Any other link is an error naming the link, and what it points at is never
 * read, published or quoted. Each of these builds published or quoted the outside file before.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SymbolicLinkTest {

    private static final String SECRET = "GITHUB_TOKEN=ghp_secret42";

    private static final String SITE = """
            -- content/faq.yaml --
            title: FAQ
            questions:
              - question: Does it work?
                answer: Yes.
            """;

    @TempDir
    Path root;

    /** A file outside every folder the build is given, as a token in the environment would be. */
    private Path secret() throws IOException {
        Path outside = root.resolve("outside");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("secret.txt"), SECRET + "\n", StandardCharsets.UTF_8);
        return outside.resolve("secret.txt");
    }

    private SiteGenConfig.Builder config() {
        return SiteGenConfig.builder(root.resolve("content"), root.resolve("out")).projectDirectory(root)
                .staticDirectory(root.resolve("static")).templateDirectory(root.resolve("templates"));
    }

    private static void link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, target);
    }

    private void assertRefusedAndNeverQuoted(List<String> problems, String expected) throws IOException {
        assertHasLine(problems, expected);
        assertFalse(String.join("\n", problems).contains("ghp_secret42"), String.join("\n", problems));
        assertFalse(Files.exists(root.resolve("out")), "a failed build publishes nothing");
    }

    @Test
    void aLinkInTheStaticFolderToAFileOutsideIsAnErrorThatNamesTheLinkAndNothingIsPublished() throws Exception {
        Fixture.write(root, SITE);
        link(root.resolve("static/env.txt"), secret());
        assertRefusedAndNeverQuoted(Fixture.failures(root, config()),
                "static/env.txt: error: symbolic link leads outside the static folder, so it is not read");
    }

    @Test
    void aLinkToTheBuildsOwnEnvironmentIsRefused() throws Exception {
        Fixture.write(root, SITE);
        // macOS has no /proc: there the environment's link would point at nothing.
        boolean proc = Files.exists(Path.of("/proc/self/environ"));
        link(root.resolve("static/env.txt"), Path.of(proc ? "/proc/self/environ" : "/etc/hosts"));
        link(root.resolve("static/passwd"), Path.of("/etc/passwd"));
        List<String> problems = Fixture.failures(root, config());
        assertHasLine(problems, "static/env.txt: error: symbolic link leads outside the static folder");
        assertHasLine(problems, "static/passwd: error: symbolic link leads outside the static folder");
        Files.delete(root.resolve("static/env.txt")); // spares JUnit's warning about links out of its folder
        Files.delete(root.resolve("static/passwd"));
    }

    @Test
    void aRelativeLinkToAFolderOutsideTheStaticFolderIsRefusedWithoutWalkingIt() throws Exception {
        Fixture.write(root, SITE);
        secret();
        link(root.resolve("static/docs"), Path.of("../outside"));
        assertRefusedAndNeverQuoted(Fixture.failures(root, config()),
                "static/docs: error: symbolic link leads outside the static folder");
    }

    @Test
    void linksThatPointAtNothingOrLoopAreErrorsNamingTheLink() throws Exception {
        Fixture.write(root, SITE);
        link(root.resolve("static/gone.png"), Path.of("missing.png"));
        link(root.resolve("static/self"), Path.of("self"));
        link(root.resolve("static/sub/up"), Path.of(".."));
        List<String> problems = Fixture.failures(root, config());
        assertHasLine(problems, "static/gone.png: error: symbolic link points at nothing");
        assertHasLine(problems, "static/self: error: symbolic link cannot be followed");
        assertHasLine(problems, "static/sub/up: error: symbolic link leads back into a folder above it");
    }

    @Test
    void linkLoopsInTheStaticAndTemplateFoldersAreTheErrorsCheckGivesWhenTheBuildCacheKeysThem() throws Exception {
        Fixture.write(root, SITE + "-- templates/assets/extra.css --\nbody { color: teal; }\n");
        link(root.resolve("static/loop"), Path.of("."));
        link(root.resolve("templates/assets/up"), Path.of(".."));
        SiteGenConfig.Builder cached = config().cacheDirectory(root.resolve("cache"));
        List<String> problems = Fixture.failures(root, cached);
        assertHasLine(problems, "static/loop: error: symbolic link leads back into a folder above it, so it is not followed");
        assertHasLine(problems, "templates/assets/up: error: symbolic link leads back into a folder above it");
        List<String> checked = ContentCheck.run(cached.build(), LocalDate.now()).problems().stream()
                .filter(Problem::isError).map(p -> p.format(root)).toList();
        assertEquals(problems, checked);
        assertFalse(Files.exists(root.resolve("out")), "a failed build publishes nothing");
    }

    @Test
    void aLinkToAFolderOutsideIsRefusedBeforeTheBuildCacheWalksIt() throws Exception {
        Fixture.write(root, SITE);
        secret();
        link(root.resolve("outside/again"), Path.of(".")); // walking the outside folder would end in a loop
        link(root.resolve("static/elsewhere"), root.resolve("outside"));
        link(root.resolve("templates/elsewhere"), Path.of("../outside"));
        assertRefusedAndNeverQuoted(Fixture.failures(root, config().cacheDirectory(root.resolve("cache"))),
                "static/elsewhere: error: symbolic link leads outside the static folder");
        assertHasLine(Fixture.failures(root, config().cacheDirectory(root.resolve("cache"))),
                "templates/elsewhere: error: symbolic link leads outside the template folder");
    }

    @Test
    void linksThatStayInsideTheirFolderArePublishedLikeTheFilesTheyPointAt() throws Exception {
        Fixture.write(root, SITE + """
                -- static/img/logo.svg --
                <svg xmlns="http://www.w3.org/2000/svg"/>
                -- templates/shared/site.css --
                body { color: teal; }
                """);
        link(root.resolve("static/logo.svg"), Path.of("img/logo.svg"));
        link(root.resolve("static/pictures"), Path.of("img"));
        link(root.resolve("templates/assets/extra.css"), Path.of("../shared/site.css"));
        Fixture.build(config());
        Path out = root.resolve("out");
        assertEquals(Files.readString(root.resolve("static/img/logo.svg")), Files.readString(out.resolve("logo.svg")));
        assertTrue(Files.isRegularFile(out.resolve("pictures/logo.svg")));
        assertFalse(Files.isSymbolicLink(out.resolve("logo.svg")), "the site holds copies, not links");
        assertEquals("body { color: teal; }\n", Files.readString(out.resolve("assets/extra.css")));
    }

    @Test
    void aLinkInTheTemplateFoldersAssetsToAFileOutsideIsAnError() throws Exception {
        Fixture.write(root, SITE);
        link(root.resolve("templates/assets/env.txt"), secret());
        assertRefusedAndNeverQuoted(Fixture.failures(root, config()),
                "templates/assets/env.txt: error: symbolic link leads outside the template folder, so it is not read");
    }

    @Test
    void aTemplateThatLinksOutsideTheTemplateFolderIsAnErrorAndIsNeverRendered() throws Exception {
        Fixture.write(root, SITE);
        Path outside = secret().resolveSibling("index.ftlh");
        Files.writeString(outside, "<p>" + SECRET + "</p>");
        link(root.resolve("templates/index.ftlh"), outside);
        assertRefusedAndNeverQuoted(Fixture.failures(root, config()),
                "templates/index.ftlh: error: symbolic link leads outside the template folder");
    }

    @Test
    void aTopicFileThatLinksOutsideTheContentFolderIsNotReadSoItsTextIsNeverQuoted() throws Exception {
        Fixture.write(root, SITE);
        // Not YAML: had it been read, the syntax error would quote its first line.
        Path outside = secret().resolveSibling("topic.yaml");
        Files.writeString(outside, SECRET + ": [\n");
        link(root.resolve("content/leak.yaml"), outside);
        link(root.resolve("content/site.yaml"), outside);
        List<String> problems = Fixture.failures(root, config());
        assertRefusedAndNeverQuoted(problems, "content/leak.yaml: error: symbolic link leads outside the content folder");
        assertHasLine(problems, "content/site.yaml: error: symbolic link leads outside the content folder");
    }

    @Test
    void aLanguageFolderThatLinksOutsideTheContentFolderIsRefused() throws Exception {
        Fixture.write(root, """
                -- content/en/faq.yaml --
                title: FAQ
                questions:
                  - question: Does it work?
                    answer: Yes.
                -- outside/de/faq.yaml --
                title: Fragen
                questions:
                  - question: Geht es?
                    answer: Ja.
                """);
        link(root.resolve("content/de"), root.resolve("outside/de"));
        assertHasLine(Fixture.failures(root, config()), "content/de: error: symbolic link leads outside the content folder");
    }

    @Test
    void theCheckGoalReportsALinkOutsideTheContentFolderToo() throws Exception {
        Fixture.write(root, SITE);
        link(root.resolve("content/leak.yaml"), secret());
        List<String> problems = ContentCheck.run(config().build(), LocalDate.of(2026, 1, 1)).problems().stream()
                .map(p -> p.format(root)).toList();
        assertHasLine(problems, "content/leak.yaml: error: symbolic link leads outside the content folder");
        assertFalse(String.join("\n", problems).contains("ghp_secret42"));
    }

    @Test
    void theCheckGoalReportsLinksOutOfTheStaticAndTemplateFoldersAsGenerateWould() throws Exception {
        Fixture.write(root, SITE);
        link(root.resolve("static/env.txt"), secret());
        link(root.resolve("templates/assets/env.txt"), secret());
        List<String> problems = ContentCheck.run(config().build(), LocalDate.of(2026, 1, 1)).problems().stream()
                .map(p -> p.format(root)).toList();
        assertHasLine(problems, "static/env.txt: error: symbolic link leads outside the static folder");
        assertHasLine(problems, "templates/assets/env.txt: error: symbolic link leads outside the template folder");
    }

    @Test
    void theFolderItselfMayBeALinkBecauseTheUserNamedIt() throws Exception {
        Fixture.write(root, """
                -- real-content/faq.yaml --
                title: FAQ
                questions:
                  - question: Does it work?
                    answer: Yes.
                """);
        link(root.resolve("content"), root.resolve("real-content"));
        Fixture.build(config());
        try (Stream<Path> files = Files.list(root.resolve("out"))) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().equals("faq")));
        }
    }

    @Test
    void aPipeInTheStaticFolderIsLeftOutWithAWarningInsteadOfBlockingTheBuild() throws Exception {
        Fixture.write(root, SITE);
        Files.createDirectories(root.resolve("static"));
        Process mkfifo = new ProcessBuilder("mkfifo", root.resolve("static/pipe").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        List<Problem> warnings = Fixture.build(config()).warnings();
        assertHasLine(warnings.stream().map(p -> p.format(root)).toList(),
                "static/pipe: warning: not a regular file (a pipe, socket or device), so it is not read");
        assertFalse(Files.exists(root.resolve("out/pipe")));
    }

    @Test
    @Timeout(60) // before, the build waited for a writer that never came
    void aPipeNamedLikeATopicFileIsLeftOutWithAWarningInsteadOfBlockingTheBuild() throws Exception {
        Fixture.write(root, SITE);
        Process mkfifo = new ProcessBuilder("mkfifo", root.resolve("content/stuck.yaml").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        List<String> warnings = Fixture.build(config()).warnings().stream().map(p -> p.format(root)).toList();
        assertHasLine(warnings, "content/stuck.yaml: warning: not a regular file (a pipe, socket or device), so it is not read");
    }
}
