package io.github.sitegen.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * A small HTTP/1.1 server on 127.0.0.1 for sites served on this machine only ({@link PagesServer}).
 *
 * <p>It answers only requests addressed to itself: the {@code Host} header must be
 * {@code 127.0.0.1}, {@code localhost} or {@code [::1]} with the server's port, and an
 * {@code Origin} header, when a browser sends one, must be {@code http://} one of those. Anything
 * else gets 403 and no content, so that a web page the user visits cannot read the site through
 * DNS rebinding (a name of the attacker's that resolves to 127.0.0.1) or from another origin.
 *
 * <p>Each connection has a thread of its own, so a client that sends half a request holds up no
 * other; it must send its request line and headers within {@link #HEADER_MILLIS}, else it is
 * dropped. At most {@link #CONNECTIONS} connections are open at once; more are closed at once.
 * Every response closes its connection.
 */
final class LoopbackHttp implements AutoCloseable {

    /** Milliseconds a client may take to send its request line and headers. */
    static final int HEADER_MILLIS = 3000;
    /** Connections open at once, at most. */
    static final int CONNECTIONS = 64;
    /** Bytes of request line and headers, at most. */
    private static final int HEADER_BYTES = 16 * 1024;
    /** Milliseconds a client may take to take a response (between two reads). */
    private static final int RESPONSE_MILLIS = 60_000;

    /** A request that passed the checks: its method, its path as sent (no query) and its headers (names in lower case). */
    record Request(String method, String rawPath, Map<String, String> headers) {
        boolean head() {
            return method.equals("HEAD");
        }
    }

    /** Answers requests; writes the whole response, status line included, to {@code out}. */
    @FunctionalInterface
    interface Handler {
        void handle(Request request, OutputStream out) throws IOException;
    }

    private final ServerSocket socket;
    private final Handler handler;
    private final Set<String> hosts;
    private final Set<String> origins;
    private final Semaphore open = new Semaphore(CONNECTIONS);
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    /**
     * Listens on {@code port} of 127.0.0.1 (0 for a free one).
     *
     * @throws java.net.BindException when the port is taken
     */
    LoopbackHttp(int port, Handler handler) throws IOException {
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        this.handler = handler;
        int bound = socket.getLocalPort();
        this.hosts = Set.of("127.0.0.1:" + bound, "localhost:" + bound, "[::1]:" + bound);
        this.origins = Set.of("http://127.0.0.1:" + bound, "http://localhost:" + bound, "http://[::1]:" + bound);
        this.acceptor = new Thread(this::accept, "site-gen-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                continue; // closed, or one failed connection
            }
            if (!open.tryAcquire()) {
                closeQuietly(client);
                continue;
            }
            clients.add(client);
            if (closed) { // close() ran between accept() and add(): it did not see this connection
                clients.remove(client);
                closeQuietly(client);
                open.release();
                continue;
            }
            Thread thread = new Thread(() -> {
                try (client) {
                    serve(client);
                } catch (IOException | RuntimeException e) {
                    // the client went away or was too slow, or its answer failed: its connection is closed
                } finally {
                    clients.remove(client);
                    open.release();
                }
            }, "site-gen-http-" + client.getPort());
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void serve(Socket client) throws IOException {
        Request request = read(client);
        if (request == null) {
            return;
        }
        client.setSoTimeout(RESPONSE_MILLIS);
        OutputStream out = client.getOutputStream();
        if (!hosts.contains(request.headers().getOrDefault("host", "").toLowerCase(Locale.ROOT))
                || !origins.contains(request.headers().getOrDefault("origin", "http://127.0.0.1:" + port()).toLowerCase(Locale.ROOT))) {
            status(out, 403, "Forbidden");
        } else if (!request.method().equals("GET") && !request.head()) {
            status(out, 405, "Method Not Allowed");
        } else {
            handler.handle(request, out);
        }
        out.flush();
    }

    /** Writes a response with no content. */
    static void status(OutputStream out, int status, String reason) throws IOException {
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** The request line and headers, read within {@link #HEADER_MILLIS}; {@code null} for a client dropped. */
    private static Request read(Socket client) throws IOException {
        long deadline = System.nanoTime() + HEADER_MILLIS * 1_000_000L;
        InputStream in = client.getInputStream();
        byte[] buffer = new byte[HEADER_BYTES];
        int length = 0;
        int end;
        while ((end = headerEnd(buffer, length)) < 0) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0 || length == buffer.length) {
                return null;
            }
            client.setSoTimeout((int) left);
            int n;
            try {
                n = in.read(buffer, length, buffer.length - length);
            } catch (SocketTimeoutException | SocketException e) {
                return null;
            }
            if (n < 0) {
                return null;
            }
            length += n;
        }
        String[] lines = new String(buffer, 0, end, StandardCharsets.ISO_8859_1).split("\r?\n");
        String[] start = lines[0].split(" ");
        if (start.length != 3 || !start[2].startsWith("HTTP/1.")) {
            status(client.getOutputStream(), 400, "Bad Request");
            return null;
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                // A repeated Host or Origin is not ours: keep the first, and refuse when they differ.
                String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).strip();
                String before = headers.putIfAbsent(name, value);
                if (before != null && !before.equals(value)) {
                    headers.put(name, "");
                }
            }
        }
        String target = start[1];
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        return new Request(start[0], path, headers);
    }

    /** Where the blank line that ends the headers ends, or -1 while it has not come. */
    private static int headerEnd(byte[] buffer, int length) {
        for (int i = 0; i + 1 < length; i++) {
            if (buffer[i] == '\n' && (buffer[i + 1] == '\n' || i + 2 < length && buffer[i + 1] == '\r' && buffer[i + 2] == '\n')) {
                return i;
            }
        }
        return -1;
    }

    private static void closeQuietly(Socket client) {
        try {
            client.close();
        } catch (IOException e) {
            // nothing to release
        }
    }

    /** Stops listening and closes every open connection (a held one, such as an event stream, too). */
    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to release
        }
        clients.forEach(LoopbackHttp::closeQuietly);
    }
}
