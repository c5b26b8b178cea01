package io.github.sitegen.fml;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import io.github.sitegen.markdown.Text;

/**
 * Writes FML (XHTML) elements as HTML that site-gen's raw HTML allowlist keeps as it is, for the
 * parts of an answer that Markdown cannot express (tables, definition lists, nested or complex
 * lists, preformatted text with markup). The output never holds a blank line, because a blank line
 * ends an HTML block in Markdown: empty lines inside {@code <pre>} are written as {@code &#10;}.
 */
final class HtmlWriter {

    /** Elements that start a new line in the output. */
    static final Set<String> BLOCKS = Set.of("p", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead",
            "tbody", "tfoot", "tr", "th", "td", "colgroup", "col", "pre", "source", "blockquote", "h1", "h2", "h3",
            "h4", "h5", "h6", "hr", "div", "section", "center", "address");

    /** Tags site-gen's allowlist keeps, with the attributes kept on each. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("a", Set.of("href", "title")),
            Map.entry("abbr", Set.of("title")),
            Map.entry("b", Set.of()), Map.entry("blockquote", Set.of("cite")), Map.entry("br", Set.of()),
            Map.entry("caption", Set.of()), Map.entry("cite", Set.of()), Map.entry("code", Set.of()),
            Map.entry("col", Set.of("span")), Map.entry("colgroup", Set.of("span")), Map.entry("dd", Set.of()),
            Map.entry("del", Set.of()), Map.entry("div", Set.of()), Map.entry("dl", Set.of()), Map.entry("dt", Set.of()),
            Map.entry("em", Set.of()), Map.entry("h1", Set.of()), Map.entry("h2", Set.of()), Map.entry("h3", Set.of()),
            Map.entry("h4", Set.of()), Map.entry("h5", Set.of()), Map.entry("h6", Set.of()), Map.entry("hr", Set.of()),
            Map.entry("i", Set.of()), Map.entry("img", Set.of("src", "alt", "title", "width", "height")),
            Map.entry("ins", Set.of()), Map.entry("kbd", Set.of()), Map.entry("li", Set.of()), Map.entry("mark", Set.of()),
            Map.entry("ol", Set.of("start", "type")), Map.entry("p", Set.of()), Map.entry("pre", Set.of()),
            Map.entry("q", Set.of("cite")), Map.entry("s", Set.of()), Map.entry("samp", Set.of()),
            Map.entry("small", Set.of()), Map.entry("span", Set.of()), Map.entry("strike", Set.of()),
            Map.entry("strong", Set.of()), Map.entry("sub", Set.of()), Map.entry("sup", Set.of()),
            Map.entry("table", Set.of()), Map.entry("tbody", Set.of()), Map.entry("td", Set.of("colspan", "rowspan")),
            Map.entry("tfoot", Set.of()), Map.entry("th", Set.of("colspan", "rowspan", "scope")),
            Map.entry("thead", Set.of()), Map.entry("tr", Set.of()), Map.entry("u", Set.of()), Map.entry("ul", Set.of()),
            Map.entry("var", Set.of()));

    /**
     * The markup Doxia 1.1.1 to 2 rendered inside {@code <source>} and {@code <pre>}: HTML phrase
     * elements, which its parser handles the same in verbatim text as anywhere (Xhtml5BaseParser,
     * XhtmlBaseParser since 1.1.1). Other elements there, such as the XML of a POM, Doxia left out
     * and kept their text (Doxia 1.0 and 1.1 showed every tag in {@code <source>} as text); the
     * import keeps them as code text.
     */
    static final Set<String> CODE_MARKUP = Set.of("a", "b", "strong", "bold", "i", "em", "code", "tt", "kbd", "samp",
            "var", "u", "s", "strike", "sub", "sup", "small", "big", "span", "br", "font", "cite", "q", "del", "ins",
            "mark", "abbr", "acronym", "dfn");

