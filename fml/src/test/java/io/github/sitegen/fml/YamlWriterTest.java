package io.github.sitegen.fml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** What the writer writes, SnakeYAML (which the content loader uses) reads back as the same text. */
class YamlWriterTest {

    private static final List<String> TRICKY = List.of("plain text", "yes", "no", "null", "~", "true", "1.1", "0x1F",
            "2024-01-01", "-", "- item", "? what", ": colon", "key: value", "ends with:", "a #not comment", "#comment",
            "'quoted'", "\"double\"", "[list]", "{map}", "*alias", "&anchor", "!tag", "%directive", "@at", "`tick`",
            "|pipe", ">fold", " leading", "trailing ", "tab\there", "back\\slash", "nul\u0000char", "bell\u0007",
            "nel\u0085", "bom\ufeff", "ls\u2028", "emoji 😀", "lone \ud800 surrogate", "café", "저작권", "",
            "line\nbreak", "two\n\nlines\n", "  indented\nfirst line\n", "ends with blank line\n\n", "spaces line\n   \nafter\n",
            "crlf\r\nline", "---\n...\n", "# heading\n\n- item\n", "tab\tinside\n\tand at start\n");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String yaml) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }

    @Test
    void everyTrickyValueReadsBackAsTheSameString() {
        for (String value : TRICKY) {
            String yaml = new YamlWriter().comment("a comment\n").text(0, "title", value).number(0, "order", 10).toString();
            Map<String, Object> map = load(yaml);
            assertEquals(value, map.get("title"), () -> yaml);
            assertEquals(10, map.get("order"), () -> yaml);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void valuesNestedInAListItemReadBackToo() {
        for (String value : TRICKY) {
            String yaml = new YamlWriter().raw("questions:").item(2, "id", value).text(4, "answer", value)
                    .list(4, "previousIds", List.of(value, "x")).toString();
            Map<String, Object> question = ((List<Map<String, Object>>) load(yaml).get("questions")).get(0);
            assertEquals(value, question.get("id"), () -> yaml);
            assertEquals(value, question.get("answer"), () -> yaml);
            assertEquals(List.of(value, "x"), question.get("previousIds"), () -> yaml);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void randomTextReadsBackAsTheSameString() {
        Random random = new Random(42);
        String alphabet = " \n\t-:#'\"\\|>[]{}*&!%@`?,.aZ09é€😀\u0085\u00a0\u2028\u0001";
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            String value = text.toString();
            String yaml = new YamlWriter().raw("questions:").item(2, "question", value).text(4, "answer", value).toString();
            Map<String, Object> question = ((List<Map<String, Object>>) load(yaml).get("questions")).get(0);
            assertEquals(value, question.get("question"), () -> yaml);
            assertEquals(value, question.get("answer"), () -> yaml);
        }
    }

    @Test
    void multiLineTextIsALiteralBlockAndShortTextStaysPlain() {
        String yaml = new YamlWriter().text(0, "title", "Getting started").text(0, "answer", "One.\n\nTwo:\n\n- a\n").toString();
        assertEquals("title: Getting started\nanswer: |\n  One.\n\n  Two:\n\n  - a\n", yaml);
        assertTrue(YamlWriter.isSafePlain("What's new in 2.0?"));
        assertFalse(YamlWriter.isSafePlain("1.1"));
        assertEquals("\"1.1\"", YamlWriter.single("1.1"));
        List<String> lines = new ArrayList<>(new YamlWriter().text(0, "a", " lead\nx\n").toString().lines().toList());
        assertEquals("a: |2", lines.get(0));
    }
}
