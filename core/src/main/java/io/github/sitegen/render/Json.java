package io.github.sitegen.render;

import java.util.List;
import java.util.Map;

/**
 * A small JSON writer for the files site-gen publishes: maps keep their insertion order and the
 * output is indented the same way on every run, so published files are byte-identical.
 */
public final class Json {

    /**
     * Appends {@code value} to {@code out}, indented as it appears {@code depth} levels deep in an
     * indented document (two spaces per level), without the indentation of its first line.
     */
    public static StringBuilder indented(Object value, int depth, StringBuilder out) {
        new Json(true, false, out).write(value, depth);
        return out;
    }

    /** Appends {@code value} on one line to {@code out}. */
    public static StringBuilder compact(Object value, StringBuilder out) {
        new Json(false, false, out).write(value, 0);
        return out;
    }

    /**
     * {@code value} on one line, safe inside an HTML {@code <script>} element: {@code <}, {@code >}
     * and {@code &} are escaped too.
     */
    public static String forScript(Object value) {
        StringBuilder out = new StringBuilder();
        new Json(false, true, out).write(value, 0);
        return out.toString();
    }

    private final boolean pretty;
    private final boolean htmlSafe;
    private final StringBuilder out;

    private Json(boolean pretty, boolean htmlSafe, StringBuilder out) {
        this.pretty = pretty;
        this.htmlSafe = htmlSafe;
        this.out = out;
    }

    private void write(Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            int i = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(i++ == 0 ? "" : ",");
                newline(depth + 1);
                string(String.valueOf(entry.getKey()));
                out.append(pretty ? ": " : ":");
                write(entry.getValue(), depth + 1);
            }
            if (!map.isEmpty()) {
                newline(depth);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                newline(depth + 1);
                write(list.get(i), depth + 1);
            }
            if (!list.isEmpty()) {
                newline(depth);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass() + " as JSON");
        }
    }

    private void newline(int depth) {
        if (pretty) {
            out.append('\n');
            for (int i = 0; i < depth; i++) {
                out.append("  ");
            }
        }
    }

    /** A JSON string; when HTML-safe, also without {@code <}, {@code >}, {@code &}. */
    private void string(String text) {
        out.append('"');
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ESCAPED.length ? !ESCAPED[c] && !(htmlSafe && HTML_ESCAPED[c]) : c != '\u2028' && c != '\u2029') {
                continue;
            }
            out.append(text, start, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                        .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
            }
            start = i + 1;
        }
        out.append(text, start, text.length()).append('"');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** The ASCII characters a JSON string escapes: controls, quote and backslash. */
    private static final boolean[] ESCAPED = new boolean[128];
    /** The ASCII characters escaped too inside an HTML script element. */
    private static final boolean[] HTML_ESCAPED = new boolean[128];

    static {
        for (char c = 0; c < 0x20; c++) {
            ESCAPED[c] = true;
        }
        ESCAPED['"'] = true;
        ESCAPED['\\'] = true;
        HTML_ESCAPED['<'] = true;
        HTML_ESCAPED['>'] = true;
        HTML_ESCAPED['&'] = true;
    }
}
