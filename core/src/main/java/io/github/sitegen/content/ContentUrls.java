package io.github.sitegen.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import io.github.sitegen.markdown.Text;
import io.github.sitegen.render.Urls;

/**
 * Relative URLs written in content (answers, summaries, the introduction and the footer; Markdown
 * and raw HTML; links and images) name files of the site from its root: {@code img/chart.png} is
 * the static folder's {@code img/chart.png}, {@code billing/} the billing topic, wherever the text
 * is shown. Each page that shows a text gets them rewritten for its depth; on a multilingual site,
 * static files are linked at the root of the whole site and pages inside the language's folder.
 * URLs that point at no file of the site, and URLs that look written for another site (a
 * {@code .md} file, a path that starts with {@code /} outside the base path, a {@code ../} that
 * leads above the root) are reported, once per text.
 */
final class ContentUrls {

    private static final int EXAMPLES = 3;

    private final Predicate<String> staticFile;
    private final boolean checkFiles;
    private final boolean inLanguageFolder;
    private final String basePath;
    private final Set<String> generated;

    /**
     * @param staticFile       whether a site path is a file (or folder) of the static folder;
     *                         {@code null} when the static folder is not known, so URLs that point
     *                         at no file are not looked for
     * @param inLanguageFolder whether the pages are in a language's folder of a multilingual site
     * @param baseUrl          the normalised base URL of the pages (the language's, on a multilingual site), or empty
     */
    ContentUrls(Predicate<String> staticFile, boolean inLanguageFolder, String baseUrl) {
        this.checkFiles = staticFile != null;
        this.staticFile = staticFile != null ? staticFile : path -> false;
        this.inLanguageFolder = inLanguageFolder;
        String pages = Urls.basePath(baseUrl);
        // Paths from the root of the host lead to the whole site's base path, above the language's folder.
        this.basePath = inLanguageFolder ? pages.replaceFirst("[^/]+/$", "") : pages;
        this.generated = Set.of(Urls.HOME, Urls.NOT_FOUND, Urls.FAQ_JSON, Urls.SITEMAP, Urls.ROBOTS, Urls.LLMS, Urls.LLMS_FULL,
                Urls.ALL);
    }

    /** A rewriter for one text shown on the page at {@code page}. */
    Rewriter on(String page) {
        Urls urls = Urls.relativeFrom(page).withRootFiles(staticFile);
        return new Rewriter(inLanguageFolder ? urls.inLanguageFolder() : urls);
    }

    /**
     * Rewrites the URLs of one text for one page, and remembers the site paths they lead to and
     * the ones that look written for another site.
     */
    static final class Rewriter implements UnaryOperator<String> {
        private final Urls urls;
        private final Set<String> targets = new LinkedHashSet<>();
        private final Set<String> markdownFiles = new LinkedHashSet<>();
        private final Set<String> outside = new LinkedHashSet<>();

        private Rewriter(Urls urls) {
            this.urls = urls;
        }

        @Override
        public String apply(String url) {
            if (url.isEmpty() || url.startsWith("#") || url.startsWith("?") || url.startsWith("//") || Urls.hasScheme(url)) {
                return url;
            }
            if (url.startsWith("/")) {
                outside.add(url);
                return url;
            }
            return Urls.resolve(url, Urls.HOME).map(sitePath -> {
                String path = Urls.withoutQueryOrFragment(sitePath);
                if (path.toLowerCase(Locale.ROOT).endsWith(".md")) {
                    markdownFiles.add(url);
                } else {
                    targets.add(path);
                }
                String link = urls.link(sitePath);
                return link.isEmpty() ? "./" : link;
            }).orElseGet(() -> {
                if (url.startsWith("../") || url.contains("/../")) {
                    outside.add(url); // above the root
                }
                return url; // or not a valid URL, which the renderer repairs or reports
            });
        }
    }

    /**
     * Reports what {@code rewriter} saw in the text at {@code file}, {@code at}: URLs that point at
     * no file of the site (with {@code topics}, the ids of its topics), and once each kind of URL
     * written for another site.
     */
    void report(Rewriter rewriter, Set<String> topics, Path file, Position at, Problems problems) {
        List<String> missing = new ArrayList<>();
        for (String path : rewriter.targets) {
            if (checkFiles && !exists(path, topics)) {
                missing.add(path);
            }
        }
        for (String url : rewriter.outside) {
            // A path from the host's root inside the base path names a file of this site: it must exist.
            if (checkFiles && !inLanguageFolder && url.startsWith(basePath)
                    && !exists(Urls.withoutQueryOrFragment(url.substring(basePath.length())), topics)) {
                missing.add(url);
            }
        }
        if (!missing.isEmpty()) {
            problems.warning(file, at, (missing.size() == 1 ? "a relative URL points" : missing.size()
                    + " relative URLs point") + " at no file of the site: " + examples(missing),
                    "relative URLs start at the site's root: put the file in the static folder (img/chart.png is"
                            + " <static folder>/img/chart.png), or link a topic by its id (billing/)");
        }
        if (!rewriter.markdownFiles.isEmpty()) {
            problems.warning(file, at, "links to Markdown files, which the site does not publish, look written for"
                    + " another site: " + examples(List.copyOf(rewriter.markdownFiles)),
                    "link the question instead (#question-id or topic-id#question-id), or the page's address on the web");
        }
        List<String> wrongRoot = rewriter.outside.stream().filter(url -> !url.startsWith(basePath) || url.startsWith("../"))
                .toList();
        if (!wrongRoot.isEmpty()) {
            problems.warning(file, at, "URLs that lead out of the site look"
                    + " written for another site: " + examples(wrongRoot), basePath.equals("/")
                    ? "write paths in the site without a leading / or ../, from the site's root: img/chart.png"
                    : "the site is served under " + basePath + ": write paths in the site from its root, without a"
                            + " leading / or ../, such as img/chart.png");
        }
    }

    /** Whether the site publishes something at the (still %-escaped) site path {@code path}. */
    private boolean exists(String path, Set<String> topics) {
        if (path.isEmpty() || generated.contains(path) || path.startsWith(Urls.ASSETS) || staticFile.test(path)) {
            return true;
        }
        String topic = path.endsWith("/" + Urls.HOME) ? path.substring(0, path.length() - Urls.HOME.length() - 1)
                : path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return topics.contains(topic) || topic.equals("maintainers");
    }

    private static String examples(List<String> urls) {
        List<String> shown = urls.stream().limit(EXAMPLES).map(url -> "'" + Text.abbreviate(url, 60) + "'").toList();
        return String.join(", ", shown) + (urls.size() > EXAMPLES ? " and " + (urls.size() - EXAMPLES) + " more" : "");
    }
}
