package io.github.sitegen.fml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The anchors Doxia published for an FML {@code <faq id>}, computed the way each Doxia generation
 * did, so that links to an old Maven site's FAQ keep working on the imported site.
 *
 * <p>Doxia leaves a valid id alone and rewrites an invalid one with
 * {@code DoxiaUtils.encodeId}: the id is trimmed, a leading character that is not an ASCII letter
 * gets the prefix {@code a}, a space becomes {@code _}, ASCII letters, digits, {@code -},
 * {@code _} and {@code .} stay, and every other character is replaced by its UTF-8 bytes. The
 * generations differ in the details:
 * <ul>
 *   <li><b>Doxia 2</b> (maven-site-plugin 3.20 and later): ids are XML {@code NCName}s, so
 *       {@code :} is escaped too and a leading {@code _} is kept; each byte becomes {@code .XX}
 *       (upper-case hex, {@code ?} gives {@code .3F}).</li>
 *   <li><b>Doxia 1.1.1 to 1.12</b> (maven-site-plugin 2.x and 3.x): {@code :} is allowed. The FML
 *       parser calls {@code encodeId(id, true)}, which drops the other characters instead of
 *       escaping them; elsewhere Doxia escapes them as {@code .XX}.</li>
 *   <li><b>Doxia 1.0 and 1.1</b>: like 1.1.1, but each byte becomes {@code %xx} (lower-case
 *       hex, {@code ?} gives {@code %3f}).</li>
 * </ul>
 * Like Doxia, this works on UTF-16 {@code char}s: a character outside the Basic Multilingual
 * Plane is two lone surrogates, which Java encodes as {@code ?}.
 */
final class DoxiaIds {

    /** The encodings, newest first. */
    enum Form {
        /** Doxia 2: {@code .XX} escapes, {@code :} escaped, a leading {@code _} kept. */
        DOXIA_2,
        /** Doxia 1.1.1 to 1.12 as its FML parser used it: other characters dropped. */
        DOXIA_1_FML,
        /** Doxia 1.1.1 to 1.12 elsewhere: {@code .XX} escapes, {@code :} kept. */
        DOXIA_1,
        /** Doxia 1.0 and 1.1: {@code %xx} escapes. */
        DOXIA_1_0
    }

    private DoxiaIds() {
    }

    /** The anchor {@code id} was published under with {@code form}; null for an empty Doxia 2 id. */
    static String published(String id, Form form) {
        return switch (form) {
            case DOXIA_2 -> isValidDoxia2(id) ? id : encodeDoxia2(id);
            case DOXIA_1_FML -> isValidDoxia1(id) ? id : encodeDoxia1(id, true);
            case DOXIA_1 -> isValidDoxia1(id) ? id : encodeDoxia1(id, false);
            case DOXIA_1_0 -> isValidDoxia1(id) ? id : encodeDoxia10(id);
        };
    }

    /**
     * Every anchor an FML id may have been published under: the id itself when it is a valid HTML
     * id (not empty, no whitespace), then each form's anchor; no repeats.
     */
    static List<String> publishedAnchors(String id) {
        Set<String> anchors = new LinkedHashSet<>();
        if (isHtmlId(id)) {
            anchors.add(id);
        }
        for (Form form : Form.values()) {
            String anchor = published(id, form);
            if (anchor != null && !anchor.isEmpty()) {
                anchors.add(anchor);
            }
        }
        return new ArrayList<>(anchors);
    }

    /** An HTML id: at least one character and no ASCII whitespace. */
    static boolean isHtmlId(String id) {
        return !id.isEmpty() && id.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r');
    }

    /** Doxia 2's {@code DoxiaUtils.isValidId}. */
    static boolean isValidDoxia2(String id) {
        if (id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (isAsciiLetter(c) || c == '_') {
                continue;
            }
            if (i == 0 || !isAsciiDigit(c) && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** Doxia 1's {@code DoxiaUtils.isValidId}. */
    static boolean isValidDoxia1(String id) {
        if (id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (i == 0 && !isAsciiLetter(c)) {
                return false;
            }
            if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != '-' && c != '_' && c != ':' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** Doxia 2's {@code DoxiaUtils.encodeId(id)}; null for a blank id. */
    static String encodeDoxia2(String id) {
        String trimmed = id.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(trimmed.length());
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (i == 0 && !(isAsciiLetter(c) || c == '_')) {
                out.append('a');
            }
            if (c == ' ') {
                out.append('_');
            } else if (isAsciiLetter(c) || isAsciiDigit(c) || c == '-' || c == '_' || c == '.') {
                out.append(c);
            } else {
                escape(c, ".", true, out);
            }
        }
        return out.toString();
    }

    /** Doxia 1.1.1 to 1.12's {@code DoxiaUtils.encodeId(id, chop)}. */
    static String encodeDoxia1(String id, boolean chop) {
        String trimmed = id.trim();
        return trimmed.isEmpty() ? "a" : encodeDoxia1x(trimmed, chop ? null : ".", true);
    }

    /** Doxia 1.0's {@code DoxiaUtils.encodeId(id)}. */
    static String encodeDoxia10(String id) {
        return encodeDoxia1x(id.trim(), "%", false);
    }

    /**
     * The loop Doxia 1.0 and 1.x share: a leading {@code a} unless the id starts with an ASCII
     * letter, {@code _} for a space, and other characters outside {@code [A-Za-z0-9-_:.]} as their
     * UTF-8 bytes in hex after {@code escapePrefix}, or dropped when it is {@code null} (chop).
     */
    private static String encodeDoxia1x(String trimmed, String escapePrefix, boolean upperCase) {
        StringBuilder out = new StringBuilder(trimmed.length());
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (i == 0 && !isAsciiLetter(c)) {
                out.append('a');
            }
            if (c == ' ') {
                out.append('_');
            } else if (isAsciiLetter(c) || isAsciiDigit(c) || c == '-' || c == '_' || c == ':' || c == '.') {
                out.append(c);
            } else if (escapePrefix != null) {
                escape(c, escapePrefix, upperCase, out);
            }
        }
        return out.toString();
    }

    private static void escape(char c, String prefix, boolean upperCase, StringBuilder out) {
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
            String hex = String.format(Locale.ROOT, "%02x", b & 0xFF);
            out.append(prefix).append(upperCase ? hex.toUpperCase(Locale.ROOT) : hex);
        }
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
