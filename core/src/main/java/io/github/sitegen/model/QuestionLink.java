package io.github.sitegen.model;

import java.util.Objects;

/**
 * A reference to a question from another place (a related question, a search result): enough to
 * show its text and form its URL.
 */
public record QuestionLink(String id, String topicId, String question) {

    public QuestionLink {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topicId, "topicId");
        Objects.requireNonNull(question, "question");
    }
}
