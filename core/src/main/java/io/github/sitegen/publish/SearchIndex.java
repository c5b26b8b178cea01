package io.github.sitegen.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.sitegen.model.Question;
import io.github.sitegen.model.Site;
import io.github.sitegen.model.Topic;
import io.github.sitegen.render.Json;
import io.github.sitegen.render.SiteRenderer;
import io.github.sitegen.render.Urls;

/**
 * The search index, built at build time and published as plain scripts, so that search works
 * under any base path and from a folder opened on disk, with no server. It is split so that a
 * search loads only what it needs, however large the site:
 *
 * <ul>
 * <li>{@value #PATH}, loaded when the reader starts searching: {@code window.siteGenSearch =
 *     {version, topics: [[path, title], ...], terms, postings: [first term of each part, ...],
 *     docs, docsPerPart, parts: {}}}. {@code terms} is every distinct word of the site, normalised
 *     as the theme's script normalises queries (accents removed, lower case), sorted, front-coded:
 *     each word is one character giving how many characters it shares with the word before
 *     ({@code 0}-{@code 9}, {@code a}-{@code z}: 0 to 35), then the rest of it, and words are
 *     separated by spaces. The script matches query words against them: exactly, by prefix, with
 *     typos.</li>
 * <li>{@code search-index/p<n>.js}, a postings part: for each word of a run of consecutive words,
 *     the questions that contain it. Loaded for the words a search matched.</li>
 * <li>{@code search-index/d<n>.js}, a documents part: {@value #DOCS_PER_PART} questions each, as
 *     {@code [topic, id, question, snippet]}. Loaded for the results shown.</li>
 * </ul>
 *
 * <p>A part sets {@code window.siteGenSearch.parts[name]}. A word's postings are a string of
 * numbers, two per question: how many questions after the previous one it is, and where the word
 * is: its best field (0 question, 1 aliases, 2 tags, 3 answer; the first that has it) plus 4 times
 * its first position in that field: in words (at most {@value #MAX_POSITION}), or in an answer, in
 * blocks of {@value #ANSWER_BLOCK} words (at most 7, so that it takes one character). Each number is
 * written in groups of 5 bits, lowest first, one character each from {@link #DIGITS}: the first 32
 * characters end a number, the last 32 continue it.
 *
 * <p>Everything is written in the order of the content, so two builds give the same bytes.
 */
public final class SearchIndex {

    /** The index file the pages name, at the root of the site (of each language's folder). */
    public static final String PATH = "search-index.js";
    /** The folder of the parts the script loads on demand, beside {@link #PATH}. */
    public static final String PARTS = "search-index/";

    /** Version of the index's format, for the theme's script. */
    static final int VERSION = 2;
    static final int DOCS_PER_PART = 16;
    /** A postings part ends after the word that takes it past this many characters. */
    static final int POSTINGS_PER_PART = 4 * 1024;
    static final int SNIPPET_LENGTH = 140;
    static final int MAX_POSITION = 255;
    static final int ANSWER_BLOCK = 16;
    /** Words between two aliases or two tags, so that words of different ones never count as close. */
    private static final int GAP = 8;

    static final int QUESTION = 0;
    static final int ALIAS = 1;
    static final int TAG = 2;
    static final int ANSWER = 3;

    static final String DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String SHARED = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchIndex() {
    }

    /**
     * The index's part of the topic at {@code index}, made on any thread beside its page (and kept
     * as bytes, as a build cache keeps a topic's parts): two lines per question, its entry of a
     * documents part (JSON on one line), then each of its words and where it is ({@code field + 4 *
     * position}), separated by tabs (no word has a tab or a line break: they separate words).
     */
    public static byte[] part(Topic topic, int index) {
        StringBuilder part = new StringBuilder(topic.questions().size() * 1024);
        for (Question question : topic.questions()) {
            Map<String, Integer> words = new LinkedHashMap<>();
            add(words, List.of(question.question()), QUESTION);
            add(words, question.aliases(), ALIAS);
            add(words, question.tags(), TAG);
            add(words, List.of(question.answerText()), ANSWER);
            Json.compact(List.of(index, question.id(), question.question(), snippet(question.answerText())), part)
                    .append('\n');
            words.forEach((word, where) -> part.append(word).append('\t').append(where).append('\t'));
            part.append('\n');
        }
        return utf8(part);
    }

    /** Adds the words of {@code texts} that no better field has, each at its first position. */
    private static void add(Map<String, Integer> words, List<String> texts, int field) {
        int[] position = {0};
        for (String text : texts) {
            words(text, word -> {
                int where = field == ANSWER ? Math.min(position[0] / ANSWER_BLOCK, 7) : Math.min(position[0], MAX_POSITION);
                words.putIfAbsent(word, where * 4 + field);
                position[0]++;
            });
            position[0] += GAP;
        }
    }

    /**
     * Writes the index of one site as its topics come, in order: the documents parts as they fill,
     * and on {@link #finish()} the postings parts and {@value #PATH}.
     */
    static final class Writer {
        private final Site site;
        private final SiteRenderer.Sink sink;
        private final Map<String, Postings> postings = new HashMap<>();
        private final StringBuilder docsPart = new StringBuilder();
        private int docs;

        Writer(Site site, SiteRenderer.Sink sink) {
            this.site = site;
            this.sink = sink;
        }

