package io.github.sitegen.publish;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.sitegen.model.Question;
import io.github.sitegen.model.Site;
import io.github.sitegen.model.Topic;
import io.github.sitegen.render.Json;
import io.github.sitegen.render.Urls;

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

    /** The beginning of the script, up to the first entry: every topic's path and title. */
    static String head(Site site) {
        List<Object> topics = new ArrayList<>();
        for (Topic topic : site.topics()) {
            topics.add(List.of(Urls.topicPath(topic), topic.title()));
        }
        return Json.compact(topics, new StringBuilder("window.siteGenSearch={\"topics\":")).append(",\"entries\":[")
                .toString();
    }

    /** The entries of the topic at {@code index}, preceded by a comma after the first topic. */
    static String entries(Topic topic, int index) {
        StringBuilder part = new StringBuilder(topic.questions().size() * 1024);
        for (Question question : topic.questions()) {
            // Aliases are other phrasings of the question: found like tags, shown as the question.
            List<String> labels = new ArrayList<>(question.tags());
            labels.addAll(question.aliases());
            part.append(index == 0 && part.isEmpty() ? "" : ",");
            Json.compact(List.of(index, question.id(), question.question(), String.join(" ", labels),
                    words(question.answerText()), snippet(question.answerText())), part);
        }
        return part.toString();
    }

    /** The end of the script, after the last entry. */
    static final String TAIL = "]};\n";

    /** Lower case without accents; the theme's script applies the same rule to queries. */
    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return Normalizer.normalize(MARKS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Each distinct word once, in first-seen order. */
    static String words(String text) {
        String normal = isAscii(text) ? text.toLowerCase(Locale.ROOT) : normalise(text);
        Set<String> seen = new HashSet<>(normal.length() / 2); // as many words as a text can hold: rarely rehashed
        StringBuilder words = new StringBuilder(normal.length());
        int start = -1;
        for (int i = 0; i <= normal.length(); i++) {
            boolean separator = i == normal.length() || isSeparator(normal.charAt(i));
            if (!separator && start < 0) {
                start = i;
            } else if (separator && start >= 0) {
                if (seen.add(normal.substring(start, i))) {
                    words.append(words.isEmpty() ? "" : " ").append(normal, start, i);
                }
                start = -1;
            }
        }
        return words.toString();
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
