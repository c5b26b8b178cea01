package io.github.sitegen.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.github.sitegen.model.Topic;
import io.github.sitegen.problem.Problem;

/**
 * Each topic's model as the last loads built it (its {@link Topic}, summary rendered, and the
 * problems building it found), given again while nothing it was built from changed: its file's
 * parsed content (the same {@link TopicDraft}, which the memo of parsed files keeps while the bytes
 * are the same) and the ids given to its questions, and the site-wide facts of {@link Context}
 * (every question's id with its topic, words and draft flag, the topic ids, site.yaml's settings
 * that reach a topic). A save of one answer then builds one topic's model, whatever the site's size.
 *
 * <p>What the context does not hold, the theme and the static files, the caller tells by
 * {@link ContentLoader.Memo#forgetModels()}. A topic's answers are rendered when a page needs them and look up the
 * questions they link to in {@link #lookup}, which always holds the latest load's questions.
 */
final class TopicModels {

    /** What a question offers to links from other topics: its id, its topic, its words, whether it is a draft. */
    record Target(String id, String topicId, String question, boolean draft) {
    }

    /** The targets of one topic's questions, with what they were made from. */
    private record Offered(TopicDraft draft, List<String> ids, List<Target> targets) {
    }

    /**
     * The site-wide facts a topic's model is built from, besides its own file.
     *
     * @param targets     every topic's questions, in the site's order ({@link Target})
     * @param topicIds    every topic's id
     * @param alertTitles the titles of the alerts in the site's language
     */
    record Context(List<List<Target>> targets, Set<String> topicIds, Period reviewEvery, List<String> alertTitles,
                   String editUrl, Path filesFrom, String baseUrl, boolean inLanguageFolder, LocalDate today) {
    }

    /**
     * What the questions of {@code drafts} (in the site's order) offer to links, for a
     * {@link Context}: the last load's list for a topic whose file and ids are the same.
     */
    List<List<Target>> targets(List<TopicDraft> drafts) {
        List<List<Target>> all = new ArrayList<>(drafts.size());
        for (TopicDraft draft : drafts) {
            List<String> ids = ids(draft);
            Offered last = offered.get(draft.file());
            if (last == null || last.draft() != draft || !last.ids().equals(ids)) {
                last = new Offered(draft, ids, draft.questions().stream().map(question -> new Target(question.id(),
                        question.topicId(), question.question(), question.review().draft())).toList());
                offered.put(draft.file(), last);
            }
            all.add(last.targets());
        }
        return all;
    }

    private static List<String> ids(TopicDraft draft) {
        List<String> ids = new ArrayList<>(draft.questions().size());
        draft.questions().forEach(question -> ids.add(question.id()));
        return ids;
    }

    /** The title {@code alertTitles} gives each kind of alert, for a {@link Context}. */
    static List<String> alertTitles(UnaryOperator<String> alertTitles) {
        return ALERTS.stream().map(alertTitles).toList();
    }

    private static final List<String> ALERTS = List.of("note", "tip", "important", "warning", "caution");

    /** One topic's model, with what it was built from. */
    private record Built(TopicDraft draft, List<String> ids, List<List<String>> related, Context context,
                         Optional<Topic> topic, List<Problem> problems) {
    }

    private final Map<Path, Built> built = new ConcurrentHashMap<>();
    private final Map<Path, Offered> offered = new ConcurrentHashMap<>();
    private volatile Context context;
    private volatile Lookup lookup = new Lookup();
    private final AtomicInteger reused = new AtomicInteger();

    /**
     * Starts a load whose questions are {@code byId} in {@code context}; returns the map the
     * topics' answers look questions up in. It is the last load's map, now holding these
     * questions, when the context is the same: the models given again read it too.
     */
    Map<String, QuestionDraft> start(Context now, Map<String, QuestionDraft> byId) {
        if (!now.equals(context)) {
            lookup = new Lookup();
            context = now;
        }
        lookup.questions = byId;
        reused.set(0);
        return lookup;
    }

    /**
     * The model of {@code draft} as the last load built it, its problems reported again, when
     * nothing it was built from changed; {@code null} when it must be built ({@link #topic}).
     */
    Optional<Topic> kept(TopicDraft draft, Map<QuestionDraft, List<QuestionDraft>> found, Problems problems) {
        Built last = built.get(draft.file());
        if (last == null || last.draft() != draft || last.context() != context || !last.ids().equals(ids(draft))
                || !last.related().equals(related(draft, found))) {
            return null;
        }
        reused.incrementAndGet();
        last.problems().forEach(problems::add);
        return last.topic();
    }

    /** The model of {@code draft}, made by {@code build}, which reports to the {@link Problems} given. */
    Optional<Topic> topic(TopicDraft draft, Map<QuestionDraft, List<QuestionDraft>> found, Problems problems,
                          Function<Problems, Optional<Topic>> build) {
        Problems own = new Problems();
        Built made = new Built(draft, ids(draft), related(draft, found), context, build.apply(own), own.all());
        built.put(draft.file(), made);
        made.problems().forEach(problems::add);
        return made.topic();
    }

    /**
     * The ids of the related questions found for each question of {@code draft} (a word changed
     * anywhere in the site may change them; the questions' own words are in the {@link Context}).
     */
    private static List<List<String>> related(TopicDraft draft, Map<QuestionDraft, List<QuestionDraft>> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        return draft.questions().stream()
                .map(q -> found.getOrDefault(q, List.of()).stream().map(QuestionDraft::id).toList())
                .toList();
    }

    /** Forgets the models of files not among {@code files} (deleted or renamed). */
    void keep(Set<Path> files) {
        built.keySet().retainAll(files);
        offered.keySet().retainAll(files);
    }

    /** How many models the current load gave again. */
    int reused() {
        return reused.get();
    }

    /** The questions by id, of the latest load that started with the same context. */
    private static final class Lookup extends AbstractMap<String, QuestionDraft> {
        private volatile Map<String, QuestionDraft> questions = new HashMap<>();

        @Override
        public QuestionDraft get(Object key) {
            return questions.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return questions.containsKey(key);
        }

        @Override
        public Set<Entry<String, QuestionDraft>> entrySet() {
            return questions.entrySet();
        }

        @Override
        public Set<String> keySet() {
            return questions.keySet();
        }
    }
}
