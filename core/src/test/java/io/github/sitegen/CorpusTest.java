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
