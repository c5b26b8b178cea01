package io.github.sitegen.fml;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.sitegen.markdown.MarkdownRenderer;
import io.github.sitegen.markdown.Text;
import io.github.sitegen.render.Urls;

/**
 * Turns the XHTML of an FML {@code <answer>} into Markdown where Markdown says the same thing
 * (paragraphs, emphasis, code, links, images, simple lists, headings, block quotes), and keeps
 * allowed HTML where it would not (tables, definition lists, nested or complex lists,
 * preformatted text with markup). {@code <source>} and {@code <pre>} become fenced code blocks.
 *
 * <p>Every paragraph, list and quote written as Markdown is rendered back with site-gen's own
 * Markdown renderer and must show the same text as the FML; if it does not, that block is written
 * as HTML instead. Whatever cannot be kept is reported with its position.
 */
final class AnswerConverter {

    private static final Set<String> BLOCKS = Set.of("p", "ul", "ol", "dl", "table", "pre", "source", "blockquote",
            "h1", "h2", "h3", "h4", "h5", "h6", "hr", "div", "section", "center", "address");
    private static final Set<String> CONTAINERS = Set.of("p", "div", "section", "center", "address");
    private static final Set<String> EMPHASIS = Set.of("em", "i", "cite", "var", "dfn");
    private static final Set<String> STRONG = Set.of("strong", "b", "bold");
    private static final Set<String> CODE = Set.of("code", "tt", "kbd", "samp");
    private static final Set<String> KEPT_INLINE = Set.of("sub", "sup", "small", "u", "s", "strike", "del", "ins",
            "q", "mark", "abbr", "acronym");
    /** The names this converter handles itself (with {@link HtmlWriter}'s), for {@link AnswerTree}. */
    static final Set<String> KNOWN_NAMES = union(BLOCKS, EMPHASIS, STRONG, CODE, KEPT_INLINE,
            Set.of("a", "img", "br", "span", "li", "dt", "dd"));
    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[[^\\]\\n]+]\\([^)\\s]+\\)");
    private static final Pattern ENTITY_LIKE = Pattern.compile("&#?[A-Za-z0-9]+;");
    private static final Pattern ORDERED_MARKER = Pattern.compile("^(\\d{1,9})([.)])(\\s.*|$)");

    private final Path file;
    private final Report report;
    private final MarkdownRenderer markdown;
    private final Function<String, Optional<String>> anchors;
    private final Pattern selfPage;
    private final HtmlWriter html;
    private final URI oldPage;

    /**
     * @param anchors  the new link for an anchor of the FML page (any form Doxia published), if a
     *                 question of the import has it
     * @param pageName the name the FML page was published as, such as {@code faq.html}
     * @param oldPage  the page's address on the old Maven site, against which links to its other
     *                 pages become absolute; {@code null} to keep them as written
     */
    AnswerConverter(Path file, Report report, MarkdownRenderer markdown, Function<String, Optional<String>> anchors,
                    String pageName, URI oldPage) {
        this.oldPage = oldPage;
        this.file = file;
        this.report = report;
        this.markdown = markdown;
        this.anchors = anchors;
        this.selfPage = Pattern.compile("^(?:\\./)?" + Pattern.quote(pageName) + "#(.*)$");
        this.html = new HtmlWriter(file, report, this::href);
    }

    /** The question as plain text on one line; markup is reported. */
    String question(Xml.Element question) {
        Set<String> markup = new LinkedHashSet<>();
        collectTags(question, markup);
        if (!markup.isEmpty()) {
            report.warning(file, question, "markup in the question became plain text: " + String.join(", ", markup),
                    "site-gen questions are plain text");
        }
        return Text.oneLine(question.text());
    }

    private static void collectTags(Xml.Element element, Set<String> tags) {
        for (Xml.Element child : element.elements()) {
            tags.add("<" + child.name() + ">");
            collectTags(child, tags);
        }
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new java.util.HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }

    /** The answer as Markdown, ending with a line break; empty when nothing visible is left. */
    String answer(Xml.Element fml) {
        Xml.Element answer = AnswerTree.normalize(fml, file, report);
        List<String> blocks = flow(answer.children(), answer);
        String result = String.join("\n\n", blocks).strip();
        if (result.isEmpty()) {
            return "";
        }
        MarkdownRenderer.Rendered rendered = markdown.render(result, 3);
        for (String error : rendered.errors()) {
            report.warning(file, answer, "site-gen:generate would refuse this answer: " + error, null);
        }
        if (!rendered.removed().isEmpty()) {
            report.warning(file, answer, "site-gen's allowlist would remove: " + String.join(", ", rendered.removed()), null);
        }
        if (!rendered.repaired().isEmpty()) {
            report.warning(file, answer, "links that are not valid URLs will be encoded: " + String.join(", ", rendered.repaired()), null);
        }
        return result + "\n";
    }

    // ------------------------------------------------------------------ blocks

    /** Block content: runs of inline content become paragraphs, block elements their own blocks. */
    private List<String> flow(List<Xml.Node> nodes, Xml.Element parent) {
        List<String> blocks = new ArrayList<>();
        List<Xml.Node> run = new ArrayList<>();
        for (Xml.Node node : nodes) {
            if (node instanceof Xml.Comment comment) {
                if (comment.text().contains("<faq")) {
                    report.warning(file, comment, "a commented-out <faq> inside an answer is not imported", null);
                }
                continue;
            }
            if (node instanceof Xml.Element element && isBlock(element, parent, nodes)) {
                addRun(run, blocks);
                run.clear();
                blocks.addAll(block(element));
            } else {
                run.add(node);
            }
        }
        addRun(run, blocks);
        return blocks;
    }

    private boolean isBlock(Xml.Element element, Xml.Element parent, List<Xml.Node> siblings) {
        String name = element.name();
        if (name.equals("pre") && parent.name().equals("p") && isInlinePre(element, siblings)) {
            return false;
        }
        if (CODE.contains(name) && !element.elements("br").isEmpty()) {
            return true;
        }
        return BLOCKS.contains(name);
    }

    /** A one-line {@code <pre>} amid the text of a paragraph, used as inline code. */
    private static boolean isInlinePre(Xml.Element pre, List<Xml.Node> siblings) {
        return pre.elements().isEmpty() && !pre.text().strip().contains("\n")
                && siblings.stream().anyMatch(n -> n instanceof Xml.Text t && !t.isBlank());
    }

    private void addRun(List<Xml.Node> run, List<String> blocks) {
        List<Xml.Node> content = run.stream().filter(n -> !(n instanceof Xml.Text t && t.isBlank())).toList();
        if (content.isEmpty()) {
            return;
        }
        // A <code> on lines of its own is a code block (it would show as one long line otherwise).
        if (content.size() == 1 && content.get(0) instanceof Xml.Element code && CODE.contains(code.name())
                && code.elements().isEmpty() && code.text().contains("\n")) {
            addCode(code, CodeText.dedent(code.text()), blocks);
            return;
        }
        List<Xml.Node> copy = List.copyOf(run);
        paragraph(copy).ifPresent(blocks::add);
    }

    private Optional<String> paragraph(List<Xml.Node> nodes) {
        Inline inline = new Inline();
        inline.nodes(nodes);
        String text = inline.result();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Supplier<String> fallback = () -> html.wrapped("p", nodes);
        if (inline.needsHtml) {
            return Optional.of(fallback.get());
        }
        return Optional.of(checked(escapeLineStarts(text), nodes, fallback));
    }

    private List<String> block(Xml.Element element) {
        String name = element.name();
        if (CONTAINERS.contains(name)) {
            dropAttributes(element, Set.of());
            return flow(element.children(), element);
        }
        return switch (name) {
            case "ul", "ol" -> List.of(list(element));
            case "dl", "table" -> List.of(html.block(element));
            case "pre" -> List.of(pre(element));
            case "source" -> source(element);
            case "blockquote" -> List.of(quote(element));
            case "hr" -> List.of("***");
            case "h1", "h2", "h3", "h4", "h5", "h6" -> List.of(heading(element));
            default -> List.of(codeLines(element)); // <code> or <tt> with line breaks
        };
    }

    private String list(Xml.Element list) {
        Supplier<String> fallback = () -> html.block(list);
        boolean ordered = list.name().equals("ol");
        if (!list.attributes().isEmpty() && !(ordered && list.attributes().keySet().equals(Set.of("start"))
                && list.attribute("start").strip().matches("\\d{1,9}"))) {
            return fallback.get();
        }
        List<Xml.Element> items = new ArrayList<>();
        for (Xml.Node node : list.children()) {
            if (node instanceof Xml.Element item && item.name().equals("li") && item.attributes().isEmpty()) {
                items.add(item);
            } else if (!(node instanceof Xml.Comment) && !(node instanceof Xml.Text t && t.isBlank())) {
                return fallback.get();
            }
        }
        int number = ordered && list.attribute("start") != null ? Integer.parseInt(list.attribute("start").strip()) : 1;
        StringBuilder out = new StringBuilder();
        for (Xml.Element item : items) {
            List<Xml.Node> content = simpleItem(item);
            if (content == null) {
                return fallback.get();
            }
            Inline inline = new Inline();
            inline.nodes(content);
            if (inline.needsHtml) {
                return fallback.get();
            }
            String marker = ordered ? (number++) + ". " : "- ";
            String[] lines = escapeLineStarts(inline.result()).split("\n", -1);
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(lines[0].isEmpty() ? marker.strip() : marker + lines[0]);
            for (int i = 1; i < lines.length; i++) {
                out.append('\n').append(" ".repeat(marker.length())).append(lines[i]);
            }
        }
        if (out.isEmpty()) {
            return fallback.get();
        }
        return checked(out.toString(), List.of(list), fallback);
    }

    /** The inline content of a list item that Markdown can hold on its own, or null. */
    private static List<Xml.Node> simpleItem(Xml.Element item) {
        List<Xml.Element> elements = item.elements();
        List<Xml.Node> content = item.children();
        if (elements.size() == 1 && elements.get(0).name().equals("p") && elements.get(0).attributes().isEmpty()
                && item.children().stream().allMatch(n -> n == elements.get(0) || n instanceof Xml.Comment
                || n instanceof Xml.Text t && t.isBlank())) {
            content = elements.get(0).children();
        }
        for (Xml.Node node : content) {
            if (node instanceof Xml.Element element && (BLOCKS.contains(element.name()) || element.name().equals("li")
                    || CODE.contains(element.name()) && !element.elements("br").isEmpty())) {
                return null;
            }
        }
        return content;
    }

    private String pre(Xml.Element pre) {
        if (HtmlWriter.hasCodeMarkup(pre)) {
            return html.block(pre); // markup inside preformatted text: HTML keeps it
        }
        dropAttributes(pre, Set.of());
        List<String> blocks = new ArrayList<>();
        addCode(pre, CodeText.dedent(sourceText(pre, file, report)), blocks);
        return blocks.isEmpty() ? "" : blocks.get(0);
    }

    private List<String> source(Xml.Element source) {
        if (HtmlWriter.hasCodeMarkup(source)) {
            return List.of(html.block(source)); // bold or links in the code, which Doxia rendered: HTML keeps them
        }
        dropAttributes(source, Set.of());
        List<String> blocks = new ArrayList<>();
        addCode(source, CodeText.dedent(sourceText(source, file, report)), blocks);
        return blocks;
    }

    private void addCode(Xml.Element element, String code, List<String> blocks) {
        if (code.isBlank()) {
            report.warning(file, element, "empty <" + element.name() + "> is not imported", null);
            return;
        }
        blocks.add(CodeText.fenced(code));
    }

    static final String UNESCAPED_XML = "<%s> holds unescaped XML: it is kept as code text";
    static final String UNESCAPED_XML_HINT = "in FML, write code in <![CDATA[...]]> or escape < as &lt;";

    /**
     * The text of a {@code <source>} or {@code <pre>} without markup Doxia rendered. Doxia expects
     * it escaped (or in CDATA); elements written inside it unescaped, such as a piece of a POM, are
     * put back as the XML text they were.
     */
    static String sourceText(Xml.Element source, Path file, Report report) {
        StringBuilder out = new StringBuilder();
        boolean markup = false;
        for (Xml.Node node : source.children()) {
            if (node instanceof Xml.Element element) {
                markup = true;
                xmlText(element, out);
            } else if (node instanceof Xml.Text text) {
                out.append(text.text());
            }
        }
        if (markup) {
            report.warning(file, source, UNESCAPED_XML.formatted(source.name()), UNESCAPED_XML_HINT);
        }
        return out.toString();
    }

    private static void xmlText(Xml.Element element, StringBuilder out) {
        out.append('<').append(element.name());
        element.attributes().forEach((k, v) -> out.append(' ').append(k).append("=\"").append(v).append('"'));
        if (element.children().isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (Xml.Node node : element.children()) {
            if (node instanceof Xml.Element child) {
                xmlText(child, out);
            } else if (node instanceof Xml.Text text) {
                out.append(text.text());
            } else if (node instanceof Xml.Comment comment) {
                out.append("<!--").append(comment.text()).append("-->");
            }
        }
        out.append("</").append(element.name()).append('>');
    }

    /** A {@code <code>} whose lines are separated by {@code <br/>}: a code block of those lines. */
    private String codeLines(Xml.Element code) {
        StringBuilder lines = new StringBuilder();
        for (Xml.Node node : code.children()) {
            if (node instanceof Xml.Element element && element.name().equals("br")) {
                lines.append('\n');
            } else if (node instanceof Xml.Element element) {
                report.warning(file, element, "<" + element.name() + "> inside code with line breaks became plain code text", null);
                lines.append(Text.oneLine(element.text()));
            } else if (node instanceof Xml.Text text) {
                lines.append(text.text().replaceAll("[ \\t]*\\n[ \\t]*", " "));
            }
        }
        StringBuilder trimmed = new StringBuilder();
        for (String line : lines.toString().split("\n", -1)) {
            trimmed.append(line.strip()).append('\n');
        }
        List<String> blocks = new ArrayList<>();
        addCode(code, CodeText.dedent(trimmed.toString()), blocks);
        return blocks.isEmpty() ? "" : blocks.get(0);
    }

    private String quote(Xml.Element quote) {
        Supplier<String> fallback = () -> html.block(quote);
        if (!quote.attributes().isEmpty()) {
            return fallback.get();
        }
        String inner = String.join("\n\n", flow(quote.children(), quote));
        if (inner.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String line : inner.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(line.isEmpty() ? ">" : "> " + line);
        }
        return checked(out.toString(), List.of(quote), fallback);
    }

    private String heading(Xml.Element heading) {
        Supplier<String> fallback = () -> html.block(heading);
        Inline inline = new Inline();
        inline.nodes(heading.children());
        String text = inline.result();
        if (inline.needsHtml || text.contains("\n") || !heading.attributes().isEmpty()) {
            return fallback.get();
        }
        int level = heading.name().charAt(1) - '0';
        return checked("#".repeat(level) + " " + text, List.of(heading), fallback);
    }

    /**
     * {@code candidate} when site-gen renders it to the same visible text as {@code source} (with
     * or without the images' alt text, which the plain text of Markdown includes), otherwise the
     * HTML fallback.
     */
    private String checked(String candidate, List<Xml.Node> source, Supplier<String> fallback) {
        MarkdownRenderer.Rendered rendered = markdown.render(candidate, 3);
        String text = squash(rendered.text());
        if (rendered.removed().isEmpty() && (text.equals(squash(textOf(source, false)))
                || text.equals(squash(textOf(source, true))))) {
            return candidate;
        }
        return fallback.get();
    }

    private static String squash(String text) {
        return text.replaceAll("[\\s\\u00A0]+", "");
    }

    /** The text of {@code nodes} as a reader sees it: comments left out, images as their alt text or nothing. */
    private static String textOf(List<Xml.Node> nodes, boolean alt) {
        StringBuilder out = new StringBuilder();
        for (Xml.Node node : nodes) {
            if (node instanceof Xml.Text text) {
                out.append(text.text());
            } else if (node instanceof Xml.Element element) {
                if (element.name().equals("img")) {
                    out.append(alt && element.attribute("alt") != null ? element.attribute("alt") : "");
                } else {
                    out.append(textOf(element.children(), alt));
                }
            }
        }
        return out.toString();
    }

    /** Escapes what would start a block (heading, list item, quote, setext underline) at the start of a line. */
    static String escapeLineStarts(String markdown) {
        StringBuilder out = new StringBuilder();
        for (String line : markdown.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            Matcher ordered = ORDERED_MARKER.matcher(line);
            if (line.matches("^(#{1,6}|[-+*])(\\s.*|$)") || line.startsWith(">") || line.matches("^(=+|-+)\\s*$")) {
                out.append('\\').append(line);
            } else if (ordered.matches()) {
                out.append(ordered.group(1)).append('\\').append(ordered.group(2)).append(ordered.group(3));
            } else {
                out.append(line);
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ links

    /** The link to write for {@code raw}, with what changed reported. */
    String href(String raw, Xml.Element at) {
        String href = raw.strip();
        String fragment = null;
        if (href.startsWith("#")) {
            fragment = href.substring(1);
        } else {
            Matcher self = selfPage.matcher(href);
            if (self.matches()) {
                fragment = self.group(1);
            }
        }
        if (fragment != null) {
            Optional<String> target = anchors.apply(fragment);
            if (target.isEmpty() && fragment.contains("%")) {
                try {
                    target = anchors.apply(Urls.decodePath(fragment));
                } catch (IllegalArgumentException e) {
                    // not percent-encoded after all
                }
            }
            if (target.isPresent()) {
                return target.get();
            }
            if (!fragment.isEmpty()) {
                report.warning(file, at, "no <faq> of this file has the anchor '#" + fragment + "': the link is kept as written",
                        fragment.equals("top") ? "site-gen pages have no #top anchor" : null);
            }
            return href;
        }
        Matcher scheme = SCHEME.matcher(href);
        if (href.contains("\\") && (!scheme.find() || scheme.group(1).toLowerCase(Locale.ROOT).startsWith("http"))) {
            report.warning(file, at, "backslashes in the link '" + Text.abbreviate(href, 60) + "' became slashes",
                    "browsers read them as slashes; site-gen would encode them");
            href = href.replace('\\', '/');
        }
        scheme = SCHEME.matcher(href);
        if (scheme.find()) {
            if (!SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
                report.warning(file, at, "site-gen removes links with the scheme '" + scheme.group(1) + ":' ("
                        + Text.abbreviate(href, 60) + ")", "site-gen keeps http, https and mailto links");
            }
            return href;
        }
        return oldPage == null || href.isEmpty() || href.startsWith("//") ? href : onOldSite(href);
    }

    /** {@code href}, a link to another page of the old Maven site, as an absolute link to it. */
    private String onOldSite(String href) {
        try {
            return oldPage.resolve(href).toString();
        } catch (IllegalArgumentException e) {
            return href; // not a URL: generate reports it
        }
    }

    static String hintFor(String attribute) {
        return switch (attribute) {
            case "target" -> "site-gen opens links in the same tab";
            case "class", "style", "align", "border", "width", "height" -> "the site's style sheet decides how it looks";
            case "id", "name" -> "anchors inside answers are not kept; link to the question instead";
            default -> null;
        };
    }

    private void dropAttributes(Xml.Element element, Set<String> kept) {
        for (Map.Entry<String, String> attribute : element.attributes().entrySet()) {
            if (!kept.contains(attribute.getKey()) && !attribute.getKey().equals("xmlns")) {
                report.warning(file, element, "attribute " + attribute.getKey() + "=\"" + Text.abbreviate(attribute.getValue(), 60)
                        + "\" on <" + element.name() + "> is not kept", hintFor(attribute.getKey()));
            }
        }
    }

    // ------------------------------------------------------------------ inline Markdown

    /** Inline content as Markdown on one line (hard line breaks aside). */
    private final class Inline {
        private final StringBuilder out = new StringBuilder();
        private boolean needsHtml;
        private boolean inLink;

        /** The Markdown, without spaces or hard line breaks at either end. */
        String result() {
            String text = out.toString();
            int start = 0;
            int end = text.length();
            boolean trimmed = true;
            while (trimmed) {
                trimmed = false;
                while (end > start && text.charAt(end - 1) == ' ') {
                    end--;
                }
                while (start < end && text.charAt(start) == ' ') {
                    start++;
                }
                if (end - start >= 2 && text.startsWith("\\\n", end - 2)) {
                    end -= 2;
                    trimmed = true;
                }
            }
            return text.substring(start, end);
        }

        void nodes(List<Xml.Node> nodes) {
            for (Xml.Node node : nodes) {
                if (node instanceof Xml.Text text) {
                    text(text);
                } else if (node instanceof Xml.Element element) {
                    element(element);
                }
            }
        }

        private void space() {
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ' && out.charAt(out.length() - 1) != '\n') {
                out.append(' ');
            }
        }

        private void text(Xml.Text node) {
            String text = node.text();
            if (!node.cdata() && MARKDOWN_LINK.matcher(text).find()) {
                report.warning(file, node, "text that looks like a Markdown link is kept as literal text, as Doxia showed it",
                        "edit the answer to make it a link");
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Text.isHtmlSpace(c)) {
                    space();
                } else {
                    escape(text, i, out);
                }
            }
        }

        private void element(Xml.Element element) {
            String name = element.name();
            if (name.equals("br")) {
                while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
                    out.setLength(out.length() - 1);
                }
                if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                    out.append("\\\n");
                }
            } else if (EMPHASIS.contains(name)) {
                wrap(element, "*");
            } else if (STRONG.contains(name)) {
                if (name.equals("bold")) {
                    report.warning(file, element, "<bold> is not XHTML: read as bold", "use <b> or <strong>");
                }
                wrap(element, "**");
            } else if (CODE.contains(name) || name.equals("pre")) {
                code(element);
            } else if (name.equals("a")) {
                link(element);
            } else if (name.equals("img")) {
                image(element);
            } else if (KEPT_INLINE.contains(name)) {
                String tag = HtmlWriter.RENAMED.getOrDefault(name, name);
                Set<String> kept = HtmlWriter.ALLOWED.get(tag);
                out.append('<').append(tag);
                element.attributes().forEach((k, v) -> {
                    if (kept.contains(k)) {
                        out.append(' ').append(k).append("=\"").append(HtmlWriter.escape(v, true)).append('"');
                    }
                });
                dropAttributes(element, kept);
                out.append('>');
                nodes(element.children());
                out.append("</").append(tag).append('>');
            } else if (BLOCKS.contains(name) || name.equals("li") || name.equals("dt") || name.equals("dd")) {
                needsHtml = true; // a block inside inline content: only HTML can say that
                nodes(element.children());
            } else {
                if (name.equals("span")) {
                    dropAttributes(element, Set.of());
                } else {
                    report.warning(file, element, "<" + name + "> is not kept (not XHTML, or not allowed by site-gen): its text is kept", null);
                }
                nodes(element.children());
            }
        }

        /** {@code element}'s content converted on its own, for markup around it; HTML it needs is needed here too. */
        private Inline inner(Xml.Element element, boolean inLink) {
            Inline inner = new Inline();
            inner.inLink = inLink;
            inner.nodes(element.children());
            needsHtml |= inner.needsHtml;
            return inner;
        }

        private void wrap(Xml.Element element, String marker) {
            dropAttributes(element, Set.of());
            Inline inner = inner(element, inLink);
            String raw = inner.out.toString();
            String text = inner.result();
            if (text.isEmpty()) {
                if (!raw.isEmpty()) {
                    space();
                }
                return;
            }
            if (text.contains("\n")) {
                needsHtml = true;
            }
            if (raw.startsWith(" ")) {
                space();
            }
            out.append(marker).append(text).append(marker);
            if (raw.endsWith(" ")) {
                out.append(' ');
            }
        }

        private void code(Xml.Element element) {
            if (element.name().equals("pre")) {
                report.warning(file, element, "<pre> inside a paragraph became inline code", "use <code> for code in a sentence");
            } else {
                dropAttributes(element, Set.of());
            }
            if (!element.elements().isEmpty()) {
                out.append("<code>");
                nodes(element.children());
                out.append("</code>");
                return;
            }
            String raw = element.text();
            String text = Text.oneLine(raw);
            if (text.isEmpty()) {
                return;
            }
            if (!raw.isEmpty() && Text.isHtmlSpace(raw.charAt(0))) {
                space();
            }
            int longest = 0;
            int run = 0;
            for (int i = 0; i < text.length(); i++) {
                run = text.charAt(i) == '`' ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
            String fence = "`".repeat(longest + 1);
            String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
            out.append(fence).append(pad).append(text).append(pad).append(fence);
            if (Text.isHtmlSpace(raw.charAt(raw.length() - 1))) {
                out.append(' ');
            }
        }

        private void link(Xml.Element element) {
            String href = element.attribute("href");
            for (Map.Entry<String, String> attribute : element.attributes().entrySet()) {
                String key = attribute.getKey();
                if (!key.equals("href") && !key.equals("title") && !key.equals("xmlns")) {
                    report.warning(file, element, "attribute " + key + "=\"" + Text.abbreviate(attribute.getValue(), 60)
                            + "\" on <a> is not kept", hintFor(key));
                }
            }
            if (href == null || inLink) {
                nodes(element.children());
                return;
            }
            Inline inner = inner(element, true);
            String raw = inner.out.toString();
            String text = inner.result();
            if (text.isEmpty()) {
                report.warning(file, element, "a link without text is not imported (" + Text.abbreviate(href.strip(), 60) + ")", null);
                return;
            }
            if (raw.startsWith(" ")) {
                space();
            }
            out.append('[').append(text).append("](").append(destination(href(href, element)));
            String title = element.attribute("title");
            if (title != null && !title.isBlank()) {
                out.append(" \"").append(title.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            out.append(')');
            if (raw.endsWith(" ")) {
                out.append(' ');
            }
        }

        private void image(Xml.Element element) {
            String src = element.attribute("src");
            if (src == null || src.isBlank()) {
                report.warning(file, element, "an image without src is not imported", null);
                return;
            }
            Set<String> markdownAttributes = Set.of("src", "alt", "title");
            if (!markdownAttributes.containsAll(element.attributes().keySet())) {
                Set<String> kept = HtmlWriter.ALLOWED.get("img");
                out.append("<img");
                element.attributes().forEach((k, v) -> {
                    if (kept.contains(k)) {
                        out.append(' ').append(k).append("=\"").append(HtmlWriter.escape(v.strip(), true)).append('"');
                    }
                });
                dropAttributes(element, kept);
                out.append('>');
                return;
            }
            StringBuilder alt = new StringBuilder();
            String altText = element.attribute("alt") == null ? "" : Text.oneLine(element.attribute("alt"));
            for (int i = 0; i < altText.length(); i++) {
                escape(altText, i, alt);
            }
            out.append("![").append(alt).append("](").append(destination(src.strip()));
            String title = element.attribute("title");
            if (title != null && !title.isBlank()) {
                out.append(" \"").append(title.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            out.append(')');
        }
    }

    /** A link destination as Markdown: in angle brackets when it has spaces or parentheses. */
    static String destination(String url) {
        String escaped = url.replace("\\", "\\\\");
        Matcher entity = ENTITY_LIKE.matcher(escaped);
        escaped = entity.replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
        if (escaped.isEmpty()) {
            return "<>";
        }
        if (escaped.matches(".*[\\s()<>].*")) {
            return "<" + escaped.replace("<", "%3C").replace(">", "%3E").replace("\n", "%0A") + ">";
        }
        return escaped;
    }

    /** Appends character {@code i} of {@code text}, escaped for Markdown inline text. */
    static void escape(String text, int i, StringBuilder out) {
        char c = text.charAt(i);
        char previous = i > 0 ? text.charAt(i - 1) : ' ';
        char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        switch (c) {
            case '\\' -> out.append(isAsciiPunctuation(next) || i + 1 == text.length() ? "\\\\" : "\\");
            case '`', '*', '[', ']', '<', '~' -> out.append('\\').append(c);
            case '_' -> out.append(Character.isLetterOrDigit(previous) && Character.isLetterOrDigit(next) ? "_" : "\\_");
            case '&' -> out.append(ENTITY_LIKE.matcher(text).region(i, text.length()).lookingAt() ? "\\&" : "&");
            default -> out.append(c);
        }
    }

    private static boolean isAsciiPunctuation(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }
}
