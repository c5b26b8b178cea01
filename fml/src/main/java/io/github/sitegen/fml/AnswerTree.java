package io.github.sitegen.fml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An answer's markup read as HTML, the way the old page showed it, before it is converted.
 *
 * <ul>
 *   <li>Tag and attribute names of HTML elements in any case are read in lower case
 *       ({@code <A HREF>} is a link, {@code <BR/>} a line break). Doxia 1.0 wrote the answer as it
 *       was into the page, where browsers read them so; Doxia 1.1 and later (whose parsers compare
 *       names in lower case) dropped such tags and kept their text. Names that are not HTML, such
 *       as the XML of a POM in a code block, keep their case.</li>
 *   <li>An element that is not HTML (or not one site-gen keeps), such as a typo {@code <ui>}, is
 *       left out and its content kept in its place, with a warning, as both Doxia generations
 *       did: Doxia 1.1 and later ignored the unknown tag, browsers showed Doxia 1.0's.</li>
 *   <li>Phrase markup around a block ({@code <b><pre>}) is left out, its content kept, with a
 *       warning: HTML does not allow it there.</li>
 *   <li>List items outside a list ({@code <li>}, or {@code <dt>} and {@code <dd>}) are put in
 *       one ({@code <ul>}, {@code <dl>}), with a warning: browsers showed them as list items,
 *       but the HTML is not valid.</li>
 * </ul>
 * Inside {@code <source>} and {@code <pre>} only the case of HTML names changes: what else is
 * there is code (see {@link AnswerConverter}).
 */
final class AnswerTree {

    /** Every element name the converter handles; any other is left out, its content kept. */
    static final Set<String> KNOWN;

    static {
        Set<String> known = new HashSet<>(HtmlWriter.ALLOWED.keySet());
        known.addAll(HtmlWriter.RENAMED.keySet());
        known.addAll(AnswerConverter.KNOWN_NAMES);
        KNOWN = Set.copyOf(known);
    }

    /** HTML names read in lower case in any case: the known ones, and old HTML the converter reports. */
    private static final Set<String> HTML_NAMES;

    static {
        Set<String> html = new HashSet<>(KNOWN);
        html.addAll(Set.of("font", "big", "blink", "nobr", "basefont", "marquee", "script", "style", "object", "embed",
                "param", "applet", "iframe", "form", "input", "button", "select", "option", "textarea", "label",
                "map", "area", "bdo", "wbr", "figure", "figcaption", "article", "aside", "nav", "header", "footer",
                "main", "menu", "dir", "xmp", "listing", "plaintext"));
        HTML_NAMES = Set.copyOf(html);
    }

    private static final Set<String> CODE_BLOCKS = Set.of("source", "pre");

    /** Phrase elements, which HTML does not allow to hold blocks ({@code <a>} may, where its parent may). */
    private static final Set<String> PHRASE = Set.of("b", "strong", "bold", "i", "em", "code", "tt", "kbd", "samp",
            "var", "u", "s", "strike", "sub", "sup", "small", "span", "cite", "q", "del", "ins", "mark", "abbr",
            "acronym", "dfn");

    private final Path file;
    private final Report report;

    private AnswerTree(Path file, Report report) {
        this.file = file;
        this.report = report;
    }

    /** {@code answer} with its markup read as HTML; what changed is reported. */
    static Xml.Element normalize(Xml.Element answer, Path file, Report report) {
        AnswerTree tree = new AnswerTree(file, report);
        return tree.copy(answer, answer.name(), tree.children(answer.children(), answer.name(), false));
    }

    private static Xml.Element copy(Xml.Element element, String name, List<Xml.Node> children) {
        return new Xml.Element(name, element.namespace(), element.attributes(), List.copyOf(children), element.line(),
                element.column());
    }

