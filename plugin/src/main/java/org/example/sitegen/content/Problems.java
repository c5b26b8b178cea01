package org.example.sitegen.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.example.sitegen.Problem;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one load, so that all of them are reported in one run. */
final class Problems {

    private final List<Problem> all = new ArrayList<>();

    void error(Path file, Node node, String message, String hint) {
        add(file, node == null ? null : node.getStartMark(), Problem.Severity.ERROR, message, hint);
    }

    void warning(Path file, Node node, String message, String hint) {
        add(file, node == null ? null : node.getStartMark(), Problem.Severity.WARNING, message, hint);
    }

    /** SnakeYAML marks are 0-based; problems are 1-based. */
    void add(Path file, Mark mark, Problem.Severity severity, String message, String hint) {
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        all.add(new Problem(file, line, column, severity, message, hint));
    }

    void add(Problem problem) {
        all.add(problem);
    }

    boolean hasErrors() {
        return all.stream().anyMatch(Problem::isError);
    }

    boolean hasErrorsFor(Path file) {
        return all.stream().anyMatch(p -> p.isError() && file.equals(p.file()));
    }

    List<Problem> all() {
        return List.copyOf(all);
    }
}
