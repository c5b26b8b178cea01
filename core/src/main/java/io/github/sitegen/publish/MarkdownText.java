package io.github.sitegen.publish;

import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * An answer's HTML written back as Markdown for {@code llms.txt} and its companions: paragraphs,
 * headings, lists, quotes, code, tables, emphasis, links and images keep their meaning; every other
 * element keeps its text. The answers' HTML is site-gen's own (from Markdown, through the allowlist),
 * so this needs to read only what that can hold.
 */
final class MarkdownText {

    private final UnaryOperator<String> links;
    private final StringBuilder out = new StringBuilder();

    /** @param links what a link or image in the answer becomes: relative URLs are written for the topic page */
    private MarkdownText(UnaryOperator<String> links) {
        this.links = links;
    }

    /** An answer's HTML, read for {@link #of}: read once, it can be written with several sets of links. */
    static Element parse(String html) {
        return Jsoup.parseBodyFragment(html).body();
    }

    /** {@code html}, as {@link #parse} read it, as Markdown, ending in one line break; links rewritten by {@code links}. */
    static String of(Element html, UnaryOperator<String> links) {
        MarkdownText text = new MarkdownText(links);
        text.blocks(html, "");
        return text.out.toString().strip() + "\n";
    }

    private void blocks(Element parent, String prefix) {
        StringBuilder inline = new StringBuilder();
        for (Node node : parent.childNodes()) {
            if (node instanceof Element element && isBlock(element)) {
                paragraph(inline, prefix);
                block(element, prefix);
            } else {
                inline(node, inline);
            }
        }
        paragraph(inline, prefix);
    }

    private void paragraph(StringBuilder inline, String prefix) {
        String text = inline.toString().strip();
        inline.setLength(0);
        if (!text.isEmpty()) {
            out.append(prefix).append(text.replace("\n", "\n" + prefix)).append("\n").append(prefix.stripTrailing()).append("\n");
        }
    }

    private void block(Element element, String prefix) {
        String tag = element.normalName();
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                StringBuilder heading = new StringBuilder("#".repeat(tag.charAt(1) - '0')).append(' ');
                element.childNodes().forEach(child -> inline(child, heading));
                paragraph(heading, prefix);
            }
            case "pre" -> {
                String code = element.wholeText().replaceAll("\n+$", "");
                String fence = code.contains("```") ? "~~~" : "```";
                out.append(prefix).append(fence).append('\n');
                for (String line : code.split("\n", -1)) {
                    out.append(prefix).append(line).append('\n');
                }
                out.append(prefix).append(fence).append('\n').append(prefix.stripTrailing()).append('\n');
            }
            case "ul", "ol" -> {
                int number = 1;
                for (Element item : element.children()) {
                    String marker = tag.equals("ol") ? number++ + ". " : "- ";
                    MarkdownText nested = new MarkdownText(links);
                    nested.blocks(item, "");
                    String[] lines = nested.out.toString().strip().split("\n", -1);
                    for (int i = 0; i < lines.length; i++) {
                        String indent = i == 0 ? marker : lines[i].isEmpty() ? "" : " ".repeat(marker.length());
                        out.append(prefix).append(indent).append(lines[i]).append('\n');
                    }
                }
                out.append(prefix.stripTrailing()).append('\n');
            }
            case "blockquote" -> blocks(element, prefix + "> ");
            case "hr" -> out.append(prefix).append("---\n").append(prefix.stripTrailing()).append('\n');
            case "table" -> table(element, prefix);
            default -> blocks(element, prefix);
        }
    }

    private void table(Element table, String prefix) {
        boolean first = true;
        for (Element row : table.select("tr")) {
            StringBuilder line = new StringBuilder("|");
            for (Element cell : row.children()) {
                StringBuilder text = new StringBuilder();
                cell.childNodes().forEach(child -> inline(child, text));
                line.append(' ').append(text.toString().strip().replace("|", "\\|").replace("\n", " ")).append(" |");
            }
            out.append(prefix).append(line).append('\n');
            if (first) {
                out.append(prefix).append("|").append(" --- |".repeat(row.children().size())).append('\n');
                first = false;
            }
        }
        out.append(prefix.stripTrailing()).append('\n');
    }

    private void inline(Node node, StringBuilder to) {
        if (node instanceof TextNode text) {
            to.append(escape(text.text()));
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        switch (element.normalName()) {
            case "br" -> to.append("  \n");
            case "code" -> {
                String code = element.wholeText();
                String tick = code.contains("`") ? "``" : "`";
                to.append(tick).append(tick.length() > 1 ? " " : "").append(code).append(tick.length() > 1 ? " " : "").append(tick);
            }
            case "strong", "b" -> wrap(element, "**", to);
            case "em", "i" -> wrap(element, "*", to);
            case "del", "s" -> wrap(element, "~~", to);
            case "a" -> {
                StringBuilder text = new StringBuilder();
                element.childNodes().forEach(child -> inline(child, text));
                String href = element.attr("href");
                if (href.isEmpty()) {
                    to.append(text);
                } else {
                    to.append('[').append(text).append("](").append(destination(href)).append(')');
                }
            }
            case "img" -> to.append("![").append(escape(element.attr("alt"))).append("](")
                    .append(destination(element.attr("src"))).append(')');
            default -> element.childNodes().forEach(child -> inline(child, to));
        }
    }

    private void wrap(Element element, String mark, StringBuilder to) {
        StringBuilder text = new StringBuilder();
        element.childNodes().forEach(child -> inline(child, text));
        if (!text.toString().isBlank()) {
            to.append(mark).append(text).append(mark);
        }
    }

    /** A destination that Markdown reads only between angle brackets (compiled once, not for every link). */
    private static final Pattern NEEDS_BRACKETS = Pattern.compile(".*[\\s()<>].*");

    private String destination(String url) {
        String link = links.apply(url);
        return NEEDS_BRACKETS.matcher(link).matches() ? "<" + link.replace("<", "%3C").replace(">", "%3E") + ">" : link;
    }

    /** {@code text} with a backslash before each character that would start Markdown: {@code \\ ` * _ [ ] <}. */
    static String escape(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '<') {
                if (escaped == null) {
                    escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                escaped.append('\\');
            }
            if (escaped != null) {
                escaped.append(c);
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    private static boolean isBlock(Element element) {
        return switch (element.normalName()) {
            case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "ul", "ol", "blockquote", "hr", "table",
                 "details", "summary", "section", "figure", "dl", "dt", "dd" -> true;
            default -> false;
        };
    }
}
