package io.github.sitegen.content;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.markdown.MarkdownRenderer;
import io.github.sitegen.problem.SiteGenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The YAML mistakes authors make most, each told in plain words at its line: what is wrong there
 * and how to fix it, with the parser's own words kept as a detail.
 */
class YamlErrorMessagesTest {

    @TempDir
    Path root;

    private List<String> errors(String topicFile) throws Exception {
        Fixture.write(root, "-- content/a.yaml --\n" + topicFile);
        SiteGenException e = assertThrows(SiteGenException.class, () -> new ContentLoader(new MarkdownRenderer(false))
                .load(root.resolve("content"), SiteGenConfig.DEFAULT_TITLE, ""));
        return e.problems().stream().map(p -> p.format(root)).toList();
    }

    private static void assertHas(List<String> lines, String expected) {
        Fixture.assertHasLine(lines, expected);
    }

    @Test
    void aKeyIndentedMoreThanTheKeyAboveIsExplained() throws Exception {
        List<String> found = errors("title: A\nquestions:\n  - question: Q?\n     answer: A\n");
        assertHas(found, "content/a.yaml:4:12: error: this line is indented more than the key above it, so YAML reads it"
                + " as part of that key's value [YAML: mapping values are not allowed here] (start the keys of one"
                + " question in the same column");
    }

    @Test
    void aValueWithAColonAndASpaceIsExplained() throws Exception {
        List<String> found = errors("title: A\nquestions:\n  - question: Q?\n    answer: Note: this\n");
        assertHas(found, "content/a.yaml:4:17: error: the value on this line contains ': ', which YAML reads as the start"
                + " of another key [YAML: mapping values are not allowed here] (put the value in quotes");
    }

    private static final String SIMPLE_KEY = "while scanning a simple key: could not find expected ':'";
    private static final String MAPPING_VALUES = "mapping values are not allowed here";

    /** Fails unless the file {@code yaml} has the plain missing-colon error at {@code position}, with the parser's words. */
    private void assertMissingColon(String yaml, String position, String parserWords) throws Exception {
        assertHas(errors(yaml), "content/a.yaml:" + position + ": error: the key on this line has no ':' after it [YAML: "
                + parserWords + "] (write the key, a colon and a space, then the value, such as 'title: Billing';");
    }

    @Test
    void aMissingColonOnTheFirstLineIsReportedOnThatLine() throws Exception {
        assertMissingColon("title A\nquestions:\n  - question: Q?\n    answer: A\n", "1:1", MAPPING_VALUES);
    }

    @Test
    void aMissingColonInABlockMappingIsReportedOnItsLineNotTheNext() throws Exception {
        assertMissingColon("title: Publishing\nsummary Building and deploying\nquestions:\n  - question: Q?\n    answer: A\n",
                "2:1", SIMPLE_KEY);
    }

    @Test
    void aMissingColonInAListOfQuestionsIsReportedOnItsLineNotTheNext() throws Exception {
        assertMissingColon("title: Payments\nquestions:\n  - question: How do I pay?\n    answer By card.\n"
                + "  - question: Can I get a refund?\n    answer: Yes.\n", "4:5", SIMPLE_KEY);
        assertMissingColon("title: Payments\nquestions:\n  - question How do I pay?\n    answer: By card.\n", "3:5", MAPPING_VALUES);
    }

    @Test
    void aMissingColonOnTheLastLineOfAFileIsReportedOnThatLine() throws Exception {
        assertMissingColon("title: Payments\nquestions:\n  - question: How do I pay?\n    answer By card.\n", "4:5", SIMPLE_KEY);
        assertMissingColon("title: Payments\nsummary Paying", "2:1", SIMPLE_KEY);
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItOpens() throws Exception {
        List<String> found = errors("title: \"A\nquestions:\n  - question: Q?\n    answer: A\n");
        assertHas(found, "content/a.yaml:1:8: error: the quote that opens here is never closed, so the rest of the file is"
                + " read as its text [YAML: while scanning a quoted scalar: found unexpected end of stream] (close the"
                + " value with the same quote mark");
    }

    @Test
    void aListItemWhereAMappingKeyBelongsIsExplained() throws Exception {
        List<String> found = errors("title: A\n- question: Q?\n  answer: A\n");
        assertHas(found, "content/a.yaml:2:1: error: a list item ('- ') stands where a key of a mapping belongs [YAML:"
                + " while parsing a block mapping: expected <block end>, but found '-'] (put the list under its key");
    }

    @Test
    void aLineThatBelongsToNoMappingIsAnIndentationError() throws Exception {
        List<String> found = errors("title: A\nquestions:\n  - question: Q?\n    answer: A\n   tags: [x]\n");
        assertHas(found, "content/a.yaml:5:4: error: the indentation of this line does not match the lines above: it"
                + " belongs to no list or mapping there [YAML: while parsing a block collection: expected <block end>,"
                + " but found '<block mapping start>'] (keys of one mapping start in the same column");
    }

    @Test
    void textAfterAClosingQuoteIsExplained() throws Exception {
        List<String> found = errors("title: A\nquestions:\n  - question: \"Q?\" extra\n    answer: A\n");
        assertHas(found, "content/a.yaml:3:20: error: more text follows the closing quote of the value");
    }

    @Test
    void aMarkdownLinkAtTheStartOfAValueIsExplained() throws Exception {
        List<String> found = errors("title: A\nquestions:\n  - question: Q?\n    answer: [the guide](guide.html) has it\n");
        assertHas(found, "content/a.yaml:4:24: error: the value starts with '[' or '{', which YAML reads as a list or a"
                + " mapping, and more text follows it");
    }

    @Test
    void aMissingColonInAMultiLineKeyIsReportedWhereTheKeyStarts() throws Exception {
        assertMissingColon("title: A\nquestions:\n  - question: Q?\n    answer\n      text: A\n", "4:5", SIMPLE_KEY);
    }

    @Test
    void aTabInTheIndentationIsExplained() throws Exception {
        List<String> found = errors("title: A\nquestions:\n\t- question: Q?\n");
        assertHas(found, "content/a.yaml:3:1: error: a tab is used for indentation on this line [YAML: while scanning for"
                + " the next token: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for"
                + " indentation)] (YAML indents with spaces only: replace the tab with spaces)");
    }

    @Test
    void aQuestionMarkInsideBracketsNeedsQuotes() throws Exception {
        List<String> found = errors("title: A\nquestions: [{question: Why?, answer: x}]\n");
        assertHas(found, "content/a.yaml:2:27: error: inside [ ] or { }, text with '?', ':', ',' or brackets needs quotes");
    }

    @Test
    void aValueThatStartsWithABacktickOrAnAsteriskNeedsQuotes() throws Exception {
        assertHas(errors("title: A\nquestions:\n  - question: Q?\n    answer: `code` it\n"),
                "content/a.yaml:4:13: error: a value cannot start with '`' in YAML");
        assertHas(errors("title: A\nquestions:\n  - question: Q?\n    answer: *bold* text\n"),
                "content/a.yaml:4:13: error: a value that starts with '*' or '&' is read as a YAML alias or anchor");
    }
}
