package org.example.sitegen.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer for the files site-gen publishes: maps keep their insertion order and the
 * output is indented the same way on every run, so published files are byte-identical.
 */
public final class Json {

    /** Writes {@code value} as indented JSON, ending with a newline, to {@code out}. */
    public static void write(Object value, Appendable out) throws IOException {
        new Json(true, false).write(value, out, 0);
        out.append('\n');
    }

    /** Writes {@code value} on one line to {@code out}. */
    public static void writeCompact(Object value, Appendable out) throws IOException {
        new Json(false, false).write(value, out, 0);
    }

    /**
     * {@code value} on one line, safe inside an HTML {@code <script>} element: {@code <}, {@code >}
     * and {@code &} are escaped too.
     */
    public static String writeForScript(Object value) {
        StringBuilder out = new StringBuilder();
        try {
            new Json(false, true).write(value, out, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return out.toString();
    }

    private final boolean pretty;
    private final boolean htmlSafe;

    private Json(boolean pretty, boolean htmlSafe) {
        this.pretty = pretty;
        this.htmlSafe = htmlSafe;
    }

    private void write(Object value, Appendable out, int depth) throws IOException {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(String.valueOf(value));
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            int i = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(i++ == 0 ? "" : ",");
                newline(out, depth + 1);
                string(String.valueOf(entry.getKey()), out);
                out.append(pretty ? ": " : ":");
                write(entry.getValue(), out, depth + 1);
            }
            if (!map.isEmpty()) {
                newline(out, depth);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                newline(out, depth + 1);
                write(list.get(i), out, depth + 1);
            }
            if (!list.isEmpty()) {
                newline(out, depth);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass() + " as JSON");
        }
    }

    private void newline(Appendable out, int depth) throws IOException {
        if (pretty) {
            out.append('\n');
            for (int i = 0; i < depth; i++) {
                out.append("  ");
            }
        }
    }

    /** A JSON string; when HTML-safe, also without {@code <}, {@code >}, {@code &}. */
    private void string(String text, Appendable out) throws IOException {
        out.append('"');
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean special = c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029'
                    || htmlSafe && (c == '<' || c == '>' || c == '&');
            if (!special) {
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
}
