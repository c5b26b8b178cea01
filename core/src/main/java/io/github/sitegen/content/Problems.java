package io.github.sitegen.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.sitegen.problem.Problem;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one load, so that all of them are reported in one run. Thread-safe. */
final class Problems {

    private final List<Problem> all = new ArrayList<>();

    void error(Path file, Node node, String message, String hint) {
        error(file, Position.of(node), message, hint);
    }

    void error(Path file, Position at, String message, String hint) {
        add(new Problem(file, at.line(), at.column(), Problem.Severity.ERROR, message, hint));
    }

    void warning(Path file, Position at, String message, String hint) {
        add(new Problem(file, at.line(), at.column(), Problem.Severity.WARNING, message, hint));
    }

    /** SnakeYAML marks are 0-based; problems are 1-based. */
    void add(Path file, Mark mark, Problem.Severity severity, String message, String hint) {
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        add(new Problem(file, line, column, severity, message, hint));
    }

    synchronized void add(Problem problem) {
        all.add(problem);
    }

    synchronized boolean hasErrors() {
        return all.stream().anyMatch(Problem::isError);
    }

    synchronized boolean hasErrorsFor(Path file) {
        return all.stream().anyMatch(p -> p.isError() && file.equals(p.file()));
    }

    synchronized List<Problem> all() {
        return List.copyOf(all);
    }
}
