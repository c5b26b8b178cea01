package io.github.sitegen.problem;

import java.util.List;

/**
 * The build cannot go on because of the user's input: content, templates or configuration. It
 * carries every problem found (errors and the warnings seen with them), in reading order, so a
 * single run reports them all. I/O failures are not this type; they stay {@link java.io.IOException}s.
 */
public final class SiteGenException extends Exception {

    private final List<Problem> problems;

    public SiteGenException(List<Problem> problems) {
        super(summary(problems));
        if (problems.stream().noneMatch(Problem::isError)) {
            throw new IllegalArgumentException("a SiteGenException needs at least one error");
        }
        this.problems = problems.stream().sorted(Problem.READING_ORDER).toList();
    }

    public static SiteGenException of(Problem problem) {
        return new SiteGenException(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    private static String summary(List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        return errors == 1 ? "site-gen found 1 error" : "site-gen found " + errors + " errors";
    }
}
