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
    private static final Pattern PARSED = Pattern.compile("and (\\d+) of (\\d+) topic files were parsed");

    @TempDir
    Path root;

    /** Files are dated in the past, each edit a second later than the one before (see {@link io.github.sitegen.input.FileStat#SETTLE_NANOS}). */
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
    private String siteSettings = "";
    /** What the cached build of the last {@link #buildBoth} logged. */
    private List<String> cachedLog = List.of();

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
        int kind = random.nextInt(17);
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
                // The old page is kept, as a previous page (named apart, so that no new topic takes it).
                String name = "renamed" + random.nextInt(1000);
                String old = topic.getFileName().toString().replace(".yaml", "") + "-was/";
                Files.delete(topic);
                write("content/" + name + ".yaml", yaml.contains("previousPages: [")
                        ? yaml.replace("previousPages: [", "previousPages: [" + old + ", ")
                        : yaml.replaceFirst("\n", "\npreviousPages: [" + old + "]\n"));
                return "topic " + file + " renamed to " + name + ", its old page kept";
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
            case 10 -> {
                write(file, yaml.replaceFirst("title: ([^\n]*)", "title: $1 " + random.nextInt(100)));
                return "topic title changed in " + file;
            }
            case 11 -> {
                write(file, yaml.replaceFirst("id: q", "id: r" + random.nextInt(100) + "q"));
                return "question id changed in " + file;
            }
            case 12 -> {
                write(file, yaml.replaceFirst("^(order: -?\\d+\n)?", "order: " + (random.nextInt(7) - 3) + "\n"));
                return "topic order changed in " + file;
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

    /**
     * What CI gives a build: a fresh checkout and the cache restored, with no output (or, half the
     * time, with the output kept, as a workflow that restores it too) and every file's time changed
     * (by up to a day either way).
     */
    private String restored(Random random) throws IOException {
        boolean keepOutput = random.nextBoolean();
        if (!keepOutput) {
            deleteTree(root.resolve("out"));
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(clock - 86_400 + random.nextInt(172_800))));
            }
        }
        return "the cache restored, with " + (keepOutput ? "the output kept" : "no output") + " and every file's time changed";
    }

    /** The generator of the builds with the cache: a new one each time, as generate has, or one for all, as serve has. */
    private SiteGenerator cachedBuilds;

    /** The warnings of the last build with the cache. */
    private List<String> cachedWarnings;

    /** How many topic files the last build with the cache parsed, as its log says; -1 when it does not say. */
    private int parsed;

    /** Whether the last build with the cache found the output current. */
    private boolean current;

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
        cachedWarnings = warnings(cached);
        parsed = cached.stream().map(PARSED::matcher).filter(Matcher::find).mapToInt(m -> Integer.parseInt(m.group(1)))
                .findFirst().orElse(-1);
        current = cached.stream().anyMatch(line -> line.contains(" is current ("));
        cachedLog = cached;
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
        siteSettings = "findRelated: true\n";
        randomEdits(new Random(20261207), 0);
    }

    /** A backup question, an export question with nothing in common with it, and {@code days} questions about the weather. */
    private void backupExportAndWeather(int days) throws IOException {
        write("content/site.yaml", "title: Acme FAQ\nfindRelated: true\n");
        write("static/robots-note.txt", "hello\n");
        write("content/backup.yaml", "title: Backup\nquestions:\n  - id: restore\n    question: How do I restore a backup?\n"
                + "    answer: Open the list of snapshots and choose one.\n");
        write("content/export.yaml", "title: Export\nquestions:\n  - id: export\n    question: Where is the export button?\n"
                + "    answer: In the settings.\n");
        StringBuilder weather = new StringBuilder("title: Weather\nquestions:\n");
        for (int day = 1; day <= days; day++) {
            weather.append("  - id: rain-").append(day).append("\n    question: Will it rain on day ").append(day)
                    .append("?\n    answer: Look at the sky on the morning of day ").append(day).append(".\n");
        }
        write("content/weather.yaml", weather.toString());
    }

    /** The export question's answer made to share words with the backup question. */
    private void exportAnswerAboutBackups() throws IOException {
        write("content/export.yaml", "title: Export\nquestions:\n  - id: export\n    question: Where is the export button?\n"
                + "    answer: In the settings. An export is no backup, to restore a backup open its snapshots.\n");
    }

    /** For how many questions the last cached build found related ones, and of how many, as its log says. */
    private List<Integer> foundRelated() {
        return cachedLog.stream().map(Pattern.compile("related questions found for (\\d+) of (\\d+) questions")::matcher)
                .filter(Matcher::find).map(m -> List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                .findFirst().orElseThrow(() -> new AssertionError("no related questions in " + cachedLog));
    }

    @Test
    void anEditedAnswerRendersAgainTheOtherTopicsWhoseFoundRelatedQuestionsItChangesFindingOnlyTheListsItCanChange()
            throws Exception {
        backupExportAndWeather(60);
        buildBoth("the first build");
        assertEquals(List.of(62, 62), foundRelated());
        assertFalse(Files.readString(root.resolve("out/backup/index.html")).contains("export/index.html#export"));
        exportAnswerAboutBackups();
        assertEquals(1, buildBoth("an answer that makes its question related to another topic's"));
        assertTrue(Files.readString(root.resolve("out/backup/index.html")).contains("export/index.html#export"),
                "the backup topic's page names the export question, found from the edited answer");
        assertTrue(foundRelated().get(0) <= 4, "the lists of the two questions, and of those that had them: " + foundRelated());
    }

    @Test
    void aRelatedQuestionsFileInTheCacheThatDoesNotReadBackMeansEveryListIsFoundAgainAndTheSameSite() throws Exception {
        backupExportAndWeather(60);
        buildBoth("the first build");
        Path related = relatedFile();
        byte[] bytes = Files.readAllBytes(related);
        bytes[bytes.length / 2] ^= 1;
        Files.write(related, bytes);
        exportAnswerAboutBackups();
        assertEquals(1, buildBoth("an answer edited, the cache's related questions changed by one bit"));
        assertEquals(List.of(62, 62), foundRelated());
        Fixture.assertHasLine(cachedLog, "do not read back (its bytes are not those the build cache wrote): every list is found again");
        assertTrue(cachedLog.stream().noneMatch(line -> line.contains("Exception") || line.contains("\tat ")), cachedLog::toString);
        assertTrue(Files.readString(root.resolve("out/backup/index.html")).contains("export/index.html#export"));
    }

    @Test
    void aSiteThatStopsFindingRelatedQuestionsLeavesNoneOfItsLastFindInTheCache() throws Exception {
        backupExportAndWeather(60);
        buildBoth("the first build");
        Path related = relatedFile();
        long found = Files.size(related);
        write("content/site.yaml", "title: Acme FAQ\nfindRelated: false\n");
        buildBoth("related questions no longer found");
        assertTrue(Files.size(related) < 200, "the last find of 62 questions (" + found + " bytes) is gone: "
                + Files.size(related) + " bytes left");
    }

    /** The build cache's file of the last find of related questions. */
    private Path relatedFile() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("cache"))) {
            return files.filter(f -> f.getFileName().toString().equals("related")).findFirst().orElseThrow();
        }
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
            if (random.nextInt(5) == 0) {
                steps.add(restored(random));
            }
            reused += buildBoth(String.join(", ", steps));
            if (cachedBuilds == null) {
                // Each edit writes one topic file at most: every other file's draft comes from the cache
                // (an edit that changed nothing leaves the output current, and nothing is loaded).
                assertTrue(parsed <= edits && (parsed >= 0 || current), parsed + " topic files parsed after " + steps);
            }
        }
        assertTrue(reused >= minimumReused, "the cache gave only " + reused + " topics in 40 builds: " + steps);
    }

    @Test
    void aBuildWithOneAnswerChangedParsesOnlyThatTopicFileEvenFromARestoredCache() throws Exception {
        Random random = new Random(14);
        start(random);
        buildBoth("the first build");
        assertEquals(5, parsed);
        write("content/billing.yaml", Files.readString(root.resolve("content/billing.yaml")).replace("well", "better"));
        assertEquals(4, buildBoth("an answer edited"));
        assertEquals(1, parsed, "only the edited topic file is parsed");
        restored(random);
        write("content/account.yaml", Files.readString(root.resolve("content/account.yaml")).replace("well", "better"));
        buildBoth("the cache restored, every file's time changed, and an answer edited");
        assertEquals(1, parsed, "only the edited topic file is parsed");
        write("content/security.yaml", "title: Security\nquestions:\n  - id: q1\n    question: Is it safe?\n    answer: Yes.\n");
        buildBoth("a topic's questions replaced");
        assertEquals(1, parsed);
    }

    @Test
    void aDamagedForeignOrOtherVersionsDraftsFileIsIgnoredAndEveryTopicFileParsed() throws Exception {
        start(new Random(15));
        buildBoth("the first build");
        Path drafts = cacheFolder().resolve(BuildCache.DRAFTS);
        String version = Files.readString(cacheFolder().resolve(BuildCache.VERSION));
        byte[] good = Files.readAllBytes(drafts);
        byte[] body = BuildCache.unframed(BuildCache.DRAFTS, version, good);
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 1;
        Map<String, byte[]> damaged = new java.util.LinkedHashMap<>();
        damaged.put("a byte changed", flipped);
        damaged.put("cut short", java.util.Arrays.copyOf(good, good.length / 3));
        damaged.put("empty", new byte[0]);
        damaged.put("another build's", BuildCache.framed(BuildCache.DRAFTS, "site-gen build cache 2\nanother plugin\n", body));
        damaged.put("not drafts, with a good digest", BuildCache.framed(BuildCache.DRAFTS, version, "not drafts".getBytes(StandardCharsets.UTF_8)));
        damaged.put("drafts cut short, with a good digest",
                BuildCache.framed(BuildCache.DRAFTS, version, java.util.Arrays.copyOf(body, body.length - 7)));
        int edit = 0;
        for (Map.Entry<String, byte[]> file : damaged.entrySet()) {
            Files.write(drafts, file.getValue());
            editAnswer("content/billing.yaml", edit++);
            List<String> lines = new ArrayList<>();
            new SiteGenerator().generate(config("out", true).build(), Fixture.recording(lines, root));
            assertTrue(lines.stream().noneMatch(line -> line.contains("Exception") || line.contains("\tat ")), lines.toString());
            Fixture.assertHasLine(lines, "do not read back");
            Fixture.assertHasLine(lines, "and 5 of 5 topic files were parsed");
            editAnswer("content/billing.yaml", edit++);
            buildBoth("an answer edited after the drafts were " + file.getKey());
            assertEquals(1, parsed, "the drafts were saved again");
        }

        // Another project's drafts, of other files: none is taken for this project's files.
        Path other = root.resolve("other");
        write("other/content/billing.yaml", "title: Billing\nquestions:\n  - id: elsewhere\n    question: Elsewhere?\n"
                + "    answer: Yes.\n");
        new SiteGenerator().generate(SiteGenConfig.builder(other.resolve("content"), other.resolve("out"))
                .projectDirectory(other).cacheDirectory(other.resolve("cache")).build(), BuildListener.SILENT);
        try (Stream<Path> folders = Files.list(other.resolve("cache"))) {
            Files.copy(folders.findFirst().orElseThrow().resolve(BuildCache.DRAFTS), drafts,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        editAnswer("content/billing.yaml", edit);
        buildBoth("another project's drafts in the cache, and an answer edited");
        assertEquals(5, parsed);
    }

    /** Changes the first answer of {@code file} to say {@code n}. */
    private void editAnswer(String file, int n) throws IOException {
        write(file, Files.readString(root.resolve(file)).replaceFirst("It works \\*\\*[^*]*\\*\\*", "It works **" + n + " ways**"));
    }

    @Test
    void aBuildWithNothingChangedLeavesTheOutputAsItIsAndReportsTheSameWarnings() throws Exception {
        start(new Random(10));
        write("static/.hidden", "left out, with a warning\n");
        List<String> first = new ArrayList<>();
        new SiteGenerator().generate(config("out", true).build(), Fixture.recording(first, root));
        Map<String, Object> before = identities(root.resolve("out"));
        List<String> lines = new ArrayList<>();
        new SiteGenerator().generate(config("out", true).build(), Fixture.recording(lines, root));
        Fixture.assertHasLine(lines, "is current");
        assertFalse(warnings(first).isEmpty(), first.toString());
        assertEquals(warnings(first), warnings(lines));
        assertEquals(before, identities(root.resolve("out")), "every file is the one the last build wrote");
        assertEquals(5, buildBoth("nothing changed"));
    }

    @Test
    void aBuildWithNothingChangedReadsNoFileWhoseSizeTimesAndIdentityAreAsRecordedYetSeesAHandEdit() throws Exception {
        start(new Random(12));
        buildBoth("the first build");
        Fixture.settle();
        List<String> lines = new ArrayList<>();
        new SiteGenerator().generate(config("out", true).build(), Fixture.recording(lines, root));
        Fixture.assertHasLine(lines, "is current");
        lines.clear();
        new SiteGenerator().generate(config("out", true).build(), Fixture.recording(lines, root));
        Fixture.assertHasLine(lines, "known by their size, times and identity and 0 read");

        Path page = root.resolve("out/account/index.html");
        FileTime time = Files.getLastModifiedTime(page);
        String html = Files.readString(page);
        String edited = html.replaceFirst("<strong>well</strong>", "<script>1;;;</script>"); // same size
        assertTrue(html.contains("<strong>well</strong>"));
        Files.writeString(page, edited);
        Files.setLastModifiedTime(page, time);
        lines.clear();
        new SiteGenerator().generate(config("out", true).build(), Fixture.recording(lines, root));
        assertTrue(lines.stream().noneMatch(line -> line.contains("is current")), lines.toString());
        Fixture.assertHasLine(lines, "updated " + root.resolve("out") + " in place: 1 file written, 0 files removed");
        assertEquals(html, Files.readString(page));
        assertEquals(5, buildBoth("the page edited by hand written again"));
    }

    @Test
    void aBuildWithOneAnswerChangedRewritesOnlyTheFilesWhoseBytesChange() throws Exception {
        start(new Random(13));
        buildBoth("the first build");
        Map<String, Object> before = identities(root.resolve("out"));
        write("content/billing.yaml", Files.readString(root.resolve("content/billing.yaml")).replace("well", "better"));
        assertEquals(4, buildBoth("an answer edited"));
        Map<String, Object> after = identities(root.resolve("out"));
        assertEquals(before.keySet(), after.keySet());
        List<String> rewritten = before.keySet().stream().filter(path -> !before.get(path).equals(after.get(path))).toList();
        assertTrue(rewritten.contains("billing/index.html"), rewritten.toString());
        for (String same : List.of("account/index.html", "security/index.html", ".nojekyll", "404.html", "sitemap.xml")) {
            assertFalse(rewritten.contains(same), same + " has the same bytes and is left as it is: " + rewritten);
        }
        assertTrue(rewritten.size() < before.size() / 2, rewritten.toString());
    }

    @Test
    void aRestoredCacheWhoseFilesAllHaveNewTimesGivesTheBytesOfACleanBuildFromItsEntries() throws Exception {
        Random random = new Random(11);
        start(random);
        buildBoth("the first build");
        restored(random);
        assertEquals(5, buildBoth("the cache restored"));
        restored(random);
        write("content/billing.yaml", Files.readString(root.resolve("content/billing.yaml")).replace("well", "better"));
        assertEquals(4, buildBoth("the cache restored and an answer edited"));
    }

    /** Each file below {@code folder} with its identity (inode): a file written again gets another. */
    private static Map<String, Object> identities(Path folder) throws IOException {
        Map<String, Object> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(),
                        Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
            }
        }
        return files;
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
    void aQuestionMovedToAnotherTopicOrAPreviousPageChangedWritesTheSameMapAndPagesAsAFullBuild() throws Exception {
        start(new Random(20261207));
        buildBoth("the first build");
        String billing = Files.readString(root.resolve("content/billing.yaml"));
        int second = billing.indexOf("  - id:", billing.indexOf("  - id:") + 1);
        write("content/billing.yaml", billing.substring(0, second).replaceFirst("\n", "\npreviousPages: [faq.html]\n"));
        write("content/account.yaml", Files.readString(root.resolve("content/account.yaml")) + billing.substring(second));
        buildBoth("two questions moved from billing to account, and faq.html kept by billing");
        assertTrue(Files.readString(root.resolve("out/links.js")).contains("\"pages\":{\"faq.html\":"));
        write("content/billing.yaml", Files.readString(root.resolve("content/billing.yaml"))
                .replace("previousPages: [faq.html]", "previousPages: [help/billing.html]"));
        buildBoth("the previous page renamed");
        assertFalse(Files.exists(root.resolve("out/faq.html")));
        assertTrue(Files.isRegularFile(root.resolve("out/help/billing.html")));
    }

    @Test
    void aBuildFromTheCacheReportsTheUnchangedTopicsLinkWarningsAgainAsACleanBuildDoes() throws Exception {
        start(new Random(3));
        write("content/site.yaml", "title: Acme FAQ\ndescription: Answers about Acme.\nlinks:\n  - text: API\n"
                + "    url: apidocs/index.html\n");
        write("content/where.yaml", "title: Where\nquestions:\n  - id: where\n    question: Where is it?\n    answer: See"
                + " [buying](#buy-onlin), [the guide](/faq/guides/) and [the old guide](/guides/).\n");
        buildBoth("the first build");
        write("content/billing.yaml", Files.readString(root.resolve("content/billing.yaml")).replace("well", "better"));
        assertEquals(5, buildBoth("another topic's answer edited"), "the topic with the links comes from the cache");
        for (String warning : List.of("content/site.yaml:5:10: warning: a relative URL points at no file of the site:"
                        + " 'apidocs/index.html'",
                "content/where.yaml:5:13: warning: the link '#buy-onlin' points to no question",
                "content/where.yaml:5:13: warning: a relative URL points at no file of the site: '/faq/guides/'",
                "content/where.yaml:5:13: warning: URLs that lead out of the site look written for another site: '/guides/'")) {
            Fixture.assertHasLine(cachedWarnings, warning);
        }
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
    void anEntryThatNamesAFileOutsideTheOutputIsNeverWrittenEvenWithItsDigestInTheIndex() throws Exception {
        start(new Random(7));
        buildBoth("the first build");
        write("secret.txt", "not for the site");
        rewriteEntries(entry -> new Entry(entry.files().stream().map(f -> "../secret.txt").toList(), entry.contents(),
                entry.parts(), entry.problems()), true);
        assertEquals(0, buildBoth("entries pointing out of the output"));
        assertEquals("not for the site", Files.readString(root.resolve("secret.txt")));
    }

    @Test
    void aPageEditedInPlaceInTheOutputWithItsTimeRestoredIsWrittenAgainAsAFullBuildWouldWriteIt() throws Exception {
        start(new Random(3));
        buildBoth("the first build");
        Path page = root.resolve("out/billing/index.html");
        FileTime time = Files.getLastModifiedTime(page);
        String html = Files.readString(page);
        String edited = html.replaceFirst("<strong>well</strong>", "<script>1;;;</script>"); // same size
        assertEquals(html.length(), edited.length());
        assertTrue(html.contains("<strong>well</strong>"));
        Files.writeString(page, edited);
        Files.setLastModifiedTime(page, time);
        assertEquals(5, buildBoth("a page changed in the output, its size and time kept"));
        assertFalse(Files.readString(page).contains("<script>1;;;"));
    }

    @Test
    void aCacheEntryRewrittenAsAWellFormedEntryIsNotPublished() throws Exception {
        start(new Random(8));
        buildBoth("the first build");
        rewriteEntries(entry -> new Entry(entry.files(), entry.contents().stream()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8).replace("</main>", "<script>alert(1)</script></main>")
                        .getBytes(StandardCharsets.UTF_8)).toList(),
                java.util.Arrays.stream(entry.parts()).map(part -> new String(part, StandardCharsets.UTF_8)
                        .replace("It works", "<script>alert(2)</script>").getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new),
                entry.problems()), false);
        assertEquals(0, buildBoth("every entry rewritten"));
        assertEquals(5, buildBoth("nothing changed after the rewrite"));
    }

    @Test
    void linksPlantedInTheCacheNeverMakeABuildTouchAnythingOutsideIt() throws Exception {
        start(new Random(9));
        buildBoth("the first build");
        Path folder = cacheFolder();
        Path outside = root.resolve("elsewhere");
        Map<String, String> kept = new TreeMap<>();
        for (String name : List.of("a.txt", "b.txt", "index", "version", "lock", "building")) {
            write("elsewhere/" + name, "someone else's " + name + "\n");
            kept.put(name, "someone else's " + name + "\n");
        }
        List<String> lines = new ArrayList<>();
        List<java.util.function.Consumer<Path>> plants = List.of(
                cache -> relink(cache.resolve(BuildCache.ENTRIES), outside),
                cache -> relink(cache.resolve(BuildCache.VERSION), outside.resolve("version")),
                cache -> relink(cache.resolve(BuildCache.INDEX), outside.resolve("index")),
                cache -> relink(cache.resolve(BuildCache.LOCK), outside.resolve("lock")),
                cache -> relink(cache.resolve(BuildCache.BUILDING), outside.resolve("building")),
                cache -> relink(firstEntry(cache), outside.resolve("a.txt")),
                cache -> relink(cache, outside));
        for (java.util.function.Consumer<Path> plant : plants) {
            plant.accept(folder);
            lines.clear();
            new SiteGenerator().generate(config("out", true).build(), Fixture.recording(lines, root));
            Fixture.assertHasLine(lines, "is not as site-gen wrote it");
            assertEquals(kept, files(outside), "after " + lines);
            assertEquals(5, buildBoth("nothing changed after the cache was discarded and built again"));
        }
    }

    private static Path firstEntry(Path cache) {
        try (Stream<Path> entries = Files.list(cache.resolve(BuildCache.ENTRIES))) {
            return entries.sorted().findFirst().orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Replaces {@code path} (a file or a folder) with a symbolic link to {@code target}. */
    private static void relink(Path path, Path target) {
        try {
            if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(path);
            } else {
                Files.deleteIfExists(path);
            }
            Files.createSymbolicLink(path, target);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Rewrites every entry of the cache as {@code change} says, and its digest in the index too when {@code indexed}. */
    private void rewriteEntries(java.util.function.UnaryOperator<Entry> change, boolean indexed) throws IOException {
        Path folder = cacheFolder();
        StringBuilder index = new StringBuilder();
        try (Stream<Path> entries = Files.list(folder.resolve(BuildCache.ENTRIES))) {
            for (Path file : entries.sorted().toList()) {
                byte[] bytes = change.apply(Entry.read(Files.readAllBytes(file))).bytes();
                Files.write(file, bytes);
                index.append(file.getFileName()).append('\t').append(io.github.sitegen.output.Digest.of(bytes)).append('\n');
            }
        }
        if (indexed) {
            Files.writeString(folder.resolve(BuildCache.INDEX), index);
        }
        deleteTree(root.resolve("out")); // as in CI, where only the cache is restored: the topics come from it
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
        deleteTree(root.resolve("out"));
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
