package io.github.sitegen.check;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.sitegen.markdown.Text;
import io.github.sitegen.publish.Publisher;
import io.github.sitegen.render.Urls;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * What a published {@code faq.json} says readers may have links to: each topic's page and the
 * pages it was published at before, and the anchors on it. Files of every format version are
 * read: before version 2 they have no pages nor previous ids, so a topic's page is the one its
 * id gives and the previous ids are unknown.
 */
record PublishedFaq(List<Topic> topics) {

    /**
     * A published topic.
     *
     * @param page          its page ({@code billing/}), relative to the folder of {@code faq.json}
     * @param previousPages the pages it was published at before, which lead to it
     * @param previousIds   the topic's own earlier anchors
     */
    record Topic(String id, String title, String page, List<String> previousPages, List<String> previousIds,
                 List<Question> questions) {
    }

    /** A published question: its id, its text (empty when the file has none) and the earlier ids that lead to it. */
    record Question(String id, String question, List<String> previousIds) {
    }

    /** The file is not JSON, or not a faq.json site-gen can read; 1-based position, 0 when unknown. */
    static final class Invalid extends Exception {
        private final int line;
        private final int column;

        Invalid(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        int line() {
            return line;
        }

        int column() {
            return column;
        }
    }

    /** Reads a faq.json of at most {@code maxChars} characters. */
    static PublishedFaq parse(Reader json, int maxChars) throws Invalid {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(maxChars);
        Object document;
        try {
            // JSON is YAML: the parser the content uses, safe and bounded, reads it.
            document = new Yaml(new SafeConstructor(options)).load(json);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new Invalid("is not valid JSON: " + e.getProblem(), mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1);
        } catch (RuntimeException e) {
            throw new Invalid("is not valid JSON: " + e.getMessage(), 0, 0);
        }
        Map<?, ?> faq = map(document, "the file");
        Object version = faq.get("version");
        if (version != null && !(version instanceof Integer number && number >= 1 && number <= Publisher.FAQ_JSON_VERSION)) {
            throw new Invalid("has format version " + version + ", which this site-gen does not know (it reads versions"
                    + " 1 to " + Publisher.FAQ_JSON_VERSION + ")", 0, 0);
        }
        List<Topic> topics = new ArrayList<>();
        for (Object item : list(faq.get("topics"), "'topics'")) {
            Map<?, ?> topic = map(item, "a topic");
            String id = text(topic.get("id"), "a topic's 'id'");
            List<Question> questions = new ArrayList<>();
            for (Object entry : list(topic.get("questions"), "the 'questions' of topic '" + id + "'")) {
                Map<?, ?> question = map(entry, "a question of topic '" + id + "'");
                questions.add(new Question(text(question.get("id"), "a question's 'id' in topic '" + id + "'"),
                        oneLine(question.get("question"), ""), texts(question.get("previousIds"))));
            }
            // Pages are compared as the site names them; before version 2, a topic's page was the one its id gives.
            Object page = topic.get("page");
            String published = page == null ? Urls.page(Urls.topicPath(id))
                    : Urls.previousPage(text(page, "the 'page' of topic '" + id + "'"));
            topics.add(new Topic(id, oneLine(topic.get("title"), id), published,
                    texts(topic.get("previousPages")).stream().map(Urls::previousPage).toList(),
                    texts(topic.get("previousIds")), questions));
        }
        return new PublishedFaq(topics);
    }

    /** Text quoted in messages, on one line so that it cannot pass for another line of the log. */
    private static String oneLine(Object value, String otherwise) {
        return Text.oneLine(Objects.toString(value, otherwise));
    }

    private static Map<?, ?> map(Object value, String what) throws Invalid {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new Invalid("is not a site-gen faq.json: " + what + " is not a JSON object", 0, 0);
    }

    private static List<?> list(Object value, String what) throws Invalid {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new Invalid("is not a site-gen faq.json: " + what + (value == null ? " is missing" : " is not a list"), 0, 0);
    }

    private static String text(Object value, String what) throws Invalid {
        if (value instanceof String text && !text.isEmpty()) {
            return text;
        }
        throw new Invalid("is not a site-gen faq.json: " + what + (value == null ? " is missing" : " is not text"), 0, 0);
    }

    /** A list of strings; absent in older versions, so empty then. */
    private static List<String> texts(Object value) throws Invalid {
        if (value == null) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (Object item : list(value, "a list of ids or pages")) {
            texts.add(text(item, "an entry of a list of ids or pages"));
        }
        return texts;
    }
}