        /** Adds one topic's questions, its {@link #part}; called in topic order. */
        void append(byte[] part) throws IOException {
            String text = new String(part, StandardCharsets.UTF_8);
            for (int line = 0; line < text.length(); ) {
                int entryEnd = text.indexOf('\n', line);
                int wordsEnd = text.indexOf('\n', entryEnd + 1);
                docsPart.append(docsPart.isEmpty() ? "" : ",").append(text, line, entryEnd);
                for (int at = entryEnd + 1; at < wordsEnd; ) {
                    int tab = text.indexOf('\t', at);
                    int next = text.indexOf('\t', tab + 1);
                    postings.computeIfAbsent(text.substring(at, tab), w -> new Postings())
                            .add(docs, Integer.parseInt(text, tab + 1, next, 10));
                    at = next + 1;
                }
                line = wordsEnd + 1;
                docs++;
                if (docs % DOCS_PER_PART == 0) {
                    writeDocs();
                }
            }
        }

        /** Writes the last documents part, the postings parts and the index file. */
        void finish() throws IOException {
            if (docs % DOCS_PER_PART != 0) {
                writeDocs();
            }
            List<String> words = new ArrayList<>(postings.keySet());
            words.sort(null);
            List<Integer> firsts = new ArrayList<>();
            List<Object> part = new ArrayList<>();
            int size = 0;
            for (int i = 0; i < words.size(); i++) {
                if (part.isEmpty()) {
                    firsts.add(i);
                }
                String encoded = postings.get(words.get(i)).encoded.toString();
                part.add(encoded);
                size += encoded.length();
                if (size >= POSTINGS_PER_PART || i == words.size() - 1) {
                    writePart("p" + (firsts.size() - 1), Json.compact(part, new StringBuilder()));
                    part.clear();
                    size = 0;
                }
            }
            List<Object> topics = new ArrayList<>();
            for (Topic topic : site.topics()) {
                topics.add(List.of(Urls.topicPath(topic), topic.title()));
            }
            Map<String, Object> index = new LinkedHashMap<>();
            index.put("version", VERSION);
            index.put("topics", topics);
            index.put("terms", frontCoded(words));
            index.put("postings", firsts);
            index.put("docs", docs);
            index.put("docsPerPart", DOCS_PER_PART);
            index.put("parts", Map.of());
            sink.write(PATH, utf8(Json.compact(index, new StringBuilder("window.siteGenSearch=")).append(";\n")));
        }

        private void writeDocs() throws IOException {
            writePart("d" + (docs - 1) / DOCS_PER_PART, docsPart.insert(0, '[').append(']'));
            docsPart.setLength(0);
        }

        private void writePart(String name, StringBuilder json) throws IOException {
            sink.write(PARTS + name + ".js", utf8("window.siteGenSearch.parts." + name + "=" + json + ";\n"));
        }
    }

    /** The postings of one word so far, encoded. */
    private static final class Postings {
        final StringBuilder encoded = new StringBuilder(8);
        int last = -1;

        void add(int doc, int where) {
            number(doc - last, encoded);
            number(where, encoded);
            last = doc;
        }
    }

    /** Appends {@code value} (not negative) in groups of 5 bits, lowest first; see {@link #DIGITS}. */
    static void number(int value, StringBuilder out) {
        int rest = value;
        while (rest >= 32) {
            out.append(DIGITS.charAt(32 + (rest & 31)));
            rest >>>= 5;
        }
        out.append(DIGITS.charAt(rest));
    }

    /** Sorted words, front-coded as {@value #PATH}'s {@code terms}. */
    static String frontCoded(List<String> sorted) {
        StringBuilder out = new StringBuilder();
        String previous = "";
        for (String word : sorted) {
            int shared = 0;
            int most = Math.min(Math.min(previous.length(), word.length()), SHARED.length() - 1);
            while (shared < most && previous.charAt(shared) == word.charAt(shared)) {
                shared++;
            }
            if (shared > 0 && Character.isHighSurrogate(word.charAt(shared - 1))) {
                shared--; // a character is never split: the file is UTF-8
            }
            out.append(out.isEmpty() ? "" : " ").append(SHARED.charAt(shared)).append(word, shared, word.length());
            previous = word;
        }
        return out.toString();
    }

    /** Lower case without accents; the theme's script applies the same rule to queries. */
    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return Normalizer.normalize(MARKS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Each word of {@code text}, normalised, in order, repeats included. */
    static void words(String text, java.util.function.Consumer<String> each) {
        String normal = isAscii(text) ? text.toLowerCase(Locale.ROOT) : normalise(text);
        int start = -1;
        for (int i = 0; i <= normal.length(); i++) {
            boolean separator = i == normal.length() || isSeparator(normal.charAt(i));
            if (!separator && start < 0) {
                start = i;
            } else if (separator && start >= 0) {
                each.accept(normal.substring(start, i));
                start = -1;
            }
        }
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
        if (cut <= SNIPPET_LENGTH / 2) {
            cut = Character.isHighSurrogate(text.charAt(SNIPPET_LENGTH - 1)) ? SNIPPET_LENGTH - 1 : SNIPPET_LENGTH;
        }
        return text.substring(0, cut) + "…";
    }

    private static byte[] utf8(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
