package io.github.sitegen.verify;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.sitegen.render.Urls;

/**
 * Serves a site folder on 127.0.0.1 under a base path the way GitHub Pages does: {@code /dir/}
 * serves {@code dir/index.html}, {@code /dir} redirects to {@code /dir/}, {@code /page} serves
 * {@code page.html}, and anything missing gets {@code 404.html} with status 404, at the requested
 * URL. Paths are case-sensitive. Only for checking a site on this machine.
 *
 * <p>{@link Hooks} let a caller answer some requests itself and change HTML before it is sent (the
 * live preview of {@code site-gen:serve} does both); without hooks the folder is served as it is.
 *
 * <p>Each connection is read and answered on a thread of a small pool of its own, so a client that
 * sends half a request holds up no other. The JDK's server drops such a client after
 * {@code sun.net.httpserver.maxReqTime} seconds, and a response not taken within
 * {@code sun.net.httpserver.maxRspTime}; both are unlimited by default, so this class sets them
 * (see {@link #REQUEST_SECONDS}) unless the user did. The JDK reads them once, when the first
 * {@link HttpServer} of the JVM is created: one created earlier by something else keeps its values.
 */
public final class PagesServer implements AutoCloseable {

    /** Seconds a client may take to send a request's line and headers before it is dropped. */
    static final String REQUEST_SECONDS = "10";
    /** Seconds a client may take to receive a response. */
    static final String RESPONSE_SECONDS = "60";
    /** Threads that read and answer requests; more connections wait for one. */
    static final int THREADS = 8;

    static {
        setUnlessSet("sun.net.httpserver.maxReqTime", REQUEST_SECONDS);
        setUnlessSet("sun.net.httpserver.maxRspTime", RESPONSE_SECONDS);
    }

    private static void setUnlessSet(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"), Map.entry("pdf", "application/pdf"));

    /** A response a {@link Hooks} gives instead of a file of the folder. */
    public record Response(int status, String type, byte[] body) {
    }

    /** Changes how the server answers; every method's default changes nothing. */
    public interface Hooks {
        Hooks NONE = new Hooks() {
        };

        /**
         * The answer to a request for {@code rawPath} (as sent, not decoded), given before the
         * folder is looked at; {@code null} serves the folder as usual.
         */
        default Response intercept(String rawPath) {
            return null;
        }

        /** The HTML about to be sent (a page, the 404 page or an intercepted response), changed or not. */
        default byte[] html(byte[] body) {
            return body;
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final Path root;
    private final String basePath;
    private final Hooks hooks;

    /**
     * Starts serving {@code root} under {@code basePath} ({@code /} or {@code /repo/}) on a free port.
     */
    public PagesServer(Path root, String basePath) throws IOException {
        this(root, basePath, 0, Hooks.NONE);
    }

    /**
     * Starts serving {@code root} under {@code basePath} on {@code port} of 127.0.0.1 (0 for a free
     * one), answering through {@code hooks}.
     *
     * @throws java.net.BindException when the port is taken
     */
    public PagesServer(Path root, String basePath, int port, Hooks hooks) throws IOException {
        if (!basePath.startsWith("/") || !basePath.endsWith("/")) {
            throw new IllegalArgumentException("the base path starts and ends with '/': " + basePath);
        }
        this.root = root.toAbsolutePath().normalize();
        this.basePath = basePath;
        this.hooks = hooks;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "site-gen-http-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        server.setExecutor(executor);
        server.start();
    }

    /** The site's address, such as {@code http://127.0.0.1:41234/repo/}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + basePath);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            Response answer = hooks.intercept(path);
            if (answer != null) {
                send(exchange, answer.status(), answer.type(), answer.body());
                return;
            }
            if (!path.startsWith(basePath)) {
                send(exchange, 404, "text/plain; charset=utf-8", "not under the base path\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String relative;
            try {
                relative = Urls.decodePath(path.substring(basePath.length()));
            } catch (IllegalArgumentException e) {
                notFound(exchange); // a stray '%'
                return;
            }
            // A backslash or ':' names no file of a site on any platform (site-gen refuses such names), but
            // Windows would take them for a separator or a drive: a 404, as GitHub Pages answers.
            if (relative.indexOf('\\') >= 0 || relative.indexOf(':') >= 0) {
                notFound(exchange);
                return;
            }
            Path file = root.resolve(relative).normalize();
            if (!file.startsWith(root)) {
                notFound(exchange);
                return;
            }
            if (relative.isEmpty() || relative.endsWith("/")) {
                file = file.resolve("index.html");
            } else if (Files.isDirectory(file)) {
                exchange.getResponseHeaders().add("Location", path + "/");
                send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
                return;
            } else if (!Files.isRegularFile(file) && Files.isRegularFile(Path.of(file + ".html"))) {
                file = Path.of(file + ".html");
            }
            if (Files.isRegularFile(file) && file.toRealPath().startsWith(root.toRealPath()) && spelledAsOnDisk(file)) {
                send(exchange, 200, type(file), Files.readAllBytes(file));
            } else {
                notFound(exchange);
            }
        }
    }

    /**
     * Whether each name of {@code file}, below the root, is spelled as on disk: a folder on macOS
     * or Windows finds {@code PAGE.html} for {@code page.html}, GitHub Pages does not.
     */
    private boolean spelledAsOnDisk(Path file) throws IOException {
        Path folder = root;
        for (Path name : root.relativize(file)) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.noneMatch(entry -> entry.getFileName().toString().equals(name.toString()))) {
                    return false;
                }
            }
            folder = folder.resolve(name);
        }
        return true;
    }

    private void notFound(HttpExchange exchange) throws IOException {
        Path page = root.resolve("404.html");
        if (Files.isRegularFile(page)) {
            send(exchange, 404, TYPES.get("html"), Files.readAllBytes(page));
        } else {
            send(exchange, 404, "text/plain; charset=utf-8", "404 Not Found\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type.startsWith("text/html")) {
            body = hooks.html(body);
        }
        exchange.getResponseHeaders().add("Content-Type", type);
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    @Override
    public void close() {
        try {
            server.stop(0);
        } finally {
            executor.shutdownNow();
        }
    }
}
