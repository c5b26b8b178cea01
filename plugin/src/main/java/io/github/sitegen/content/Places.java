package io.github.sitegen.content;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the content puts everything a published link can point at, and where each is written: what
 * the check goal compares with a published site's {@code faq.json}.
 *
 * @param anchors every anchor on a topic page: question ids, their previous ids and topics'
 *                previous ids, each with the topic it is on and where its question (or topic) starts
 * @param topics  every topic, by id, with its file
 */
public record Places(Map<String, Place> anchors, Map<String, Place> topics) {

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
    }

    /** The places of {@code drafts}' anchors; draft questions only when {@code drafts} (a preview) publishes them. */
    static Places of(List<TopicDraft> topicDrafts, boolean drafts) {
        Map<String, Place> anchors = new LinkedHashMap<>();
        Map<String, Place> topics = new LinkedHashMap<>();
        for (TopicDraft topic : topicDrafts) {
            topics.put(topic.id(), place(topic, Position.START));
            topic.previousIds().forEach(item -> anchors.putIfAbsent(item.value(), topics.get(topic.id())));
            for (QuestionDraft question : topic.questions()) {
                if (question.id() != null && (!question.review().draft() || drafts)) {
                    Place at = place(topic, question.at());
                    anchors.putIfAbsent(question.id(), at);
                    question.previousIds().forEach(item -> anchors.putIfAbsent(item.value(), at));
                }
            }
        }
        return new Places(anchors, topics);
    }

    private static Place place(TopicDraft topic, Position at) {
        return new Place(topic.id(), topic.file(), at.line(), at.column());
    }
}
