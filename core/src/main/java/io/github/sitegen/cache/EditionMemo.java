package io.github.sitegen.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import io.github.sitegen.concurrent.Parallel;
import io.github.sitegen.model.Answer;
import io.github.sitegen.model.Question;
import io.github.sitegen.model.Site;
import io.github.sitegen.model.Topic;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;
import io.github.sitegen.render.SiteRenderer;
import io.github.sitegen.render.TopicMemo;
import io.github.sitegen.render.Translations;
import io.github.sitegen.input.FileStat;

/**
 * The build cache's memo of one language's topics. A topic's entry is keyed by everything its page
 * and parts can be made from:
 * <ul>
 * <li>the build's key ({@link BuildCache}: settings, templates, static files, site.yaml, plugin);</li>
 * <li>the language: its output folder and the site's languages with their topics;</li>
 * <li>the site's outline: its settings and every topic with all its questions, less the answers
 * and the related questions (the navigation, the neighbouring topics and the links between
 * questions come from it);</li>
 * <li>the topic's place in the site, its own file, which holds its answers, and its questions'
 * related questions: those found for a question that names none come from every topic's words, so
 * a changed answer elsewhere may change them, and then this topic is rendered again.</li>
 * </ul>
 * A theme that shows another topic's related questions (the built-in one does not) may show them
 * as they were until that topic's page is rendered again.
 * Other topics' answers are not in the key: a page that reads one (a theme may) is never saved,
 * since the templates see the site through {@link #shown}, which notices such a read.
 */
final class EditionMemo implements TopicMemo {

    /** The topic being rendered on this thread, and whether its templates read another topic's answers. */
    private static final class Running {
        final int index;
        boolean readOthers;

        Running(int index) {
            this.index = index;
        }
    }

    private final BuildCache cache;
    private final Path contentDirectory;
    private final String key;
    private final ThreadLocal<Running> running = new ThreadLocal<>();

    EditionMemo(BuildCache cache, String outputFolder, Path contentDirectory, Site site, Translations translations,
                Parallel parallel) throws Fingerprint.Unknown {
        this.cache = cache;
        this.contentDirectory = contentDirectory;
        Fingerprint edition = new Fingerprint().text(cache.key()).text(outputFolder);
        for (Translations.Language language : translations.languages()) {
            edition.components(language, Set.of("topicIds")).model(new java.util.TreeSet<>(language.topicIds()));
        }
        edition.model(site.info());
        List<String> topics = parallel.map(site.topics(), Fingerprint.Unknown.class, RuntimeException.class,
                topic -> new Fingerprint().outline(topic).hex());
        edition.number(topics.size());
        topics.forEach(edition::text);
        this.key = edition.hex();
    }

    @Override
    public List<Topic> shown(List<Topic> topics) {
        return IntStream.range(0, topics.size()).mapToObj(i -> topics.get(i).withAnswers(question -> Answer.of(problems -> {
            Running now = running.get();
            if (now != null && now.index != i) {
                now.readOthers = true;
            }
            return question.answer().render(problems);
        }))).toList();
    }

    @Override
    public byte[][] topic(int index, Topic topic, SiteRenderer.Sink sink, Consumer<Problem> problems, Task task)
            throws SiteGenException, IOException {
        FileStat source = source(topic);
        if (source == null) {
            cache.rendered.incrementAndGet();
            return task.run(sink, problems);
        }
        // The file's bytes, not its time: an edit undone, or a file written again as it was, keeps its entry.
        String entryKey;
        try {
            entryKey = new Fingerprint().text(key).number(index).text(topic.id()).text(source.path().toString())
                    .bytes(Files.readAllBytes(source.path())).model(topic.questions().stream().map(Question::related).toList())
                    .hex();
        } catch (Fingerprint.Unknown e) {
            cache.rendered.incrementAndGet();
            return task.run(sink, problems);
        }
        Entry entry = cache.entry(entryKey);
        if (entry != null && inside(entry)) {
            for (int i = 0; i < entry.files().size(); i++) {
                sink.write(entry.files().get(i), entry.contents().get(i));
            }
            entry.problems().forEach(problems);
            cache.reused(entryKey);
            return entry.parts();
        }
        cache.rendered.incrementAndGet();
        Map<String, byte[]> files = Collections.synchronizedMap(new LinkedHashMap<>());
        List<Problem> found = new ArrayList<>();
        Running now = new Running(index);
        running.set(now);
        byte[][] parts;
        try {
            parts = task.run(sink.recording(files), problem -> {
                found.add(problem);
                problems.accept(problem);
            });
        } finally {
            running.remove();
        }
        if (cache.saving() && !now.readOthers && !cache.recent(source)) {
            synchronized (files) {
                cache.save(entryKey, new Entry(List.copyOf(files.keySet()), List.copyOf(files.values()), parts, found));
            }
        }
        return parts;
    }

    /**
     * Whether every file of {@code entry} lies inside the output: a path that could lead out of it
     * is never written, whatever the index says.
     */
    private static boolean inside(Entry entry) {
        return entry.files().stream().allMatch(file -> !file.isEmpty() && !file.startsWith("/") && !file.contains("\\")
                && java.util.Arrays.stream(file.split("/", -1)).noneMatch(part -> part.isEmpty() || part.equals(".")
                || part.equals("..")));
    }

    /** The topic's file, {@code <id>.yaml} or {@code <id>.yml}; {@code null} when it cannot be told. */
    private FileStat source(Topic topic) throws IOException {
        FileStat found = null;
        for (String extension : List.of(".yaml", ".yml")) {
            Path file = contentDirectory.resolve(topic.id() + extension);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                if (found != null) {
                    return null;
                }
                found = FileStat.of(file);
            }
        }
        return found;
    }
}
