package io.github.sitegen.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.sitegen.BuildListener;
import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;
import io.github.sitegen.ThemeFixture;
import io.github.sitegen.problem.SiteGenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build cache: a build that reuses the last one's topics writes the same bytes, and the same
 * warnings, as a full build of the same inputs, whatever changed in between; and any doubt about
 * the cache means a full build.
 */
class BuildCacheTest {

    private static final Pattern REUSED = Pattern.compile("gave (\\d+) of (\\d+) topics");

    @TempDir
    Path root;

    /** Files are dated in the past, each edit a second later than the one before (see {@link BuildCache#RECENT_NANOS}). */
    private long clock = Instant.now().getEpochSecond() - 86_400;

    private SiteGenConfig.Builder config(String output, boolean cache) {
        return SiteGenConfig.builder(root.resolve("content"), root.resolve(output)).projectDirectory(root)
                .templateDirectory(root.resolve("templates")).staticDirectory(root.resolve("static"))
                .baseUrl("https://acme.github.io/faq/").threads(2)
                .cacheDirectory(cache ? root.resolve("cache") : null);
    }

    private String topic(String title, Random random, int questions) {
        StringBuilder yaml = new StringBuilder("title: " + title + "\nsummary: All about " + title.toLowerCase() + ".\nquestions:\n");
        for (int i = 0; i < questions; i++) {
            yaml.append(question(random));
        }
        return yaml.toString();
    }

