package org.example.sitegen.model;

import java.util.List;
import java.util.Objects;

/**
 * One question and its answer.
 *
 * @param id         the anchor, unique across the site
 * @param topicId    the id of the topic this question belongs to
 * @param question   the question as plain text
 * @param answer     the answer, rendered from Markdown
 * @param answerText the answer as plain text (for descriptions and machine-readable output)
 * @param tags       free-form labels, in the order written
 * @param related    other questions this one points to, in the order written
 * @param previousIds anchors this question had before (such as an old site's), each kept as written;
 *                    none is the id of a question
 */
public record Question(String id, String topicId, String question, Html answer, String answerText,
                       List<String> tags, List<QuestionLink> related, List<String> previousIds) {

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topicId, "topicId");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(answerText, "answerText");
        tags = List.copyOf(tags);
        related = List.copyOf(related);
        previousIds = List.copyOf(previousIds);
    }

    /** A reference to this question, for links from elsewhere. */
    public QuestionLink link() {
        return new QuestionLink(id, topicId, question);
    }
}
