package io.github.sitegen.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.sitegen.content.Places;
import io.github.sitegen.problem.Problem;

/**
 * Compares a published {@code faq.json} with the content: every page and anchor readers may have
 * a link to must still lead somewhere. A question that moved to another topic still does (the
 * site follows it); one that no question has, not even in {@code previousIds}, does not, and
 * neither does a page that no topic has or lists in {@code previousPages}. Each is an error at
 * the place to fix it, saying how.
 */
final class PublishedLinks {

    private final Baseline baseline;
    private final Places places;
    private final Path contentDirectory;
    private final List<Problem> problems = new ArrayList<>();
    /** Pages and anchors reported already: two published topics may have named the same. */
    private final Set<String> reported = new HashSet<>();

    private PublishedLinks(Baseline baseline, Places places, Path contentDirectory) {
        this.baseline = baseline;
        this.places = places;
        this.contentDirectory = contentDirectory;
    }

    /** The links of {@code published} that the content in {@code contentDirectory} would break. */
    static List<Problem> compare(PublishedFaq published, Baseline baseline, Places places, Path contentDirectory) {
        PublishedLinks links = new PublishedLinks(baseline, places, contentDirectory);
        published.topics().forEach(links::compare);
        return links.problems;
    }

    private void compare(PublishedFaq.Topic topic) {
        Optional<String> heir = heir(topic);
        List<String> pages = new ArrayList<>(List.of(topic.page()));
        pages.addAll(topic.previousPages());
        for (String page : pages) {
            if (!places.pages().containsKey(page) && reported.add("page " + page)) {
                problems.add(lostPage(page, topic, heir));
            }
        }
        // Where the topic's anchors are fixed: the topic at its page now, else the one that has most of its questions.
        Optional<String> home = Optional.ofNullable(places.pages().get(topic.page())).map(Places.Place::topicId)
                .or(() -> heir);
        for (String id : topic.previousIds()) {
            if (lost(id)) {
                problems.add(lostAnchor(id, "the anchor '" + id + "' of the topic \"" + topic.title() + "\"", topic,
                        home.map(places.topics()::get).orElse(null)));
            }
        }
        for (int i = 0; i < topic.questions().size(); i++) {
            PublishedFaq.Question question = topic.questions().get(i);
            List<String> ids = new ArrayList<>(List.of(question.id()));
            ids.addAll(question.previousIds());
            for (String id : ids) {
                if (lost(id)) {
                    String what = (id.equals(question.id()) ? "the question id '" + id + "'"
                            : "the anchor '" + id + "' (an earlier id of '" + question.id() + "')")
                            + (question.question().isEmpty() ? "" : " (\"" + question.question() + "\")");
                    int index = i;
                    problems.add(lostAnchor(id, what, topic,
                            home.map(now -> whereWas(topic.questions(), index, now)).orElse(null)));
                }
            }
        }
    }

    /** Whether no page has the anchor {@code id} now (reported once). */
    private boolean lost(String id) {
        return !places.anchors().containsKey(id) && reported.add("anchor " + id);
    }

    /** The topic that has most of {@code topic}'s published questions now, if any has one. */
    private Optional<String> heir(PublishedFaq.Topic topic) {
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        for (PublishedFaq.Question question : topic.questions()) {
            Places.Place place = places.anchors().get(question.id());
            if (place != null) {
                int count = counts.merge(place.topicId(), 1, Integer::sum);
                if (best == null || count > counts.get(best)) {
                    best = place.topicId();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private Problem lostPage(String page, PublishedFaq.Topic topic, Optional<String> heir) {
        String what = baseline.who() + " the page '" + page + "' (the topic \"" + topic.title() + "\"), and";
        if (heir.isPresent()) {
            Places.Place at = places.previousPagesOf(heir.get());
            return Problem.error(at.file(), at.line(), at.column(), what + " no page is there now: its questions are"
                    + " in this topic", "links to it would break: add '" + page + "' to this topic's previousPages");
        }
        return Problem.error(contentDirectory, 0, 0, what + " no topic has it or lists it in previousPages now",
                "links to it would break: restore the topic, or add '" + page + "' to the previousPages of the topic"
                        + " that replaces it");
    }

    private Problem lostAnchor(String id, String what, PublishedFaq.Topic topic, Places.Place at) {
        String message = baseline.who() + " " + what + " on " + topic.page() + ", and no question has it now";
        String hint = "links to it would break: add '" + id + "' to the previousIds of the question that replaces it,"
                + " or restore the question";
        return at == null ? Problem.error(contentDirectory, 0, 0, message, hint)
                : Problem.error(at.file(), at.line(), at.column(), message, hint);
    }

    /**
     * Where the lost question {@code index} of {@code published} was in the topic {@code now}, which
     * has its page: at the first question published after it that is there now, else at the last
     * one before it, else at the topic's start.
     */
    private Places.Place whereWas(List<PublishedFaq.Question> published, int index, String now) {
        List<PublishedFaq.Question> before = new ArrayList<>(published.subList(0, index));
        Collections.reverse(before);
        List<PublishedFaq.Question> neighbours = new ArrayList<>(published.subList(index + 1, published.size()));
        neighbours.addAll(before);
        for (PublishedFaq.Question neighbour : neighbours) {
            Places.Place place = places.anchors().get(neighbour.id());
            if (place != null && place.topicId().equals(now)) {
                return place;
            }
        }
        return places.topics().get(now);
    }
}
