package io.github.sitegen.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** An answer's HTML written back as Markdown for llms.txt and its companions. */
class MarkdownTextTest {

    @Test
    void eachCharacterThatWouldStartMarkdownGetsABackslashAndNoOtherDoes() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x300; c++) {
            every.append(c);
        }
        every.append("日本語 🙂 \\\\ ** __ [[x]] <<");
        String text = every.toString();
        assertEquals(text.replaceAll("([\\\\`*_\\[\\]<])", "\\\\$1"), MarkdownText.escape(text));
        String plain = "Nothing to escape here: (parentheses), {braces} and #hashes.";
        assertSame(plain, MarkdownText.escape(plain));
    }

    @Test
    void oneReadingOfAnAnswerIsWrittenWithEachFilesLinks() {
        var answer = MarkdownText.parse("<p>See <a href=\"/billing/#pay\">paying</a> and <em>more</em>.</p>"
                + "<table><tr><th>a|b</th></tr><tr><td><a href=\"x\">c</a></td></tr></table>");
        String mine = MarkdownText.of(answer, url -> "../" + url);
        String full = MarkdownText.of(answer, url -> "./" + url);
        assertEquals("See [paying](..//billing/#pay) and *more*.\n\n| a\\|b |\n| --- |\n| [c](../x) |\n", mine);
        assertEquals(mine.replace("../", "./"), full);
    }
}
