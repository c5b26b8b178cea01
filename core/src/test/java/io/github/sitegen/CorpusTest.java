package io.github.sitegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Real FAQ content nobody here wrote (see src/test/resources/corpus/README.md) builds unchanged,
 * and every question of every topic is on its topic page under its own anchor.
 */
class CorpusTest {

    @TempDir
    Path out;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"osc-gov", "geyser-wiki", "wsl-faq", "bitcoin-org", "cc-korea"})
    void aRealCorpusBuildsAndEveryQuestionIsOnTheSiteWithItsAnchor(String name) throws Exception {
        Path content = TestContent.corpus(name);
        Path site = out.resolve("site");
        SiteGenerator.Result result = new SiteGenerator().generate(SiteGenConfig.builder(content, site).build(),
                BuildListener.SILENT);
        int expected = 0;
        Set<String> anchors = new HashSet<>();
        try (Stream<Path> files = Files.list(content)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String topicId = file.getFileName().toString().replace(".yaml", "");
                List<String> questions = questionsIn(file);
                expected += questions.size();
                Document page = Fixture.html(site.resolve(topicId).resolve("index.html"));
                List<Fixture.PageQuestion> onPage = Fixture.questions(page);
                assertEquals(questions.size(), onPage.size(), topicId);
                for (int i = 0; i < questions.size(); i++) {
                    Fixture.PageQuestion question = onPage.get(i);
                    assertEquals(questions.get(i).strip().replaceAll("\\s+", " "), question.question(), topicId + " #" + i);
                    assertTrue(anchors.add(question.id()), "anchor " + question.id() + " is unique across the site");
                    assertNotNull(page.selectFirst("a.self-link[href=#" + question.id() + "]"));
                }
            }
        }
        assertEquals(expected, result.questions());
        assertEquals(List.of(), SiteCheck.brokenLinks(site));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"osc-gov", "geyser-wiki", "wsl-faq", "bitcoin-org", "cc-korea"})
    void aBuildFromTheCacheAfterAnEditParsesOneFileAndWritesTheBytesOfACleanBuild(String name) throws Exception {
        Path content = out.resolve("content");
        Path from = name.equals("bitcoin-org") ? TestContent.multilingual() : TestContent.corpus(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path to = content.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                    settled(to);
                }
            }
        }
        SiteGenConfig cached = SiteGenConfig.builder(content, out.resolve("cached")).projectDirectory(out)
                .cacheDirectory(out.resolve("cache")).build();
        new SiteGenerator().generate(cached, BuildListener.SILENT);

        // One answer of the last topic file edited (a word added, or a comment where no "the" is).
        Path edited;
        try (Stream<Path> files = Files.walk(content)) {
            edited = files.filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString().equals("site.yaml"))
                    .sorted().reduce((first, second) -> second).orElseThrow();
        }
        String text = Files.readString(edited);
        int at = text.lastIndexOf(" the ");
        Files.writeString(edited, at < 0 ? text + "\n# edited\n" : text.substring(0, at) + " the very " + text.substring(at + 5));
        settled(edited);
        List<String> log = new ArrayList<>();
        new SiteGenerator().generate(cached, Fixture.recording(log, out));
        assertTrue(log.stream().anyMatch(line -> line.matches(".*and 1 of \\d+ topic files were parsed.*")), log::toString);

        new SiteGenerator().generate(SiteGenConfig.builder(content, out.resolve("clean")).projectDirectory(out).build(),
                BuildListener.SILENT);
        Fixture.assertSameFiles(Fixture.contents(out.resolve("clean")), Fixture.contents(out.resolve("cached")));
    }

    /**
     * Gives {@code file} a modification time an hour ago, as a file edited before the build started:
     * the cache keeps nothing of a build whose inputs changed within the file clock's tick of it.
     */
    private static void settled(Path file) throws IOException {
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    }

    @SuppressWarnings("unchecked")
    private static List<String> questionsIn(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> topic = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            List<String> questions = new ArrayList<>();
            for (Map<String, Object> q : (List<Map<String, Object>>) topic.get("questions")) {
                questions.add(String.valueOf(q.get("question")));
            }
            return questions;
        }
    }
}
