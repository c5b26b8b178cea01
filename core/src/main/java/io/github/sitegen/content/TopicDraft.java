package io.github.sitegen.content;

import java.nio.file.Path;
import java.time.Period;
import java.util.List;

/**
 * A topic as read from its file, before ids are resolved and Markdown is rendered.
 *
 * @param summary   the summary's Markdown, or {@code null}
 * @param summaryAt where the summary was written
 * @param reviewEvery how often the topic's answers are to be reviewed, or {@code null}
 * @param previousIds anchors the topic had before, without repeats
 * @param previousPages paths from the site's root the topic was published at before, well-formed, without repeats
 */
record TopicDraft(String id, Path file, String title, int order, String summary, Position summaryAt,
                  Period reviewEvery, List<QuestionDraft> questions, List<Fields.Item> previousIds,
                  List<Fields.Item> previousPages) {
}
