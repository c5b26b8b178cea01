package io.github.sitegen.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.function.UnaryOperator;

import io.github.sitegen.model.Html;
import org.junit.jupiter.api.Test;

/** The links of HTML shown on another page than the one it was written for. */
class UrlAttributesTest {

    private static final UnaryOperator<String> UP = url -> url.startsWith("../") ? url.substring(3) : url;

    @Test
    void onlyTheHrefsAndSrcsOfTagsChangeAndTheRestStaysByteForByte() {
        String html = "<p>See <a href=\"../billing/index.html#card\" title=\"a > b\">cards</a> &lt;a href=\"../x\"&gt;"
                + " <img src='../logo.png' alt=\"\"><!-- <a href=\"../c\"> --><a href=../d>d</a></p>"
                + "<script>var a = '<a href=\"../s\">';</script><a href=\"../e?a=1&amp;b=2\">e</a>";
        assertEquals("<p>See <a href=\"billing/index.html#card\" title=\"a > b\">cards</a> &lt;a href=\"../x\"&gt;"
                + " <img src=\"logo.png\" alt=\"\"><!-- <a href=\"../c\"> --><a href=\"d\">d</a></p>"
                + "<script>var a = '<a href=\"../s\">';</script><a href=\"e?a=1&amp;b=2\">e</a>",
                MarkdownRenderer.withUrls(new Html(html), UP).markup());
    }

    @Test
    void htmlWhoseUrlsStayTheSameIsTheSameObject() {
        Html html = new Html("<p><a href=\"https://example.com/\">x</a> <a href=\"#top\">top</a> text < 3</p>");
        assertSame(html, MarkdownRenderer.withUrls(html, UP));
    }

    @Test
    void unfinishedTagsAtTheEndAreReadToTheEndWithoutFailing() {
        assertEquals("<a href=\"x\"", MarkdownRenderer.withUrls(new Html("<a href=\"../x"), UP).markup());
        for (String html : new String[] {"<a href=", "<a href", "<a ", "<", "x <!-- y", "<script>", "<a =b>"}) {
            assertEquals(html, MarkdownRenderer.withUrls(new Html(html), UP).markup(), html);
        }
    }
}
