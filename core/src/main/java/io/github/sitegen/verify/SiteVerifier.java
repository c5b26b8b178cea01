package io.github.sitegen.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import io.github.sitegen.problem.Problem;
import io.github.sitegen.render.Urls;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.w3c.dom.NodeList;

/**
 * Checks a generated site the way a reader's browser meets it on GitHub Pages: serves the folder on
 * 127.0.0.1 under its base path, crawls it from the home page, and reports every broken link,
 * missing anchor or asset, every page that cannot be reached, every sitemap entry that does not
 * resolve, a topic's previous page whose links (and refresh) lead nowhere, and a 404 page whose
 * links break when it is served at depth.
 *
 * <p>Links inside an element marked {@code data-sg-content} were written by authors in answers,
 * summaries or the introduction; they are reported as warnings (errors when strict), because the
 * site cannot fix them. Every other link comes from templates and must work.
 */
public final class SiteVerifier {

    /** The marker on elements that hold authors' content. */
    public static final String CONTENT_MARKER = "data-sg-content";

    /** What a verification found. */
    public record Report(int pages, int links, int targets, int external, int sitemapEntries, int movedPages,
                         boolean notFoundChecked, List<Problem> problems) {

        public boolean failed() {
            return problems.stream().anyMatch(Problem::isError);
        }

        /** One line that says what was checked. */
        public String summary() {
            long errors = problems.stream().filter(Problem::isError).count();
            return String.format("verify: crawled %d pages, checked %d links to %d targets (%d external links not"
                            + " followed), %d sitemap entries, %s404 page %s: %d errors, %d warnings",
                    pages, links, targets, external, sitemapEntries,
                    movedPages == 0 ? "" : movedPages + (movedPages == 1 ? " previous page, " : " previous pages, "),
                    notFoundChecked ? "checked at depth" : "absent", errors, problems.size() - errors);
        }
    }

    private final Path site;
    private final String baseUrl;
    private final boolean strict;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<URI, Fetched> cache = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Set<URI> targets = new LinkedHashSet<>();
    private URI base;
    private int links;
    private int external;

    /**
     * @param site    the generated folder
     * @param baseUrl the normalised base URL the site was built for, or empty (served at {@code /})
     * @param strict  whether broken links in authors' content are errors
     */
    public SiteVerifier(Path site, String baseUrl, boolean strict) {
        this.site = site.toAbsolutePath().normalize();
        this.baseUrl = baseUrl;
        this.strict = strict;
    }

    public Report verify() throws IOException {
        if (!Files.isRegularFile(site.resolve(Urls.HOME))) {
            problems.add(Problem.error(site, 0, 0, "no index.html: this is not a generated site",
                    "run site-gen:generate first, with the same site-gen.outputDirectory"));
            return report(0, 0, 0, false);
        }
        try (PagesServer server = new PagesServer(site, Urls.basePath(baseUrl))) {
            base = server.baseUri();
            Set<URI> pages = crawl();
            checkReachable(pages);
            int moved = checkMovedPages(pages);
            int sitemapEntries = checkSitemap();
            boolean notFound = checkNotFoundPage();
            return report(pages.size(), sitemapEntries, moved, notFound);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while verifying", e);
        }
    }

    private Report report(int pages, int sitemapEntries, int moved, boolean notFound) {
        List<Problem> sorted = problems.stream().sorted(Problem.READING_ORDER).toList();
        return new Report(pages, links, targets.size(), external, sitemapEntries, moved, notFound, sorted);
    }

    private Set<URI> crawl() throws IOException, InterruptedException {
        Set<URI> seen = new LinkedHashSet<>();
        Deque<URI> queue = new ArrayDeque<>();
        URI home = base.resolve(Urls.HOME);
        queue.add(home);
        seen.add(home);
        while (!queue.isEmpty()) {
            URI page = queue.poll();
            Fetched fetched = fetch(page);
            if (fetched.status() != 200 || fetched.document() == null) {
                continue; // reported where it was linked
            }
            for (Link link : links(fetched.document(), page)) {
                URI target = check(link, page, fetched.document(), fileOf(page), false);
                if (target != null && link.navigates() && isHtml(fetch(target)) && seen.add(target)) {
                    queue.add(target);
                }
            }
        }
        if (fetch(base).status() != 200) {
            problems.add(Problem.error(site.resolve(Urls.HOME), 0, 0, "the home page does not load at " + base
                    + " (HTTP " + fetch(base).status() + ")", null));
        }
        return seen;
    }

