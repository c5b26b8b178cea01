package org.example.sitegen.publish;

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
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{P}\\p{S}]+");

    private SearchIndex() {
    }

    public static String script(Site site) {
        List<Object> topics = new ArrayList<>();
        List<Object> entries = new ArrayList<>();
        for (Topic topic : site.topics()) {
            int index = topics.size();
            topics.add(List.of(Urls.topicPath(topic), topic.title()));
            for (Question question : topic.questions()) {
                entries.add(List.of(index, question.id(), question.question(), String.join(" ", question.tags()),
                        words(question.answerText()), snippet(question.answerText())));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("topics", topics);
        data.put("entries", entries);
        return "window.siteGenSearch=" + Json.writeCompact(data) + ";\n";
    }

    /** Lower case without accents; the theme's script applies the same rule to queries. */
    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return Normalizer.normalize(MARKS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Each distinct word once, in first-seen order. */
    static String words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : SEPARATORS.split(normalise(text))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return String.join(" ", words);
    }

    static String snippet(String text) {
        if (text.length() <= SNIPPET_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SNIPPET_LENGTH);
        return text.substring(0, cut > SNIPPET_LENGTH / 2 ? cut : SNIPPET_LENGTH) + "…";
    }
}
