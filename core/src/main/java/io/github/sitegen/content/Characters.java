package io.github.sitegen.content;

import java.nio.file.Path;
import java.util.Locale;

import io.github.sitegen.problem.Problem;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The characters a content file may hold: those a web page can show. Control characters (but tab,
 * line feed and carriage return), lone surrogates and noncharacters are errors at their position,
 * whether they are in the file as they are or written as escapes in a double-quoted string
 * ({@code "\0"}, {@code "\a"}, {@code "\e"}, {@code "\ud800"}). Left in, they would reach the HTML,
 * even an {@code id}, where browsers and the Nu checker refuse them or show {@code ?}.
 */
final class Characters {

    private Characters() {
    }

    /**
     * Whether the decoded {@code text} of {@code file} has only allowed characters; the first other
     * one is reported at its line and column. A file full of NUL bytes is UTF-16 without a byte
     * order mark, and is named so.
     */
    static boolean allowedIn(Path file, String text, byte[] bytes, Problems problems) {
        int bad = firstRefused(text);
        if (bad < 0) {
            return true;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = text.codePointCount(lineStart, bad) + 1;
        String utf16 = text.codePointAt(bad) == 0 ? utf16WithoutByteOrderMark(bytes) : null;
        if (utf16 != null) {
            problems.add(Problem.error(file, 1, 1, "file is encoded as " + utf16 + " without a byte order mark",
                    "save it as UTF-8"));
        } else {
            problems.add(Problem.error(file, line, column, describe(text.codePointAt(bad)) + " is not allowed in content",
                    "remove it; a web page cannot show it"));
        }
        return false;
    }

    /** Whether the value of {@code scalar} has only allowed characters; if not, it is reported at the value. */
    static boolean allowedIn(Path file, ScalarNode scalar, Problems problems) {
        int bad = firstRefused(scalar.getValue());
        if (bad < 0) {
            return true;
        }
        problems.error(file, scalar, describe(scalar.getValue().codePointAt(bad)) + " is not allowed in content",
                "remove it; escapes such as \\0, \\a, \\e and a lone \\uD800 write characters that a web page cannot show");
        return false;
    }

    /** The index of the first refused character of {@code text}, or -1. */
    static int firstRefused(String text) {
        for (int i = 0; i < text.length(); ) {
            char ch = text.charAt(i);
            if (ch >= 0x20 && ch < 0x7F) { // printable ASCII, most of any content: allowed
                i++;
                continue;
            }
            int c = text.codePointAt(i);
            if (refused(c)) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    private static boolean refused(int c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r'
                || c >= 0x7F && c <= 0x9F
                || Character.isSurrogate((char) c) && c <= 0xFFFF // a pair is one code point; alone, it is none
                || c >= 0xFDD0 && c <= 0xFDEF
                || (c & 0xFFFE) == 0xFFFE;
    }

    private static String describe(int c) {
        String name = Character.isSurrogate((char) c) && c <= 0xFFFF ? "lone surrogate" : Character.getName(c);
        return String.format(Locale.ROOT, "character U+%04X%s", c, name == null ? "" : " (" + name.toLowerCase(Locale.ROOT) + ")");
    }

    /** "UTF-16LE" or "UTF-16BE" when NUL bytes fill every other byte of the start of the file, else null. */
    private static String utf16WithoutByteOrderMark(byte[] bytes) {
        int n = Math.min(bytes.length, 512) & ~1;
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i += 2) {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }
        int pairs = n / 2;
        if (pairs == 0) {
            return null;
        }
        if (oddZeros * 4 >= pairs * 3 && evenZeros * 4 < pairs) {
            return "UTF-16LE";
        }
        if (evenZeros * 4 >= pairs * 3 && oddZeros * 4 < pairs) {
            return "UTF-16BE";
        }
        return null;
    }
}
