package io.github.sitegen.content;

import java.util.EnumMap;
import java.util.Map;

/** Guesses a text's language from its writing system, where the script tells. */
final class Scripts {

    private Scripts() {
    }

    /**
     * The language whose script most letters of {@code text} are written in: {@code ko} for Hangul,
     * {@code ja} when there is kana, {@code zh} for Han alone, {@code ar}, {@code he}, {@code ru},
     * {@code el}, {@code th}; {@code en} for Latin letters or anything else.
     */
    static String language(String text) {
        Map<Character.UnicodeScript, Integer> counts = new EnumMap<>(Character.UnicodeScript.class);
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                counts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum);
                letters++;
            }
        }
        if (letters == 0) {
            return "en";
        }
        int kana = counts.getOrDefault(Character.UnicodeScript.HIRAGANA, 0) + counts.getOrDefault(Character.UnicodeScript.KATAKANA, 0);
        if (kana * 10 >= letters) {
            return "ja";
        }
        Character.UnicodeScript main = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        if (counts.get(main) * 2 < letters) {
            return "en";
        }
        return switch (main) {
            case HANGUL -> "ko";
            case HAN -> "zh";
            case ARABIC -> "ar";
            case HEBREW -> "he";
            case CYRILLIC -> "ru";
            case GREEK -> "el";
            case THAI -> "th";
            default -> "en";
        };
    }
}
