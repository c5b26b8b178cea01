package io.github.sitegen.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import io.github.sitegen.markdown.MarkdownRenderer;
import io.github.sitegen.model.QuestionLink;
import io.github.sitegen.model.Topic;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;

/**
 * The one place that forms URLs. Every page and file has a <em>site path</em>: relative to the
 * site's root, lowercase, without a leading slash ({@code index.html}, {@code ukraine/index.html},
 * {@code assets/site-gen.css}). Links between pages are relative, so one output works at a host's
 * root, under {@code /<repo>/} and from disk; only pages that can be served at any depth (the 404
 * page) use links that start with the base path.
 */
public final class Urls {

    public static final String HOME = "index.html";
    public static final String NOT_FOUND = "404.html";
    public static final String FAQ_JSON = "faq.json";
    public static final String SITEMAP = "sitemap.xml";
    public static final String ROBOTS = "robots.txt";
    /** The site for AI assistants and tools (llmstxt.org), and every question and answer in one Markdown file. */
    public static final String LLMS = "llms.txt";
    public static final String LLMS_FULL = "llms-full.txt";
    /** The map of every question id, and every previous page, to the topic page that has it now. */
    public static final String LINKS = "links.js";
    /** The page with every question and answer: a file at the root, so no topic id (a folder) can take its name. */
    public static final String ALL = "all.html";

    private final String from;
    private final String absolutePrefix;
    private final String up;
    /** The way to the root of the whole site, above a language's folder: where static files are. */
    private final String root;
    /** Site paths published at the root of the whole site: the static folder's files. */
    private final Predicate<String> rootFiles;

    private Urls(String from, String absolutePrefix, String root, Predicate<String> rootFiles) {
        this.from = from;
        this.absolutePrefix = absolutePrefix;
        this.up = "../".repeat(depth(from));
        this.root = root != null ? root : this.up;
        this.rootFiles = rootFiles;
    }

    /** Links from the page at {@code sitePath}, relative to it. */
    public static Urls relativeFrom(String sitePath) {
        return new Urls(sitePath, null, null, path -> false);
    }

    /** Links that start with the base path of {@code baseUrl} ({@code /} when there is none). */
    public static Urls absolute(String baseUrl) {
        return new Urls("", basePath(baseUrl), basePath(baseUrl), path -> false);
    }

    /** Links into {@code folder} (a language's), below the base path of {@code baseUrl}. */
    public static Urls absolute(String baseUrl, String folder) {
        return new Urls("", basePath(baseUrl) + folder + "/", basePath(baseUrl), path -> false);
    }

    /**
     * These links, for a page of a language's folder of a multilingual site: site paths stay in the
     * language's folder, {@link #fromRoot} goes one folder further up.
     */
    public Urls inLanguageFolder() {
        return absolutePrefix != null ? this : new Urls(from, null, up + "../", rootFiles);
    }

    /**
     * These links, knowing which site paths (without query or fragment) are files of the static
     * folder: on a multilingual site those are linked at the root of the whole site, where the
     * static folder is published once, rather than in the language's folder.
     */
    public Urls withRootFiles(Predicate<String> staticFiles) {
        return new Urls(from, absolutePrefix, root, staticFiles);
    }

    /**
     * The link from this page to {@code sitePath} taken from the root of the whole site (above the
     * language folders of a multilingual site), where the static folder's files are published.
     */
    public String fromRoot(String sitePath) {
        return root + sitePath;
    }

    public static String topicPath(String topicId) {
        return topicId + "/index.html";
    }

    public static String topicPath(Topic topic) {
        return topicPath(topic.id());
    }

    /** A topic's Markdown, beside its page. */
    public static String topicMarkdownPath(Topic topic) {
        return topic.id() + "/index.md";
    }

    public static String questionPath(QuestionLink question) {
        return questionPath(question.topicId(), question.id());
    }

    public static String questionPath(String topicId, String questionId) {
        return topicPath(topicId) + "#" + questionId;
    }

