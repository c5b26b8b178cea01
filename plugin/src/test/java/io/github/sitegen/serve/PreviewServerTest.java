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
        Fixture.write(root, SITE);
        SiteGenConfig config = SiteGenConfig.builder(root.resolve("content"), root.resolve("preview"))
                .projectDirectory(root).baseUrl(baseUrl).build();
        preview = new PreviewServer(config, port, root, listener).start();
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
    void aPreviewStartedWithCleanEmptiesTheBuildCacheForItsFirstBuildOnly() throws Exception {
        Fixture.write(root, SITE);
        SiteGenConfig config = SiteGenConfig.builder(root.resolve("content"), root.resolve("preview"))
                .projectDirectory(root).cacheDirectory(root.resolve("cache")).clean(true).build();
        preview = new PreviewServer(config, 0, root, listener).start();
        preview.rebuild();
        preview.rebuild();
        assertEquals(3, preview.build());
        assertEquals(1, log.stream().filter(line -> line.contains("because site-gen.clean is set")).count(), log.toString());
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

    @Test
    void theReloadScriptIsInServedHtmlButNotInTheFilesOnDisk() throws Exception {
        start("https://owner.github.io/repo", 0);
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

    @Test
    void closeStopsServing() throws Exception {
        start("", 0);
        URI home = preview.url();
        assertEquals(200, get(home).statusCode());
        preview.close();
        preview.close(); // twice is fine
        preview.awaitClose();
        assertThrows(IOException.class, () -> get(home));
    }

    @Test
    void aClientThatSendsHalfARequestHoldsUpNoOtherRequestAndIsDroppedAfterTheRequestTimeout() throws Exception {
        // The test JVM sets sun.net.httpserver.maxReqTime=10 (see the pom); the preview's own default is longer.
        start("", 0);
        try (Socket stalled = new Socket(InetAddress.getLoopbackAddress(), preview.url().getPort())) {
            stalled.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();
            Thread.sleep(300); // the server has started reading the stalled request
            assertEquals(200, get(preview.url()).statusCode());
            assertEquals(200, get(preview.url().resolve("general/")).statusCode());
            // Served while the stalled request still holds its connection, not after it was dropped:
            // no timing, which a busy machine would make fail by chance.
            stalled.setSoTimeout(1);
            assertThrows(SocketTimeoutException.class, () -> stalled.getInputStream().read(),
                    "the other requests were served only once the stalled connection was closed");

            stalled.setSoTimeout(90_000);
            try {
                assertEquals(-1, stalled.getInputStream().read(), "the server closes the stalled connection");
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the stalled connection is still open after 90 s", e);
            } catch (SocketException e) {
                // reset by the server: closed as well
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
