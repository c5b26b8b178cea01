package io.github.sitegen.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview's site in memory: after any edit, its files have the bytes a clean build with drafts
 * writes, and its warnings are the same; it renders only what the edit can change.
 */
class MemoryBuilderTest {

    @TempDir
    Path root;

    private SiteGenConfig config(String output) {
        return SiteGenConfig.builder(root.resolve("content"), root.resolve(output)).projectDirectory(root)
                .templateDirectory(root.resolve("templates")).staticDirectory(root.resolve("static"))
                .baseUrl("https://acme.github.io/faq/").threads(2).build().withDrafts();
    }

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static String topic(String title, Integer order, Random random, int questions) {
        StringBuilder yaml = new StringBuilder("title: " + title + "\n" + (order == null ? "" : "order: " + order + "\n")
                + "questions:\n");
        for (int i = 0; i < questions; i++) {
            int n = random.nextInt(1_000_000);
            yaml.append("  - id: q").append(n).append("\n    question: What is item ").append(n).append("?\n")
                    .append(random.nextInt(5) == 0 ? "    draft: true\n" : "")
                    .append("    answer: |\n      Item ").append(n).append(" is *fine*; see [the guide](https://example.org/")
                    .append(n).append(").\n");
        }
        return yaml.toString();
    }

    /** Every file of {@code folder} but the marker a build leaves, by path. */
    private static Map<String, String> folder(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                String path = folder.relativize(file).toString().replace('\\', '/');
                if (!path.equals(".nojekyll")) {
                    files.put(path, new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return files;
    }

    private static Map<String, String> memory(MemorySite site) throws IOException {
        Map<String, String> files = new TreeMap<>();
        site.all().forEach((path, bytes) -> files.put(path, new String(bytes, StandardCharsets.ISO_8859_1)));
        return files;
    }

    /** Builds into memory and cleanly into a folder; asserts the same bytes and warnings, returns the memory build. */
    private MemoryBuilder.Built buildBoth(MemoryBuilder builder, String step) throws Exception {
        List<String> clean = new ArrayList<>();
        List<Problem> cleanErrors = new ArrayList<>();
        try {
            new SiteGenerator().generate(config("clean"), Fixture.recording(clean, root));
        } catch (SiteGenException e) {
            cleanErrors.addAll(e.problems());
        }
        if (!cleanErrors.isEmpty()) {
            SiteGenException failed = assertThrows(SiteGenException.class, builder::build, step);
            assertEquals(format(cleanErrors), format(failed.problems()), "errors after " + step);
            return null;
        }
        MemoryBuilder.Built built = builder.build();
        assertEquals(folder(root.resolve("clean")), memory(built.site()), "after " + step);
        List<String> warnings = clean.stream().filter(line -> line.contains(": warning: ")).toList();
        assertEquals(warnings, format(built.warnings()), "warnings after " + step);
        return built;
    }

    private List<String> format(List<Problem> problems) {
        return problems.stream().map(problem -> problem.format(root)).toList();
    }

    private List<Path> topics() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("content"))) {
            return files.filter(f -> !f.getFileName().toString().equals("site.yaml")).sorted().toList();
        }
    }

    /** One random edit of the kinds an author makes, told to {@code builder} as the watcher would; what it did. */
    private String edit(Random random, MemoryBuilder builder) throws IOException {
        List<Path> topics = topics();
        Path topic = topics.get(random.nextInt(topics.size()));
        String file = "content/" + topic.getFileName();
        String yaml = Files.readString(topic);
        switch (random.nextInt(20)) {
            case 0, 1, 2 -> {
                write(file, yaml.replaceFirst("is \\*fine\\*", "is *" + random.nextInt(1000) + " times finer*"));
                return "answer edited in " + file;
            }
            case 3 -> {
                write(file, yaml.replaceFirst("title: .*", "title: Retitled " + random.nextInt(1000)));
                return "title changed in " + file;
            }
            case 4 -> {
                write(file, yaml.replaceFirst("- id: q\\d+", "- id: moved" + random.nextInt(1000)));
                return "question id changed in " + file;
            }
            case 5 -> {
                String stripped = yaml.replaceFirst("order: -?\\d+\\n", "");
                write(file, stripped.replaceFirst("\\n", "\norder: " + (random.nextInt(7) - 3) + "\n"));
                return "order changed in " + file;
            }
            case 6 -> {
                int n = random.nextInt(1000);
                write(file, yaml + "  - id: added" + n + "\n    question: Added " + n + "?\n    answer: Added.\n");
                return "question added to " + file;
            }
            case 7 -> {
                String name = "topic" + random.nextInt(1000);
                write("content/" + name + ".yaml", topic("Topic " + name, random.nextBoolean() ? null : random.nextInt(5), random, 2));
                return "topic " + name + " added";
            }
            case 8 -> {
                if (topics.size() > 2) {
                    Files.delete(topic);
                    return "topic " + file + " removed";
                }
                return "nothing";
            }
            case 9 -> {
                write("content/site.yaml", "title: Acme " + random.nextInt(100) + "\ndescription: Answers "
                        + random.nextInt(100) + ".\n");
                return "site.yaml changed";
            }
            case 10 -> {
                write("templates/footer-extra.ftlh", "<p class=\"legal\">Acme " + random.nextInt(100) + "</p>\n");
                builder.renderAll();
                return "template changed";
            }
            case 11 -> {
                write("static/note" + random.nextInt(3) + ".txt", "note " + random.nextInt() + "\n");
                builder.renderAll();
                return "static file changed";
            }
            case 12 -> {
                String[] items = yaml.split("\n(?=  - )");
                if (items.length > 2) {
                    String first = items[1];
                    items[1] = items[2];
                    items[2] = first;
                }
                String joined = String.join("\n", items);
                write(file, joined.endsWith("\n") ? joined : joined + "\n");
                return "questions reordered in " + file;
            }
            case 13 -> {
                String other = otherId(random, topic);
                String unrelated = yaml.replaceAll("    related: .*\n", "");
                write(file, unrelated.replaceFirst("(    question: .*\n)", "$1    related: [" + other + "]\n"));
                return "question in " + file + " related to " + other;
            }
            case 14 -> {
                String other = otherId(random, topic);
                write(file, yaml.replaceFirst("see \\[the guide\\]\\(", "see [that](#" + other + ") or [the guide]("));
                return "answer in " + file + " links to #" + other;
            }
            case 15 -> {
                write(file, yaml.replaceFirst("question: What (is|else)", "question: What more"));
                return "question's words changed in " + file;
            }
            case 16 -> {
                write(file, yaml + "  - question: Shared words " + random.nextInt(3) + "?\n    answer: Derived.\n");
                return "question without id added to " + file;
            }
            case 17 -> {
                String other = otherId(random, topic);
                write(file, yaml + "  - id: " + other + "\n    question: Duplicate?\n    answer: Twice.\n");
                return "question with the id of " + other + " added to " + file;
            }
            case 18 -> {
                String other = topics.get(random.nextInt(topics.size())).getFileName().toString().replace(".yaml", "");
                String plain = yaml.replaceFirst("summary: .*\n", "");
                write(file, plain.replaceFirst("(title: .*\n)", "$1summary: See [" + other + "](" + other + "/).\n"));
                return "summary in " + file + " links to topic " + other;
            }
            default -> {
                String language = List.of("en", "de", "fr").get(random.nextInt(3));
                write("content/site.yaml", "title: Acme\nlanguage: " + language + "\nreviewEvery: "
                        + (1 + random.nextInt(3)) + "y\neditUrl: https://example.org/edit/{file}\n");
                return "site.yaml's language set to " + language;
            }
        }
    }

    /** The id of the first question of another topic than {@code topic} (the one other edits change), or a made-up one. */
    private String otherId(Random random, Path topic) throws IOException {
        List<String> ids = new ArrayList<>();
        for (Path other : topics()) {
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("- id: (\\S+)").matcher(Files.readString(other));
            if (!other.equals(topic) && id.find()) {
                ids.add(id.group(1));
            }
        }
        return ids.isEmpty() ? "nowhere" : ids.get(random.nextInt(ids.size()));
    }

    /** Removes the questions added with another question's id (a repair after an error). */
    private void repair() throws IOException {
        for (Path topic : topics()) {
            write("content/" + topic.getFileName(), Files.readString(topic)
                    .replaceAll("  - id: \\S+\\n    question: Duplicate\\?\\n    answer: Twice\\.\\n", ""));
        }
    }

    private MemoryBuilder start(Random random) throws IOException {
        write("content/site.yaml", "title: Acme\n");
        for (String name : List.of("alpha", "beta", "gamma", "delta")) {
            write("content/" + name + ".yaml", topic("Topic " + name, null, random, 3));
        }
        write("templates/footer-extra.ftlh", "<p class=\"legal\">Acme</p>\n");
        write("static/note0.txt", "note\n");
        return new MemoryBuilder(config("unused"));
    }

    @Test
    void theSiteInMemoryHasTheBytesOfACleanBuildAfterEachOfManyRandomEditsOfAnswersIdsLinksOrderAndSiteYaml() throws Exception {
        Random random = new Random(20261207);
        MemoryBuilder builder = start(random);
        buildBoth(builder, "the first build");
        List<String> steps = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < 80; i++) {
            if (failed && random.nextBoolean()) {
                repair();
                steps.add("repaired");
            } else {
                steps.add(edit(random, builder));
            }
            failed = buildBoth(builder, String.join(", ", steps)) == null;
        }
    }

    @Test
    void anEditedAnswerBuildsAndRendersOnlyItsTopicATitleRendersEveryTopicAndANewIdBuildsEveryTopic() throws Exception {
        MemoryBuilder builder = start(new Random(1));
        MemoryBuilder.Built first = buildBoth(builder, "the first build");
        assertEquals(List.of(4, 4), List.of(first.models(), first.rendered()));
        Path alpha = root.resolve("content/alpha.yaml");
        write("content/alpha.yaml", Files.readString(alpha).replaceFirst("is \\*fine\\*", "is *better*"));
        MemoryBuilder.Built answer = buildBoth(builder, "an answer edited");
        assertEquals(List.of(1, 1), List.of(answer.models(), answer.rendered()));
        write("content/alpha.yaml", Files.readString(alpha).replaceFirst("title: .*", "title: Renamed"));
        assertEquals(4, buildBoth(builder, "a title changed").rendered(), "every page lists the topics' titles");
        MemoryBuilder.Built nothing = buildBoth(builder, "nothing changed");
        assertEquals(List.of(0, 0), List.of(nothing.models(), nothing.rendered()));
        write("content/alpha.yaml", Files.readString(alpha).replaceFirst("- id: q\\d+", "- id: renamed"));
        assertEquals(4, buildBoth(builder, "an id changed").models(), "any answer may link to the id");
    }

    @Test
    void aTopicThatRelatesToAnotherTopicsQuestionShowsItsNewWordsAndReportsItsRemoval() throws Exception {
        MemoryBuilder builder = start(new Random(7));
        String beta = Files.readString(root.resolve("content/beta.yaml"));
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("- id: (\\S+)\\n    question: (.*)\\n").matcher(beta);
        assertTrue(first.find());
        String alpha = Files.readString(root.resolve("content/alpha.yaml"));
        write("content/alpha.yaml", alpha.replaceFirst("(    question: .*\\n)", "$1    related: [" + first.group(1) + "]\n"));
        buildBoth(builder, "alpha relates to beta's question");
        write("content/beta.yaml", beta.replace(first.group(2), "Reworded?"));
        MemoryBuilder.Built reworded = buildBoth(builder, "beta's question reworded");
        assertTrue(new String(reworded.site().file("alpha/index.html"), StandardCharsets.UTF_8).contains("Reworded?"));
        write("content/beta.yaml", beta.replace("- id: " + first.group(1) + "\n", "- id: gone\n"));
        buildBoth(builder, "beta's question given another id: alpha's related question does not exist");
    }

    @Test
    void anAnswerThatMakesItsQuestionRelatedToAnotherTopicsRendersThatTopicAgain() throws Exception {
        write("content/site.yaml", "title: Acme\n");
        write("content/mail.yaml", "title: Mail\nquestions:\n  - id: spam\n    question: Why is my newsletter marked as spam?\n"
                + "    answer: Ask readers to add the sender address to their contacts.\n");
        write("content/print.yaml", "title: Print\nquestions:\n  - id: paper\n    question: Which paper sizes can I print?\n"
                + "    answer: A4 and letter.\n");
        StringBuilder trains = new StringBuilder("title: Trains\nquestions:\n");
        for (int line = 1; line <= 30; line++) {
            trains.append("  - id: line-").append(line).append("\n    question: When does train line ").append(line)
                    .append(" leave?\n    answer: Every hour from platform ").append(line).append(".\n");
        }
        write("content/trains.yaml", trains.toString());
        MemoryBuilder builder = new MemoryBuilder(config("unused"));
        MemoryBuilder.Built first = buildBoth(builder, "the first build");
        assertFalse(new String(first.site().file("mail/index.html"), StandardCharsets.UTF_8).contains("print/index.html#paper"));
        write("content/print.yaml", "title: Print\nquestions:\n  - id: paper\n    question: Which paper sizes can I print?\n"
                + "    answer: A4 and letter; to print a newsletter for readers, add the sender address as its title.\n");
        MemoryBuilder.Built built = buildBoth(builder, "an answer that shares words with another topic's question");
        assertTrue(new String(built.site().file("mail/index.html"), StandardCharsets.UTF_8).contains("print/index.html#paper"));
    }

    @Test
    void filesLastChangedLongBeforeTheyWereReadAreNotReadAgainUntilTheirStampChanges() throws Exception {
        Random random = new Random(8);
        MemoryBuilder builder = start(random);
        // An answer's words may change the questions found related in another topic, which is then built again too.
        write("content/site.yaml", "title: Acme\nfindRelated: false\n");
        java.nio.file.attribute.FileTime anHourAgo = java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - 3_600_000);
        for (Path topic : topics()) {
            Files.setLastModifiedTime(topic, anHourAgo);
        }
        Fixture.settle();
        buildBoth(builder, "the first build, of files an hour old");
        assertEquals(0, buildBoth(builder, "nothing changed").models());
        for (int i = 0; i < 12; i++) {
            Path topic = topics().get(random.nextInt(topics().size()));
            String yaml = Files.readString(topic);
            write("content/" + topic.getFileName(), yaml.replaceFirst("is \\*[^*]*\\*", "is *" + "longer ".repeat(i + 1) + "*"));
            MemoryBuilder.Built built = buildBoth(builder, "an answer of " + topic.getFileName() + " edited, " + i);
            assertEquals(1, built.models(), "only the file whose stamp changed is read and built again");
            Files.setLastModifiedTime(topic, anHourAgo); // its new size tells it changed, next time too
        }
    }

    @Test
    void pagesThatShowAnotherTopicsAnswerAreRenderedAgainWhenThatAnswerChanges() throws Exception {
        MemoryBuilder builder = start(new Random(5));
        write("templates/footer-extra.ftlh", "<p class=\"legal\">${topics[0].questions[0].answer}</p>\n");
        buildBoth(builder, "the first build");
        Path alpha = root.resolve("content/alpha.yaml");
        write("content/alpha.yaml", Files.readString(alpha).replaceFirst("is \\*fine\\*", "is *shown everywhere*"));
        MemoryBuilder.Built built = buildBoth(builder, "the answer every page shows edited");
        assertEquals(4, built.rendered());
        assertTrue(new String(built.site().file("index.html"), StandardCharsets.UTF_8).contains("shown everywhere"));
    }

    @Test
    void faqJsonAndTheSearchIndexAreMadeOnlyWhenAskedFor() throws Exception {
        MemoryBuilder builder = start(new Random(3));
        MemorySite site = buildBoth(builder, "the first build").site();
        MemorySite next = builder.build().site();
        assertTrue(next.made("alpha/index.html") != null);
        assertEquals(null, next.made("faq.json"), "not made before it is asked for");
        assertTrue(next.file("faq.json").length > 0);
        assertTrue(next.made("search-index.js") != null, "made with faq.json");
        assertFalse(site == next);
    }

    @Test
    void aBuildWithErrorsKeepsWhatTheLastGoodBuildMade() throws Exception {
        MemoryBuilder builder = start(new Random(4));
        buildBoth(builder, "the first build");
        String good = Files.readString(root.resolve("content/alpha.yaml"));
        write("content/alpha.yaml", good + "  - id: [broken\n");
        assertThrows(SiteGenException.class, builder::build);
        write("content/alpha.yaml", good.replaceFirst("is \\*fine\\*", "is *repaired*"));
        MemoryBuilder.Built repaired = buildBoth(builder, "repaired");
        assertEquals(1, repaired.rendered(), "the other topics are still those of the last good build");
    }
}
