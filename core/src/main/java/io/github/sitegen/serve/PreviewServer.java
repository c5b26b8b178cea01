package io.github.sitegen.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import freemarker.template.utility.StringUtil;
import io.github.sitegen.BuildListener;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.output.OutputFolder;
import io.github.sitegen.output.Staging;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;
import io.github.sitegen.render.Urls;
import io.github.sitegen.verify.PagesServer;

/**
 * A live preview: builds the site with drafts into memory ({@link MemoryBuilder}), serves it on
 * 127.0.0.1 under the base path as GitHub Pages would (through {@link PagesServer}), builds again
 * when the content, template or static folder changes, and makes open pages reload themselves
 * after each build. It writes the site to its output folder only when asked to.
 *
 * <p>Every HTML response gets a small script before {@code </body>}. It listens to
 * {@code <base path>__site-gen/events}, a stream of server-sent events that gives the number of the
 * latest build at once and again after each build, and reloads the page when the number changes,
 * keeping its scroll position and open answers. {@code __site-gen/build} gives the number alone.
 * While the last build failed, every page is an error page (status 500) that lists the problems as
 * {@code file:line:column}, and reloads the same way; the last good site is kept for when they are
 * fixed. No name of a site starts with {@code _}, so the {@code __site-gen/} paths never hide a file.
 */
public final class PreviewServer implements AutoCloseable {

    /** The reserved folder below the base path where the preview answers itself. */
    public static final String RESERVED = "__site-gen/";

    /**
     * Editors save a file in one or a few writes within a few milliseconds; 10 ms of quiet is a
     * whole save. (A save caught half-written fails to build, keeps the last good site, and the
     * next write's event builds again.)
     */
    static final long DEBOUNCE_MILLIS = 10;
    static final long POLL_MILLIS = 1000;

    /** Where the preview reports builds; failed builds also go to {@link #failed(List)}. */
    public interface Listener extends BuildListener {
        /** A build failed with these problems (errors and the warnings found with them, in reading order). */
        default void failed(List<Problem> problems) {
            problems.forEach(this::warning);
        }
    }

    /** The latest build: its number, its problems when it failed (empty when it worked), and the last good site. */
    private record State(long build, List<Problem> problems, MemorySite site) {
        boolean failed() {
            return !problems.isEmpty();
        }
    }

    private static final String SCRIPT = """
            /* site-gen serve: reloads this page when a new build is ready, keeping its scroll position
               and open answers. Only in the preview. */
            (function () {
              'use strict';
              var script = document.currentScript;
              var build = script.getAttribute('data-build');
              var key = 'site-gen-serve ' + location.pathname;
              try {
                var saved = JSON.parse(sessionStorage.getItem(key) || 'null');
                sessionStorage.removeItem(key);
                if (saved) {
                  saved.open.forEach(function (id) {
                    var answer = document.getElementById(id);
                    var details = answer && answer.closest('details');
                    if (details) { details.open = true; }
                  });
                  window.scrollTo(saved.x, saved.y);
                }
              } catch (e) { /* no storage: reload without keeping the place */ }
              function reload() {
                var open = [];
                document.querySelectorAll('details[open]').forEach(function (details) {
                  var answer = details.querySelector('[id]');
                  if (answer) { open.push(answer.id); }
                });
                try {
                  sessionStorage.setItem(key, JSON.stringify({ x: window.scrollX, y: window.scrollY, open: open }));
                } catch (e) { /* reload all the same */ }
                location.reload();
              }
              var events = new EventSource(script.src.replace(/live-reload\\.js$/, 'events'));
              events.onmessage = function (event) {
                if (event.data !== build) { events.close(); reload(); }
              };
            })();
            """;

    /** Seconds between two comments on a quiet event stream, which find a reader that went away. */
    static final int KEEP_ALIVE_SECONDS = 15;

