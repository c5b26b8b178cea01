package io.github.sitegen.fml;

import java.util.List;
import java.util.Map;

/**
 * A small, immutable XML tree that keeps the position of every node in its source file, so that
 * the import report can name {@code file:line:column} for anything it could not convert.
 */
final class Xml {

    private Xml() {
    }

    /** A node of the tree. Lines and columns are 1-based. */
    sealed interface Node permits Element, Text, Comment {
        int line();

        int column();
    }

    /**
     * An element, by local name (namespaces are left out: FML 1.0, FML 1.0.1 and no namespace read
     * the same). Attributes keep their document order; namespaced attributes (such as
     * {@code xsi:schemaLocation}) are not kept.
     */
    record Element(String name, String namespace, Map<String, String> attributes, List<Node> children,
                   int line, int column) implements Node {

        String attribute(String attribute) {
            return attributes.get(attribute);
        }

        List<Element> elements() {
            return children.stream().filter(Element.class::isInstance).map(Element.class::cast).toList();
        }

        List<Element> elements(String elementName) {
            return elements().stream().filter(e -> e.name().equals(elementName)).toList();
        }

        /** The text of every descendant text node (CDATA included, comments left out). */
        String text() {
            StringBuilder out = new StringBuilder();
            appendText(this, out);
            return out.toString();
        }

        private static void appendText(Element element, StringBuilder out) {
            for (Node child : element.children()) {
                if (child instanceof Text text) {
                    out.append(text.text());
                } else if (child instanceof Element nested) {
                    appendText(nested, out);
                }
            }
        }
    }

    /** Character data: text, resolved entities, or a CDATA section. */
    record Text(String text, boolean cdata, int line, int column) implements Node {

        boolean isBlank() {
            return text.isBlank();
        }
    }

    /** An XML comment. */
    record Comment(String text, int line, int column) implements Node {
    }
}
