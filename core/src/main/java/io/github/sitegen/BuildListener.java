package io.github.sitegen;

import io.github.sitegen.problem.Problem;

/**
 * Where the core reports progress and warnings. The Maven adapter sends these to Maven's log; tests
 * collect them. The core never logs any other way.
 */
public interface BuildListener {

    void info(String message);

    void warning(Problem problem);

    /** A listener that drops everything. */
    BuildListener SILENT = new BuildListener() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warning(Problem problem) {
        }
    };
}
