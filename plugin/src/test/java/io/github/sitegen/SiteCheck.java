package io.github.sitegen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.github.sitegen.problem.Problem;
import io.github.sitegen.verify.SiteVerifier;

/**
 * The tests' short way to ask whether a generated site, served at a host's root, has a broken
 * link, anchor or asset, or an unreachable page: what {@code site-gen:verify} reports as errors.
 * Links authors wrote in answers are their own and only warnings there, so they do not count.
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
}
