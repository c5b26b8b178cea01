package io.github.sitegen.fml;

import java.util.List;
import java.util.Locale;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes topic and site files as YAML the site-gen loader reads back exactly: keys in a fixed
 * order, multi-line text as literal block scalars, single-line text plain where YAML reads it as
 * the same string and double-quoted otherwise. The same input always gives the same bytes.
 */
final class YamlWriter {

    private static final Resolver RESOLVER = new Resolver();
    private static final int INDENT = 2;

    private final StringBuilder out = new StringBuilder();

    /** A {@code # comment} line per line of {@code text}. */
    YamlWriter comment(String text) {
        for (String line : text.split("\n", -1)) {
            out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
        return this;
    }

    /** {@code key: value}, the key indented by {@code level} spaces. */
    YamlWriter text(int level, String key, String value) {
        out.append(" ".repeat(level)).append(key).append(':');
        scalar(level, value);
        return this;
    }

    YamlWriter number(int level, String key, int value) {
        out.append(" ".repeat(level)).append(key).append(": ").append(value).append('\n');
        return this;
    }

    /** {@code key:} followed by one {@code - item} line per item. */
    YamlWriter list(int level, String key, List<String> items) {
        out.append(" ".repeat(level)).append(key).append(":\n");
        for (String item : items) {
            out.append(" ".repeat(level + INDENT)).append('-');
            scalar(level + INDENT, item);
        }
        return this;
    }

    /**
     * Starts a list item with its first key, the dash indented by {@code level} spaces; the item's
     * other keys go at {@code level + 2}.
     */
    YamlWriter item(int level, String key, String value) {
        out.append(" ".repeat(level)).append("- ").append(key).append(':');
        scalar(level + INDENT, value);
        return this;
    }

    YamlWriter raw(String line) {
        out.append(line).append('\n');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** Writes the value after {@code key:}, where the key sits at column {@code level}; block scalars go 2 deeper. */
    private void scalar(int level, String value) {
        if (value.contains("\n") && canBeLiteral(value)) {
            String body = value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
            boolean indicator = body.startsWith(" ") || body.startsWith("\n");
            out.append(" |").append(indicator ? String.valueOf(INDENT) : "").append(value.endsWith("\n") ? "" : "-")
                    .append('\n');
            String indent = " ".repeat(level + INDENT);
            for (String line : body.split("\n", -1)) {
                out.append(line.isEmpty() ? "" : indent + line).append('\n');
            }
        } else {
            out.append(' ').append(single(value)).append('\n');
        }
    }

    /** A value on one line: plain when safe, otherwise double-quoted. */
    static String single(String value) {
        return isSafePlain(value) ? value : quoted(value);
    }

    static boolean isSafePlain(String value) {
        if (value.isEmpty() || value.strip().length() != value.length()) {
            return false;
        }
        char first = value.charAt(0);
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0) {
            return false;
        }
        if (value.contains(": ") || value.contains(" #") || value.endsWith(":")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (unprintable(value, i) || Character.isSurrogate(c)) {
                return false;
            }
        }
        return RESOLVER.resolve(NodeId.scalar, value, true).equals(Tag.STR);
    }

    static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (unprintable(value, i)) {
                        out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Whether the character at {@code i} is one YAML cannot print as it is: a control character
     * (tab and line breaks included), a C1 control, a byte order mark, a line or paragraph
     * separator, a non-character, or half of a surrogate pair without its other half.
     */
    private static boolean unprintable(String value, int i) {
        char c = value.charAt(i);
        if (Character.isSurrogate(c)) {
            return !(Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1)));
        }
        return c < 0x20 || c == 0x7F || c >= 0x80 && c < 0xA0 || c == '\uFEFF' || c == '\u2028' || c == '\u2029'
                || c == '\uFFFE' || c == '\uFFFF';
    }

    /** Text a literal block can hold: printable characters only, and no line that is only spaces after the first. */
    private static boolean canBeLiteral(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (unprintable(value, i) && c != '\n' && c != '\t') {
                return false;
            }
        }
        // Trailing blank lines beyond one line break would be clipped; lines of spaces would change indentation.
        return !value.strip().isEmpty() && !value.endsWith("\n\n") && value.lines().noneMatch(line -> !line.isEmpty() && line.isBlank());
    }
}
