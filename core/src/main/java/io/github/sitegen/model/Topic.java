package io.github.sitegen.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.sitegen.problem.Problem;

/**
 * A group of questions: one YAML file, one page.
 *
 * @param id        the topic id, from the file name; also the page's folder name
 * @param title     the topic's title as plain text
 * @param summary   the optional summary, rendered from Markdown; empty when absent
 * @param homeSummary the summary as the home page shows it, below the topic's {@code <h2>}: its
 *                    highest heading is {@code <h3>} (in {@code summary}, shown below the topic
 *                    page's {@code <h1>}, it is {@code <h2>}); empty when absent
 * @param summaryText the summary as plain text; empty when absent
 * @param order     the sort key given in the file, or {@link Integer#MAX_VALUE} when absent
 * @param questions the questions in the order written, at least one
 * @param previousIds anchors the topic had before (such as the section anchor an old Maven site
 *                  published for an FML part), each kept as written; empty when there are none
 * @param previousPages paths from the site's root where the topic was published before ({@code billing/},
 *                  {@code faq.html}), each kept as written; each gets a page that sends readers on to
 *                  this one; empty when there are none
 * @param editUrl   the link that edits the topic's file (site.yaml's {@code editUrl}); empty when none
 */
public record Topic(String id, String title, Html summary, Html homeSummary, String summaryText, int order,
                    List<Question> questions, List<String> previousIds, List<String> previousPages, String editUrl) {

    public Topic {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(homeSummary, "homeSummary");
        Objects.requireNonNull(summaryText, "summaryText");
        questions = List.copyOf(questions);
        previousIds = List.copyOf(previousIds);
        previousPages = List.copyOf(previousPages);
        Objects.requireNonNull(editUrl, "editUrl");
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("a topic has at least one question");
        }
    }

    /**
     * This topic with every answer rendered, once; what rendering finds wrong goes to
     * {@code problems}.
     */
    public Topic rendered(Consumer<Problem> problems) {
        return withAnswers(question -> question.answer().render(problems));
    }

    /** This topic with each question's answer replaced by {@code answers}' for it. */
    public Topic withAnswers(Function<Question, Answer> answers) {
        List<Question> replaced = new ArrayList<>(questions.size());
        for (Question question : questions) {
            replaced.add(question.withAnswer(answers.apply(question)));
        }
        return new Topic(id, title, summary, homeSummary, summaryText, order, replaced, previousIds, previousPages, editUrl);
    }

    public int questionCount() {
        return questions.size();
    }
}
