package io.github.sitegen.theme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.sitegen.BuildListener;
import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.ThemeFixture;
import io.github.sitegen.eject.TemplateEjector;
import io.github.sitegen.problem.SiteGenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** site-gen:eject with a theme copies each file as a build with that theme would use it. */
class EjectFromThemeTest {

    @TempDir
    Path root;

    private final List<String> messages = new ArrayList<>();
    private final BuildListener listener = Fixture.recording(messages, null);

    private ClassLoader classPath() throws Exception {
        Fixture.write(root, ThemeLookupTest.CONTENT + ThemeLookupTest.PARENT);
        return ThemeFixture.classPath(ThemeFixture.jar(root.resolve("child.jar"), ThemeLookupTest.CHILD), root.resolve("parent-classes"));
    }

    @Test
    void eachFileComesFromTheChosenThemeOrTheThemeItExtendsOrTheBuiltInThemeAndSaysWhichAndWhetherItIsStable() throws Exception {
        Path templates = root.resolve("templates");
        new TemplateEjector("child", classPath()).eject(templates,
                List.of("footer-extra.ftlh", "head-extra.ftlh", "assets/extra.css", "topic.ftlh"), listener);
        assertEquals("<p class=\"hook\">child footer</p>\n", Files.readString(templates.resolve("footer-extra.ftlh")));
        assertEquals("<meta name=\"hook\" content=\"parent head\">\n", Files.readString(templates.resolve("head-extra.ftlh")));
        assertEquals("/* child extra.css */\n", Files.readString(templates.resolve("assets/extra.css")));
        assertArrayEquals(Files.readAllBytes(Path.of(System.getProperty("siteGen.repositoryRoot", "..")).resolve("templates/topic.ftlh")),
                Files.readAllBytes(templates.resolve("topic.ftlh")));
        assertEquals(List.of("copied footer-extra.ftlh from theme 'child' (stable: meant to be changed)",
                "copied head-extra.ftlh from theme 'parent' (internal: it may change in any version, and your copy will not follow)",
                "copied assets/extra.css from theme 'child' (stable: meant to be changed)",
                "copied topic.ftlh (stable: meant to be changed)"), messages.subList(0, 4));
    }

    @Test
    void ejectingAThemesStableFilesBuildsTheSameSiteAsTheThemeItself() throws Exception {
        ClassLoader classPath = classPath();
        TemplateEjector.Result result = new TemplateEjector("child", classPath).eject(root.resolve("templates"), List.of(), listener);
        assertTrue(result.copied().containsAll(List.of(root.resolve("templates/footer-extra.ftlh"),
                root.resolve("templates/assets/extra.css"), root.resolve("templates/topic.ftlh"))), result.copied().toString());
        assertFalse(result.copied().contains(root.resolve("templates/assets/parent.svg")), "internal to the parent theme");
        Fixture.build(SiteGenConfig.builder(root.resolve("content"), root.resolve("themed")).theme("child", classPath));
        Fixture.build(SiteGenConfig.builder(root.resolve("content"), root.resolve("ejected")).theme("child", classPath)
                .templateDirectory(root.resolve("templates")));
        Fixture.assertSameFiles(Fixture.contents(root.resolve("themed")), Fixture.contents(root.resolve("ejected")));
    }

    @Test
    void anUnknownThemeStopsEjectBeforeAnythingIsCopied() throws Exception {
        SiteGenException e = assertThrows(SiteGenException.class,
                () -> new TemplateEjector("chlid", classPath()).eject(root.resolve("templates"), List.of(), listener));
        assertTrue(e.problems().get(0).message().startsWith("site-gen.theme: there is no theme 'chlid' on the plugin's class"
                + " path (themes found: child, parent)"), e.problems().toString());
        assertTrue(Files.notExists(root.resolve("templates")));
    }
}
