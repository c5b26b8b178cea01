package io.github.sitegen.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.concurrent.Parallel;
import io.github.sitegen.markdown.MarkdownRenderer;
import io.github.sitegen.model.QuestionLink;
import io.github.sitegen.model.Site;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Related questions found from the last find give exactly the lists of a find from scratch. */
class RelatedQuestionsIncrementalTest {

    @TempDir
    Path root;

    /** One question as written: its text, and whether it names related questions ({@code null}: it does not). */
    private static final class Written {
        String id;
        String question;
        String answer;
        List<String> aliases = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        boolean draft;
        List<String> related;
    }

    private final Random random = new Random(25);
    private final List<List<Written>> topics = new ArrayList<>();
    private int made;

    @Test
    void afterEachOfManyRandomEditsTheListsFoundFromTheLastFindAreThoseOfAFindFromScratch() throws Exception {
        for (int t = 0; t < 6; t++) {
            List<Written> questions = new ArrayList<>();
            for (int q = 0; q < 22; q++) {
                questions.add(question());
            }
            topics.add(questions);
        }
        ContentLoader.Options options = new ContentLoader.Options(true, LocalDate.of(2026, 12, 7), false);
        RelatedMemory memory = new RelatedMemory();
        ContentLoader loader = new ContentLoader(new MarkdownRenderer(false), options, new Parallel(2));
        ContentLoader fresh = new ContentLoader(new MarkdownRenderer(false), options, new Parallel(2));
        int merged = 0;
        int edits = 300;
        for (int edit = 0; edit <= edits; edit++) {
            if (edit > 0) {
                edit();
            }
            write();
            if (edit % 2 == 1) { // as generate does: the last find written into the cache and read back
                memory = RelatedMemory.read(memory.bytes());
            }
            ContentLoader remembering = loader.withRelated(memory);
            Map<String, List<String>> found = lists(remembering.load(root.resolve("content"), SiteGenConfig.DEFAULT_TITLE, "").site());
            Map<String, List<String>> expected = lists(fresh.load(root.resolve("content"), SiteGenConfig.DEFAULT_TITLE, "").site());
            assertEquals(expected, found, "after edit " + edit);
            int questions = topics.stream().mapToInt(List::size).sum();
            merged += Integer.parseInt(memory.lastFinds().split(" of ")[0].replace(",", "")) < questions / 2 ? 1 : 0;
        }
        assertTrue(merged > edits / 4, "the edits that found few lists again (not a whole find): " + merged + " of " + edits);
    }

    private Written question() {
        Written q = new Written();
        q.id = "q" + made++;
        q.question = "How do I " + words(3 + random.nextInt(4)) + "?";
        q.answer = words(6 + random.nextInt(20)) + ".";
        return q;
    }

    /** Words drawn mostly from a few, so that some are in more than a twentieth of the questions. */
    private String words(int count) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < count; k++) {
            int word = random.nextInt(3) == 0 ? random.nextInt(12) : random.nextInt(400);
            text.append(k == 0 ? "" : " ").append("w").append(Integer.toString(word, 36));
        }
        return text.toString();
    }

    private void edit() {
        List<Written> topic = topics.get(random.nextInt(topics.size()));
        if (topic.isEmpty()) {
            topic.add(question());
            return;
        }
        Written q = topic.get(random.nextInt(topic.size()));
        switch (random.nextInt(12)) {
            case 0, 1, 2 -> q.answer = random.nextBoolean() ? q.answer + " " + words(1 + random.nextInt(3))
                    : words(6 + random.nextInt(20)) + ".";
            case 3 -> q.question = "How do I " + words(3 + random.nextInt(4)) + "?";
            case 4 -> {
                if (q.aliases.isEmpty() || random.nextBoolean()) {
                    q.aliases.add("How to " + words(3) + "?");
                } else {
                    q.aliases.remove(0);
                }
            }
            case 5 -> {
                if (q.tags.isEmpty() || random.nextBoolean()) {
                    q.tags.add(words(1));
                } else {
                    q.tags.clear();
                }
            }
            case 6 -> q.draft = !q.draft;
            case 7 -> topic.add(random.nextInt(topic.size() + 1), question());
            case 8 -> topic.remove(q);
            case 9 -> {
                topic.remove(q);
                List<Written> to = topics.get(random.nextInt(topics.size()));
                to.add(random.nextInt(to.size() + 1), q);
            }
            case 10 -> q.related = q.related == null ? (random.nextBoolean() ? List.of() : List.of(topic.get(0).id)) : null;
            default -> {
                if (topic.size() > 1) {
                    topic.set(topic.indexOf(q), topic.set(0, q));
                }
            }
        }
    }

    private void write() throws Exception {
        Path content = root.resolve("content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("site.yaml"), "title: Acme\n");
        java.util.Set<String> ids = new java.util.HashSet<>();
        topics.forEach(topic -> topic.forEach(q -> ids.add(q.id)));
        for (int t = 0; t < topics.size(); t++) {
            StringBuilder yaml = new StringBuilder("title: Topic " + t + "\norder: " + t + "\nquestions:\n");
            for (Written q : topics.get(t)) {
                yaml.append("  - id: ").append(q.id).append("\n    question: ").append(q.question)
                        .append("\n    answer: ").append(q.answer).append('\n');
                if (!q.aliases.isEmpty()) {
                    yaml.append("    aliases: [\"").append(String.join("\", \"", q.aliases)).append("\"]\n");
                }
                if (!q.tags.isEmpty()) {
                    yaml.append("    tags: [").append(String.join(", ", q.tags)).append("]\n");
                }
                if (q.draft) {
                    yaml.append("    draft: true\n");
                }
                if (q.related != null) {
                    yaml.append("    related: [").append(String.join(", ", q.related.stream()
                            .filter(id -> ids.contains(id) && !id.equals(q.id)).toList())).append("]\n");
                }
            }
            Files.writeString(content.resolve("topic-" + t + ".yaml"), topics.get(t).isEmpty() ? "title: Topic " + t
                    + "\nquestions:\n  - id: empty" + t + "\n    question: Is this empty?\n    answer: Yes.\n" : yaml);
        }
    }

    private static Map<String, List<String>> lists(Site site) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        site.topics().forEach(topic -> topic.questions().forEach(q -> lists.put(q.id(),
                q.related().stream().map(QuestionLink::id).toList())));
        return lists;
    }
}