    private static String question(Random random) {
        int n = random.nextInt(1_000_000);
        return "  - id: q" + n + "\n    question: How does feature " + n + " work?\n    answer: |\n      It works **well**, see"
                + " [the docs](https://example.org/" + n + ").\n";
    }

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(++clock)));
    }

    /**
     * What site.yaml adds to its title and description. The random edits' questions all share their
     * words but one, so any edit reorders the related questions found for most of them (and renders
     * their topics again): their reuse is counted without them, and checked with them apart.
     */
    private String siteSettings = "findRelated: false\n";

    private void start(Random random) throws IOException {
        write("content/site.yaml", "title: Acme FAQ\ndescription: Answers about Acme.\n" + siteSettings);
        for (String name : List.of("billing", "account", "security", "export", "api")) {
            write("content/" + name + ".yaml", topic(Character.toUpperCase(name.charAt(0)) + name.substring(1), random, 3));
        }
        write("templates/footer-extra.ftlh", "<p class=\"legal\">Acme</p>\n");
        write("static/robots-note.txt", "hello\n");
    }

    /** One random change of the kinds an author makes; returns what it did. */
    private String edit(Random random) throws IOException {
        List<Path> topics;
        try (Stream<Path> files = Files.list(root.resolve("content"))) {
            topics = files.filter(f -> !f.getFileName().toString().equals("site.yaml")).sorted().toList();
        }
        Path topic = topics.get(random.nextInt(topics.size()));
        String file = "content/" + topic.getFileName();
        String yaml = Files.readString(topic);
        int kind = random.nextInt(14);
        switch (kind < 4 ? 0 : kind - 3) { // answers are what authors edit most
            case 0, 1 -> {
                write(file, yaml.replaceFirst("It works \\*\\*well\\*\\*", "It works **" + random.nextInt(1000) + " times better**"));
                return "answer edited in " + file;
            }
            case 2 -> {
                write(file, yaml + question(random));
                return "question added to " + file;
            }
            case 3 -> {
                int second = yaml.indexOf("  - id:", yaml.indexOf("  - id:") + 1);
                if (second < 0) {
                    return "nothing (one question left in " + file + ")";
                }
                int third = yaml.indexOf("  - id:", second + 1);
                write(file, yaml.substring(0, second) + (third < 0 ? "" : yaml.substring(third)));
                return "question removed from " + file;
            }
            case 4 -> {
                write(file, yaml.replaceFirst("question: How does", "question: Why does"));
                return "question reworded in " + file;
            }
            case 5 -> {
                String name = "topic" + random.nextInt(1000);
                write("content/" + name + ".yaml", topic("Topic " + name, random, 1 + random.nextInt(3)));
                return "topic " + name + " added";
            }
            case 6 -> {
                if (topics.size() <= 2) {
                    return "nothing (two topics left)";
                }
                Files.delete(topic);
                return "topic " + file + " removed";
            }
            case 7 -> {
                String name = "renamed" + random.nextInt(1000);
                Files.delete(topic);
                write("content/" + name + ".yaml", yaml);
                return "topic " + file + " renamed to " + name;
            }
            case 8 -> {
                write("content/site.yaml", "title: Acme FAQ " + random.nextInt(100) + "\ndescription: Answers.\n"
                        + "messages:\n  search.label: Find " + random.nextInt(100) + "\n" + siteSettings);
                return "site.yaml changed";
            }
            case 9 -> {
                write("templates/footer-extra.ftlh", "<p class=\"legal\">Acme " + random.nextInt(100) + "</p>\n");
                write("templates/assets/extra.css", ":root { --accent: #" + (100_000 + random.nextInt(800_000)) + "; }\n");
                return "template and asset changed";
            }
            default -> {
                Path extra = root.resolve("static/file" + random.nextInt(3) + ".txt");
                if (Files.exists(extra)) {
                    Files.delete(extra);
                    return "static file removed";
                }
                write(root.relativize(extra).toString(), "static " + random.nextInt() + "\n");
                return "static file added";
            }
        }
    }

    /** The generator of the builds with the cache: a new one each time, as generate has, or one for all, as serve has. */
    private SiteGenerator cachedBuilds;

    /** Builds with the cache into out and without it into a fresh clean-out; returns how many topics the cache gave. */
    private int buildBoth(String step) throws IOException, SiteGenException {
        List<String> cached = new ArrayList<>();
        List<String> clean = new ArrayList<>();
        (cachedBuilds == null ? new SiteGenerator() : cachedBuilds).generate(config("out", true).build(),
                Fixture.recording(cached, root));
        deleteTree(root.resolve("clean-out"));
        new SiteGenerator().generate(config("clean-out", false).build(), Fixture.recording(clean, root));
        assertEquals(files(root.resolve("clean-out")), files(root.resolve("out")), "after " + step);
        assertEquals(warnings(clean), warnings(cached), "warnings after " + step);
        return cached.stream().map(REUSED::matcher).filter(Matcher::find).mapToInt(m -> Integer.parseInt(m.group(1)))
                .findFirst().orElseThrow(() -> new AssertionError("no cache summary in " + cached));
    }

    @Test
    void aBuildThatReusesTopicsWritesTheSameBytesAsAFullBuildAfterEachOfManyRandomEdits() throws Exception {
        randomEdits(new Random(20261202));
    }

    @Test
    void aPreviewThatKeepsTheFilesItReadWritesTheSameBytesAndWarningsAsAFullBuildAfterEachOfManyRandomEdits()
            throws Exception {
        cachedBuilds = SiteGenerator.rebuilding();
        randomEdits(new Random(20261203));
    }

    @Test
    void withRelatedQuestionsFoundForEveryQuestionACachedBuildWritesTheSameBytesAsAFullBuildAfterEachOfManyRandomEdits()
            throws Exception {
        siteSettings = "";
        randomEdits(new Random(20261207), 0);
    }

    @Test
    void anEditedAnswerRendersAgainTheOtherTopicsWhoseFoundRelatedQuestionsItChanges() throws Exception {
        write("content/site.yaml", "title: Acme FAQ\n");
        write("static/robots-note.txt", "hello\n");
        write("content/backup.yaml", "title: Backup\nquestions:\n  - id: restore\n    question: How do I restore a backup?\n"
                + "    answer: Open the list of snapshots and choose one.\n");
        write("content/export.yaml", "title: Export\nquestions:\n  - id: export\n    question: Where is the export button?\n"
                + "    answer: In the settings.\n");
        StringBuilder weather = new StringBuilder("title: Weather\nquestions:\n");
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday")) {
            weather.append("  - id: rain-").append(day).append("\n    question: Will it rain on ").append(day)
                    .append("?\n    answer: Look at the sky on ").append(day).append(" morning.\n");
        }
        write("content/weather.yaml", weather.toString());
        buildBoth("the first build");
        assertFalse(Files.readString(root.resolve("out/backup/index.html")).contains("export/index.html#export"));
        write("content/export.yaml", "title: Export\nquestions:\n  - id: export\n    question: Where is the export button?\n"
                + "    answer: In the settings. An export is no backup, to restore a backup open its snapshots.\n");
        assertEquals(1, buildBoth("an answer that makes its question related to another topic's"));
        assertTrue(Files.readString(root.resolve("out/backup/index.html")).contains("export/index.html#export"),
                "the backup topic's page names the export question, found from the edited answer");
    }

    private void randomEdits(Random random) throws Exception {
        randomEdits(random, 30);
    }

    private void randomEdits(Random random, int minimumReused) throws Exception {
        start(random);
        assertEquals(0, buildBoth("the first build"));
        int reused = 0;
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int edits = 1 + random.nextInt(2);
            for (int e = 0; e < edits; e++) {
                steps.add(edit(random));
            }
            reused += buildBoth(String.join(", ", steps));
        }
        assertTrue(reused >= minimumReused, "the cache gave only " + reused + " topics in 40 builds: " + steps);
    }

    @Test
    void anotherVersionOfTheThemeJarRendersEveryPageAgain() throws Exception {
        start(new Random(2));
        Path jar = root.resolve("site-gen-theme-band-1.0.jar");
        ThemeFixture.theme(jar, "band", "-- theme.properties --\nmodel = 1\n-- header-extra.ftlh --\n<p class=\"band\">first look</p>\n");
        try (URLClassLoader classPath = ThemeFixture.classPath(jar)) {
            new SiteGenerator().generate(config("out", true).theme("band", classPath).build(), BuildListener.SILENT);
        }
        ThemeFixture.theme(jar, "band", "-- theme.properties --\nmodel = 1\n-- header-extra.ftlh --\n<p class=\"band\">second look</p>\n");
        List<String> lines = new ArrayList<>();
        try (URLClassLoader classPath = ThemeFixture.classPath(jar)) {
            new SiteGenerator().generate(config("out", true).theme("band", classPath).build(), Fixture.recording(lines, root));
            new SiteGenerator().generate(config("clean-out", false).theme("band", classPath).build(), BuildListener.SILENT);
        }
        assertEquals(files(root.resolve("clean-out")), files(root.resolve("out")));
        assertTrue(Files.readString(root.resolve("out/billing/index.html")).contains("second look"));
        assertTrue(lines.stream().noneMatch(line -> REUSED.matcher(line).find() && !line.contains("gave 0 of")), lines.toString());
    }

    @Test
    void oneEditedAnswerRendersOnlyItsTopicAgain() throws Exception {
        start(new Random(1));
        buildBoth("the first build");
        write("content/billing.yaml", Files.readString(root.resolve("content/billing.yaml")).replace("well", "better"));
        assertEquals(4, buildBoth("an answer edited"));
    }

    @Test
    void aPageWhoseTemplateReadsAnotherTopicsAnswerIsRenderedAgainWhenThatAnswerChanges() throws Exception {
        start(new Random(2));
        write("templates/footer-extra.ftlh", "<p class=\"legal\">${topics[0].questions[0].answer}</p>\n");
        buildBoth("the first build");
        Path first;
        try (Stream<Path> files = Files.list(root.resolve("content"))) {
            first = files.filter(f -> !f.getFileName().toString().equals("site.yaml")).sorted().findFirst().orElseThrow();
        }
        write("content/" + first.getFileName(), Files.readString(first).replaceFirst("works \\*\\*well", "works **badly"));
        assertEquals(0, buildBoth("the answer every page shows edited"));
    }

    @Test
    void aMultilingualSiteTakesEachLanguagesUnchangedTopicsFromTheCache() throws Exception {
        Random random = new Random(6);
        for (String language : List.of("en", "de")) {
            write("content/" + language + "/site.yaml", "title: Acme " + language + "\nlanguage: " + language + "\n");
            for (String name : List.of("billing", "account", "security")) {
                write("content/" + language + "/" + name + ".yaml", topic(name + " " + language, random, 2));
            }
        }
        Files.createDirectories(root.resolve("templates"));
        Files.createDirectories(root.resolve("static"));
        buildBoth("the first build");
        assertEquals(6, buildBoth("nothing changed"));
        String billing = Files.readString(root.resolve("content/de/billing.yaml"));
        write("content/de/billing.yaml", billing.replaceFirst("works \\*\\*well", "works **gut"));
        assertEquals(5, buildBoth("a German answer edited"));
    }

    @Test
    void anEntryThatNamesAFileOutsideTheOutputIsNotFollowed() throws Exception {
        start(new Random(7));
        buildBoth("the first build");
        write("secret.txt", "not for the site");
        Path folder = cacheFolder();
        String outputs = Files.readString(folder.resolve(BuildCache.OUTPUTS));
        try (Stream<Path> entries = Files.list(folder.resolve(BuildCache.ENTRIES))) {
            for (Path file : entries.toList()) {
                Entry entry = Entry.read(Files.readAllBytes(file));
                List<String> files = entry.files().stream().map(f -> "../secret.txt").toList();
                Files.write(file, new Entry(files, entry.parts(), entry.problems()).bytes());
                Fingerprint.Stat secret = Fingerprint.Stat.of(root.resolve("out/../secret.txt"));
                outputs += file.getFileName() + "\t" + secret.size() + "\t" + secret.modified() + "\t" + secret.key()
                        + "\t../secret.txt\n";
            }
        }
        Files.writeString(folder.resolve(BuildCache.OUTPUTS), outputs);
        assertEquals(0, buildBoth("entries pointing out of the output"));
    }

    @Test
    void aFileChangedByHandInTheOutputIsWrittenAgain() throws Exception {
        start(new Random(3));
        buildBoth("the first build");
        Files.writeString(root.resolve("out/billing/index.html"), "changed by hand");
        assertEquals(4, buildBoth("a page changed in the output"));
    }

    @Test
    void cleanAKilledBuildAnUnknownVersionAndABrokenEntryEachMeanAFullBuild() throws Exception {
        start(new Random(4));
        buildBoth("the first build");
        assertEquals(5, buildBoth("nothing changed"));

        List<String> lines = new ArrayList<>();
        new SiteGenerator().generate(config("out", true).clean(true).build(), Fixture.recording(lines, root));
        Fixture.assertHasLine(lines, "Full build: the build cache is emptied, because site-gen.clean is set");
        Fixture.assertHasLine(lines, "gave 0 of 5 topics");

        Path folder = cacheFolder();
        Files.writeString(folder.resolve(BuildCache.BUILDING), "");
        lines.clear();
        new SiteGenerator().generate(config("out", true).build(), Fixture.recording(lines, root));
        Fixture.assertHasLine(lines, "because the last build that used it did not finish");
        Fixture.assertHasLine(lines, "gave 0 of 5 topics");

        Files.writeString(folder.resolve(BuildCache.VERSION), "site-gen build cache 0\n");
        lines.clear();
        new SiteGenerator().generate(config("out", true).build(), Fixture.recording(lines, root));
        Fixture.assertHasLine(lines, "because it was made by another build of site-gen");

        try (Stream<Path> entries = Files.list(folder.resolve(BuildCache.ENTRIES))) {
            for (Path entry : entries.toList()) {
                byte[] bytes = Files.readAllBytes(entry);
                bytes[bytes.length / 2] ^= 1;
                Files.write(entry, bytes);
            }
        }
        lines.clear();
        assertEquals(0, buildBoth("every entry damaged"));
        assertEquals(5, buildBoth("nothing changed after the damage"));
    }

    @Test
    void aFailedBuildLeavesTheCacheAsTheLastBuildLeftIt() throws Exception {
        failedBuild();
    }

    @Test
    void aPreviewReportsAFileItReadBeforeAgainWithItsErrors() throws Exception {
        cachedBuilds = SiteGenerator.rebuilding();
        failedBuild();
    }

    private void failedBuild() throws Exception {
        start(new Random(5));
        buildBoth("the first build");
        String billing = Files.readString(root.resolve("content/billing.yaml"));
        write("content/billing.yaml", billing + "  - question: [broken\n");
        SiteGenerator generator = cachedBuilds == null ? new SiteGenerator() : cachedBuilds;
        for (int i = 0; i < 2; i++) {
            SiteGenException e = assertThrows(SiteGenException.class,
                    () -> generator.generate(config("out", true).build(), io.github.sitegen.BuildListener.SILENT));
            Fixture.assertHasLine(e.problems().stream().map(p -> p.format(root)).toList(), "content/billing.yaml:");
        }
        write("content/billing.yaml", billing);
        assertEquals(5, buildBoth("the error fixed"));
    }

    private Path cacheFolder() throws IOException {
        try (Stream<Path> folders = Files.list(root.resolve("cache"))) {
            return folders.findFirst().orElseThrow();
        }
    }

    private static List<String> warnings(List<String> lines) {
        return lines.stream().filter(line -> line.contains(": warning")).toList();
    }

    /** Every file below {@code folder} by relative path, with its content. */
    private static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
