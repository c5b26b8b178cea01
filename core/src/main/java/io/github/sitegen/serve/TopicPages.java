package io.github.sitegen.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.sitegen.content.ContentLoader;
import io.github.sitegen.model.Answer;
import io.github.sitegen.model.Html;
import io.github.sitegen.model.Site;
import io.github.sitegen.model.Topic;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;
import io.github.sitegen.render.SiteRenderer;
import io.github.sitegen.render.TopicMemo;

/**
 * What the preview's last good build made of each topic of one language (its page, its parts of
 * faq.json and the search index, its answers' problems), held in memory and given again to the
 * next build when nothing it was made from changed:
 * <ul>
 * <li>the site's outline: site.yaml's settings and every topic with its questions, less the
 * answers (the navigation, the neighbouring topics and the links between questions come from
 * it), and what the caller knows besides (templates, static files, languages);</li>
 * <li>the topic's place, its id and the bytes of its file, which hold its answers.</li>
 * </ul>
 * The home page is given again when the outline and the rest are the same. A page whose templates
 * read another topic's answers (the home page: any answer) is never given again: the templates see
 * the site through {@link #shown}, which notices such a read.
 */
final class TopicPages implements TopicMemo {

    private static final Answer BLANK = new Answer.Rendered(Html.EMPTY, "");
    /** The home page's place among the topics' (which count from 0). */
    private static final int HOME = -1;

    /** One topic's work in a build. */
    private record Made(String id, byte[] source, Map<String, byte[]> files, byte[][] parts, List<Problem> problems) {
    }

    private Map<Integer, Made> last = Map.of();
    private Outline lastOutline;
    private Map<Integer, Made> next = Map.of();
    private Outline nextOutline;
    /** The templates' view of each topic, by its place, for the topic it was made of. */
    private List<Topic[]> shown = List.of();
    private final ContentLoader.Memo loaded;
    private Path content;
    private boolean replay;
    private final ThreadLocal<Integer> rendering = new ThreadLocal<>();
    private final Set<Integer> readOthers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger rendered = new AtomicInteger();

    /** A memo of topics whose files the loads that use {@code loaded} read. */
    TopicPages(ContentLoader.Memo loaded) {
        this.loaded = loaded;
    }

    /**
     * Starts a build of {@code site}, whose topic files are in {@code content}: topics are given
     * again only when its outline is the last good build's, {@code sameContext} says nothing
     * else they are made from changed, and their file's bytes are those the last build read.
     */
    void start(Site site, Path content, boolean sameContext) {
        this.content = content;
        this.nextOutline = Outline.of(site, lastOutline);
        this.replay = sameContext && nextOutline.same(lastOutline);
        this.next = new ConcurrentHashMap<>();
        this.readOthers.clear();
        this.rendered.set(0);
    }

    /** The build worked: what it made is what the next one may give again. */
    void commit() {
        last = next;
        lastOutline = nextOutline;
    }

    /** Whether the outline (and the rest of the context) was the last good build's. */
    boolean replayed() {
        return replay;
    }

    /** How many topics the build rendered (the others were given again). */
    int rendered() {
        return rendered.get();
    }

    @Override
    public List<Topic> shown(List<Topic> topics) {
        List<Topic[]> views = new ArrayList<>(topics.size());
        for (int i = 0; i < topics.size(); i++) {
            Topic topic = topics.get(i);
            Topic[] before = i < shown.size() ? shown.get(i) : null;
            views.add(before != null && before[0] == topic ? before : new Topic[] {topic, view(topic, i)});
        }
        shown = views;
        return views.stream().map(view -> view[1]).toList();
    }

    /** {@code topic}, at {@code index}, as templates see it: a read of its answers while another page renders is noted. */
    private Topic view(Topic topic, int index) {
        return topic.withAnswers(question -> Answer.of(problems -> {
            Integer now = rendering.get();
            if (now != null && now != index) {
                readOthers.add(now);
            }
            return question.answer().render(problems);
        }));
    }

    /**
     * The site less its answers, as {@link Site}s compare, with the topics it was made of: a topic
     * that is the same object as before (a model the loader gave again) has the same outline.
     */
    private record Outline(Site site, List<Topic> from) {
        static Outline of(Site site, Outline before) {
            List<Topic> outlines = new ArrayList<>(site.topics().size());
            for (int i = 0; i < site.topics().size(); i++) {
                Topic topic = site.topics().get(i);
                boolean same = before != null && i < before.from().size() && before.from().get(i) == topic;
                outlines.add(same ? before.site().topics().get(i) : topic.withAnswers(q -> BLANK));
            }
            return new Outline(new Site(site.info(), outlines), site.topics());
        }

        boolean same(Outline other) {
            if (other == null || !site.info().equals(other.site().info()) || from.size() != other.from().size()) {
                return false;
            }
            for (int i = 0; i < from.size(); i++) {
                Topic outline = site.topics().get(i);
                Topic otherOutline = other.site().topics().get(i);
                if (outline != otherOutline && !outline.equals(otherOutline)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The home page: the last good build's when the outline is the same and its templates read no
     * answer then (an answer is not part of the outline).
     */
    @Override
    public void home(SiteRenderer.Sink sink, PageTask task) throws SiteGenException, IOException {
        Made before = last.get(HOME);
        if (replay && before != null) {
            give(before, sink);
            next.put(HOME, before);
            return;
        }
        Map<String, byte[]> files = new ConcurrentHashMap<>();
        rendering.set(HOME);
        try {
            task.run(sink.recording(files));
        } finally {
            rendering.remove();
        }
        if (!readOthers.contains(HOME)) {
            next.put(HOME, new Made("", new byte[0], Map.copyOf(files), new byte[0][], List.of()));
        }
    }

    @Override
    public byte[][] topic(int index, Topic topic, SiteRenderer.Sink sink, Consumer<Problem> problems, Task task)
            throws SiteGenException, IOException {
        byte[] source = source(topic.id());
        Made before = last.get(index);
        if (replay && source != null && before != null && before.id().equals(topic.id())
                && Arrays.equals(before.source(), source)) {
            give(before, sink);
            before.problems().forEach(problems);
            next.put(index, before);
            return before.parts();
        }
        rendered.incrementAndGet();
        Map<String, byte[]> files = new ConcurrentHashMap<>();
        List<Problem> found = new ArrayList<>();
        Consumer<Problem> noted = ((Consumer<Problem>) found::add).andThen(problems);
        rendering.set(index);
        try {
            byte[][] parts = task.run(sink.recording(files), noted);
            if (source != null && !readOthers.contains(index)) {
                next.put(index, new Made(topic.id(), source, Map.copyOf(files), parts, List.copyOf(found)));
            }
            return parts;
        } finally {
            rendering.remove();
        }
    }

    /** The bytes of the topic's file, {@code <id>.yaml} or {@code <id>.yml}, as loaded; {@code null} when not known. */
    private byte[] source(String id) {
        byte[] yaml = loaded.bytes(content.resolve(id + ".yaml"));
        byte[] yml = loaded.bytes(content.resolve(id + ".yml"));
        return yaml != null && yml != null ? null : yaml != null ? yaml : yml;
    }

    /** Writes the files of {@code made} to {@code sink} again. */
    private static void give(Made made, SiteRenderer.Sink sink) throws IOException {
        for (Map.Entry<String, byte[]> file : made.files().entrySet()) {
            sink.write(file.getKey(), file.getValue());
        }
    }
}
