package org.example.sitegen.publish;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.example.sitegen.model.Question;
import org.example.sitegen.model.Site;
import org.example.sitegen.model.Topic;
import org.example.sitegen.render.Json;
import org.example.sitegen.render.Urls;

/**
 * The search index, built at build time and published as a plain script ({@code search-index.js})
 * so that search works under any base path and from a folder opened on disk, with no server. The
 * theme's script loads it on first use.
 *
 * <p>Shape: {@code window.siteGenSearch = {topics: [[path, title], ...], entries: [[topic, id,
 * question, tags, words, snippet], ...]}}. {@code words} holds each distinct word of the answer
 * once, normalised the way the script normalises queries (accents removed, lower case), so the
 * index stays small; {@code snippet} is the answer's beginning, shown under a result.
 */
public final class SearchIndex {

    public static final String PATH = "search-index.js";

    static final int SNIPPET_LENGTH = 140;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchIndex() {
    }

    /** Writes the index script for {@code site} to {@code out}. */
    public static void write(Site site, Appendable out) throws IOException {
        List<Object> topics = new ArrayList<>();
        List<Object> entries = new ArrayList<>();
        for (Topic topic : site.topics()) {
            int index = topics.size();
            topics.add(List.of(Urls.topicPath(topic), topic.title()));
            for (Question question : topic.questions()) {
                // Aliases are other phrasings of the question: found like tags, shown as the question.
                List<String> labels = new ArrayList<>(question.tags());
                labels.addAll(question.aliases());
                entries.add(List.of(index, question.id(), question.question(), String.join(" ", labels),
                        words(question.answerText()), snippet(question.answerText())));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("topics", topics);
        data.put("entries", entries);
        out.append("window.siteGenSearch=");
        Json.writeCompact(data, out);
        out.append(";\n");
    }

    /** Lower case without accents; the theme's script applies the same rule to queries. */
    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return Normalizer.normalize(MARKS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Each distinct word once, in first-seen order. */
    static String words(String text) {
        String normal = isAscii(text) ? text.toLowerCase(Locale.ROOT) : normalise(text);
        Set<String> words = new LinkedHashSet<>();
        int start = -1;
        for (int i = 0; i <= normal.length(); i++) {
            boolean separator = i == normal.length() || isSeparator(normal.charAt(i));
            if (!separator && start < 0) {
                start = i;
            } else if (separator && start >= 0) {
                words.add(normal.substring(start, i));
                start = -1;
            }
        }
        return String.join(" ", words);
    }

    /** White space, punctuation and symbols separate words, as in the theme's script. */
    private static boolean isSeparator(char c) {
        if (c < 0x80) {
            return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z');
        }
        if (Character.isWhitespace(c)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL, Character.SPACE_SEPARATOR -> true;
            default -> false;
        };
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    static String snippet(String text) {
        if (text.length() <= SNIPPET_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SNIPPET_LENGTH);
        return text.substring(0, cut > SNIPPET_LENGTH / 2 ? cut : SNIPPET_LENGTH) + "…";
    }
}
