package io.github.sitegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.sitegen.problem.Problem;
import io.github.sitegen.verify.SiteVerifier;
import nu.validator.client.EmbeddedValidator;

/**
 * The tests' short ways to check a generated site: whether, served at a host's root, it has a
 * broken link, anchor or asset, or an unreachable page (what {@code site-gen:verify} reports as
 * errors; links authors wrote in answers are only warnings there, so they do not count), and
 * whether every page passes the Nu HTML Checker.
 */
public final class SiteCheck {

    private SiteCheck() {
    }

    /** The errors verify finds, one line each; empty when every link resolves. */
    public static List<String> brokenLinks(Path site) throws IOException {
        return new SiteVerifier(site, "", false).verify().problems().stream()
                .filter(Problem::isError)
                .map(problem -> problem.format(site))
                .toList();
    }

    /**
     * Fails unless every page of {@code site} passes the Nu HTML Checker, listing each error. The
     * checker's schema code recurses deeply: it runs on a thread with a large stack, as a JVM with
     * C1 only (the project's {@code .mvn/jvm.config}, where an invoker test runs this) overflows 1 MB.
     */
    public static void assertValidHtml(Path site) throws Exception {
        List<String> errors = new ArrayList<>();
        Exception[] failure = new Exception[1];
        Thread checker = new Thread(null, () -> {
            try {
                errors.addAll(validationErrors(site));
            } catch (Exception e) {
                failure[0] = e;
            }
        }, "nu-html-checker", 256L << 20);
        checker.start();
        checker.join();
        if (failure[0] != null) {
            throw failure[0];
        }
        assertEquals(List.of(), errors);
    }

    private static List<String> validationErrors(Path site) throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        validator.setForceHTML(true);
        List<String> errors = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                for (String line : validator.validate(file).split("\\R")) {
                    if (line.contains(": error:") || line.contains(": fatal:")) {
                        errors.add(site.relativize(file) + " " + line);
                    }
                }
            }
        }
        return errors;
    }
}
