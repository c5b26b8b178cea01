package org.example.sitegen.content;

import java.nio.file.Path;
import java.util.List;

/** A topic as read from its file, before ids are resolved and Markdown is rendered. */
record TopicDraft(String id, Path file, Fields fields, String title, int order, List<QuestionDraft> questions) {
}
