package io.github.sitegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;

/**
 * The properties every fuzz target checks (see docs/fuzzing.md): an input either succeeds or fails
 * with a {@link SiteGenException} whose errors are positioned, and what it writes stays within a
 * bounded multiple of its size.
 */
public final class FuzzProperties {

    private FuzzProperties() {
    }

    /** A new temporary folder for one fuzz target's files, named after it. */
    public static Path temporaryFolder(String target) {
        try {
            return Files.createTempDirectory("site-gen-fuzz-" + target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails unless every error of {@code e} names a file and, when it is about {@code input} (a file
     * with line structure), a line. {@code unpositioned} accepts the errors that are about the whole
     * file and have nothing in it to point at (such as an empty topic file).
     */
    public static void assertPositioned(SiteGenException e, Path input, Predicate<Problem> unpositioned) {
        for (Problem problem : e.errors()) {
            if (problem.file() == null) {
                throw new AssertionError("an error without a file: " + problem, e);
            }
            if (problem.file().equals(input) && problem.line() == 0 && !unpositioned.test(problem)) {
                throw new AssertionError("an error in the fuzzed file without a line: " + problem, e);
            }
        }
    }

    /** Fails when {@code output} bytes exceed {@code factor × input + constant}. */
    public static void assertBounded(long output, long input, long factor, long constant, String what) {
        if (output > factor * input + constant) {
            throw new AssertionError(what + ": " + output + " bytes of output from " + input + " bytes of input, more than "
                    + factor + " × input + " + constant);
        }
    }

    /** The bytes of every regular file below {@code folder} (0 when it does not exist). */
    public static long size(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    /** Deletes {@code folder} and everything in it, if it exists. */
    public static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Whether {@code bytes} contains {@code needle} (ASCII). */
    public static boolean contains(byte[] bytes, String needle) {
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains(needle);
    }

    public static boolean containsByte(byte[] bytes, int value) {
        for (byte b : bytes) {
            if ((b & 0xFF) == value) {
                return true;
            }
        }
        return false;
    }
}
