package io.github.sitegen.fml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.List;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code previousIds}, which the FML import writes: the loader reads them as written, checks that
 * none clashes with a question id, and the built-in theme keeps each old anchor working.
 */
class PreviousIdsTest {

    @TempDir
    Path root;

    @Test
    void everyPreviousIdIsAnAnchorInTheQuestionsHeading() throws Exception {
        Fixture.write(root, """
                -- content/faq.yaml --
                title: FAQ
                questions:
                  - id: how-to-pay
                    question: How do I pay?
                    answer: By card.
                    previousIds: [How_to_pay.3F, "How_to_pay%3f", "1.1", How_to_pay.3F]
                  - question: Other?
                    answer: Yes.
                """);
        Fixture.build(root);
        Document page = Fixture.html(root.resolve("out/faq/index.html"));
        Fixture.PageQuestion first = Fixture.questions(page).get(0);
        assertEquals("how-to-pay", first.id());
        assertEquals(List.of("How_to_pay.3F", "How_to_pay%3f", "1.1"), first.previousIds());
        Element details = page.getElementById("how-to-pay").parent();
        for (String old : List.of("How_to_pay.3F", "How_to_pay%3f", "1.1")) {
            Element anchor = page.getElementById(old);
            assertNotNull(anchor, old);
            assertEquals(details, anchor.parent(), "inside the question's details, so a link to it opens them");
            assertEquals("", anchor.text());
        }
        assertEquals("How do I pay?", first.question());
        assertEquals(List.of(), Fixture.questions(page).get(1).previousIds());
        assertEquals(List.of(), SiteCheck.brokenLinks(root.resolve("out")));
    }

    @Test
    void aPreviousIdMayNotBeAQuestionIdOrBelongToTwoQuestions() throws Exception {
        Fixture.write(root, """
                -- content/a.yaml --
                title: A
                questions:
                  - id: first
                    question: First?
                    answer: One.
                    previousIds: [first, second, old]
                  - question: Second?
                    answer: Two.
                    previousIds:
                      - old
                      - has space
                -- content/b.yaml --
                title: B
                questions:
                  - id: third
                    question: Third?
                    answer: Three.
                    previousIds: [second, b-old]
                """);
        assertEquals(List.of(
                "content/a.yaml:6:19: error: previous id 'first' is this question's own id (remove it from previousIds)",
                "content/a.yaml:6:26: error: previous id 'second' is the id of the question at a.yaml:7 (a previous id"
                        + " may not be the id of any question on the site)",
                "content/a.yaml:10:9: error: previous id 'old' is also a previous id of the question at a.yaml:3 (an old"
                        + " anchor can lead to one question only)",
                "content/a.yaml:11:9: error: previous id 'has space' contains whitespace, which no anchor can (write the"
                        + " anchor exactly as it appears after # in the old link)",
                "content/b.yaml:6:19: error: previous id 'second' is the id of the question at a.yaml:7 (a previous id"
                        + " may not be the id of any question on the site)"),
                Fixture.failures(root));
    }

    @Test
    void theTopicSchemaDescribesPreviousIds() throws Exception {
        Path schema = Path.of(System.getProperty("siteGen.repositoryRoot", "..")).resolve("schema/topic.schema.json");
        JsonNode question = new ObjectMapper().readTree(schema.toFile()).path("$defs").path("question");
        JsonNode previousIds = question.path("properties").path("previousIds");
        assertEquals("^\\S+$", previousIds.path("items").path("pattern").asText());
        assertEquals(List.of("aliases", "answer", "draft", "id", "owner", "previousIds", "question", "related", "reviewed", "tags"),
                iterable(question.path("properties").fieldNames()).stream().sorted().toList());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void aMisspeltPreviousIdsKeyGetsTheUsualSuggestion() throws Exception {
        Fixture.write(root, """
                -- content/a.yaml --
                title: A
                questions:
                  - question: First?
                    answer: One.
                    previousId: [x]
                """);
        assertEquals(List.of("content/a.yaml:5:5: error: unknown key 'previousId' in question 1 (did you mean 'previousIds'?)"),
                Fixture.failures(root));
    }

    @Test
    void aTopicsPreviousIdsAreAnchorsInItsPageHeadingAndMayNotBeAnIdOfThatPage() throws Exception {
        Fixture.write(root, """
                -- content/start.yaml --
                title: Getting Started
                previousIds: [Getting_Started, start]
                questions:
                  - id: install
                    question: How do I install it?
                    answer: Unzip it.
                -- content/more.yaml --
                title: More
                previousIds: [Getting_Started]
                questions:
                  - id: more
                    question: More?
                    answer: Yes.
                """);
        Fixture.build(root);
        Element heading = Fixture.html(root.resolve("out/start/index.html")).selectFirst("h1");
        assertEquals(List.of("Getting_Started", "start"), heading.select("span[id]").eachAttr("id"));
        assertEquals("Getting Started", heading.text());
        assertEquals(List.of(), SiteCheck.brokenLinks(root.resolve("out")));

        Fixture.write(root, """
                -- content/more.yaml --
                title: More
                previousIds: [more, old]
                questions:
                  - id: more
                    question: More?
                    answer: Yes.
                    previousIds: [old]
                """);
        assertEquals(List.of(
                "content/more.yaml:2:15: error: previous id 'more' of the topic is the id of the question at more.yaml:4"
                        + " (an anchor can lead to one place of the page only)",
                "content/more.yaml:2:21: error: previous id 'old' of the topic is a previous id of the question at"
                        + " more.yaml:4 (an anchor can lead to one place of the page only)"),
                Fixture.failures(root));
    }

    @Test
    void theTopicSchemaDescribesTheTopicsPreviousIds() throws Exception {
        Path schema = Path.of(System.getProperty("siteGen.repositoryRoot", "..")).resolve("schema/topic.schema.json");
        JsonNode previousIds = new ObjectMapper().readTree(schema.toFile()).path("properties").path("previousIds");
        assertEquals("^\\S+$", previousIds.path("items").path("pattern").asText());
    }
}
