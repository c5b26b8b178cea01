package io.github.sitegen.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One question and its answer.
 *
 * @param id         the anchor, unique across the site
 * @param topicId    the id of the topic this question belongs to
 * @param question   the question as plain text
 * @param answer     the answer: its Markdown, or once its topic is rendered, its HTML and text
 * @param tags       free-form labels, in the order written
 * @param related    other questions this one points to, in the order written
 * @param previousIds anchors this question had before (such as an old site's), each kept as written;
 *                    none is the id of a question
 * @param aliases    other phrasings of the question, for search and duplicate checks
 * @param reviewed   when the answer was last checked, or {@code null}
 * @param owner      who keeps the answer up to date, or empty
 * @param draft      whether the question is a draft (only in previews)
 * @param reviewDue  when the next review is due, or {@code null} when no review interval applies
 * @param overdue    whether the review is overdue (or the answer was never reviewed under an interval)
 */
public record Question(String id, String topicId, String question, Answer answer,
                       List<String> tags, List<QuestionLink> related, List<String> previousIds,
                       List<String> aliases, LocalDate reviewed, String owner, boolean draft, LocalDate reviewDue,
                       boolean overdue) {

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topicId, "topicId");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        tags = List.copyOf(tags);
        related = List.copyOf(related);
        previousIds = List.copyOf(previousIds);
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(owner, "owner");
    }

    /** The answer as plain text on one line (for descriptions and machine-readable output). */
    public String answerText() {
        return answer.text();
    }

    /** This question with {@code answer} instead of its own. */
    public Question withAnswer(Answer answer) {
        return new Question(id, topicId, question, answer, tags, related, previousIds, aliases, reviewed, owner, draft,
                reviewDue, overdue);
    }

    /** A reference to this question, for links from elsewhere. */
    public QuestionLink link() {
        return new QuestionLink(id, topicId, question);
    }
}