    /** The name read as HTML: lower case when it is an HTML name in another case. */
    static String htmlName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !lower.equals(name) && HTML_NAMES.contains(lower) ? lower : name;
    }

    private List<Xml.Node> children(List<Xml.Node> nodes, String parent, boolean code) {
        List<Xml.Node> out = new ArrayList<>();
        for (Xml.Node node : nodes) {
            if (!(node instanceof Xml.Element element)) {
                out.add(node);
                continue;
            }
            String name = htmlName(element.name());
            Map<String, String> attributes = element.attributes();
            if (HTML_NAMES.contains(name) && attributes.keySet().stream().anyMatch(k -> !k.equals(k.toLowerCase(Locale.ROOT)))) {
                attributes = new LinkedHashMap<>();
                for (Map.Entry<String, String> attribute : element.attributes().entrySet()) {
                    attributes.putIfAbsent(attribute.getKey().toLowerCase(Locale.ROOT), attribute.getValue());
                }
            }
            boolean inCode = code || CODE_BLOCKS.contains(name);
            List<Xml.Node> inner = children(element.children(), name, inCode);
            if (!code && !KNOWN.contains(name)) {
                report.warning(file, element, "<" + element.name() + "> is not kept (not XHTML, or not allowed by site-gen):"
                        + " its text is kept", null);
                out.addAll(inner);
                continue;
            }
            if (!code && PHRASE.contains(name) && HtmlWriter.hasBlock(inner)) {
                report.warning(file, element, "<" + element.name() + "> around a list, table, paragraph or code block is"
                        + " not kept, as HTML does not allow it there: its content is kept", "put the markup inside the block");
                out.addAll(inner);
                continue;
            }
            out.add(new Xml.Element(name, element.namespace(), Collections.unmodifiableMap(attributes), List.copyOf(inner),
                    element.line(), element.column()));
        }
        return code ? out : listed(out, parent);
    }

    /** {@code nodes} with runs of list items outside a list put in one. */
    private List<Xml.Node> listed(List<Xml.Node> nodes, String parent) {
        boolean inList = parent.equals("ul") || parent.equals("ol");
        boolean inDefinitions = parent.equals("dl");
        List<Xml.Node> out = new ArrayList<>();
        List<Xml.Node> run = new ArrayList<>();
        String runList = null;
        List<Xml.Node> gap = new ArrayList<>();
        for (Xml.Node node : nodes) {
            String list = null;
            if (node instanceof Xml.Element element) {
                if (element.name().equals("li") && !inList) {
                    list = "ul";
                } else if ((element.name().equals("dt") || element.name().equals("dd")) && !inDefinitions && !inList) {
                    list = "dl";
                }
            }
            if (list != null && list.equals(runList)) {
                run.addAll(gap);
                gap.clear();
                run.add(node);
            } else if (list != null) {
                close(run, runList, out);
                out.addAll(gap);
                gap.clear();
                run.add(node);
                runList = list;
            } else if (runList != null && (node instanceof Xml.Comment || node instanceof Xml.Text text && text.isBlank())) {
                gap.add(node);
            } else {
                close(run, runList, out);
                runList = null;
                out.addAll(gap);
                gap.clear();
                out.add(node);
            }
        }
        close(run, runList, out);
        out.addAll(gap);
        return out;
    }

    private void close(List<Xml.Node> run, String list, List<Xml.Node> out) {
        if (run.isEmpty()) {
            return;
        }
        Xml.Element first = (Xml.Element) run.get(0);
        if (list.equals("dl")) {
            // a <dl> starts with a <dt>: definitions before the first term are kept as blocks of their own
            int term = 0;
            while (term < run.size() && !(run.get(term) instanceof Xml.Element e && e.name().equals("dt"))) {
                term++;
            }
            if (term > 0) {
                report.warning(file, first, "<dd> outside a definition list, without a <dt>: its content is kept as a block",
                        "write it inside <dl> after a <dt>, or as a paragraph");
                for (Xml.Node node : run.subList(0, term)) {
                    out.add(node instanceof Xml.Element dd ? new Xml.Element("div", dd.namespace(), dd.attributes(),
                            dd.children(), dd.line(), dd.column()) : node);
                }
                List<Xml.Node> rest = new ArrayList<>(run.subList(term, run.size()));
                run.clear();
                run.addAll(rest);
                if (run.isEmpty()) {
                    return;
                }
                first = (Xml.Element) run.get(0);
            }
        }
        report.warning(file, first, "<" + first.name() + "> outside a " + (list.equals("ul") ? "list" : "definition list")
                + ": put in a <" + list + ">", list.equals("ul") ? "write the items inside <ul> or <ol>" : "write them inside <dl>");
        out.add(new Xml.Element(list, first.namespace(), Map.of(), List.copyOf(run), first.line(), first.column()));
        run.clear();
    }
}
