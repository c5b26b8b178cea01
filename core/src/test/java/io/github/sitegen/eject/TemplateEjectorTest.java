package io.github.sitegen.eject;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.sitegen.BuildListener;
import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.problem.SiteGenException;
import io.github.sitegen.theme.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateEjectorTest {

    private static final Path THEME = Path.of(System.getProperty("siteGen.repositoryRoot", "..")).resolve("templates");

    @TempDir
    Path root;

    private final List<String> messages = new ArrayList<>();

    private final BuildListener listener = Fixture.recording(messages, null);

    private Path templates() {
        return root.resolve("templates");
    }

    private static List<String> names(List<TemplateEjector.ThemeFile> files) {
        return files.stream().map(TemplateEjector.ThemeFile::name).toList();
    }

    @Test
    void theThemeListsEveryTemplateAndAssetAndWhichAreMeantToBeChanged() throws Exception {
        List<TemplateEjector.ThemeFile> files = TemplateEjector.themeFiles(Theme.builtIn());
        List<String> inRepository = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(THEME)) {
            walk.filter(Files::isRegularFile).map(f -> THEME.relativize(f).toString().replace('\\', '/'))
                    .filter(n -> !n.equals("theme.properties") && !n.startsWith("messages/"))
                    .sorted().forEach(inRepository::add);
        }
        assertEquals(inRepository, names(files).stream().sorted().toList(),
                "every file of the theme's folder but theme.properties and the message bundles, which site.yaml overrides");
        assertEquals(List.of("404.ftlh", "all-topic.ftlh", "all.ftlh", "footer-extra.ftlh", "head-extra.ftlh", "header-extra.ftlh",
                        "index.ftlh", "topic.ftlh", "assets/site-gen.css"),
                names(files.stream().filter(TemplateEjector.ThemeFile::stable).toList()));
        assertTrue(names(files.stream().filter(f -> !f.stable()).toList()).containsAll(List.of("layout.ftlh", "assets/favicon.svg")));
    }

    @Test
    void ejectingWithoutNamesCopiesTheStableFilesOnlyAndBuildsTheSameSite() throws Exception {
        TemplateEjector.Result result = new TemplateEjector().eject(templates(), List.of(), listener);
        List<String> stable = names(TemplateEjector.themeFiles(Theme.builtIn()).stream()
                .filter(TemplateEjector.ThemeFile::stable).toList());
        assertEquals(stable.stream().map(templates()::resolve).toList(), result.copied());
        assertEquals(List.of(), result.skipped());
        for (String name : stable) {
            assertArrayEquals(Files.readAllBytes(THEME.resolve(name)), Files.readAllBytes(templates().resolve(name)), name);
        }
        assertFalse(Files.exists(templates().resolve("layout.ftlh")), "internal files would override every later version");
        assertFalse(Files.exists(templates().resolve("assets/site-gen.js")));
        assertTrue(messages.contains("copied topic.ftlh (stable: meant to be changed)"), String.join("\n", messages));
        assertTrue(messages.contains("Meant to be overridden (stable): 404.ftlh, all-topic.ftlh, all.ftlh, footer-extra.ftlh,"
                + " head-extra.ftlh, header-extra.ftlh, index.ftlh, topic.ftlh, assets/site-gen.css"), String.join("\n", messages));
        String internal = messages.stream().filter(m -> m.startsWith("Internal, may change between versions: ")).findFirst().orElseThrow();
        assertTrue(internal.contains("layout.ftlh") && internal.contains("assets/favicon.svg"), internal);
        assertFalse(internal.contains("topic.ftlh") || internal.contains("site-gen.css"), internal);
        assertTrue(messages.contains("Internal files are copied only by name, one by one, such as"
                + " -Dsite-gen.templates=languages.ftlh"), String.join("\n", messages));

        Fixture.write(root, """
                -- content/faq.yaml --
                title: FAQ
                questions:
                  - question: Does it look the same?
                    answer: Yes, **exactly**.
                """);
        Fixture.build(SiteGenConfig.builder(root.resolve("content"), root.resolve("builtin")));
        Fixture.build(SiteGenConfig.builder(root.resolve("content"), root.resolve("ejected")).templateDirectory(templates()));
        Fixture.assertSameFiles(Fixture.contents(root.resolve("builtin")), Fixture.contents(root.resolve("ejected")));
    }

    @Test
    void anInternalFileIsCopiedWhenNamedWithItsWarning() throws Exception {
        TemplateEjector.Result result = new TemplateEjector().eject(templates(), List.of("layout.ftlh", "assets/site-gen.js"),
                listener);
        assertEquals(List.of(templates().resolve("layout.ftlh"), templates().resolve("assets/site-gen.js")), result.copied());
        assertTrue(messages.containsAll(List.of(
                "copied layout.ftlh (internal: it may change in any version, and your copy will not follow)",
                "copied assets/site-gen.js (internal: it may change in any version, and your copy will not follow)")),
                String.join("\n", messages));
        assertFalse(messages.stream().anyMatch(m -> m.startsWith("Internal files are copied only by name")));
    }

    @Test
    void namedTemplatesAreTheOnlyOnesCopied() throws Exception {
        TemplateEjector.Result result = new TemplateEjector().eject(templates(), List.of("topic.ftlh", "assets/site-gen.css",
                "topic.ftlh"), listener);
        assertEquals(List.of(templates().resolve("topic.ftlh"), templates().resolve("assets/site-gen.css")), result.copied());
        assertEquals(List.of("assets/site-gen.css", "topic.ftlh"), List.copyOf(Fixture.contents(templates()).keySet()));
    }

    @Test
    void anExistingFileIsNeverReplacedOnlySkippedWithAMessage() throws Exception {
        Fixture.write(root, """
                -- templates/topic.ftlh --
                <#-- my own topic page -->
                """);
        TemplateEjector.Result result = new TemplateEjector().eject(templates(), List.of("topic.ftlh", "index.ftlh"), listener);
        assertEquals(List.of(templates().resolve("index.ftlh")), result.copied());
        assertEquals(List.of(templates().resolve("topic.ftlh")), result.skipped());
        assertEquals("<#-- my own topic page -->\n", Files.readString(templates().resolve("topic.ftlh")));
        assertTrue(messages.contains("kept topic.ftlh: " + templates().resolve("topic.ftlh")
                + " exists, and site-gen:eject never replaces a file"), String.join("\n", messages));
        assertTrue(messages.contains("eject: copied 1 file to " + templates() + ", kept 1 file that existed"));
    }

    @Test
    void anUnknownNameIsAnErrorThatListsTheThemesFilesAndNothingIsCopied() throws Exception {
        SiteGenException e = assertThrows(SiteGenException.class,
                () -> new TemplateEjector().eject(templates(), List.of("topic.ftlh", "page.ftlh"), listener));
        List<String> theme = names(TemplateEjector.themeFiles(Theme.builtIn()));
        assertEquals(List.of("404.ftlh", "all-topic.ftlh", "all.ftlh", "footer-extra.ftlh", "head-extra.ftlh",
                "header-extra.ftlh", "index.ftlh", "languages.ftlh", "layout.ftlh", "maintainers.ftlh", "moved.ftlh", "topic.ftlh",
                "assets/favicon.svg", "assets/site-gen-feedback.js", "assets/site-gen-links.js", "assets/site-gen-search.js",
                "assets/site-gen.css", "assets/site-gen.js"), theme,
                "the templates, then the assets, in path order");
        assertEquals(List.of("error: site-gen.templates: 'page.ftlh' is not a file of the built-in theme (available: "
                + String.join(", ", theme) + ")"),
                e.problems().stream().map(p -> p.format(root)).toList());
        assertTrue(Files.notExists(templates()));
    }

    @Test
    void aLinkInTheTemplateFolderThatLeadsOutOfItStopsEjectBeforeAnythingIsWrittenThrough() throws Exception {
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.createDirectories(templates());
        Files.createSymbolicLink(templates().resolve("assets"), outside);
        SiteGenException e = assertThrows(SiteGenException.class,
                () -> new TemplateEjector().eject(templates(), List.of("assets/site-gen.css"), listener));
        assertEquals(List.of("templates/assets: error: symbolic link leads outside the template folder, so it is not read"
                + " (site-gen reads only files inside the folders it is given; copy the file into the template folder"
                + " or make the link point at a file inside it)"), e.problems().stream().map(p -> p.format(root)).toList());
        try (Stream<Path> files = Files.list(outside)) {
            assertEquals(0, files.count(), "nothing was written outside the template folder");
        }
    }
}
