package io.github.sitegen.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.github.sitegen.render.Urls;

/**
 * A topic's {@code previousPages}: paths from the site's root where the topic was published before
 * ({@code billing/}, {@code faq.html}, {@code help/billing.html}). Each becomes a small page that
 * sends the reader on, so a path must be one the site can write on any host and file system, and
 * one that no other page of the site has.
 */
public final class PreviousPages {

    /** Longest path accepted: an old address, not a place to hide a large input. */
    static final int MAX_LENGTH = 200;

    /** Names Windows cannot create, with any extension. */
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[1-9]|lpt[1-9])(\\..*)?");

    private static final String FORM_HINT = "write the path from the site's root as the old link had it, such as"
            + " billing/, faq.html or help/billing.html";

    private PreviousPages() {
    }

    /** The topic's previous pages that are well-formed paths, each once; what is wrong is reported at its item. */
    static List<Fields.Item> read(Path file, Fields fields, Problems problems) {
        List<Fields.Item> pages = new ArrayList<>();
        Map<String, Fields.Item> seen = new HashMap<>();
        for (Fields.Item item : fields.textList("previousPages")) {
            String problem = problem(item.value());
            if (!problem.isEmpty()) {
                problems.error(file, item.at(), "previous page '" + abbreviated(item.value()) + "' " + problem, FORM_HINT);
                continue;
            }
            Fields.Item first = seen.putIfAbsent(key(Urls.previousPageFile(item.value())), item);
            if (first != null) {
                problems.error(file, item.at(), "previous page '" + item.value() + "' is the same page as '" + first.value()
                        + "' at line " + first.at().line(), "list each old page once");
            } else {
                pages.add(item);
            }
        }
        return pages;
    }

    /**
     * Reports previous pages that two topics claim, and those that a page of the site uses: the
     * home page, the 404 page, a topic's page, the site's own folders, a static file.
     *
     * @param statics whether the static folder publishes a site path; {@code null}: not checked
     */
    static void check(List<TopicDraft> topics, Predicate<String> statics, Problems problems) {
        Map<String, String> pages = new HashMap<>();
        pages.put(key(Urls.HOME), "the home page");
        pages.put(key(Urls.NOT_FOUND), "the 404 page");
        pages.put(key(Urls.ALL), "the page with every question");
        for (TopicDraft topic : topics) {
            pages.put(key(Urls.topicPath(topic.id())), "the page of the topic '" + topic.id() + "'");
        }
        Map<String, String> claimed = new HashMap<>();
        Set<String> reserved = Ids.RESERVED_TOPIC_IDS;
        for (TopicDraft topic : topics) {
            for (Fields.Item item : topic.previousPages()) {
                String file = Urls.previousPageFile(item.value());
                String key = key(file);
                String top = key.substring(0, Math.max(0, key.indexOf('/')));
                String owner = topic.file().getFileName() + ":" + item.at().line();
                String used = pages.get(key);
                if (used != null) {
                    problems.error(topic.file(), item.at(), "previous page '" + item.value() + "' is " + used,
                            "a path can lead to one page only; remove it from previousPages");
                } else if (reserved.contains(top)) {
                    problems.error(topic.file(), item.at(), "previous page '" + item.value() + "' is in the folder '"
                            + top + "/', which the site uses itself", "remove it from previousPages");
                } else if (statics != null && statics.test(file)) {
                    problems.error(topic.file(), item.at(), "previous page '" + item.value() + "' is a file of the static"
                            + " folder", "remove the file or the previous page: a path can lead to one page only");
                } else if (claimed.containsKey(key)) {
                    problems.error(topic.file(), item.at(), "previous page '" + item.value() + "' is also a previous page"
                            + " at " + claimed.get(key), "an old page can lead to one topic only; keep it in one of them");
                } else {
                    claimed.put(key, owner);
                }
            }
        }
        folderClashes(topics, claimed, problems);
    }

    /** A previous page written as a file where another one needs a folder of that name ({@code a.html} and {@code a.html/}). */
    private static void folderClashes(List<TopicDraft> topics, Map<String, String> claimed, Problems problems) {
        for (TopicDraft topic : topics) {
            for (Fields.Item item : topic.previousPages()) {
                String key = key(Urls.previousPageFile(item.value()));
                for (int slash = key.indexOf('/'); slash >= 0; slash = key.indexOf('/', slash + 1)) {
                    String folder = key.substring(0, slash);
                    if (claimed.containsKey(folder)) {
                        problems.error(topic.file(), item.at(), "previous page '" + item.value() + "' needs a folder '"
                                + folder + "', which the previous page at " + claimed.get(folder) + " is as a file",
                                "remove one of them");
                    }
                }
            }
        }
    }

    /** What is wrong with {@code path} as a previous page, or empty. */
    public static String problem(String path) {
        if (path.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        if (Urls.hasScheme(path) || path.startsWith("//")) {
            return "is an absolute URL; only paths of this site can lead to its pages";
        }
        if (path.startsWith("/")) {
            return "starts with '/'; write it from the site's root without it, so that it works under any base path";
        }
        if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
            return "has a query or a fragment; write the page only: the fragments of old links follow by themselves";
        }
        String[] segments = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path).split("/", -1);
        for (String segment : segments) {
            String wrong = segmentProblem(segment);
            if (!wrong.isEmpty()) {
                return wrong;
            }
        }
        String last = segments[segments.length - 1];
        if (!path.endsWith("/") && last.indexOf('.') >= 0 && !isPageName(last)) {
            return "is not a page: GitHub Pages serves pages from .html files and folders";
        }
        return "";
    }

    private static String segmentProblem(String segment) {
        if (segment.isEmpty()) {
            return "has an empty part ('//' or a trailing '/' after nothing)";
        }
        if (segment.equals(".") || segment.equals("..")) {
            return "has a '" + segment + "' part; a previous page is a path inside the site";
        }
        if (segment.startsWith(".") || segment.startsWith("_")) {
            return "has a part that starts with '" + segment.charAt(0) + "', which GitHub Pages does not publish";
        }
        if (segment.endsWith(".") || WINDOWS_DEVICE.matcher(segment).matches()) {
            return "has a part, '" + segment + "', that Windows cannot name a file";
        }
        for (int i = 0; i < segment.length(); ) {
            int cp = segment.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetterOrDigit(cp) && cp != '-' && cp != '_' && cp != '.' && cp != '~') {
                return "has the character '" + new String(Character.toChars(cp)) + "'; use letters, digits, '-', '_',"
                        + " '.' and '~'";
            }
        }
        return "";
    }

    private static boolean isPageName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm");
    }

    /** Hosts and file systems that ignore case would make {@code FAQ.html} and {@code faq.html} one file. */
    private static String key(String sitePath) {
        return sitePath.toLowerCase(Locale.ROOT);
    }

    private static String abbreviated(String value) {
        return value.length() > 60 ? value.substring(0, 57) + "..." : value;
    }
}
