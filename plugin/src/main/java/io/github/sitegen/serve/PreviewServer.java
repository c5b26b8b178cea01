package io.github.sitegen.serve;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import freemarker.template.utility.StringUtil;
import io.github.sitegen.BuildListener;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;
import io.github.sitegen.render.Urls;
import io.github.sitegen.verify.PagesServer;

/**
 * A live preview: builds the site with drafts into a preview folder, serves it on 127.0.0.1 under
 * the base path as GitHub Pages would (through {@link PagesServer}), rebuilds when the content,
 * template or static folder changes, and makes open pages reload themselves after each build.
 *
 * <p>Every HTML response gets a small script before {@code </body>} (the files on disk are left
 * as built). It polls {@code <base path>__site-gen/build}, the number of the latest build, and
 * reloads the page when the number changes. While the last build failed, every page is an error
 * page (status 500) that lists the problems as {@code file:line:column}, and reloads the same way.
 * No name of a site starts with {@code _}, so the {@code __site-gen/} paths never hide a file.
 */
public final class PreviewServer implements AutoCloseable {

    /** The reserved folder below the base path where the preview answers itself. */
    public static final String RESERVED = "__site-gen/";

    /** Editors save a file in one or a few writes within a few milliseconds; 50 ms of quiet is a whole save. */
    static final long DEBOUNCE_MILLIS = 50;
    static final long POLL_MILLIS = 1000;

    /** Where the preview reports builds; failed builds also go to {@link #failed(List)}. */
    public interface Listener extends BuildListener {
        /** A build failed with these problems (errors and the warnings found with them, in reading order). */
        default void failed(List<Problem> problems) {
            problems.forEach(this::warning);
        }
    }

    /** The latest build: its number, and its problems when it failed (empty when it worked). */
    private record State(long build, List<Problem> problems) {
        boolean failed() {
            return !problems.isEmpty();
        }
    }

    private static final String SCRIPT = """
            /* site-gen serve: reloads this page when a new build is ready. Only in the preview. */
            (function () {
              'use strict';
              var script = document.currentScript;
              var build = script.getAttribute('data-build');
              var url = script.src.replace(/live-reload\\.js$/, 'build');
              function check() {
                fetch(url, { cache: 'no-store' }).then(function (r) { return r.ok ? r.text() : null; }).then(function (now) {
                  if (now !== null && now.trim() !== build) { location.reload(); } else { setTimeout(check, 100); }
                }, function () { setTimeout(check, 2000); });
              }
              setTimeout(check, 100);
            })();
            """;

    private final SiteGenConfig config;
    private final int port;
    private final Path displayBase;
    private final Listener listener;
    private final String basePath;
    private final SiteGenerator generator = SiteGenerator.rebuilding();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Object buildLock = new Object();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile State state = new State(0, List.of());
    private volatile PagesServer server;
    private volatile Watcher watcher;

    /**
     * A preview of the site {@code config} describes, built into its output folder with drafts, on
     * {@code port} (0 for any free one).
     *
     * @param displayBase the folder that file names on the error page are shown relative to; may be
     *                    {@code null}
     * @throws SiteGenException when the configured base URL is not a valid one
     */
    public PreviewServer(SiteGenConfig config, int port, Path displayBase, Listener listener) throws SiteGenException {
        if (port < 0 || port > 65535) {
            throw SiteGenException.of(Problem.error(null, 0, 0, "site-gen.port: " + port + " is not a port",
                    "use a number from 1 to 65535, or 0 for any free port"));
        }
        this.config = config.withDrafts();
        this.port = port;
        this.displayBase = displayBase;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.basePath = Urls.basePath(Urls.checkedBaseUrl(config.baseUrl()));
    }

