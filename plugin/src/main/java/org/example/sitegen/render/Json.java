package org.example.sitegen.render;

import java.util.List;
import java.util.Map;

/**
 * A small JSON writer for the files site-gen publishes: maps keep their insertion order and the
 * output is indented the same way on every run, so published files are byte-identical.
 */
public final class Json {

    private Json() {
    }

    /** Writes {@code value} (a Map, List, String, Number, Boolean or null) as indented JSON. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0, true);
        return out.append('\n').toString();
    }

    /** Writes {@code value} on one line, for embedding in HTML. */
    public static String writeCompact(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0, false);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, int depth, boolean pretty) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            int i = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(i++ == 0 ? "" : ",");
                newline(out, depth + 1, pretty);
                string(String.valueOf(entry.getKey()), out);
                out.append(pretty ? ": " : ":");
                write(entry.getValue(), out, depth + 1, pretty);
            }
            if (!map.isEmpty()) {
                newline(out, depth, pretty);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                newline(out, depth + 1, pretty);
                write(list.get(i), out, depth + 1, pretty);
            }
            if (!list.isEmpty()) {
                newline(out, depth, pretty);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass() + " as JSON");
        }
    }

    private static void newline(StringBuilder out, int depth, boolean pretty) {
        if (pretty) {
            out.append('\n').append("  ".repeat(depth));
        }
    }

    /**
     * A JSON string. Besides what JSON requires, {@code <}, {@code >} and {@code &} are escaped so
     * that the text is also safe inside an HTML {@code <script>} element.
     */
    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
