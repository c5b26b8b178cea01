package org.example.sitegen.fml;

/** Whitespace and length helpers for text taken from FML. */
final class Text {

    private Text() {
    }

    /** Runs of whitespace as one space, none at the ends, as a browser shows text. */
    static String collapse(String text) {
        return text.replaceAll("[ \\t\\n\\r\\f]+", " ").strip();
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** Whether {@code c} is whitespace in HTML (space, tab, line feed, form feed, carriage return). */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}