    /**
     * Builds the site, starts serving it and watching its folders. A build that fails does not stop
     * the preview: its pages show the errors until a change fixes them. When the port is taken, a
     * free one is used, and the listener is told.
     *
     * @throws IOException when no port can be opened or the folders cannot be watched
     */
    public synchronized PreviewServer start() throws IOException {
        if (server != null || closing.get()) {
            throw new IllegalStateException("the preview is already started or closed");
        }
        rebuild();
        PagesServer.Hooks hooks = new PagesServer.Hooks() {
            @Override
            public PagesServer.Response intercept(String rawPath) {
                return answer(rawPath);
            }

            @Override
            public byte[] html(byte[] body) {
                return inject(body);
            }
        };
        Path root = config.outputDirectory();
        try {
            server = new PagesServer(root, basePath, port, hooks);
        } catch (BindException e) {
            server = new PagesServer(root, basePath, 0, hooks);
            listener.info("Port " + port + " is in use; the preview uses port " + server.baseUri().getPort() + " instead");
        }
        List<Path> folders = new ArrayList<>();
        folders.add(config.contentDirectory());
        if (config.templateDirectory() != null) {
            folders.add(config.templateDirectory());
        }
        if (config.staticDirectory() != null) {
            folders.add(config.staticDirectory());
        }
        try {
            watcher = new Watcher(folders, this::rebuild, DEBOUNCE_MILLIS, POLL_MILLIS);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        watcher.start();
        return this;
    }

    /** The address of the site's home, such as {@code http://127.0.0.1:8080/repo/}. */
    public URI url() {
        if (server == null) {
            throw new IllegalStateException("the preview is not started");
        }
        return server.baseUri();
    }

    /** The number of the latest build (the first is 1); it goes up with every build, failed or not. */
    public long build() {
        return state.build();
    }

    /** The problems of the latest build when it failed; empty when it worked. */
    public List<Problem> problems() {
        return state.problems();
    }

    /**
     * Builds the site again, now; the watcher calls this after each change. Safe while pages are
     * served: the generator swaps the finished site in at once.
     *
     * @return whether the build worked
     */
    public boolean rebuild() {
        synchronized (buildLock) {
            return build(System.nanoTime());
        }
    }

    private boolean build(long start) {
        long next = state.build() + 1;
        List<Problem> problems;
        try {
            // site-gen.clean empties the cache for the first build of the session, not for every rebuild
            generator.generate(next == 1 ? config : config.withClean(false), listener);
            problems = List.of();
        } catch (SiteGenException e) {
            problems = e.problems();
        } catch (IOException | RuntimeException e) {
            problems = List.of(Problem.error(null, 0, 0, "the preview could not be built: " + e,
                    "see the Maven output for details"));
        }
        state = new State(next, problems);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (problems.isEmpty()) {
            listener.info("site-gen serve: build " + next + " ready in " + millis + " ms"
                    + (server == null ? "" : " at " + server.baseUri()));
        } else {
            listener.failed(problems);
            listener.info("site-gen serve: build " + next + " failed in " + millis
                    + " ms; the pages show the errors until they are fixed");
        }
        return problems.isEmpty();
    }

    /** Blocks until {@link #close()} is called (from a shutdown hook, for example). */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Stops watching and serving. Calling it again does nothing. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            if (watcher != null) {
                watcher.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
            closed.countDown();
        }
    }

    private PagesServer.Response answer(String rawPath) {
        State now = state;
        if (rawPath.equals(basePath + RESERVED + "build")) {
            return new PagesServer.Response(200, "text/plain; charset=utf-8",
                    Long.toString(now.build()).getBytes(StandardCharsets.UTF_8));
        }
        if (rawPath.equals(basePath + RESERVED + "live-reload.js")) {
            return new PagesServer.Response(200, "text/javascript; charset=utf-8", SCRIPT.getBytes(StandardCharsets.UTF_8));
        }
        if (now.failed() && rawPath.startsWith(basePath) && isPage(rawPath)) {
            return new PagesServer.Response(500, "text/html; charset=utf-8", errorPage(now).getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    /** Whether a path asks for a page (a folder, an {@code .html} file or a name without extension). */
    private static boolean isPage(String rawPath) {
        String name = rawPath.substring(rawPath.lastIndexOf('/') + 1);
        return !name.contains(".") || name.toLowerCase(Locale.ROOT).endsWith(".html");
    }

    private byte[] inject(byte[] body) {
        String html = new String(body, StandardCharsets.UTF_8);
        String tag = "<script src=\"" + basePath + RESERVED + "live-reload.js\" data-build=\"" + state.build()
                + "\" defer></script>";
        int end = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        String result = end < 0 ? html + tag : html.substring(0, end) + tag + html.substring(end);
        return result.getBytes(StandardCharsets.UTF_8);
    }

    private String errorPage(State failed) {
        long errors = failed.problems().stream().filter(Problem::isError).count();
        StringBuilder items = new StringBuilder();
        for (Problem problem : failed.problems()) {
            items.append("<li><code>").append(StringUtil.XHTMLEnc(problem.format(displayBase))).append("</code></li>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>site-gen: the site could not be built</title>
                <style>
                body{font:1rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a;background:#fff}
                h1{color:#a4000f;font-size:1.5rem}ul{padding:0;list-style:none}
                li{margin:.5rem 0;padding:.5rem .75rem;border-left:4px solid #a4000f;background:#fdf0f0;overflow-wrap:anywhere}
                code{font:.95rem/1.4 ui-monospace,monospace;white-space:pre-wrap}
                </style>
                </head>
                <body>
                <main>
                <h1>The site could not be built</h1>
                <p>site-gen found %s in build %d. Each line names the file, line and column, then the problem
                and a hint. Fix the files and save: this page reloads by itself, and shows the site again once
                it builds. The same problems are in the Maven output.</p>
                <ul>
                %s</ul>
                </main>
                </body>
                </html>
                """.formatted(errors == 1 ? "1 error" : errors + " errors", failed.build(), items);
    }
}
