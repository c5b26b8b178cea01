package io.github.sitegen.maven;

import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.logging.Log;
import io.github.sitegen.BuildListener;
import io.github.sitegen.problem.Problem;

/**
 * Sends the core's reports to Maven's log: errors as {@code [ERROR]}, warnings as {@code [WARNING]},
 * each {@code file:line:column: level: message}, with files shown relative to the project folder.
 */
record ProblemLog(Log log, Path base) implements BuildListener {

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warning(Problem problem) {
        log.warn(problem.format(base));
    }

    void report(List<Problem> problems) {
        for (Problem problem : problems) {
            if (problem.isError()) {
                log.error(problem.format(base));
            } else {
                warning(problem);
            }
        }
    }
}
