package io.github.sitegen.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.problem.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewServerTest {

    /** How long a test waits for the preview to show a change: a ceiling for a busy machine, not a pause. */
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static final String SITE = """
            -- content/site.yaml --
            title: Preview test
            -- content/general.yaml --
            title: General
            questions:
              - id: first
                question: First question?
                answer: The first answer.
            """;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path root;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<Problem> failures = Collections.synchronizedList(new ArrayList<>());
    private PreviewServer preview;

    private final PreviewServer.Listener listener = new PreviewServer.Listener() {
        @Override
        public void info(String message) {
            log.add(message);
        }

        @Override
        public void warning(Problem problem) {
            log.add(problem.format(root));
        }

        @Override
        public void failed(List<Problem> problems) {
            failures.addAll(problems);
        }
    };

    @AfterEach
    void stop() {
        if (preview != null) {
            preview.close();
        }
    }

    private PreviewServer start(String baseUrl, int port) throws Exception {
        return start(baseUrl, port, false);
    }

    private PreviewServer start(String baseUrl, int port, boolean writeFolder) throws Exception {
        return start(SITE, baseUrl, port, writeFolder);
    }

    private PreviewServer start(String site, String baseUrl, int port, boolean writeFolder) throws Exception {
        Fixture.write(root, site);
        SiteGenConfig config = SiteGenConfig.builder(root.resolve("content"), root.resolve("preview"))
                .projectDirectory(root).baseUrl(baseUrl).build();
        preview = new PreviewServer(config, port, root, listener, writeFolder).start();
        return preview;
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Fetches {@code uri} until the response matches, for at most {@link #WAIT}; returns the last response. */
    private static HttpResponse<String> await(URI uri, Predicate<HttpResponse<String>> wanted) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = get(uri);
                if (wanted.test(last)) {
                    return last;
                }
            } catch (IOException e) {
                // the folder is being swapped, or the server is busy: try again
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no matching response from " + uri + " within " + WAIT + "; last: "
                + (last == null ? "none" : last.statusCode() + " " + last.body()));
    }

    private void edit(String answer) throws IOException {
        Files.writeString(root.resolve("content/general.yaml"), """
                title: General
                questions:
                  - id: first
                    question: First question?
                    answer: %s
                """.formatted(answer));
    }

    @Test
    void servesTheSiteUnderTheBasePathAndShowsAnEditInTheNextFetch() throws Exception {
        start("https://owner.github.io/repo", 0);
        assertEquals("/repo/", preview.url().getPath());
        assertEquals("127.0.0.1", preview.url().getHost());
        HttpResponse<String> page = get(preview.url().resolve("general/"));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("The first answer."));
        assertEquals(404, get(preview.url().resolve("/general/")).statusCode(), "nothing outside the base path");

        edit("The edited answer.");
        await(preview.url().resolve("general/"), r -> r.statusCode() == 200 && r.body().contains("The edited answer."));
    }

    @Test
    void aBrokenFileGivesAnErrorPageWithItsPositionAndFixingItBringsTheSiteBack() throws Exception {
        start("", 0);
        URI topic = preview.url().resolve("general/index.html");
        Files.writeString(root.resolve("content/general.yaml"), """
                title: General
                questions:
                  - id: first
                    question: [First question?
                    answer: broken
                """);
        HttpResponse<String> error = await(topic, r -> r.statusCode() == 500);
        assertTrue(error.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(Pattern.compile("content/general\\.yaml:\\d+:\\d+: error: ").matcher(error.body()).find(), error.body());
        assertTrue(error.body().contains("__site-gen/live-reload.js"), "the error page reloads by itself too");
        assertEquals(500, get(preview.url()).statusCode(), "every page shows the errors");
        assertFalse(failures.isEmpty(), "the errors are reported to the listener");

        edit("The repaired answer.");
        await(topic, r -> r.statusCode() == 200 && r.body().contains("The repaired answer."));
        assertTrue(preview.problems().isEmpty());
    }

    @Test
    void theErrorPageEscapesWhatTheProblemsQuote() throws Exception {
        start("", 0);
        Files.writeString(root.resolve("content/general.yaml"), """
                title: General
                questions:
                  - id: first
                    question: First question?
                    answer: An answer.
                    "<script>alert(1)</script>": x
                """);
        preview.rebuild();
        HttpResponse<String> error = get(preview.url());
        assertEquals(500, error.statusCode());
        assertTrue(error.body().contains("content/general.yaml:6:5: error: "), error.body());
        assertTrue(error.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), error.body());
        assertFalse(error.body().contains("<script>alert"), error.body());
    }

    @Test
    void theLiveReloadEndpointReportsANewBuildNumberAfterAChange() throws Exception {
        start("https://owner.github.io/repo/", 0);
        URI endpoint = preview.url().resolve("__site-gen/build");
        HttpResponse<String> first = get(endpoint);
        assertEquals(200, first.statusCode());
        long before = Long.parseLong(first.body().strip());

        edit("A newer answer.");
        await(endpoint, r -> r.statusCode() == 200 && Long.parseLong(r.body().strip()) > before);
    }

    /** Reads the next event's data from a server-sent event stream. */
    private static String nextEvent(java.io.BufferedReader events) throws IOException {
        for (String line = events.readLine(); line != null; line = events.readLine()) {
            if (line.startsWith("data: ")) {
                return line.substring("data: ".length());
            }
        }
        throw new AssertionError("the event stream ended");
    }

    @Test
    void openPagesLearnOfEachNewBuildByAPushOnTheEventStream() throws Exception {
        start("https://owner.github.io/repo/", 0);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), preview.url().getPort())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write(get("/repo/" + PreviewServer.RESERVED + "events", "127.0.0.1:"
                    + preview.url().getPort(), "").getBytes(StandardCharsets.ISO_8859_1));
            java.io.BufferedReader events = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("HTTP/1.1 200 OK", events.readLine());
            assertEquals(String.valueOf(preview.build()), nextEvent(events), "the current build at once");
            long before = preview.build();
            edit("A pushed answer.");
            assertTrue(Long.parseLong(nextEvent(events)) > before, "the next build, pushed");
            assertTrue(get(preview.url().resolve("general/")).body().contains("A pushed answer."));
        }
    }

    @Test
    void thePreviewWritesNoFolderUnlessAskedTo() throws Exception {
        start("", 0);
        assertTrue(get(preview.url().resolve("general/")).body().contains("The first answer."));
        assertFalse(Files.exists(root.resolve("preview")), "the site is served from memory");
    }

    @Test
    void theReloadScriptIsInServedHtmlButNotInTheFilesOnDisk() throws Exception {
        start("https://owner.github.io/repo", 0, true);
        String served = get(preview.url().resolve("general/")).body();
        assertTrue(served.contains("<script src=\"/repo/__site-gen/live-reload.js\" data-build=\"" + preview.build()
                + "\" defer></script></body>"), served);
        String missing = get(preview.url().resolve("no-such-page/")).body();
        assertTrue(missing.contains("__site-gen/live-reload.js"), "the 404 page reloads too");

        String onDisk = Files.readString(root.resolve("preview/general/index.html"));
        assertFalse(onDisk.contains("__site-gen"), onDisk);
        HttpResponse<String> script = get(preview.url().resolve("__site-gen/live-reload.js"));
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(script.body().contains("location.reload()"));
        assertTrue(script.body().contains("new EventSource("), "a push, not a poll");
        assertFalse(get(preview.url().resolve("assets/site-gen.css")).body().contains("__site-gen"),
                "only HTML gets the script");
    }

    @Test
    void aTakenPortFallsBackToAFreeOneAndSaysSo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            start("", taken.getLocalPort());
            assertNotEquals(taken.getLocalPort(), preview.url().getPort());
            assertTrue(log.stream().anyMatch(line -> line.contains("Port " + taken.getLocalPort() + " is in use")
                    && line.contains(String.valueOf(preview.url().getPort()))), log.toString());
            assertEquals(200, get(preview.url()).statusCode());
        }
    }

    /**
     * Once closed, the preview answers nothing, and a connection it held is closed. Its port is free
     * again, so on a busy machine another program may take it at once and answer there (this test
     * once got another preview's page that way): what must never answer is this preview, whose site
     * has a title no other has.
     */
    @Test
    void closeStopsServingAndClosesTheConnectionsItHeld() throws Exception {
        String title = "Closed preview " + java.util.UUID.randomUUID();
        start(SITE.replace("title: Preview test", "title: " + title), "", 0, false);
        URI home = preview.url();
        assertTrue(get(home).body().contains(title));
        try (Socket held = new Socket(InetAddress.getLoopbackAddress(), home.getPort())) {
            held.setSoTimeout(60_000);
            preview.close();
            preview.close(); // twice is fine
            preview.awaitClose();
            assertEquals(-1, endOrReset(held), "the connection the preview held is closed");
        }
        try {
            assertFalse(get(home).body().contains(title), "the closed preview answered");
        } catch (IOException refused) {
            // nothing listens on the port any more
        }
    }

    private static int endOrReset(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read();
        } catch (java.net.SocketException reset) {
            return -1;
        }
    }

    /** Sends {@code request} on a new connection as it is, and returns the whole response. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), preview.url().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String get(String path, String host, String more) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n" + more + "\r\n";
    }

    @Test
    void aRequestForAnotherHostIsRefusedWithNoContent() throws Exception {
        start("", 0);
        int port = preview.url().getPort();
        for (String host : List.of("evil.example", "evil.example:" + port, "127.0.0.1", "127.0.0.1:" + (port + 1),
                "127.0.0.1.evil.example:" + port, "")) {
            String response = raw(get("/general/", host, ""));
            assertTrue(response.startsWith("HTTP/1.1 403 "), host + ": " + response);
            assertFalse(response.contains("first answer"), host + ": " + response);
            assertTrue(response.endsWith("\r\n\r\n"), "no content for " + host + ": " + response);
        }
        String missing = raw("GET /general/ HTTP/1.1\r\n\r\n");
        assertTrue(missing.startsWith("HTTP/1.1 403 "), "a request without Host: " + missing);
        String twice = raw(get("/general/", "127.0.0.1:" + port, "Host: evil.example\r\n"));
        assertTrue(twice.startsWith("HTTP/1.1 403 "), "a second, other Host: " + twice);
        for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LocalHost:" + port, "[::1]:" + port)) {
            String response = raw(get("/general/", host, ""));
            assertTrue(response.startsWith("HTTP/1.1 200 ") && response.contains("The first answer."), host + ": " + response);
        }
    }

    @Test
    void aPageOfARebindingDomainCannotReadThePreviewOrItsReloadChannel() throws Exception {
        // DNS rebinding: evil.example now resolves to 127.0.0.1, so the browser sends its name as Host
        // and its origin as Origin, to the page, the drafts and the channel that carries reloads.
        start("", 0);
        int port = preview.url().getPort();
        String origin = "Origin: http://evil.example:" + port + "\r\n";
        for (String path : List.of("/", "/general/", "/faq.json", "/" + PreviewServer.RESERVED + "build",
                "/" + PreviewServer.RESERVED + "live-reload.js")) {
            String rebound = raw(get(path, "evil.example:" + port, origin));
            assertTrue(rebound.startsWith("HTTP/1.1 403 ") && rebound.endsWith("\r\n\r\n"), path + ": " + rebound);
            String crossOrigin = raw(get(path, "127.0.0.1:" + port, "Origin: https://evil.example\r\n"));
            assertTrue(crossOrigin.startsWith("HTTP/1.1 403 ") && crossOrigin.endsWith("\r\n\r\n"), path + ": " + crossOrigin);
            String own = raw(get(path, "127.0.0.1:" + port, "Origin: http://127.0.0.1:" + port + "\r\n"));
            assertTrue(own.startsWith("HTTP/1.1 200 "), path + ": " + own);
        }
    }

    @Test
    void eightClientsThatSendHalfARequestHoldUpNoOtherRequestAndAreDropped() throws Exception {
        start("", 0);
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), preview.url().getPort());
                socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                stalled.add(socket);
            }
            // The author's requests are answered while all eight are still open (each is checked below).
            assertEquals(200, get(preview.url()).statusCode());
            assertEquals(200, get(preview.url().resolve("general/")).statusCode());
            for (Socket socket : stalled) {
                assertFalse(socket.isInputShutdown() || socket.isClosed());
                socket.setSoTimeout(1);
                assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read(),
                        "the half request is still open, unanswered");
            }
            for (Socket socket : stalled) {
                socket.setSoTimeout(15_000);
                try {
                    assertEquals(-1, socket.getInputStream().read(), "the server closes a stalled connection");
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("a stalled connection is still open after 15 s", e);
                } catch (SocketException e) {
                    // reset by the server: closed as well
                }
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void aPlusInAPathIsAPlusAndPercentTwentyIsASpace() throws Exception {
        Fixture.write(root, SITE + """
                -- static/c++.txt --
                plus
                -- static/a b.txt --
                space
                """);
        SiteGenConfig config = SiteGenConfig.builder(root.resolve("content"), root.resolve("preview"))
                .projectDirectory(root).staticDirectory(root.resolve("static")).build();
        preview = new PreviewServer(config, 0, root, listener).start();
        HttpResponse<String> plus = get(preview.url().resolve("c++.txt"));
        assertEquals(200, plus.statusCode(), plus.body());
        assertEquals("plus\n", plus.body());
        assertEquals("plus\n", get(preview.url().resolve("c%2B%2B.txt")).body());
        assertEquals("space\n", get(preview.url().resolve("a%20b.txt")).body());
        assertEquals(404, get(preview.url().resolve("a+b.txt")).statusCode(), "a plus is not a space");
    }
}
