package io.github.sitegen.verify;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import io.github.sitegen.render.Urls;

/**
 * Serves a site folder on 127.0.0.1 under a base path the way GitHub Pages does: {@code /dir/}
 * serves {@code dir/index.html}, {@code /dir} redirects to {@code /dir/}, {@code /page} serves
 * {@code page.html}, and anything missing gets {@code 404.html} with status 404, at the requested
 * URL. Paths are case-sensitive. Only for checking a site on this machine: it answers only
 * requests addressed to 127.0.0.1, localhost or [::1] with its port, and gives each connection a
 * thread of its own with a short time for its headers ({@link LoopbackHttp}).
 *
 * <p>{@link Hooks} let a caller answer some requests itself and change HTML before it is sent (the
 * live preview of {@code site-gen:serve} does both); without hooks the folder is served as it is.
 */
public final class PagesServer implements AutoCloseable {

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

    /** A response written as it goes, on a connection held open (server-sent events). */
    @FunctionalInterface
    public interface Stream {
        /** Writes the response's content to {@code out}, flushing as it goes, until it ends or fails. */
        void write(OutputStream out) throws IOException;
    }

    /**
     * The files of a site, by path relative to its root ({@code dir/index.html}), read when asked:
     * a folder, or a site held in memory.
     */
    public interface Files {
        /** The file at {@code relative}, or {@code null} when there is none. */
        byte[] file(String relative) throws IOException;

        /** Whether {@code relative} (no {@code /} at the end) is a folder of the site. */
        boolean folder(String relative);
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

        /** The stream of events at {@code rawPath}, {@code text/event-stream}; {@code null} when there is none. */
        default Stream events(String rawPath) {
            return null;
        }
    }

    private final LoopbackHttp server;
    private final Files files;
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
        this(folder(root), basePath, port, hooks);
    }

    /**
     * Starts serving {@code files} under {@code basePath} on {@code port} of 127.0.0.1 (0 for a free
     * one), answering through {@code hooks}.
     *
     * @throws java.net.BindException when the port is taken
     */
    public PagesServer(Files files, String basePath, int port, Hooks hooks) throws IOException {
        if (!basePath.startsWith("/") || !basePath.endsWith("/")) {
            throw new IllegalArgumentException("the base path starts and ends with '/': " + basePath);
        }
        this.files = files;
        this.basePath = basePath;
        this.hooks = hooks;
        this.server = new LoopbackHttp(port, this::handle);
    }

    /** The site's address, such as {@code http://127.0.0.1:41234/repo/}. */
    public URI baseUri() {
        return server.uri(basePath);
    }

    private void handle(LoopbackHttp.Request request, OutputStream out) throws IOException {
        Exchange exchange = new Exchange(request, out);
        String path = request.rawPath();
        Stream events = hooks.events(path);
        if (events != null) {
            exchange.out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (!request.head()) {
                events.write(exchange.out);
            }
            return;
        }
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
        if (relative.isEmpty() || relative.endsWith("/")) {
            relative += "index.html";
        } else if (files.folder(relative)) {
            exchange.location = path + "/";
            send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
            return;
        }
        byte[] file = files.file(relative);
        if (file == null && !relative.endsWith("/index.html")) {
            relative += ".html";
            file = files.file(relative);
        }
        if (file != null) {
            send(exchange, 200, type(relative), file);
        } else {
            notFound(exchange);
        }
    }

    private void notFound(Exchange exchange) throws IOException {
        byte[] page = files.file("404.html");
        if (page != null) {
            send(exchange, 404, TYPES.get("html"), page);
        } else {
            send(exchange, 404, "text/plain; charset=utf-8", "404 Not Found\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A folder's files; none outside it, through {@code ..} or a symbolic link. */
    private static Files folder(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        return new Files() {
            @Override
            public byte[] file(String relative) throws IOException {
                Path file = root.resolve(relative).normalize();
                boolean inside = file.startsWith(root) && java.nio.file.Files.isRegularFile(file)
                        && file.toRealPath().startsWith(root.toRealPath()) && spelledAsOnDisk(root, file);
                return inside ? java.nio.file.Files.readAllBytes(file) : null;
            }

            @Override
            public boolean folder(String relative) {
                Path file = root.resolve(relative).normalize();
                return file.startsWith(root) && java.nio.file.Files.isDirectory(file);
            }
        };
    }

    /**
     * Whether each name of {@code file}, below {@code root}, is spelled as on disk: a folder on macOS
     * or Windows finds {@code PAGE.html} for {@code page.html}, GitHub Pages does not.
     */
    private static boolean spelledAsOnDisk(Path root, Path file) throws IOException {
        Path folder = root;
        for (Path name : root.relativize(file)) {
            try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(folder)) {
                if (entries.noneMatch(entry -> entry.getFileName().toString().equals(name.toString()))) {
                    return false;
                }
            }
            folder = folder.resolve(name);
        }
        return true;
    }

    /** A request being answered, and the redirect it gets, if any. */
    private static final class Exchange {
        final LoopbackHttp.Request request;
        final OutputStream out;
        String location;

        Exchange(LoopbackHttp.Request request, OutputStream out) {
            this.request = request;
            this.out = out;
        }
    }

    private void send(Exchange exchange, int status, String type, byte[] body) throws IOException {
        if (type.startsWith("text/html")) {
            body = hooks.html(body);
        }
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status))
                .append("\r\nContent-Type: ").append(type).append("\r\nContent-Length: ").append(body.length)
                .append("\r\nCache-Control: no-store\r\nConnection: close\r\n");
        if (exchange.location != null) {
            head.append("Location: ").append(exchange.location).append("\r\n");
        }
        exchange.out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!exchange.request.head()) {
            exchange.out.write(body);
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 301 -> "Moved Permanently";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            default -> "Status";
        };
    }

    private static String type(String relative) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    @Override
    public void close() {
        server.close();
    }
}
