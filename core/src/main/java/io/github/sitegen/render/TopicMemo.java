package io.github.sitegen.render;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

import io.github.sitegen.model.Topic;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;

/**
 * What an earlier build made of each topic (its page, its parts of the site-wide files and the
 * problems its answers had), replayed instead of rendered again when nothing it was made from has
 * changed. {@link #NONE} renders every topic. The build cache ({@code io.github.sitegen.cache})
 * implements it.
 */
public interface TopicMemo {

    /** The work on one topic: writes its files to {@code sink}, reports to {@code problems}, returns its parts. */
    @FunctionalInterface
    interface Task {
        byte[][] run(SiteRenderer.Sink sink, Consumer<Problem> problems) throws SiteGenException, IOException;
    }

    /**
     * The site's topics as templates see them: a memo that replays a topic's page must know when a
     * template read another topic's answers, which are not part of that topic's inputs.
     */
    List<Topic> shown(List<Topic> topics);

    /** The result of {@code task} for the topic at {@code index}: remembered, or run (on any thread). */
    byte[][] topic(int index, Topic topic, SiteRenderer.Sink sink, Consumer<Problem> problems, Task task)
            throws SiteGenException, IOException;

    /** The work on a page made from the whole site: writes its files to {@code sink}. */
    @FunctionalInterface
    interface PageTask {
        void run(SiteRenderer.Sink sink) throws SiteGenException, IOException;
    }

    /** The home page: remembered, or rendered by {@code task}; rendered unless a memo says otherwise. */
    default void home(SiteRenderer.Sink sink, PageTask task) throws SiteGenException, IOException {
        task.run(sink);
    }

    /** Renders every topic. */
    TopicMemo NONE = new TopicMemo() {
        @Override
        public List<Topic> shown(List<Topic> topics) {
            return topics;
        }

        @Override
        public byte[][] topic(int index, Topic topic, SiteRenderer.Sink sink, Consumer<Problem> problems, Task task)
                throws SiteGenException, IOException {
            return task.run(sink, problems);
        }
    };
}
