package io.github.sitegen.content;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import io.github.sitegen.problem.Binary;

/**
 * A topic file's draft in the form the build cache keeps it ({@link ContentLoader.Memo#saved}):
 * its plain values and positions, each list as its size and items, each text as
 * {@link Binary#text}. Reading gives an {@link IOException} (or a runtime exception, which the
 * caller takes as the same) for bytes that are not such a draft.
 */
final class DraftCodec {

    private DraftCodec() {
    }

    static void write(DataOutputStream out, TopicDraft topic) throws IOException {
        Binary.text(out, topic.id());
        Binary.text(out, topic.title());
        out.writeInt(topic.order());
        Binary.text(out, topic.summary());
        position(out, topic.summaryAt());
        Binary.text(out, topic.reviewEvery() == null ? null : topic.reviewEvery().toString());
        out.writeInt(topic.questions().size());
        for (QuestionDraft question : topic.questions()) {
            question(out, question);
        }
        items(out, topic.previousIds());
        items(out, topic.previousPages());
    }

    static TopicDraft read(DataInputStream in, Path file) throws IOException {
        String id = Binary.text(in);
        String title = Binary.text(in);
        int order = in.readInt();
        String summary = Binary.text(in);
        Position summaryAt = position(in);
        String reviewEvery = Binary.text(in);
        List<QuestionDraft> questions = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            questions.add(question(in, file, id));
        }
        return new TopicDraft(id, file, title, order, summary, summaryAt,
                reviewEvery == null ? null : Period.parse(reviewEvery), questions, items(in), items(in));
    }

    private static void question(DataOutputStream out, QuestionDraft question) throws IOException {
        position(out, question.at());
        Binary.text(out, question.explicitId());
        position(out, question.idAt());
        Binary.text(out, question.question());
        Binary.text(out, question.answer());
        position(out, question.answerAt());
        out.writeInt(question.tags().size());
        for (String tag : question.tags()) {
            Binary.text(out, tag);
        }
        items(out, question.related());
        out.writeBoolean(question.relatedGiven());
        items(out, question.previousIds());
        out.writeBoolean(question.complete());
        QuestionDraft.Review review = question.review();
        items(out, review.aliases());
        Binary.text(out, review.reviewed() == null ? null : review.reviewed().toString());
        Binary.text(out, review.owner());
        out.writeBoolean(review.draft());
    }

    private static QuestionDraft question(DataInputStream in, Path file, String topicId) throws IOException {
        Position at = position(in);
        String explicitId = Binary.text(in);
        Position idAt = position(in);
        String question = Binary.text(in);
        String answer = Binary.text(in);
        Position answerAt = position(in);
        List<String> tags = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            tags.add(Binary.text(in));
        }
        List<Fields.Item> related = items(in);
        boolean relatedGiven = in.readBoolean();
        List<Fields.Item> previousIds = items(in);
        boolean complete = in.readBoolean();
        List<Fields.Item> aliases = items(in);
        String reviewed = Binary.text(in);
        QuestionDraft.Review review = new QuestionDraft.Review(aliases, reviewed == null ? null : LocalDate.parse(reviewed),
                Binary.text(in), in.readBoolean());
        return new QuestionDraft(file, at, topicId, explicitId, idAt, question, answer, answerAt, List.copyOf(tags), related,
                relatedGiven, previousIds, complete, review);
    }

    private static void items(DataOutputStream out, List<Fields.Item> items) throws IOException {
        out.writeInt(items.size());
        for (Fields.Item item : items) {
            Binary.text(out, item.value());
            position(out, item.at());
        }
    }

    private static List<Fields.Item> items(DataInputStream in) throws IOException {
        List<Fields.Item> items = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            items.add(new Fields.Item(Binary.text(in), position(in)));
        }
        return List.copyOf(items);
    }

    private static void position(DataOutputStream out, Position at) throws IOException {
        out.writeInt(at.line());
        out.writeInt(at.column());
    }

    private static Position position(DataInputStream in) throws IOException {
        int line = in.readInt();
        int column = in.readInt();
        if (line < 0 || column < 0) {
            throw new IOException("not a position: " + line + ":" + column);
        }
        return new Position(line, column);
    }
}