    /**
     * The file a topic's previous page ({@code billing/}, {@code billing}, {@code faq.html}) is
     * written to: a folder's {@code index.html}, which hosts serve at {@code billing/} (and
     * redirect {@code billing} to), or the {@code .html} file named.
     */
    public static String previousPageFile(String previousPage) {
        if (previousPage.endsWith("/")) {
            return previousPage + HOME;
        }
        String last = previousPage.substring(previousPage.lastIndexOf('/') + 1);
        return last.indexOf('.') >= 0 ? previousPage : previousPage + "/" + HOME;
    }

    /**
     * A previous page as published data names it ({@link #page}): {@code billing/} for
     * {@code billing} and {@code billing/}, {@code faq.html} for {@code faq.html}.
     */
    public static String previousPage(String written) {
        return page(previousPageFile(written));
    }

    /** Where the theme's assets are: at the root of the whole site, once for every language. */
    public static final String ASSETS = "assets/";

    /**
     * The link from this page to {@code sitePath} (which may end in {@code #fragment}). The theme's
     * assets ({@code assets/...}) are linked at the root of the whole site, above a language's folder.
     */
    public String link(String sitePath) {
        if (sitePath.startsWith(ASSETS) || rootFiles.test(withoutQueryOrFragment(sitePath))) {
            return fromRoot(sitePath);
        }
        if (absolutePrefix != null) {
            return absolutePrefix + sitePath;
        }
        int hash = sitePath.indexOf('#');
        String path = hash < 0 ? sitePath : sitePath.substring(0, hash);
        if (hash >= 0 && path.equals(from)) {
            return sitePath.substring(hash); // a fragment on the same page
        }
        return up + sitePath;
    }

    /**
     * A relative URL written for the page at {@code writtenFor}, as the page at {@code shownOn}
     * must write it to reach the same place: {@code #pay} and {@code img/chart.png} in a footer
     * written for the home page become {@code ../index.html#pay} and {@code ../img/chart.png} on a
     * topic page. Absolute URLs, URLs with a scheme, and URLs that lead out of the site are
     * returned unchanged.
     */
    public static String rebase(String url, String writtenFor, String shownOn) {
        return writtenFor.equals(shownOn) ? url : rebase(url, writtenFor, relativeFrom(shownOn));
    }

    /**
     * A relative URL written for the page at {@code writtenFor}, as a page whose links {@code shownWith}
     * forms must write it (relative for most pages, absolute for the 404 page).
     */
    public static String rebase(String url, String writtenFor, Urls shownWith) {
        return resolve(url, writtenFor).map(shownWith::link).map(link -> link.isEmpty() ? "./" : link).orElse(url);
    }

