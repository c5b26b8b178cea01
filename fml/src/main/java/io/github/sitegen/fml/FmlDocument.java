package io.github.sitegen.fml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.sitegen.markdown.Text;

/**
 * One FML file as parts and FAQs, read from its {@link Xml} tree. The two FML namespaces
 * ({@code http://maven.apache.org/FML/1.0} and {@code .../1.0.1}) and files without a namespace
 * read the same.
 *
 * @param file  the FML file
 * @param title the {@code <faqs title>}, or empty
 * @param root  the {@code <faqs>} element
 * @param parts the parts, in document order
 */
record FmlDocument(Path file, String title, Xml.Element root, List<FmlDocument.Part> parts) {

    static final Set<String> NAMESPACES = Set.of("", "http://maven.apache.org/FML/1.0", "http://maven.apache.org/FML/1.0.1");

    /**
     * A {@code <part>}.
     *
     * @param id      its id attribute, or null
     * @param title   its title as plain text, or empty
     * @param element the element
     * @param faqs    its question and answer pairs, in document order
     */
    record Part(String id, String title, Xml.Element element, List<Faq> faqs) {
    }

    /**
     * One question with its answer. A {@code <faq>} that holds several question and answer pairs
     * (which the FML schema does not allow, but Doxia read) gives one {@code Faq} per pair; the ones
     * after the first have {@code pair} 2, 3, ...
     *
     * @param id       the faq's id attribute, or null
     * @param element  the {@code <faq>} element
     * @param question the {@code <question>} element
     * @param answer   the {@code <answer>} element
     * @param pair     1 for the first pair of the faq
     */
    record Faq(String id, Xml.Element element, Xml.Element question, Xml.Element answer, int pair) {
    }

    /** The document's FAQs in document order. */
    List<Faq> faqs() {
        return parts.stream().flatMap(p -> p.faqs().stream()).toList();
    }

    /** Reads the structure of {@code root}; what does not fit FML is reported. */
    static Optional<FmlDocument> of(Path file, Xml.Element root, Report report) {
        if (!root.name().equals("faqs")) {
            report.error(file, root, "not an FML file: the root element is <" + root.name() + ">, not <faqs>", null);
            return Optional.empty();
        }
        if (!NAMESPACES.contains(root.namespace())) {
            report.warning(file, root, "unknown namespace '" + root.namespace() + "': read as FML",
                    "FML uses http://maven.apache.org/FML/1.0.1 or no namespace");
        }
        String title = root.attribute("title") == null ? "" : Text.oneLine(root.attribute("title"));
        if ("true".equalsIgnoreCase(root.attribute("toplink"))) {
            report.warning(file, root, "toplink=\"true\" is not imported: site-gen pages have no [top] links", null);
        }
        List<Part> parts = new ArrayList<>();
        for (Xml.Node node : root.children()) {
            if (node instanceof Xml.Element element && element.name().equals("part")) {
                parts.add(part(file, element, report));
            } else {
                unexpected(file, node, "<faqs>", report);
            }
        }
        if (parts.isEmpty()) {
            report.error(file, root, "the file has no <part>", "an FML file holds <part> elements with <faq> elements");
        }
        return Optional.of(new FmlDocument(file, title, root, parts));
    }

    private static Part part(Path file, Xml.Element element, Report report) {
        String title = "";
        List<Faq> faqs = new ArrayList<>();
        for (Xml.Node node : element.children()) {
            if (node instanceof Xml.Element child && child.name().equals("title")) {
                if (!title.isEmpty()) {
                    report.warning(file, child, "a second <title> in the part is not imported", null);
                } else {
                    title = Text.oneLine(child.text());
                    if (!child.elements().isEmpty()) {
                        report.warning(file, child, "markup in the part's <title> became plain text", null);
                    }
                }
            } else if (node instanceof Xml.Element child && child.name().equals("faq")) {
                faq(file, child, faqs, report);
            } else {
                unexpected(file, node, "<part>", report);
            }
        }
        if (faqs.isEmpty()) {
            report.warning(file, element, "the part has no <faq>: no topic is written for it", null);
        }
        return new Part(element.attribute("id"), title, element, faqs);
    }

    private static void faq(Path file, Xml.Element element, List<Faq> faqs, Report report) {
        String id = element.attribute("id");
        Xml.Element question = null;
        int pair = 0;
        for (Xml.Node node : element.children()) {
            if (node instanceof Xml.Element child && child.name().equals("question")) {
                if (question != null) {
                    report.error(file, question, "this <question> has no <answer>", "add an <answer> after it");
                }
                question = child;
            } else if (node instanceof Xml.Element child && child.name().equals("answer")) {
                if (question == null) {
                    report.error(file, child, "this <answer> has no <question> before it", null);
                    continue;
                }
                pair++;
                faqs.add(new Faq(id, element, question, child, pair));
                question = null;
            } else {
                unexpected(file, node, "<faq>", report);
            }
        }
        if (question != null) {
            report.error(file, question, "this <question> has no <answer>", "add an <answer> after it");
        } else if (pair == 0) {
            report.error(file, element, "the <faq> has no <question> and <answer>", null);
        }
    }

    /** Whitespace and comments are fine anywhere; anything else outside a question or answer is reported. */
    private static void unexpected(Path file, Xml.Node node, String where, Report report) {
        if (node instanceof Xml.Element element) {
            report.warning(file, element, "<" + element.name() + "> in " + where + " is not FML: not imported", null);
        } else if (node instanceof Xml.Text text && !text.isBlank()) {
            report.warning(file, text, "text in " + where + " is not imported: '" + Text.abbreviate(Text.oneLine(text.text()), 60) + "'",
                    "text belongs in a <question> or an <answer>");
        } else if (node instanceof Xml.Comment comment && comment.text().contains("<faq")) {
            report.warning(file, comment, "a commented-out <faq> is not imported", "remove the comment marks to import it");
        }
    }
}