    /** Whether {@code element} holds markup Doxia rendered in a code block (see {@link #CODE_MARKUP}). */
    static boolean hasCodeMarkup(Xml.Element element) {
        for (Xml.Element child : element.elements()) {
            if (CODE_MARKUP.contains(child.name()) || hasCodeMarkup(child)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code nodes} or their descendants hold an element written as a block. */
    static boolean hasBlock(List<Xml.Node> nodes) {
        for (Xml.Node node : nodes) {
            if (node instanceof Xml.Element element && (BLOCKS.contains(element.name()) || element.name().equals("li")
                    || element.name().equals("dt") || element.name().equals("dd") || hasBlock(element.children()))) {
                return true;
            }
        }
        return false;
    }

    /** FML and old HTML names written as a tag the allowlist keeps. */
    static final Map<String, String> RENAMED = Map.of("tt", "code", "bold", "b", "acronym", "abbr", "source", "pre",
            "section", "div", "center", "div", "address", "div");

    private final Path file;
    private final Report report;
    private final BiFunction<String, Xml.Element, String> links;

    /**
     * @param links turns an {@code href} into the link to write (and reports what it changed)
     */
    HtmlWriter(Path file, Report report, BiFunction<String, Xml.Element, String> links) {
        this.file = file;
        this.report = report;
        this.links = links;
    }

    /** {@code element} as an HTML block. */
    String block(Xml.Element element) {
        StringBuilder out = new StringBuilder();
        element(element, out, false);
        return out.toString().strip().replaceAll("\n{2,}", "\n");
    }

    /** {@code nodes} as inline HTML on one line, wrapped in {@code tag}. */
    String wrapped(String tag, List<Xml.Node> nodes) {
        if (tag.equals("p") && hasBlock(nodes)) {
            tag = "div"; // a paragraph cannot hold a list, a table or preformatted text
        }
        StringBuilder out = new StringBuilder("<").append(tag).append('>');
        int start = out.length();
        children(nodes, out, false);
        trim(out, start);
        return out.append("</").append(tag).append('>').toString().replaceAll("\n{2,}", "\n");
    }

    private void children(List<Xml.Node> nodes, StringBuilder out, boolean pre) {
        for (Xml.Node node : nodes) {
            if (node instanceof Xml.Text text) {
                text(text.text(), out, pre);
            } else if (node instanceof Xml.Element child) {
                element(child, out, pre);
            }
        }
    }

    /** Whether the code block being written holds elements written as code text. */
    private boolean xml;

    private void element(Xml.Element element, StringBuilder out, boolean pre) {
        String name = element.name();
        if (pre && !CODE_MARKUP.contains(name)) {
            // XML written unescaped in a code block: its tags are code text, markup inside it stays markup
            xml = true;
            StringBuilder tag = new StringBuilder("<").append(name);
            element.attributes().forEach((k, v) -> tag.append(' ').append(k).append("=\"").append(v).append('"'));
            if (element.children().isEmpty()) {
                out.append(escape(tag + "/>", false));
                return;
            }
            out.append(escape(tag + ">", false));
            children(element.children(), out, true);
            out.append(escape("</" + name + ">", false));
            return;
        }
        String tag = RENAMED.getOrDefault(name, name);
        if (name.equals("bold")) {
            report.warning(file, element, "<bold> is not XHTML: read as bold", "use <b> or <strong>");
        }
        if (!ALLOWED.containsKey(tag)) {
            report.warning(file, element, "<" + name + "> is not kept (not XHTML, or not allowed by site-gen): its text is kept", null);
            children(element.children(), out, pre);
            return;
        }
        if (name.equals("source") || name.equals("pre")) {
            preformatted(element, out);
            return;
        }
        boolean block = BLOCKS.contains(name);
        if (block) {
            trimEnd(out);
            out.append('\n');
        }
        if (tag.equals("p") && hasBlock(element.children())) {
            tag = "div"; // a paragraph cannot hold a list, a table or preformatted text
        }
        out.append('<').append(tag);
        attributes(element, tag, out);
        out.append('>');
        if (tag.equals("br") || tag.equals("hr") || tag.equals("img") || tag.equals("col")) {
            if (block) {
                out.append('\n');
            }
            return;
        }
        int start = out.length();
        children(element.children(), out, pre);
        if (block) {
            trim(out, start);
        }
        out.append("</").append(tag).append('>');
        if (block) {
            out.append('\n');
        }
    }

    private void preformatted(Xml.Element element, StringBuilder out) {
        trimEnd(out);
        out.append("\n<pre>");
        String body;
        attributes(element, "pre", new StringBuilder()); // reports the attributes that are dropped
        if (!hasCodeMarkup(element)) {
            String code = AnswerConverter.sourceText(element, file, report);
            body = "<code>" + escape(CodeText.dedent(code), false) + "</code>";
        } else {
            StringBuilder inner = new StringBuilder();
            xml = false;
            children(element.children(), inner, true);
            if (xml) {
                report.warning(file, element, AnswerConverter.UNESCAPED_XML.formatted(element.name()), AnswerConverter.UNESCAPED_XML_HINT);
            }
            body = CodeText.dedent(inner.toString());
        }
        out.append(keepLines(body)).append("</pre>\n");
    }

    /**
     * Preformatted HTML without blank lines, which would end the HTML block in Markdown: a blank
     * line joins the line before it, and its line break is written as a character reference.
     */
    static String keepLines(String html) {
        String[] lines = html.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            boolean blank = lines[i].isBlank();
            if (i > 0) {
                out.append(blank ? "&#10;" : "\n");
            }
            out.append(blank ? lines[i].replace(" ", "&#32;").replace("\t", "&#9;") : lines[i]);
        }
        return out.toString();
    }

    private void attributes(Xml.Element element, String tag, StringBuilder out) {
        Set<String> kept = ALLOWED.getOrDefault(tag, Set.of());
        for (Map.Entry<String, String> attribute : element.attributes().entrySet()) {
            String key = attribute.getKey();
            String value = attribute.getValue();
            if (kept.contains(key)) {
                if (key.equals("href")) {
                    value = links.apply(value, element);
                } else if (key.equals("src")) {
                    value = value.strip();
                }
                out.append(' ').append(key).append("=\"").append(escape(value, true)).append('"');
            } else if (!key.equals("xmlns")) {
                report.warning(file, element, "attribute " + key + "=\"" + Text.abbreviate(value, 60) + "\" on <"
                        + element.name() + "> is not kept", AnswerConverter.hintFor(key));
            }
        }
    }

    private static void text(String text, StringBuilder out, boolean pre) {
        if (pre) {
            out.append(escape(text, false));
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Text.isHtmlSpace(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ' && out.charAt(out.length() - 1) != '\n') {
                    out.append(' ');
                }
            } else {
                out.append(escape(String.valueOf(c), false));
            }
        }
    }

    /** Removes the spaces at both ends of what was written since {@code start} (line breaks before blocks stay). */
    private static void trim(StringBuilder out, int start) {
        while (out.length() > start && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
        while (out.length() > start && out.charAt(start) == ' ') {
            out.deleteCharAt(start);
        }
    }

    private static void trimEnd(StringBuilder out) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }

    static String escape(String text, boolean attribute) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