    /**
     * The site path (with its query and fragment) that a relative URL written for the page at
     * {@code writtenFor} leads to; empty for a URL with a scheme, one that starts with {@code /},
     * {@code ?} or nothing, one that leads out of the site, and one that is not a valid URL.
     */
    public static Optional<String> resolve(String url, String writtenFor) {
        if (url.isEmpty() || url.startsWith("/") || url.startsWith("?") || hasScheme(url)) {
            return Optional.empty();
        }
        URI resolved;
        try {
            resolved = new URI("https", "site-gen.invalid", "/" + writtenFor, null).resolve(new URI(MarkdownRenderer.validUrl(url)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String path = resolved.getRawPath();
        if (path == null || !path.startsWith("/") || path.startsWith("/../") || path.equals("/..")) {
            return Optional.empty();
        }
        String sitePath = path.substring(1); // a folder ("", "start/") stays a folder
        return Optional.of(sitePath + (resolved.getRawQuery() == null ? "" : "?" + resolved.getRawQuery())
                + (resolved.getRawFragment() == null ? "" : "#" + resolved.getRawFragment()));
    }

    /** Whether {@code url} starts with a scheme ({@code https:}, {@code mailto:}, {@code data:}...). */
    public static boolean hasScheme(String url) {
        return url.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*:.*");
    }

    /** A site path without what follows its first {@code ?} or {@code #}. */
    public static String withoutQueryOrFragment(String sitePath) {
        int end = sitePath.length();
        for (int i = 0; i < sitePath.length(); i++) {
            char c = sitePath.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        return sitePath.substring(0, end);
    }

    /**
     * The canonical absolute URL of a page: the base URL plus the page's clean path (a folder's
     * {@code index.html} is dropped, as GitHub Pages serves it there). Empty without a base URL.
     */
    public static String canonical(String baseUrl, String sitePath) {
        if (baseUrl.isEmpty()) {
            return "";
        }
        return baseUrl + page(sitePath);
    }

    /**
     * A page's clean path, as published data names it ({@code faq.json}'s {@code page}): its site
     * path without a folder's {@code index.html} ({@code billing/}; the home page is empty).
     */
    public static String page(String sitePath) {
        return sitePath.equals(HOME) ? "" : sitePath.endsWith("/" + HOME)
                ? sitePath.substring(0, sitePath.length() - HOME.length()) : sitePath;
    }

    /**
     * How a page or question is named in published data (feeds, {@code faq.json}, structured data):
     * its canonical absolute URL, with the fragment kept, or its site path when there is no base URL.
     */
    public static String published(String baseUrl, String sitePath) {
        if (baseUrl.isEmpty()) {
            return sitePath;
        }
        int hash = sitePath.indexOf('#');
        return hash < 0 ? canonical(baseUrl, sitePath)
                : canonical(baseUrl, sitePath.substring(0, hash)) + sitePath.substring(hash);
    }

    /**
     * {@link #normaliseBaseUrl}, with an invalid value as the error every goal reports.
     *
     * @throws SiteGenException naming {@code site-gen.baseUrl} and what is wrong with it
     */
    public static String checkedBaseUrl(String configured) throws SiteGenException {
        StringBuilder error = new StringBuilder();
        return normaliseBaseUrl(configured, error).orElseThrow(() -> SiteGenException.of(
                Problem.error(null, 0, 0, "site-gen.baseUrl: " + error,
                        "use the address the site is published at, such as https://owner.github.io/repo")));
    }

    /**
     * Checks and normalises a configured base URL: an absolute http or https URL without query or
     * fragment, returned with exactly one trailing slash. Empty input gives empty output.
     *
     * @return the normalised URL, or empty with the reason in {@code error}
     */
    public static Optional<String> normaliseBaseUrl(String configured, StringBuilder error) {
        String value = configured == null ? "" : configured.strip();
        if (value.isEmpty()) {
            return Optional.of("");
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                error.append("'").append(value).append("' is not an absolute http(s) URL");
                return Optional.empty();
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                error.append("'").append(value).append("' has a query or fragment; a base URL cannot");
                return Optional.empty();
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            path = path.replaceAll("/+$", "") + "/";
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path);
        } catch (URISyntaxException e) {
            error.append("'").append(value).append("' is not a valid URL: ").append(e.getReason());
            return Optional.empty();
        }
    }

    /** The path part of a normalised base URL ({@code /repo/}), or {@code /} when there is none. */
    public static String basePath(String baseUrl) {
        if (baseUrl.isEmpty()) {
            return "/";
        }
        return URI.create(baseUrl).getRawPath();
    }

    /**
     * Decodes the path or fragment of a URL: {@code %XX} escapes (UTF-8) only. A {@code +} stays a
     * {@code +}; only form data reads it as a space, and {@code c++.txt} is a file name.
     *
     * @throws IllegalArgumentException when a {@code %} is not followed by two hex digits
     */
    public static String decodePath(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static int depth(String sitePath) {
        int depth = 0;
        for (int i = 0; i < sitePath.length(); i++) {
            if (sitePath.charAt(i) == '/') {
                depth++;
            }
        }
        return depth;
    }
}
