package io.github.sitegen.fml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.sitegen.problem.Problem;

/**
 * What an import found: errors (nothing is written when there is one), warnings for everything
 * that could not be converted exactly, and notes on what was derived (ids, titles). A warning
 * repeated at the same position is kept once.
 */
final class Report {

    private final Set<Problem> problems = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();

    void error(Path file, int line, int column, String message, String hint) {
        problems.add(Problem.error(file, line, column, message, hint));
    }

    void error(Path file, Xml.Node node, String message, String hint) {
        error(file, node == null ? 0 : node.line(), node == null ? 0 : node.column(), message, hint);
    }

    void warning(Path file, Xml.Node node, String message, String hint) {
        problems.add(Problem.warning(file, node == null ? 0 : node.line(), node == null ? 0 : node.column(), message, hint));
    }

    void warning(Path file, int line, int column, String message, String hint) {
        problems.add(Problem.warning(file, line, column, message, hint));
    }

    void note(String message) {
        notes.add(message);
    }

    boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    List<Problem> problems() {
        return problems.stream().sorted(Problem.READING_ORDER).toList();
    }

    List<Problem> warnings() {
        return problems().stream().filter(p -> !p.isError()).toList();
    }

    List<String> notes() {
        return List.copyOf(notes);
    }
}
