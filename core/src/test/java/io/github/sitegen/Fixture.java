package io.github.sitegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import io.github.sitegen.input.FileStat;

/**
 * Small sites written inline, in the txtar style: a line {@code -- path --} starts a file, the
 * lines after it are its content.
 */
public final class Fixture {

    private Fixture() {
    }

    /** Writes every file of {@code spec} below {@code root}; returns {@code root}. */
    public static Path write(Path root, String spec) throws IOException {
        String path = null;
        StringBuilder content = new StringBuilder();
        String body = spec.endsWith("\n") ? spec.substring(0, spec.length() - 1) : spec;
        for (String line : body.split("\n", -1)) {
            if (line.startsWith("-- ") && line.endsWith(" --")) {
                flush(root, path, content);
                path = line.substring(3, line.length() - 3).strip();
                content.setLength(0);
            } else if (path != null) {
                content.append(line).append('\n');
            }
        }
        flush(root, path, content);
        return root;
    }

    private static void flush(Path root, String path, StringBuilder content) throws IOException {
        if (path == null) {
            return;
        }
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Builds {@code content} (a folder below {@code root}) into {@code root/out}. */
    public static SiteGenerator.Result build(Path root) throws SiteGenException, IOException {
        return build(SiteGenConfig.builder(root.resolve("content"), root.resolve("out")).projectDirectory(root));
    }

    public static SiteGenerator.Result build(SiteGenConfig.Builder config) throws SiteGenException, IOException {
        return new SiteGenerator().generate(config.build(), BuildListener.SILENT);
    }

    /** Builds and expects failure; returns the problems formatted relative to {@code root}. */
    public static List<String> failures(Path root) throws IOException {
        return failures(root, SiteGenConfig.builder(root.resolve("content"), root.resolve("out")).projectDirectory(root));
    }

    public static List<String> failures(Path root, SiteGenConfig.Builder config) throws IOException {
        try {
            build(config);
        } catch (SiteGenException e) {
            List<String> lines = new ArrayList<>();
            e.problems().forEach(p -> lines.add(p.format(root)));
            return lines;
        }
        throw new AssertionError("the build was expected to fail");
    }

    /** Fails unless one of {@code lines} contains {@code expected}, showing them all. */
    public static void assertHasLine(List<String> lines, String expected) {
        if (lines.stream().noneMatch(line -> line.contains(expected))) {
            throw new AssertionError("expected a line containing\n  " + expected + "\nin\n  " + String.join("\n  ", lines));
        }
    }

    /** A listener that adds each message, and each warning shown relative to {@code root}, to {@code lines}. */
    public static BuildListener recording(List<String> lines, Path root) {
        return new BuildListener() {
            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void warning(Problem problem) {
                lines.add(problem.format(root));
            }
        };
    }

    /** Every file below {@code folder}, by its path from it ({@code /}-separated), with its bytes, in path order. */
    public static Map<String, byte[]> contents(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    /** Fails unless {@code actual} has the files of {@code expected}, byte for byte, and no other. */
    public static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        if (!expected.keySet().equals(actual.keySet())) {
            throw new AssertionError("expected the files " + expected.keySet() + " but found " + actual.keySet());
        }
        expected.forEach((path, bytes) -> {
            if (!Arrays.equals(bytes, actual.get(path))) {
                throw new AssertionError(path + " differs");
            }
        });
    }

    public static Document html(Path file) throws IOException {
        return Jsoup.parse(file.toFile(), "UTF-8");
    }

    /**
     * A question of a topic page as the built-in theme writes it: its id and the anchors it had
     * before (the empty elements at the top of its {@code <details>}), its heading's text, and its
     * {@code section}.
     */
    public record PageQuestion(String id, List<String> previousIds, String question, org.jsoup.nodes.Element section) {
    }

    /** The questions of a topic page, in order. */
    public static List<PageQuestion> questions(Document page) {
        List<PageQuestion> questions = new ArrayList<>();
        for (org.jsoup.nodes.Element section : page.select("section.question")) {
            questions.add(new PageQuestion(section.selectFirst("details > .question-anchor:not(.previous-id)").id(),
                    section.select("details > .question-anchor.previous-id").eachAttr("id"),
                    section.selectFirst("summary h2").text(), section));
        }
        return questions;
    }

    /**
     * The headings of a page that skip a level (an {@code <h3>} right after an {@code <h1>}), each
     * as "h1 'Title' then h3 'Sub'"; empty when the outline never skips one. The first heading may
     * have any level (the navigation comes before the page's h1).
     */
    public static List<String> skippedHeadings(Document page) {
        List<String> skipped = new ArrayList<>();
        int previous = 0;
        String previousText = "";
        for (org.jsoup.nodes.Element heading : page.select("h1, h2, h3, h4, h5, h6")) {
            int level = heading.normalName().charAt(1) - '0';
            if (previous > 0 && level > previous + 1) {
                skipped.add("h" + previous + " '" + previousText + "' then h" + level
                        + " '" + heading.text() + "'");
            }
            previous = level;
            previousText = heading.text();
        }
        return skipped;
    }

    /**
     * Waits until every file written (or given a time) so far has been still for
     * {@link FileStat#SETTLE_NANOS}: only then can its times tell a later change, and the build
     * cache and the preview trust them. Setting a file's modification time moves its change time,
     * which no program can set back, so a file dated in the past needs this wait too.
     */
    public static void settle() throws InterruptedException {
        long until = FileStat.now() + FileStat.SETTLE_NANOS + 100_000_000;
        for (long now = FileStat.now(); now < until; now = FileStat.now()) {
            Thread.sleep((until - now) / 1_000_000 + 1);
        }
    }
}
