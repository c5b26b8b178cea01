package io.github.sitegen.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.Set;
import java.util.TreeSet;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import io.github.sitegen.model.Html;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Renders answers and summaries from Markdown (CommonMark with tables, strikethrough and autolinks)
 * to HTML. Raw HTML written inside the Markdown goes through an allowlist unless the site trusts
 * its authors. Headings inside a fragment are renumbered so that they nest under the page's own
 * headings without skipping a level.
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
            // commonmark marks every Markdown link rel="nofollow" when it sanitises URLs
            .addAttributes("a", "rel")
            .addProtocols("a", "href", "#")
            .preserveRelativeLinks(true);

    private static final String BASE_URI = "https://site-gen.invalid/";

    /**
     * How far Markdown may expand beyond its own size. Two constructs are not bounded by their
     * source: a link reference ({@code [a]: <long URL>}) repeats its URL and title at every use
     * ({@code [a] [a] [a] ...}), and a table fills in every cell its rows leave out, so that a wide
     * header over many one-character rows grows with columns × rows. Both grow with the square of
     * the input, so a 100 KB answer could produce gigabytes. Link targets and titles together may
     * use at most {@value} × the source's length + {@link #EXPANSION_SLACK} characters, and a
     * document's tables at most {@link #TABLE_CELLS_PER_CHARACTER} cells per character of the
     * source + {@link #EXPANSION_SLACK} (a cell written out takes at least one); beyond that, the
     * remaining links are rendered as their text and the remaining table rows left out, and the
     * answer has an error. The HTML then stays below 64 × the source's length + a few KB.
     */
    static final int EXPANSION = 16;
    static final int TABLE_CELLS_PER_CHARACTER = 2;
    static final int EXPANSION_SLACK = 1024;
    /**
     * The most cells one table may have. commonmark counts them while it parses and gives up with
     * an exception beyond its own limit (a million); this lower one keeps the memory a parse takes
     * proportional to the text even before {@link #EXPANSION} is checked.
     */
    static final int MAX_TABLE_CELLS = 10_000;

    private final Parser parser;
    private final HtmlRenderer htmlRenderer;
    private final boolean trustRawHtml;

    public MarkdownRenderer(boolean trustRawHtml) {
        List<Extension> extensions = List.of(TablesExtension.builder().maxCells(MAX_TABLE_CELLS).build(),
                StrikethroughExtension.create(),
                AutolinkExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.htmlRenderer = HtmlRenderer.builder()
                .extensions(extensions)
                .sanitizeUrls(!trustRawHtml)
                .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
                .softbreak("\n")
                // HTML5 has no align attribute: table cells get a class the theme styles instead.
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    String align = attributes.remove("align");
                    if (align != null) {
                        attributes.put("class", "align-" + align);
                    }
                })
                .build();
        this.trustRawHtml = trustRawHtml;
    }

    /**
     * Renders one Markdown text.
     *
     * @param markdown      the source
     * @param topHeading the level of the fragment's highest heading (3 turns {@code #} into
     *                   {@code <h3>}); lower headings follow without skipping a level
     */
    public Rendered render(String markdown, int topHeading) {
        return render(markdown, topHeading, UnaryOperator.identity());
    }

    /**
     * Renders one Markdown text, passing the destination of every Markdown link through
     * {@code links} first (to resolve short links between questions).
     */
    public Rendered render(String markdown, int topHeading, UnaryOperator<String> links) {
        Node document;
        try {
            document = parser.parse(markdown);
        } catch (IllegalArgumentException e) {
            // commonmark aborts the whole parse when a table reaches MAX_TABLE_CELLS
            if (!String.valueOf(e.getMessage()).contains("maximum number of cells")) {
                throw e;
            }
            return new Rendered(Html.EMPTY, "", List.of(), List.of(), List.of("a table has more than " + MAX_TABLE_CELLS
                    + " cells (counting the ones its rows leave out), so nothing of this text is rendered"));
        }
        Inspection inspection = new Inspection(links, (long) EXPANSION * markdown.length() + EXPANSION_SLACK,
                (long) TABLE_CELLS_PER_CHARACTER * markdown.length() + EXPANSION_SLACK);
        document.accept(inspection);
        inspection.renumber(topHeading);
        List<String> errors = inspection.limitExpansion();
        String html = htmlRenderer.render(document);
        if (!inspection.rawHtml) {
            // The plain text is what readers see: no link targets, no markup.
            PlainText text = new PlainText();
            document.accept(text);
            return new Rendered(new Html(html.strip()), Text.oneLine(text.toString()), List.of(), List.of(), errors);
        }
        Document parsed = Jsoup.parseBodyFragment(html, BASE_URI);
        List<String> removed = trustRawHtml ? List.of() : List.copyOf(disallowed(parsed.body()));
        Document kept = trustRawHtml ? parsed : new Cleaner(ALLOWED).clean(parsed);
        kept.outputSettings().prettyPrint(false);
        List<String> repaired = trustRawHtml ? List.of() : repairUrls(kept.body());
        if (!trustRawHtml) {
            // An image needs a text alternative; without one it is marked decorative and reported.
            for (Element image : kept.body().select("img:not([alt])")) {
                image.attr("alt", "");
                repaired.add("<img src=\"" + Text.abbreviate(image.attr("src"), 40) + "\"> had no alt text and is now marked"
                        + " decorative (alt=\"\")");
            }
        }
        if (!trustRawHtml) {
            // Headings written as raw HTML follow the same rule as Markdown ones.
            Elements headings = kept.body().select("h1, h2, h3, h4, h5, h6");
            int[] levels = renumber(headings.stream().mapToInt(h -> h.tagName().charAt(1) - '0').toArray(), topHeading);
            for (int i = 0; i < levels.length; i++) {
                headings.get(i).tagName("h" + levels[i]);
            }
        }
        String markup = trustRawHtml ? html.strip() : kept.body().html().strip();
        return new Rendered(new Html(markup), Text.oneLine(kept.body().text()), removed, repaired, errors);
    }

    /**
     * New levels for headings in document order: the highest becomes {@code top}, none skips a
     * level, and relative depth is kept where it can be (HTML checkers and screen readers expect no
     * gaps). Levels never exceed 6.
     */
    static int[] renumber(int[] levels, int top) {
        int highest = java.util.Arrays.stream(levels).min().orElse(1);
        int previous = top - 1;
        int[] result = new int[levels.length];
        for (int i = 0; i < levels.length; i++) {
            result[i] = Math.min(6, Math.min(top + levels[i] - highest, previous + 1));
            previous = result[i];
        }
        return result;
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
                    removed.add(tag + " " + attribute.getKey() + "=\"" + Text.abbreviate(attribute.getValue(), 40) + "\"");
                }
            }
        }
        return removed;
    }

    /**
     * Percent-encodes the characters a URL may not contain (a second {@code #}, spaces, quotes,
     * brackets after the host, controls) in links and images written as raw HTML, so that the page
     * stays valid. Returns a description of each change.
     */
    static List<String> repairUrls(Element root) {
        List<String> repaired = new ArrayList<>();
        for (Element element : root.select("a[href], img[src]")) {
            String attribute = element.hasAttr("href") ? "href" : "src";
            String url = element.attr(attribute);
            String valid = validUrl(url);
            if (!valid.equals(url)) {
                element.attr(attribute, valid);
                repaired.add("'" + Text.abbreviate(url, 40) + "' became '" + Text.abbreviate(valid, 40) + "'");
            }
        }
        return repaired;
    }

    static String validUrl(String url) {
        String trimmed = url.strip();
        int authority = trimmed.indexOf("//");
        int pathStart = authority < 0 ? 0 : trimmed.indexOf('/', authority + 2);
        StringBuilder out = new StringBuilder(trimmed.length());
        boolean fragment = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            boolean bracketInPath = (c == '[' || c == ']') && pathStart >= 0 && i > pathStart;
            if (c == '#' && !fragment) {
                fragment = true;
                out.append(c);
            } else if (c == '#' || c <= ' ' || c == 0x7F || "\"<>\\^`{|}".indexOf(c) >= 0 || bracketInPath) {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xFF));
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }



    /**
     * The result of rendering.
     *
     * @param html    the HTML, safe to insert into a page
     * @param text    the same content as plain text on one line
     * @param removed  descriptions of raw HTML the allowlist removed, empty when none
     * @param repaired descriptions of what was corrected in raw HTML to keep the page valid and
     *                 accessible (invalid URLs encoded, missing alt text)
     * @param errors   descriptions of Markdown that expands too far beyond its size (see
     *                 {@link #EXPANSION}), left out of the HTML; each is an error in the content
     */
    public record Rendered(Html html, String text, List<String> removed, List<String> repaired, List<String> errors) {
        public Rendered {
            removed = List.copyOf(removed);
            repaired = List.copyOf(repaired);
            errors = List.copyOf(errors);
        }

        public Rendered(Html html, String text, List<String> removed, List<String> repaired) {
            this(html, text, removed, repaired, List.of());
        }
    }

    /** The text of a document as a reader sees it, with a space between blocks and cells. */
    private static final class PlainText extends AbstractVisitor {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void visit(org.commonmark.node.Text node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(Code node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(FencedCodeBlock node) {
            text.append(node.getLiteral()).append(' ');
        }

        @Override
        public void visit(IndentedCodeBlock node) {
            text.append(node.getLiteral()).append(' ');
        }

        @Override
        public void visit(SoftLineBreak node) {
            text.append(' ');
        }

        @Override
        public void visit(HardLineBreak node) {
            text.append(' ');
        }

        @Override
        public void visit(Paragraph node) {
            visitChildren(node);
            text.append(' ');
        }

        @Override
        public void visit(Heading node) {
            visitChildren(node);
            text.append(' ');
        }

        @Override
        public void visit(CustomBlock node) {
            visitChildren(node);
            text.append(' ');
        }

        @Override
        public void visit(CustomNode node) {
            visitChildren(node);
            if (node instanceof TableCell) {
                text.append(' ');
            }
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /**
     * Moves headings down, notes whether the document holds raw HTML, and measures what the
     * document expands to (link targets and titles, table cells) against {@code limit}.
     */
    private static final class Inspection extends AbstractVisitor {
        private final List<Heading> headings = new ArrayList<>();
        private final UnaryOperator<String> links;
        private final long limit;
        private final long cellLimit;
        private boolean rawHtml;
        private long linkCharacters;
        private long tableCells;
        private final List<Node> overLinks = new ArrayList<>();
        private final List<Node> overRows = new ArrayList<>();

        Inspection(UnaryOperator<String> links, long limit, long cellLimit) {
            this.links = links;
            this.limit = limit;
            this.cellLimit = cellLimit;
        }

        @Override
        public void visit(Link link) {
            link.setDestination(links.apply(link.getDestination()));
            count(link, link.getDestination(), link.getTitle());
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            count(image, image.getDestination(), image.getTitle());
            visitChildren(image);
        }

        private void count(Node node, String destination, String title) {
            linkCharacters += (destination == null ? 0 : destination.length()) + (title == null ? 0 : title.length());
            if (linkCharacters > limit) {
                overLinks.add(node);
            }
        }

        @Override
        public void visit(CustomBlock block) {
            if (block instanceof TableBlock) {
                for (Node section = block.getFirstChild(); section != null; section = section.getNext()) {
                    for (Node row = section instanceof TableRow ? section : section.getFirstChild(); row != null;
                         row = row == section ? null : row.getNext()) {
                        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                            tableCells++;
                        }
                        if (tableCells > cellLimit) {
                            overRows.add(row);
                        }
                    }
                }
            }
            visitChildren(block);
        }

        /** Leaves out what goes beyond the limit; returns a description of each kind, for an error. */
        List<String> limitExpansion() {
            List<String> errors = new ArrayList<>();
            if (!overLinks.isEmpty()) {
                errors.add("link references repeat " + linkCharacters + " characters of link targets and titles, more"
                        + " than " + EXPANSION + " times the text's length allows (" + limit + "); the last "
                        + overLinks.size() + " links are left as text");
                for (Node link : overLinks) {
                    while (link.getFirstChild() != null) {
                        link.insertBefore(link.getFirstChild());
                    }
                    link.unlink();
                }
            }
            if (!overRows.isEmpty()) {
                errors.add("tables fill in " + tableCells + " cells, more than " + TABLE_CELLS_PER_CHARACTER + " per"
                        + " character of the text allow (" + cellLimit + "); the last " + overRows.size()
                        + " rows are left out");
                overRows.forEach(Node::unlink);
            }
            return errors;
        }

        @Override
        public void visit(Heading heading) {
            headings.add(heading);
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

        void renumber(int top) {
            int[] levels = MarkdownRenderer.renumber(headings.stream().mapToInt(Heading::getLevel).toArray(), top);
            for (int i = 0; i < levels.length; i++) {
                headings.get(i).setLevel(levels[i]);
            }
        }
    }
}