    /**
     * Checks one link; returns the page it leads to (without fragment) when it is inside the site
     * and resolves, else {@code null}.
     */
    private URI check(Link link, URI from, Document page, Path file, boolean notFoundPage)
            throws IOException, InterruptedException {
        if (link.url().startsWith("#")) {
            links++;
            checkAnchor(link, page, file, link.url().substring(1), "this page");
            return null;
        }
        URI resolved;
        try {
            resolved = from.resolve(link.url().strip());
        } catch (IllegalArgumentException e) {
            report(link, file, "'" + link.url() + "' is not a valid URL", null);
            return null;
        }
        String scheme = resolved.getScheme() == null ? "" : resolved.getScheme();
        if (!scheme.equals("http") || !base.getAuthority().equals(resolved.getAuthority())) {
            if (scheme.equals("http") || scheme.equals("https") || scheme.isEmpty()) {
                external++;
            }
            return null;
        }
        links++;
        URI target = withoutFragment(resolved);
        if (!target.getRawPath().startsWith(base.getRawPath())) {
            report(link, file, "'" + link.url() + "' leaves the site's base path " + base.getRawPath(),
                    "build with the site-gen.baseUrl the site is published at, and form links with url()");
            return null;
        }
        targets.add(target);
        Fetched fetched = fetch(target);
        if (fetched.status() == 301 || fetched.status() == 302) {
            report(link, file, "'" + link.url() + "' redirects to " + fetched.location(), "link to the final address");
            return null;
        }
        if (fetched.status() != 200) {
            report(link, file, "'" + link.url() + "' is broken: no file at " + target.getRawPath()
                    + " (HTTP " + fetched.status() + ")" + (notFoundPage ? " when the 404 page is served at depth" : ""),
                    notFoundPage ? "the 404 page is served at any URL: its links must start with the base path" : null);
            return null;
        }
        String fragment = resolved.getRawFragment();
        if (fragment != null && !fragment.isEmpty() && fetched.document() != null) {
            checkAnchor(link, fetched.document(), file, fragment, target.getRawPath());
        }
        return target;
    }

    private void checkAnchor(Link link, Document target, Path file, String fragment, String where) {
        String id = Urls.decodePath(fragment);
        if (!id.isEmpty() && target.getElementById(id) == null && target.selectFirst("a[name=" + cssQuote(id) + "]") == null) {
            report(link, file, "'" + link.url() + "' points to a missing anchor: no id=\"" + id + "\" in " + where, null);
        }
    }

    private void report(Link link, Path file, String message, String hint) {
        boolean content = link.element().closest("[" + CONTENT_MARKER + "]") != null;
        int line = link.element().sourceRange().start().lineNumber();
        int column = link.element().sourceRange().start().columnNumber();
        if (content) {
            problems.add(new Problem(file, Math.max(line, 0), Math.max(column, 0),
                    strict ? Problem.Severity.ERROR : Problem.Severity.WARNING,
                    "link in authored content: " + message, "fix the link in the content file"));
        } else {
            problems.add(Problem.error(file, Math.max(line, 0), Math.max(column, 0), message, hint));
        }
    }

