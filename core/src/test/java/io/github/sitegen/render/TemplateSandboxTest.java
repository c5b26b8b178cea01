package io.github.sitegen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates read the documented data model and nothing more: no way to Java's reflection. */
class TemplateSandboxTest {

    private static final String CONTENT = """
            -- content/site.yaml --
            title: Sandbox
            -- content/faq.yaml --
            title: FAQ
            questions:
              - question: Is this sandboxed?
                answer: Yes.
                reviewed: 2026-01-31
            """;

    @TempDir
    Path root;

    private SiteGenConfig.Builder config() {
        return SiteGenConfig.builder(root.resolve("content"), root.resolve("out")).projectDirectory(root)
                .templateDirectory(root.resolve("templates"));
    }

    private List<String> failures(String template) throws Exception {
        Fixture.write(root, CONTENT + "-- templates/index.ftlh --\n" + template + "\n");
        return Fixture.failures(root, config());
    }

    @Test
    void aTemplateCannotCallGetClassOnAValueOfTheDataModel() throws Exception {
        List<String> errors = failures("${site.getClass().getName()}");
        Fixture.assertHasLine(errors, "templates/index.ftlh:1:");
        Fixture.assertHasLine(errors, "getClass");
        assertEquals(1, failures("${site.class.name}").size());
        assertEquals(1, failures("${site.hashCode()}").size());
        assertEquals(1, failures("<#list topics as t>${t.getClass().getMethods()?size}</#list>").size());
    }

    @Test
    void aTemplateSeesOnlyTheDocumentedFieldsOfAValueAndPrintsDates() throws Exception {
        Fixture.write(root, CONTENT + """
                -- templates/topic.ftlh --
                <p id="keys"><#list topic?keys?sort as key>${key} </#list></p>
                <p id="date">${topic.questions[0].reviewed?string}</p>
                """);
        Fixture.build(config());
        String keys = Fixture.html(root.resolve("out/faq/index.html")).getElementById("keys").text();
        for (String member : List.of("class", "getClass", "hashCode", "equals", "toString", "wait", "notify")) {
            assertTrue(!(" " + keys + " ").contains(" " + member + " "), member + " is not in " + keys);
        }
        assertTrue((" " + keys + " ").contains(" title "), keys);
        assertEquals("2026-01-31", Fixture.html(root.resolve("out/faq/index.html")).getElementById("date").text());
    }

    @Test
    void aFailedIncludeInsideAttemptIsLeftToTheTemplatesRecoverAndNotLogged() throws Exception {
        Fixture.write(root, CONTENT + """
                -- templates/index.ftlh --
                <p id="x"><#attempt><#include "no-such-part.ftlh"><#recover>fallback</#attempt></p>
                """);
        // FreeMarker's logging is off in the test JVM (plugin pom): build in a JVM that logs as Maven's does.
        Process build = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.freemarker.loggerLibrary=JUL", "-cp", System.getProperty("java.class.path"),
                AttemptBuild.class.getName(), root.toString()).redirectErrorStream(true).start();
        String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, build.waitFor(), output);
        assertEquals("", output);
        assertEquals("fallback", Fixture.html(root.resolve("out/index.html")).getElementById("x").text());
    }

    /** Builds the site at the folder given, with the template folder {@code templates}. */
    static final class AttemptBuild {
        public static void main(String[] args) throws Exception {
            Path root = Path.of(args[0]);
            Fixture.build(SiteGenConfig.builder(root.resolve("content"), root.resolve("out")).projectDirectory(root)
                    .templateDirectory(root.resolve("templates")));
        }
    }
}
