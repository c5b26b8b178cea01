package io.github.sitegen.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.sitegen.markdown.Text;

/**
 * A question as read from its file, with the positions later checks report at. Its id
 * is assigned once all files are read, because derived ids depend on every other id of the site.
 */
final class QuestionDraft {

    private final Path file;
    private final Position at;
    private final String topicId;
    private final String explicitId;
    private final Position idAt;
    private final String question;
    private final String answer;
    private final Position answerAt;
    private final List<String> tags;
    private final List<Fields.Item> related;
    private final boolean relatedGiven;
    private final List<Fields.Item> previousIds;
    private final boolean complete;
    private final Review review;
    private String id;

    /**
     * What a question says about its upkeep.
     *
     * @param aliases  other phrasings
     * @param reviewed when it was last checked, or {@code null}
     * @param owner    who keeps it up to date, or empty
     * @param draft    kept out of the published site
     */
    record Review(List<Fields.Item> aliases, LocalDate reviewed, String owner, boolean draft) {
    }

    /**
     * A question with these parts, as {@link #read} reads them or the build cache kept them.
     *
     * @param at           where its mapping starts
     * @param idAt         where its id is written ({@link Position#START} when it has none)
     * @param relatedGiven whether it names its related questions ({@link #relatedGiven()})
     */
    QuestionDraft(Path file, Position at, String topicId, String explicitId, Position idAt, String question, String answer,
                  Position answerAt, List<String> tags, List<Fields.Item> related, boolean relatedGiven,
                  List<Fields.Item> previousIds, boolean complete, Review review) {
        this.review = review;
        this.file = file;
        this.at = at;
        this.topicId = topicId;
        this.explicitId = explicitId;
        this.idAt = idAt;
        this.question = question;
        this.answer = answer;
        this.answerAt = answerAt;
        this.tags = tags;
        this.related = related;
        this.relatedGiven = relatedGiven;
        this.previousIds = previousIds;
        this.complete = complete;
    }

    /**
     * Reads one question mapping. A question that misses a required part is still returned, marked
     * incomplete (a problem says what is missing), so that its id takes part in the checks and links
     * to it do not cause further errors.
     */
    static QuestionDraft read(Path file, String topicId, Fields fields, Problems problems) {
        Optional<String> question = fields.requiredText("question", "add 'question: ...' with the question as plain text");
        Optional<String> answer = fields.requiredText("answer", "add 'answer: |' followed by the answer in Markdown");
        String explicitId = fields.text("id").map(String::strip).orElse(null);
        if (explicitId != null && !Ids.isQuestionId(explicitId)) {
            problems.error(file, fields.at("id"), "'" + explicitId + "' is not a valid question id: use lowercase"
                    + " letters and digits joined by '-'", "for example: id: " + Ids.derive(explicitId));
            explicitId = null;
        }
        List<String> tags = fields.textList("tags").stream().map(Fields.Item::value).distinct().toList();
        List<Fields.Item> related = fields.textList("related");
        List<Fields.Item> previousIds = previousIds(file, fields, problems);
        // Questions are plain text on one line; block scalars leave a trailing newline.
        String text = Text.oneLine(question.orElse(""));
        Review review = new Review(fields.textList("aliases"), fields.date("reviewed").orElse(null),
                fields.text("owner").map(String::strip).orElse(""), fields.bool("draft").orElse(false));
        return new QuestionDraft(file, Position.of(fields.node()), topicId, explicitId, Position.of(fields.at("id")), text,
                answer.orElse(""), Position.of(fields.at("answer")), tags, related, fields.given("related"), previousIds,
                question.isPresent() && answer.isPresent(), review);
    }

    Review review() {
        return review;
    }

    /** False when a required part is missing; such a question is never built. */
    boolean complete() {
        return complete;
    }

    void assign(String assigned) {
        this.id = assigned;
    }

    String position() {
        return file.getFileName() + ":" + at.line();
    }

    Path file() {
        return file;
    }

    Position at() {
        return at;
    }

    String topicId() {
        return topicId;
    }

    String explicitId() {
        return explicitId;
    }

    Position idAt() {
        return idAt;
    }

    String id() {
        return id;
    }

    String question() {
        return question;
    }

    Position answerAt() {
        return answerAt;
    }

    List<String> tags() {
        return tags;
    }

    List<Fields.Item> related() {
        return related;
    }

    /** Whether the question names its related questions, if only as {@code related: []}: then none are found for it. */
    boolean relatedGiven() {
        return relatedGiven;
    }

    String answer() {
        return answer;
    }

    /** Previous ids are old anchors, kept as written: any text an HTML id can be (no whitespace), without repeats. */
    static List<Fields.Item> previousIds(Path file, Fields fields, Problems problems) {
        List<Fields.Item> previousIds = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Fields.Item item : fields.textList("previousIds")) {
            if (item.value().chars().anyMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r')) {
                problems.error(file, item.at(), "previous id '" + item.value() + "' contains whitespace, which no anchor can",
                        "write the anchor exactly as it appears after # in the old link");
            } else if (seen.add(item.value())) {
                previousIds.add(item);
            }
        }
        return previousIds;
    }

    List<Fields.Item> previousIds() {
        return previousIds;
    }
}
