package io.github.sitegen.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for ids. Topic ids become folder names, so they are lowercase ASCII words joined by
 * {@code -}. Question ids are anchors, so they may use lowercase letters and digits of any script
 * (a Korean question gets a Korean id), joined by {@code -}.
 */
public final class Ids {

    /** Derived question ids are cut at a word boundary near this many characters. */
    static final int MAX_DERIVED_LENGTH = 64;

    private static final Pattern TOPIC_ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private Ids() {
    }

    public static boolean isTopicId(String id) {
        return TOPIC_ID.matcher(id).matches();
    }

    /**
     * Whether {@code id} is a question id: words of lowercase, modifier and other letters and
     * decimal digits (and combining marks after the first character), joined by single {@code -}.
     */
    public static boolean isQuestionId(String id) {
        boolean wordStart = true;
        for (int i = 0; i < id.length(); ) {
            int cp = id.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '-') {
                if (wordStart) {
                    return false;
                }
                wordStart = true;
                continue;
            }
            int type = Character.getType(cp);
            boolean letter = type == Character.LOWERCASE_LETTER || type == Character.MODIFIER_LETTER
                    || type == Character.OTHER_LETTER || type == Character.DECIMAL_DIGIT_NUMBER;
            if (!letter && (wordStart || !isMark(cp))) {
                return false;
            }
            wordStart = false;
        }
        return !wordStart;
    }

    /** Topic ids that would clash with what the site writes itself (its assets, home page, 404 page, report). */
    public static final Set<String> RESERVED_TOPIC_IDS = Set.of("assets", "site", "index", "404", "maintainers");

    /** A topic id close to {@code name}: ASCII letters and digits only; may be empty. */
    public static String suggestTopicId(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /**
     * The id a question gets when it has none: its words in lowercase, joined by {@code -}, cut near
     * {@value #MAX_DERIVED_LENGTH} characters. Apostrophes join words ({@code Ukraine's} gives
     * {@code ukraines}); punctuation and spaces separate them. Never empty: text without letters or
     * digits gives {@code question}.
     */
    public static String derive(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("['’ʼ]", "");
        StringBuilder id = new StringBuilder();
        boolean pendingSeparator = false;
        for (int i = 0; i < normal.length(); ) {
            int cp = normal.codePointAt(i);
            i += Character.charCount(cp);
            boolean mark = isMark(cp);
            if (Character.isLetterOrDigit(cp) && !Character.isUpperCase(cp) && !Character.isTitleCase(cp)
                    || mark && !id.isEmpty() && !pendingSeparator) {
                if (pendingSeparator && !id.isEmpty()) {
                    id.append('-');
                }
                pendingSeparator = false;
                id.appendCodePoint(cp);
            } else {
                pendingSeparator = true;
            }
        }
        // Normalised again: taking out apostrophes (and what separates words) can leave combining
        // marks next to each other out of their canonical order, and the id would then change when
        // derived again from itself.
        String full = Normalizer.normalize(id, Normalizer.Form.NFKC);
        if (full.isEmpty()) {
            return "question";
        }
        if (full.codePointCount(0, full.length()) <= MAX_DERIVED_LENGTH) {
            return full;
        }
        String cut = full.substring(0, full.offsetByCodePoints(0, MAX_DERIVED_LENGTH));
        int lastSeparator = cut.lastIndexOf('-');
        return lastSeparator > MAX_DERIVED_LENGTH / 2 ? cut.substring(0, lastSeparator) : cut;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