    private void checkReachable(Set<URI> pages) throws IOException {
        Set<Path> reached = new TreeSet<>();
        for (URI page : pages) {
            reached.add(fileOf(page));
        }
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                if (!file.equals(site.resolve(Urls.NOT_FOUND)) && !reached.contains(file) && !noindex(file)) {
                    problems.add(Problem.error(file, 0, 0, "page is not reachable by links from the home page",
                            "link it from a template, or remove it"));
                }
            }
        }
    }

    /**
     * The pages no link reaches that send readers on ({@code <meta http-equiv="refresh">}: a topic's
     * previous pages): each is fetched at its address, as an old link would, and its links and
     * its refresh must lead to a page of the site. Returns how many there are.
     */
    private int checkMovedPages(Set<URI> reached) throws IOException, InterruptedException {
        Set<Path> crawled = new TreeSet<>();
        for (URI page : reached) {
            crawled.add(fileOf(page));
        }
        int moved = 0;
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                if (crawled.contains(file) || file.equals(site.resolve(Urls.NOT_FOUND))) {
                    continue;
                }
                URI page = base.resolve(new URI(null, null, site.relativize(file).toString().replace('\\', '/'), null)
                        .getRawPath());
                Fetched fetched = fetch(page);
                Element refresh = fetched.document() == null ? null
                        : fetched.document().selectFirst("meta[http-equiv=refresh][content]");
                if (refresh == null) {
                    continue;
                }
                moved++;
                String content = refresh.attr("content");
                int url = content.toLowerCase(java.util.Locale.ROOT).indexOf("url=");
                List<Link> found = new ArrayList<>(links(fetched.document(), page));
                if (url < 0) {
                    problems.add(Problem.error(file, 0, 0, "the page refreshes without a url= to send readers to", null));
                } else {
                    found.add(new Link(refresh, content.substring(url + 4).strip(), true));
                }
                for (Link link : found) {
                    check(link, page, fetched.document(), file, false);
                }
            }
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        return moved;
    }

    /** Pages marked noindex (the maintainers' report) are meant to be reached by their address only. */
    private static boolean noindex(Path file) throws IOException {
        return org.jsoup.Jsoup.parse(file.toFile(), "UTF-8").selectFirst("meta[name=robots][content*=noindex]") != null;
    }

    private int checkSitemap() throws IOException, InterruptedException {
        Path sitemap = site.resolve("sitemap.xml");
        if (!Files.isRegularFile(sitemap)) {
            return 0;
        }
        List<String> locs;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(true);
            NodeList nodes = factory.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(sitemap)))
                    .getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
            locs = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                locs.add(nodes.item(i).getTextContent().strip());
            }
        } catch (Exception e) {
            problems.add(Problem.error(sitemap, 0, 0, "sitemap.xml is not a valid sitemap: " + e.getMessage(), null));
            return 0;
        }
        String published = baseUrl.isEmpty() && !locs.isEmpty() ? locs.get(0) : baseUrl;
        for (String loc : locs) {
            if (!loc.matches("https?://.+")) {
                problems.add(Problem.error(sitemap, 0, 0, "sitemap entry '" + loc + "' is not an absolute URL", null));
            } else if (!loc.startsWith(published)) {
                problems.add(Problem.error(sitemap, 0, 0, "sitemap entry '" + loc + "' is not under " + published,
                        "a sitemap may list only URLs below its own folder"));
            } else {
                URI local = base.resolve(loc.substring(published.length()));
                int status = fetch(local).status();
                if (status != 200) {
                    problems.add(Problem.error(sitemap, 0, 0, "sitemap entry '" + loc + "' does not resolve (HTTP "
                            + status + ")", null));
                }
            }
        }
        return locs.size();
    }

    /** Fetches a missing URL three folders deep and checks that the 404 page's links still work there. */
    private boolean checkNotFoundPage() throws IOException, InterruptedException {
        if (!Files.isRegularFile(site.resolve(Urls.NOT_FOUND))) {
            problems.add(Problem.warning(site.resolve(Urls.NOT_FOUND), 0, 0, "the site has no 404 page", null));
            return false;
        }
        URI deep = base.resolve("site-gen-verify/missing/deep/page.html");
        Fetched fetched = fetch(deep);
        if (fetched.status() != 404 || fetched.document() == null) {
            problems.add(Problem.error(site.resolve(Urls.NOT_FOUND), 0, 0, "a missing page does not get the 404 page", null));
            return false;
        }
        for (Link link : links(fetched.document(), deep)) {
            check(link, deep, fetched.document(), site.resolve(Urls.NOT_FOUND), true);
        }
        return true;
    }

    private List<Link> links(Document document, URI page) {
        List<Link> found = new ArrayList<>();
        for (Element element : document.select("a[href], area[href], link[href], script[src], img[src], source[src],"
                + " video[src], audio[src], iframe[src], img[srcset], source[srcset]")) {
            String tag = element.normalName();
            if (element.hasAttr("srcset")) {
                for (String candidate : element.attr("srcset").split(",")) {
                    String url = candidate.strip().split("\\s+")[0];
                    if (!url.isEmpty()) {
                        found.add(new Link(element, url, false));
                    }
                }
            }
            String url = element.hasAttr("href") ? element.attr("href") : element.attr("src");
            if (url.isEmpty() && element.hasAttr("srcset")) {
                continue;
            }
            boolean navigates = tag.equals("a") || tag.equals("area");
            if (tag.equals("link") && element.attr("rel").contains("canonical")) {
                continue; // canonical URLs are absolute on the published host; checked by the sitemap
            }
            found.add(new Link(element, url, navigates));
        }
        return found;
    }

    private Path fileOf(URI page) {
        String path = page.getRawPath();
        String relative = path.startsWith(base.getRawPath()) ? path.substring(base.getRawPath().length()) : path;
        relative = Urls.decodePath(relative);
        if (relative.isEmpty() || relative.endsWith("/")) {
            relative += "index.html";
        }
        return site.resolve(relative).normalize();
    }

    private Fetched fetch(URI uri) throws IOException, InterruptedException {
        Fetched cached = cache.get(uri);
        if (cached != null) {
            return cached;
        }
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String type = response.headers().firstValue("Content-Type").orElse("");
        Document document = null;
        if (type.startsWith("text/html")) {
            Parser parser = Parser.htmlParser().setTrackPosition(true);
            document = org.jsoup.Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8), uri.toString(), parser);
        }
        Fetched fetched = new Fetched(response.statusCode(), document,
                response.headers().firstValue("Location").orElse(""));
        cache.put(uri, fetched);
        return fetched;
    }

    private static boolean isHtml(Fetched fetched) {
        return fetched.status() == 200 && fetched.document() != null;
    }

    /** The page a URL shows: without fragment, and a folder as its {@code index.html}. */
    private static URI withoutFragment(URI uri) {
        String text = uri.toString();
        int hash = text.indexOf('#');
        URI page = hash < 0 ? uri : URI.create(text.substring(0, hash));
        return page.getRawPath().endsWith("/") && page.getRawQuery() == null ? page.resolve(Urls.HOME) : page;
    }

    private static String cssQuote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private record Fetched(int status, Document document, String location) {
    }

    private record Link(Element element, String url, boolean navigates) {
    }
}
