package io.github.sitegen.check;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;
import io.github.sitegen.render.Urls;

/**
 * The {@code faq.json} a change is compared with, so that no link readers already have breaks:
 * the published site's ({@code site-gen.baseline}, a file or an https URL), or else the previous
 * build's in the output folder. A multilingual site is compared language by language, with the
 * {@code faq.json} in each language's folder beside the one named ({@code de/faq.json}).
 */
final class Baseline {

    /** The value the user gave, as given; empty for the previous build. */
    private final String named;
    private final Path file;
    private final URI url;
    private final Fetch fetch;

    private Baseline(String named, Path file, URI url, Fetch fetch) {
        this.named = named;
        this.file = file;
        this.url = url;
        this.fetch = fetch;
    }

    /** Named by the user: a missing or broken file is an error; else (the previous build) a warning at most. */
    private boolean required() {
        return !named.isEmpty();
    }

    /** The previous build's faq.json in {@code outputDirectory}, if there is one. */
    static Baseline previousBuild(Path outputDirectory) {
        return new Baseline("", outputDirectory.resolve(Urls.FAQ_JSON), null, Fetch.DEFAULT);
    }

    /**
     * The baseline the user named: a file (a relative path is resolved against {@code base}), a
     * folder that holds a faq.json, or an https URL of a faq.json or of the site (ending in
     * {@code /}); http only to a loopback address, such as a test server.
     *
     * @throws SiteGenException when the value names a URL site-gen does not fetch
     */
    static Baseline of(String value, Path base, Fetch fetch) throws SiteGenException {
        String named = value.strip();
        int scheme = named.indexOf("://");
        if (scheme < 0) {
            Path path = base == null ? Path.of(named) : base.resolve(named);
            return new Baseline(named, Files.isDirectory(path) ? path.resolve(Urls.FAQ_JSON) : path, null, fetch);
        }
        try {
            URI uri = new URI(named);
            String protocol = named.substring(0, scheme).toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw invalid(named, "is not the URL of a file: it needs a host, and has no query or fragment");
            }
            if (!protocol.equals("https") && !(protocol.equals("http") && Fetch.isLoopback(uri.getHost()))) {
                throw invalid(named, "is not an https URL (plain http is accepted only for a loopback address,"
                        + " such as a local test server)");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            // The site's address, as a folder: its faq.json.
            boolean site = path.isEmpty() || path.endsWith("/");
            return new Baseline(named, null, site ? new URI(named + (path.isEmpty() ? "/" : "") + Urls.FAQ_JSON) : uri, fetch);
        } catch (URISyntaxException e) {
            throw invalid(named, "is not a valid URL: " + e.getReason());
        }
    }

    private static SiteGenException invalid(String value, String what) {
        return SiteGenException.of(Problem.error(null, 0, 0, "site-gen.baseline " + value + " " + what,
                "give the faq.json of the published site: its https URL, such as https://owner.github.io/repo/faq.json,"
                        + " or a downloaded copy"));
    }

    /** What is compared with: "the previous build's faq.json", "the published site's faq.json (https://…)". */
    String name() {
        return required() ? "the published site's faq.json (" + named + ")" : "the previous build's faq.json";
    }

    /** How messages start to say what readers have: "the published site has", "the previous build published". */
    String who() {
        return required() ? "the published site has" : "the previous build published";
    }

    /** How messages about the file itself name it (with its URL when it has no path). */
    private String setting() {
        return required() ? "site-gen.baseline" : "the previous build's faq.json";
    }

    /**
     * The published faq.json of each language folder in {@code folders} ({@code ""}: the site
     * itself, the file named), by folder; what cannot be read is reported to {@code problems}. A
     * language the published site does not have yet is a warning, unless no language has one.
     */
    Map<String, PublishedFaq> read(List<String> folders, List<Problem> problems) {
        Map<String, PublishedFaq> found = new LinkedHashMap<>();
        List<Where> missing = new ArrayList<>();
        for (String folder : folders) {
            Where where = where(folder);
            Optional<byte[]> bytes;
            try {
                bytes = where.path() != null ? fetch.file(where.path()) : fetch.url(where.url());
            } catch (Fetch.Failed e) {
                problems.add(problem(where.path(), 0, 0, where.shown() + " " + e.getMessage()));
                continue;
            }
            if (bytes.isEmpty()) {
                missing.add(where);
                continue;
            }
            try {
                Reader json = new InputStreamReader(new ByteArrayInputStream(bytes.get()), StandardCharsets.UTF_8);
                found.put(folder, PublishedFaq.parse(json, fetch.maxBytes()));
            } catch (PublishedFaq.Invalid e) {
                problems.add(problem(where.path(), e.line(), e.column(), where.shown() + " " + e.getMessage()));
            }
        }
        if (required()) {
            boolean none = missing.size() == folders.size();
            for (Where where : missing) {
                problems.add(none
                        ? Problem.error(where.path(), 0, 0, where.shown() + " does not exist, so published links"
                                + " cannot be compared", "give the faq.json of the published site; a site that was"
                                + " never published has none: then leave site-gen.baseline empty")
                        : Problem.warning(where.path(), 0, 0, where.shown() + " does not exist: that language was"
                                + " not published yet, so it has no links to compare", null));
            }
        }
        return found;
    }

    /** The faq.json of one language folder: a file, or else a URL. */
    private record Where(Path path, URI url, String shown) {
    }

    /** The faq.json of {@code folder}, beside the one named; messages name a file by its position, a URL in the text. */
    private Where where(String folder) {
        String sibling = folder + "/" + Urls.FAQ_JSON;
        if (file != null) {
            return new Where(folder.isEmpty() ? file : file.resolveSibling(sibling), null, setting());
        }
        URI uri = folder.isEmpty() ? url : url.resolve(sibling);
        return new Where(null, uri, setting() + " " + uri);
    }

    private Problem problem(Path path, int line, int column, String message) {
        return required() ? Problem.error(path, line, column, message, "give the faq.json a site-gen build published")
                : Problem.warning(path, line, column, message + ", so published links are not compared", null);
    }
}
