package io.github.sitegen.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.commonmark.node.BlockQuote;
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

    /**
     * The tags and attributes raw HTML may use. Everything else is removed (text is kept). In a class
     * of its own, so that jsoup is loaded only by a build whose content has raw HTML.
     */
    static final class Allowlist {
        static final Safelist ALLOWED = new Safelist(Safelist.relaxed()) {
                    // The markup of an alert (> [!NOTE]) passes, and no other class or role on div and p.
                    @Override
                    public boolean isSafeAttribute(String tagName, Element element, Attribute attribute) {
                        String key = attribute.getKey();
                        if (tagName.equals("div") && key.equals("class")) {
                            return attribute.getValue().matches("alert alert-(note|tip|important|warning|caution)");
                        }
                        if (tagName.equals("div") && key.equals("role")) {
                            return attribute.getValue().equals("note");
                        }
                        if (tagName.equals("p") && key.equals("class")) {
                            return attribute.getValue().equals("alert-title");
                        }
                        return super.isSafeAttribute(tagName, element, attribute);
                    }
                }
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
                .addAttributes("div", "class", "role")
                .addAttributes("p", "class")
                // an author may mark a link of raw HTML rel="nofollow" (or sponsored, ugc) where it is meant
                .addAttributes("a", "rel")
                .addProtocols("a", "href", "#")
                .preserveRelativeLinks(true);
    }

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
                .urlSanitizer(UrlSchemes.INSTANCE)
                .softbreak("\n")
                .nodeRendererFactory(AlertRenderer::new)
                // HTML5 has no align attribute: table cells get a class the theme styles instead.
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    // commonmark marks every link rel="nofollow" when it sanitises URLs, the site's own
                    // links included. The content is the site owner's, links out are editorial
                    // references: no link of a Markdown text gets a rel, as none of raw HTML does.
                    if (node instanceof Link) {
                        attributes.remove("rel");
                    }
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
        return render(markdown, topHeading, links, ENGLISH_ALERTS);
    }

    /** The titles of alerts in English, by kind ({@code note}, {@code tip}, ...). */
    public static final UnaryOperator<String> ENGLISH_ALERTS =
            kind -> Character.toUpperCase(kind.charAt(0)) + kind.substring(1);

    /**
     * Renders one Markdown text, with {@code alertTitles} giving the title of each kind of alert
     * ({@code note}, {@code tip}, {@code important}, {@code warning}, {@code caution}) in the
     * site's language.
     */
    public Rendered render(String markdown, int topHeading, UnaryOperator<String> links, UnaryOperator<String> alertTitles) {
        return render(markdown, topHeading, links, UnaryOperator.identity(), alertTitles);
    }

    /**
     * Renders one Markdown text, passing the destination of every Markdown link through
     * {@code links} first (to resolve short links between questions), then every URL of the result
     * ({@code href} and {@code src}, of Markdown and of raw HTML, as written in HTML: with
     * {@code %XX} escapes) through {@code urls} (to write relative URLs for the page that shows
     * the text), and with {@code alertTitles} giving the title of each kind of alert.
     */
    public Rendered render(String markdown, int topHeading, UnaryOperator<String> links, UnaryOperator<String> urls,
                           UnaryOperator<String> alertTitles) {
        Node document;
        try {
            document = parser.parse(markdown);
        } catch (IllegalArgumentException e) {
            // commonmark aborts the whole parse when a table reaches MAX_TABLE_CELLS
            if (!String.valueOf(e.getMessage()).contains("maximum number of cells")) {
                throw e;
            }
            return new Rendered(Html.EMPTY, "", List.of(), List.of(), List.of(), List.of("a table has more than " + MAX_TABLE_CELLS
                    + " cells (counting the ones its rows leave out), so nothing of this text is rendered"), List.of());
        }
        Inspection inspection = new Inspection(links, alertTitles, (long) EXPANSION * markdown.length() + EXPANSION_SLACK,
                (long) TABLE_CELLS_PER_CHARACTER * markdown.length() + EXPANSION_SLACK, !trustRawHtml);
        document.accept(inspection);
        inspection.renumber(topHeading);
        List<String> errors = inspection.limitExpansion();
        List<String> unsafe = inspection.removeUnsafeUrls();
        if (!inspection.rawHtml) {
            // Raw HTML's URLs are rewritten with the others below, once jsoup has read it.
            document.accept(new UrlRewriter(urls));
        }
        String html = htmlRenderer.render(document);
        List<String> emptyLinks = new ArrayList<>(inspection.emptyLinks);
        if (!inspection.rawHtml) {
            // The plain text is what readers see: no link targets, no markup.
            PlainText text = new PlainText();
            document.accept(text);
            return new Rendered(new Html(html.strip()), Text.oneLine(text.toString()), List.of(), List.of(), emptyLinks, errors,
                    unsafe);
        }
        Document parsed = Jsoup.parseBodyFragment(html, BASE_URI);
        List<String> removed = trustRawHtml ? List.of() : List.copyOf(disallowed(parsed.body()));
        Document kept = trustRawHtml ? parsed : new Cleaner(Allowlist.ALLOWED).clean(parsed);
        kept.outputSettings().prettyPrint(false);
        List<String> repaired = trustRawHtml ? List.of() : repairUrls(kept.body());
        if (!trustRawHtml) {
            // A link whose href the allowlist removed (<a name="x">) is no link: its text stays.
            kept.body().select("a:not([href])").forEach(Element::unwrap);
            // A link without text is announced as nothing: it shows its address instead.
            for (Element link : kept.body().select("a[href]")) {
                if (link.text().isBlank() && link.select("img[alt]").stream().allMatch(i -> i.attr("alt").isBlank())) {
                    link.appendText(link.attr("href"));
                    emptyLinks.add(link.attr("href"));
                }
            }
        }
        if (!trustRawHtml) {
            // An image needs a text alternative; without one it is marked decorative and reported.
            for (Element image : kept.body().select("img:not([alt])")) {
                image.attr("alt", "");
                repaired.add("<img src=\"" + Text.abbreviate(image.attr("src"), 40) + "\"> had no alt text and is now marked"
                        + " decorative (alt=\"\")");
            }
        }
        rewriteUrls(kept.body(), urls);
        // Headings written as raw HTML, trusted or not, follow the same rule as Markdown ones.
        Elements headings = kept.body().select("h1, h2, h3, h4, h5, h6");
        int[] levels = renumber(headings.stream().mapToInt(h -> h.tagName().charAt(1) - '0').toArray(), topHeading);
        for (int i = 0; i < levels.length; i++) {
            headings.get(i).tagName("h" + levels[i]);
        }
        // Written out from the tree a browser builds, trusted or not: the nesting is valid HTML
        // (<p><table> becomes <p></p><table>, as a browser reads it).
        String markup = kept.body().html().strip();
        return new Rendered(new Html(markup), Text.oneLine(kept.body().text()), removed, repaired, emptyLinks, errors, unsafe);
    }

    /**
     * {@code html} with every {@code href} and {@code src} passed through {@code urls}: rendered
     * text shown on another page than the one it was written for.
     */
    public static Html withUrls(Html html, UnaryOperator<String> urls) {
        String markup = UrlAttributes.rewrite(html.markup(), urls);
        return markup.equals(html.markup()) ? html : new Html(markup);
    }

    /** Passes every {@code href} and {@code src} below {@code body} through {@code urls}. */
    private static void rewriteUrls(Element body, UnaryOperator<String> urls) {
        for (Element element : body.select("[href], [src]")) {
            for (String attribute : List.of("href", "src")) {
                if (element.hasAttr(attribute)) {
                    element.attr(attribute, urls.apply(element.attr(attribute)));
                }
            }
        }
    }

    /** Passes the destination of every Markdown link and image through {@code urls}. */
    private static final class UrlRewriter extends AbstractVisitor {
        private final UnaryOperator<String> urls;

        UrlRewriter(UnaryOperator<String> urls) {
            this.urls = urls;
        }

        @Override
        public void visit(Link link) {
            link.setDestination(urls.apply(link.getDestination()));
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            image.setDestination(urls.apply(image.getDestination()));
            visitChildren(image);
        }
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
            if (!Allowlist.ALLOWED.isSafeTag(tag)) {
                removed.add("<" + tag + ">");
                continue;
            }
            for (Attribute attribute : element.attributes()) {
                if (!Allowlist.ALLOWED.isSafeAttribute(tag, element, attribute)) {
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

    /**
     * {@code url} without the surrounding spaces, with the characters a URL may not hold (a
     * second {@code #}, spaces, controls, {@code "<>\\^`{|}}, brackets after the host) written
     * as {@code %XX} escapes of their UTF-8 bytes. Escapes already there stay.
     */
    public static String validUrl(String url) {
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
                    out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
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
     * @param emptyLinks the targets of links written without text, Markdown or raw HTML, which now
     *                   show their target as their text
     * @param errors   descriptions of Markdown that expands too far beyond its size (see
     *                 {@link #EXPANSION}), left out of the HTML; each is an error in the content
     * @param unsafeUrls descriptions of Markdown links and images (autolinks and references
     *                 included) whose URL has a scheme they may not use ({@link UrlSchemes}): the
     *                 link is now its text, the image its alternative text
     */
    public record Rendered(Html html, String text, List<String> removed, List<String> repaired, List<String> emptyLinks,
                           List<String> errors, List<String> unsafeUrls) {
        public Rendered {
            unsafeUrls = List.copyOf(unsafeUrls);
            removed = List.copyOf(removed);
            repaired = List.copyOf(repaired);
            emptyLinks = List.copyOf(emptyLinks);
            errors = List.copyOf(errors);
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

    private static final java.util.regex.Pattern ALERT = java.util.regex.Pattern.compile(
            "\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\\]\\s*", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** A GitHub alert: a callout of one kind, with its title in the site's language. */
    static final class Alert extends CustomBlock {
        final String kind;
        final String title;

        Alert(String kind, String title) {
            this.kind = kind;
            this.title = title;
        }
    }

    /**
     * Writes an alert as {@code <div class="alert alert-note" role="note">} with its title as the
     * first paragraph: a note to assistive technology, not a landmark (an aside in main is one).
     */
    private static final class AlertRenderer implements org.commonmark.renderer.NodeRenderer {
        private final org.commonmark.renderer.html.HtmlNodeRendererContext context;

        AlertRenderer(org.commonmark.renderer.html.HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Alert.class);
        }

        @Override
        public void render(Node node) {
            Alert alert = (Alert) node;
            org.commonmark.renderer.html.HtmlWriter html = context.getWriter();
            html.line();
            java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>();
            attributes.put("class", "alert alert-" + alert.kind);
            attributes.put("role", "note");
            html.tag("div", attributes);
            html.line();
            html.tag("p", java.util.Map.of("class", "alert-title"));
            html.text(alert.title);
            html.tag("/p");
            html.line();
            for (Node child = alert.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            html.line();
            html.tag("/div");
            html.line();
        }
    }

    /**
     * Moves headings down, turns quotes marked [!NOTE] into alerts, notes whether the document
     * holds raw HTML, and measures what the document expands to (link targets and titles, table
     * cells) against its limits.
     */
    private static final class Inspection extends AbstractVisitor {
        private final List<Heading> headings = new ArrayList<>();
        private final List<String> emptyLinks = new ArrayList<>();
        private final UnaryOperator<String> links;
        private final long limit;
        private final long cellLimit;
        private boolean rawHtml;
        private long linkCharacters;
        private long tableCells;
        private final List<Node> overLinks = new ArrayList<>();
        private final List<Node> overRows = new ArrayList<>();
        private final List<Node> unsafe = new ArrayList<>();
        private final List<String> unsafeUrls = new ArrayList<>();
        private final boolean checkSchemes;

        private final UnaryOperator<String> alertTitles;

        Inspection(UnaryOperator<String> links, UnaryOperator<String> alertTitles, long limit, long cellLimit,
                   boolean checkSchemes) {
            this.links = links;
            this.alertTitles = alertTitles;
            this.limit = limit;
            this.cellLimit = cellLimit;
            this.checkSchemes = checkSchemes;
        }

        /** Whether {@code destination} of a link or image has a scheme it may not use; if so, noted. */
        private boolean unsafe(Node node, String destination, boolean image) {
            java.util.Optional<String> scheme = checkSchemes ? UrlSchemes.refused(destination, image) : java.util.Optional.empty();
            scheme.ifPresent(refused -> {
                unsafe.add(node);
                unsafeUrls.add((image ? "image " : "link ") + "'" + Text.abbreviate(destination, 40) + "' (" + refused + ")");
            });
            return scheme.isPresent();
        }

        /**
         * Takes out the links and images whose scheme {@link UrlSchemes} refuses, keeping their text
         * (an image's is its alternative text); returns a description of each.
         */
        List<String> removeUnsafeUrls() {
            unsafe.forEach(Inspection::unwrap);
            return unsafeUrls;
        }

        private static void unwrap(Node node) {
            while (node.getFirstChild() != null) {
                node.insertBefore(node.getFirstChild());
            }
            node.unlink();
        }

        /** A quote whose first line is only {@code [!NOTE]} (or TIP, IMPORTANT, WARNING, CAUTION) is an alert. */
        @Override
        public void visit(BlockQuote quote) {
            visitChildren(quote);
            if (!(quote.getFirstChild() instanceof Paragraph first)
                    || !(first.getFirstChild() instanceof org.commonmark.node.Text marker)) {
                return;
            }
            java.util.regex.Matcher m = ALERT.matcher(marker.getLiteral());
            Node after = marker.getNext();
            if (!m.matches() || !(after == null || after instanceof SoftLineBreak || after instanceof HardLineBreak)) {
                return;
            }
            marker.unlink();
            if (after != null) {
                after.unlink();
            }
            if (first.getFirstChild() == null) {
                first.unlink();
            }
            String kind = m.group(1).toLowerCase(java.util.Locale.ROOT);
            Alert alert = new Alert(kind, alertTitles.apply(kind));
            for (Node child = quote.getFirstChild(); child != null; ) {
                Node next = child.getNext();
                alert.appendChild(child);
                child = next;
            }
            quote.insertAfter(alert);
            quote.unlink();
        }

        @Override
        public void visit(Link link) {
            link.setDestination(links.apply(link.getDestination()));
            visitChildren(link);
            if (unsafe(link, link.getDestination(), false)) {
                return;
            }
            PlainText text = new PlainText();
            for (Node child = link.getFirstChild(); child != null; child = child.getNext()) {
                child.accept(text);
            }
            boolean empty = text.toString().isBlank();
            // An empty link shows its address as its text, so the address counts twice.
            boolean within = count(link, link.getDestination(), link.getTitle(), empty ? link.getDestination() : null);
            if (empty && within) {
                // [](url): a link a screen reader announces as nothing shows its address instead.
                link.appendChild(new org.commonmark.node.Text(link.getDestination()));
                emptyLinks.add(link.getDestination());
            }
        }

        @Override
        public void visit(Image image) {
            unsafe(image, image.getDestination(), true);
            count(image, image.getDestination(), image.getTitle(), null);
            visitChildren(image);
        }

        /** Adds what {@code node} writes out to the total; false (and noted) once past the limit. */
        private boolean count(Node node, String destination, String title, String shown) {
            linkCharacters += length(destination) + length(title) + length(shown);
            if (linkCharacters > limit) {
                overLinks.add(node);
                return false;
            }
            return true;
        }

        private static int length(String text) {
            return text == null ? 0 : text.length();
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
                overLinks.forEach(Inspection::unwrap);
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
