package io.github.sitegen.content;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.sitegen.render.Urls;

/**
 * Where the content puts everything a published link can point at, and where each is written: what
 * the check goal compares with a published site's {@code faq.json}.
 *
 * @param anchors every anchor on a topic page: question ids, their previous ids and topics'
 *                previous ids, each with the topic it is on and where its question (or topic) starts
 * @param topics  every topic, by id, at the start of its file
 * @param pages   every page that leads to a topic, as {@link Urls#page} names it: the topics' own pages
 *                (at the start of their files) and their {@code previousPages} (at their items)
 */
public record Places(Map<String, Place> anchors, Map<String, Place> topics, Map<String, Place> pages) {

    /**
     * One thing written in a topic file.
     *
     * @param topicId the topic it belongs to (whose page has it)
     * @param file    the topic file
     * @param line    1-based
     * @param column  1-based
     */
    public record Place(String topicId, Path file, int line, int column) {
    }

    public Places {
        anchors = Map.copyOf(anchors);
        topics = Map.copyOf(topics);
        pages = Map.copyOf(pages);
    }

    /** Where {@code topicId} lists its previous pages (the first one), else the start of its file. */
    public Place previousPagesOf(String topicId) {
        Place start = topics.get(topicId);
        return pages.values().stream().filter(place -> place.topicId().equals(topicId) && !place.equals(start))
                .min(Comparator.comparingInt(Place::line)).orElse(start);
    }

    /** The places of {@code drafts}' anchors; draft questions only when {@code drafts} (a preview) publishes them. */
    static Places of(List<TopicDraft> topicDrafts, boolean drafts) {
        Map<String, Place> anchors = new LinkedHashMap<>();
        Map<String, Place> topics = new LinkedHashMap<>();
        Map<String, Place> pages = new LinkedHashMap<>();
        for (TopicDraft topic : topicDrafts) {
            Place start = place(topic, Position.START);
            topics.put(topic.id(), start);
            pages.put(Urls.page(Urls.topicPath(topic.id())), start);
        }
        for (TopicDraft topic : topicDrafts) {
            Place start = topics.get(topic.id());
            topic.previousPages().forEach(item -> pages.putIfAbsent(Urls.previousPage(item.value()), place(topic, item.at())));
            topic.previousIds().forEach(item -> anchors.putIfAbsent(item.value(), start));
            for (QuestionDraft question : topic.questions()) {
                if (question.id() != null && (!question.review().draft() || drafts)) {
                    Place at = place(topic, question.at());
                    anchors.putIfAbsent(question.id(), at);
                    question.previousIds().forEach(item -> anchors.putIfAbsent(item.value(), at));
                }
            }
        }
        return new Places(anchors, topics, pages);
    }

    private static Place place(TopicDraft topic, Position at) {
        return new Place(topic.id(), topic.file(), at.line(), at.column());
    }
}
