package io.github.sitegen.model;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.sitegen.problem.Problem;

/**
 * An answer, as trusted HTML and as plain text. The site's model holds each answer as its Markdown
 * ({@link #of}) and renders it when a page needs it: a build renders each topic's answers once,
 * next to the topic's page, so the whole site's HTML is never in memory at once.
 */
public sealed interface Answer permits Answer.Rendered, Answer.Markdown {

    /**
     * The answer rendered; what rendering finds wrong (raw HTML removed, a link that points
     * nowhere) goes to {@code problems}.
     */
    Rendered render(Consumer<Problem> problems);

    /** The answer as HTML. On an answer not yet rendered this renders it, and ignores its problems. */
    default Html html() {
        return render(problem -> { }).html();
    }

    /** The answer as plain text on one line. */
    default String text() {
        return render(problem -> { }).text();
    }

    /** An answer that {@code renderer} renders from its Markdown each time it is read. */
    static Answer of(Function<Consumer<Problem>, Rendered> renderer) {
        return new Markdown(renderer);
    }

    /** A rendered answer. */
    record Rendered(Html html, String text) implements Answer {
        public Rendered {
            Objects.requireNonNull(html, "html");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public Rendered render(Consumer<Problem> problems) {
            return this;
        }
    }

    /** An answer still in Markdown, with what renders it. */
    record Markdown(Function<Consumer<Problem>, Rendered> renderer) implements Answer {
        @Override
        public Rendered render(Consumer<Problem> problems) {
            return renderer.apply(problems);
        }
    }
}