    private final SiteGenConfig config;
    private final int port;
    private final Path displayBase;
    private final Listener listener;
    private final String basePath;
    private final boolean writeFolder;
    private final MemoryBuilder builder;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Object buildLock = new Object();
    /** Notified when a build is ready (and on close), for the event streams. */
    private final Object builds = new Object();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile State state;
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
        this(config, port, displayBase, listener, false);
    }

    /**
     * A preview as above that also writes each good build to its output folder when
     * {@code writeFolder} is set, with the bytes {@code generate} would write there.
     */
    public PreviewServer(SiteGenConfig config, int port, Path displayBase, Listener listener, boolean writeFolder)
            throws SiteGenException {
        if (port < 0 || port > 65535) {
            throw SiteGenException.of(Problem.error(null, 0, 0, "site-gen.port: " + port + " is not a port",
                    "use a number from 1 to 65535, or 0 for any free port"));
        }
        this.config = config.withDrafts();
        this.writeFolder = writeFolder;
        this.builder = new MemoryBuilder(this.config);
        MemorySite empty = new MemorySite();
        empty.seal();
        this.state = new State(0, List.of(), empty);
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

            @Override
            public PagesServer.Stream events(String rawPath) {
                return rawPath.equals(basePath + RESERVED + "events") ? PreviewServer.this::events : null;
            }
        };
        PagesServer.Files files = new PagesServer.Files() {
            @Override
            public byte[] file(String relative) throws IOException {
                return state.site().file(relative);
            }

            @Override
            public boolean folder(String relative) {
                return state.site().folder(relative);
            }
        };
        try {
            server = new PagesServer(files, basePath, port, hooks);
        } catch (BindException e) {
            server = new PagesServer(files, basePath, 0, hooks);
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
            watcher = new Watcher(folders, this::changed, DEBOUNCE_MILLIS, POLL_MILLIS);
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
     * Builds the site again, now, rendering every page again.
     *
     * @return whether the build worked
     */
    public boolean rebuild() {
        synchronized (buildLock) {
            builder.renderAll();
            return build(System.nanoTime());
        }
    }

    /**
     * Builds the site again after a change of {@code paths} (empty when not known): only a change of
     * content files lets the build keep the pages the change cannot touch.
     */
    private void changed(Set<Path> paths) {
        synchronized (buildLock) {
            long start = System.nanoTime();
            Path content = config.contentDirectory().toAbsolutePath().normalize();
            if (paths.isEmpty() || !paths.stream().allMatch(path -> path.startsWith(content))) {
                builder.renderAll();
            }
            build(start);
        }
    }

    private boolean build(long start) {
        State before = state;
        long next = before.build() + 1;
        List<Problem> problems;
        MemorySite site = before.site();
        String done = "";
        try {
            MemoryBuilder.Built built = builder.build();
            built.warnings().forEach(listener::warning);
            site = built.site();
            if (writeFolder) {
                write(site);
            }
            problems = List.of();
            done = " (" + built.summary() + ")";
        } catch (SiteGenException e) {
            problems = e.problems();
        } catch (IOException | RuntimeException e) {
            problems = List.of(Problem.error(null, 0, 0, "the preview could not be built: " + e,
                    "see the Maven output for details"));
        }
        synchronized (builds) {
            state = new State(next, problems, site);
            builds.notifyAll();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (problems.isEmpty()) {
            listener.info("site-gen serve: build " + next + " ready in " + millis + " ms" + done
                    + (server == null ? "" : " at " + server.baseUri()));
        } else {
            listener.failed(problems);
            listener.info("site-gen serve: build " + next + " failed in " + millis
                    + " ms; the pages show the errors until they are fixed");
        }
        return problems.isEmpty();
    }

    /** Writes {@code site} to the output folder, as a build does: staged, then swapped in whole. */
    private void write(MemorySite site) throws SiteGenException, IOException {
        OutputFolder output = OutputFolder.check(config.outputDirectory(), config.projectDirectory(),
                Arrays.asList(config.contentDirectory(), config.templateDirectory(), config.staticDirectory()));
        try (Staging staging = output.stage(listener::info)) {
            for (Map.Entry<String, byte[]> file : site.all().entrySet()) {
                staging.write(file.getKey(), file.getValue());
            }
            staging.commit();
        }
    }

    /**
     * The event stream: the number of the latest build at once, then after each build, and a comment
     * every {@link #KEEP_ALIVE_SECONDS} seconds between them, until the reader or the preview goes.
     */
    private void events(OutputStream out) throws IOException {
        long sent = -1;
        while (!closing.get()) {
            long now;
            synchronized (builds) {
                if (state.build() == sent) {
                    try {
                        builds.wait(KEEP_ALIVE_SECONDS * 1000L);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                now = state.build();
            }
            out.write((now == sent ? ": still here\n\n" : "data: " + now + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            sent = now;
        }
    }

    /** Blocks until {@link #close()} is called (from a shutdown hook, for example). */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /**
     * Serves until the JVM is asked to stop (Ctrl-C) or the calling thread is interrupted, then
     * closes: what the Maven goal and the command line do once the preview has started.
     */
    public void serveUntilStopped() {
        Thread hook = new Thread(this::close, "site-gen-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs, or ran, anyway
            }
        }
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
            synchronized (builds) {
                builds.notifyAll();
            }
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

    /** {@code body} with the live-reload script before its last {@code </body>} (at its end when it has none). */
    private byte[] inject(byte[] body) {
        byte[] tag = ("<script src=\"" + basePath + RESERVED + "live-reload.js\" data-build=\"" + state.build()
                + "\" defer></script>").getBytes(StandardCharsets.UTF_8);
        int end = lastBodyEnd(body);
        byte[] result = new byte[body.length + tag.length];
        System.arraycopy(body, 0, result, 0, end);
        System.arraycopy(tag, 0, result, end, tag.length);
        System.arraycopy(body, end, result, end + tag.length, body.length - end);
        return result;
    }

    /** Where the last {@code </body>} starts, in any case; the length of {@code html} when there is none. */
    private static int lastBodyEnd(byte[] html) {
        byte[] end = "</body>".getBytes(StandardCharsets.US_ASCII);
        for (int at = html.length - end.length; at >= 0; at--) {
            int i = 0;
            while (i < end.length && Character.toLowerCase(html[at + i]) == end[i]) {
                i++;
            }
            if (i == end.length) {
                return at;
            }
        }
        return html.length;
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
