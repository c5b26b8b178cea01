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
        this(problems, false);
    }

    private SiteGenException(List<Problem> problems, boolean strict) {
        super(summary(problems));
        if (strict ? problems.isEmpty() : problems.stream().noneMatch(Problem::isError)) {
            throw new IllegalArgumentException("a SiteGenException needs at least one error");
        }
        this.problems = problems.stream().sorted(Problem.READING_ORDER).toList();
    }

    /** The warnings of a build with {@code site-gen.strict} set, which fail it as errors would. */
    public static SiteGenException strict(List<Problem> warnings) {
        return new SiteGenException(warnings, true);
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
        if (errors == 0 && !problems.isEmpty()) {
            return "site-gen found " + problems.size() + (problems.size() == 1 ? " warning" : " warnings")
                    + ", and site-gen.strict is set";
        }
        return errors == 1 ? "site-gen found 1 error" : "site-gen found " + errors + " errors";
    }
}
