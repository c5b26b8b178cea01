package org.example.sitegen;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks the links of a generated site on disk: every internal link and asset reference of the
 * theme resolves to a file, and every fragment to an element id. Links written by authors inside
 * answers, summaries and the introduction are their own and are not checked here.
 */
public final class SiteCheck {

    private SiteCheck() {
    }

    /** {@link #brokenLinks(Path, String)} for a site served at the host's root. */
    public static List<String> brokenLinks(Path site) throws IOException {
        return brokenLinks(site, "/");
    }

    /**
     * Problems found, one line each; empty when every link resolves. Links that start with
     * {@code basePath} are allowed on the 404 page only.
     */
    public static List<String> brokenLinks(Path site, String basePath) throws IOException {
        Map<Path, Document> pages = new HashMap<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                pages.put(file, Fixture.html(file));
            }
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Path, Document> page : pages.entrySet()) {
            for (Element element : page.getValue().select("a[href], link[href], script[src], img[src]")) {
                if (element.closest("[data-sg-content]") != null || element.is("link[rel=canonical], link[rel=alternate]")) {
                    continue; // authors' links are theirs; canonical and alternate URLs are absolute by design
                }
                String url = element.hasAttr("href") ? element.attr("href") : element.attr("src");
                String problem = check(site, page.getKey(), url, pages, basePath);
                if (problem != null) {
                    problems.add(site.relativize(page.getKey()) + ": " + url + ": " + problem);
                }
            }
        }
        return problems;
    }

    private static String check(Path site, Path page, String url, Map<Path, Document> pages, String basePath) {
        if (url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || url.startsWith("//")) {
            return url.startsWith("data:") || url.startsWith("mailto:") ? null : "link to another host";
        }
        int hash = url.indexOf('#');
        String path = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? null : URLDecoder.decode(url.substring(hash + 1), StandardCharsets.UTF_8);
        Path target;
        if (path.isEmpty()) {
            target = page;
        } else if (path.startsWith("/")) {
            if (!page.equals(site.resolve("404.html"))) {
                return "root-relative link (only the 404 page may use them)";
            }
            if (!path.startsWith(basePath)) {
                return "not under the base path " + basePath;
            }
            target = site.resolve(URLDecoder.decode(path.substring(basePath.length()), StandardCharsets.UTF_8)).normalize();
        } else {
            target = page.getParent().resolve(URLDecoder.decode(path, StandardCharsets.UTF_8)).normalize();
            if (!target.startsWith(site)) {
                return "points outside the site";
            }
            if (Files.isDirectory(target)) {
                target = target.resolve("index.html");
            }
        }
        if (!Files.isRegularFile(target)) {
            return "no such file";
        }
        if (fragment != null && !fragment.isEmpty()) {
            Document document = pages.get(target);
            if (document == null || document.getElementById(fragment) == null) {
                return "no element with id '" + fragment + "'";
            }
        }
        return null;
    }
}
