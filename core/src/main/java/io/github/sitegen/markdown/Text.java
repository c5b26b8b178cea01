package io.github.sitegen.markdown;

import java.text.BreakIterator;
import java.util.Locale;

/** Small helpers for plain text taken from content. */
public final class Text {

    /** Descriptions longer than this are cut at a word boundary. */
    static final int MAX_DESCRIPTION = 200;

    private Text() {
    }

    /**
     * {@code text} on one line: each run of white space ({@code \\s} in a regular expression:
     * space, tab, line breaks, form feed) becomes one space, and the ends are stripped.
     */
    public static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B') {
                space = true;
            } else {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                out.append(c);
                space = false;
            }
        }
        return out.toString().strip();
    }

    /** {@code text} cut to {@code max} characters, ending in {@code ...} when it was longer, for messages. */
    public static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    /** Whether {@code c} is white space in HTML and XML: space, tab, line feed, form feed, carriage return. */
    public static boolean isHtmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    /**
     * The first sentence of {@code text}, cut near {@value #MAX_DESCRIPTION} characters, for meta
     * descriptions. Empty for empty text.
     */
    public static String firstSentence(String text) {
        String plain = text.strip();
        if (plain.isEmpty()) {
            return "";
        }
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(plain);
        int end = sentences.next();
        String sentence = plain.substring(0, end == BreakIterator.DONE ? plain.length() : end).strip();
        if (sentence.length() <= MAX_DESCRIPTION) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', MAX_DESCRIPTION - 1);
        return sentence.substring(0, cut > MAX_DESCRIPTION / 2 ? cut : MAX_DESCRIPTION - 1) + "…";
    }
}
