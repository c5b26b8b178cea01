package io.github.sitegen.problem;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * One finding about the user's input, positioned at {@code file:line:column} (both 1-based; 0 when
 * unknown). Content, template and configuration problems all use this one type, so every message
 * the user sees has the same shape: {@code path/to/file.yaml:3:7: error: message (hint)}.
 */
public record Problem(Path file, int line, int column, Severity severity, String message, String hint) {

    /** How bad a problem is: errors fail the build, warnings are reported and the build goes on. */
    public enum Severity {
        ERROR, WARNING;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Reading order: by file, then line, then column; problems without a file first. */
    public static final Comparator<Problem> READING_ORDER = Comparator
            .comparing((Problem p) -> p.file() == null ? "" : p.file().toString().replace('\\', '/'))
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column);

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column are 1-based, or 0 when unknown");
        }
    }

    public static Problem error(Path file, int line, int column, String message, String hint) {
        return new Problem(file, line, column, Severity.ERROR, message, hint);
    }

    public static Problem warning(Path file, int line, int column, String message, String hint) {
        return new Problem(file, line, column, Severity.WARNING, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * The one-line form, {@code file:line:column: level: message (hint)}, with the file shown
     * relative to {@code base} when it lies below it.
     */
    public String format(Path base) {
        StringBuilder out = new StringBuilder();
        if (file != null) {
            out.append(display(file, base));
            if (line > 0) {
                out.append(':').append(line);
                if (column > 0) {
                    out.append(':').append(column);
                }
            }
            out.append(": ");
        }
        out.append(severity.label()).append(": ").append(message);
        if (hint != null && !hint.isEmpty()) {
            out.append(" (").append(hint).append(')');
        }
        return out.toString();
    }

    static String display(Path file, Path base) {
        if (!file.isAbsolute()) {
            return file.toString().replace('\\', '/'); // a name such as a built-in template's
        }
        Path absolute = file.toAbsolutePath().normalize();
        if (base != null) {
            Path root = base.toAbsolutePath().normalize();
            if (absolute.startsWith(root) && !absolute.equals(root)) {
                return root.relativize(absolute).toString().replace('\\', '/');
            }
        }
        return absolute.toString();
    }

    @Override
    public String toString() {
        return format(null);
    }
}
