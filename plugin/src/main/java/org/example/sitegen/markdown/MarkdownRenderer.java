package org.example.sitegen.markdown;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.example.sitegen.model.Html;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Renders answers and summaries from Markdown (CommonMark with tables, strikethrough and autolinks)
 * to HTML. Raw HTML written inside the Markdown goes through an allowlist unless the site trusts
 * its authors. Headings inside a fragment are moved down by {@code headingOffset} levels so they
 * nest under the page's own headings.
 *
 * <p>Configured once, then safe to use from several threads, like the commonmark parser and
 * renderer it wraps.
 */
public final class MarkdownRenderer {

    /** The tags and attributes raw HTML may use. Everything else is removed (text is kept). */
    static final Safelist ALLOWED = Safelist.relaxed()
            .addTags("abbr", "del", "s", "ins", "kbd", "mark", "samp", "var", "hr", "figure", "figcaption",
                    "details", "summary", "time", "bdi", "bdo", "wbr")
            .addAttributes("abbr", "title")
            .addAttributes("bdo", "dir")
            .addAttributes(":all", "lang", "dir")
            .addAttributes("code", "class")
            .addAttributes("th", "class")
            .addAttributes("td", "class")
            .addAttributes("time", "datetime")
            .addAttributes("details", "open")
            .addProtocols("a", "href", "#")
            .preserveRelativeLinks(true);

    private static final String BASE_URI = "https://site-gen.invalid/";

    private final Parser parser;
    private final HtmlRenderer htmlRenderer;
    private final TextContentRenderer textRenderer;
    private final boolean trustRawHtml;

    public MarkdownRenderer(boolean trustRawHtml) {
        List<Extension> extensions = List.of(TablesExtension.create(), StrikethroughExtension.create(),
                AutolinkExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.htmlRenderer = HtmlRenderer.builder()
                .extensions(extensions)
                .sanitizeUrls(!trustRawHtml)
                .softbreak("\n")
                // HTML5 has no align attribute: table cells get a class the theme styles instead.
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    String align = attributes.remove("align");
                    if (align != null) {
                        attributes.put("class", "align-" + align);
                    }
                })
                .build();
        this.textRenderer = TextContentRenderer.builder().extensions(extensions).build();
        this.trustRawHtml = trustRawHtml;
    }

    /**
     * Renders one Markdown text.
     *
     * @param markdown      the source
     * @param headingOffset how many levels to move headings down (2 turns {@code #} into {@code <h3>})
     */
    public Rendered render(String markdown, int headingOffset) {
        Node document = parser.parse(markdown);
        Inspection inspection = new Inspection(headingOffset);
        document.accept(inspection);
        String html = htmlRenderer.render(document);
        if (!inspection.rawHtml) {
            return new Rendered(new Html(html.strip()), plainText(textRenderer.render(document)), List.of());
        }
        Document parsed = Jsoup.parseBodyFragment(html, BASE_URI);
        List<String> removed = trustRawHtml ? List.of() : List.copyOf(disallowed(parsed.body()));
        Document kept = trustRawHtml ? parsed : new Cleaner(ALLOWED).clean(parsed);
        kept.outputSettings().prettyPrint(false);
        // The plain text is what readers see: tags are not text, and removed elements are gone.
        String markup = trustRawHtml ? html.strip() : kept.body().html().strip();
        return new Rendered(new Html(markup), plainText(kept.body().text()), removed);
    }

    /** What the allowlist takes out of an element tree, described for a warning. */
    static Set<String> disallowed(Element root) {
        Set<String> removed = new TreeSet<>();
        for (Element element : root.getAllElements()) {
            if (element == root) {
                continue;
            }
            String tag = element.normalName();
            if (!ALLOWED.isSafeTag(tag)) {
                removed.add("<" + tag + ">");
                continue;
            }
            for (Attribute attribute : element.attributes()) {
                if (!ALLOWED.isSafeAttribute(tag, element, attribute)) {
                    removed.add(tag + " " + attribute.getKey() + "=\"" + abbreviate(attribute.getValue()) + "\"");
                }
            }
        }
        return removed;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }

    private static String plainText(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /**
     * The result of rendering.
     *
     * @param html    the HTML, safe to insert into a page
     * @param text    the same content as plain text on one line
     * @param removed descriptions of raw HTML the allowlist removed, empty when none
     */
    public record Rendered(Html html, String text, List<String> removed) {
        public Rendered {
            removed = List.copyOf(removed);
        }
    }

    /** Moves headings down and notes whether the document holds raw HTML. */
    private static final class Inspection extends AbstractVisitor {
        private final int headingOffset;
        private boolean rawHtml;

        Inspection(int headingOffset) {
            this.headingOffset = headingOffset;
        }

        @Override
        public void visit(Heading heading) {
            heading.setLevel(Math.min(6, heading.getLevel() + headingOffset));
            visitChildren(heading);
        }

        @Override
        public void visit(HtmlBlock htmlBlock) {
            rawHtml = true;
        }

        @Override
        public void visit(HtmlInline htmlInline) {
            rawHtml = true;
        }
    }
}
