package io.github.sitegen.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.problem.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code site-gen:check -Dsite-gen.baseline=<the published faq.json>}: a change that would break a
 * link readers already have (a page or a question id of the published site) is an error at the
 * topic file to fix, saying how; one that keeps every link is not.
 */
class PublishedLinksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static final String BILLING = """
            title: Billing
            questions:
              - id: pay
                question: How do I pay?
                answer: By card or by bank transfer.
              - id: refund
                question: Can I get a refund?
                answer: Yes, within thirty days of paying.
              - id: invoice
                question: Where is my invoice?
                answer: In your account, under Invoices.
            """;

    private static final String ACCOUNT = """
            title: Account
            questions:
              - id: sign-in
                question: How do I sign in?
                answer: With your email address and password.
            """;

    @TempDir
    Path root;

    /** The loopback servers' threads: a stalled answer holds one. */
    private final ExecutorService serverThreads = Executors.newCachedThreadPool();

    /** Publishes {@code content} (billing and account topics) to {@code published/}, as the live site. */
    private void publish() throws Exception {
        Fixture.write(root, "-- content/billing.yaml --\n" + BILLING + "-- content/account.yaml --\n" + ACCOUNT);
        build("published");
    }

    private void build(String output) throws Exception {
        Fixture.build(SiteGenConfig.builder(root.resolve("content"), root.resolve(output)).projectDirectory(root));
    }

    private SiteGenConfig config() {
        return SiteGenConfig.builder(root.resolve("content"), root.resolve("out")).projectDirectory(root).build();
    }

    private List<String> errors(String baseline) throws IOException {
        return check(baseline).stream().filter(Problem::isError).map(p -> p.format(root)).toList();
    }

    private List<Problem> check(String baseline) throws IOException {
        return ContentCheck.run(config(), TODAY, baseline).problems();
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = root.resolve("content").resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), text);
        Files.writeString(path, text.replace(from, to));
    }

    @Test
    void aRenamedTopicWithoutPreviousPagesIsAnErrorAtTheTopicThatHasItsQuestionsSayingWhatToAdd() throws Exception {
        publish();
        Files.move(root.resolve("content/billing.yaml"), root.resolve("content/payments.yaml"));
        assertEquals(List.of("content/payments.yaml:1:1: error: the published site has the page 'billing/' (the topic"
                + " \"Billing\"), and no page is there now: its questions are in this topic (links to it would break:"
                + " add 'billing/' to this topic's previousPages)"), errors("published/faq.json"));
    }

    @Test
    void aRenamedTopicThatListsItsOldPageInPreviousPagesIsNoError() throws Exception {
        publish();
        Files.move(root.resolve("content/billing.yaml"), root.resolve("content/payments.yaml"));
        edit("payments.yaml", "title: Billing\n", "title: Billing\npreviousPages: [billing]\n");
        assertEquals(List.of(), errors("published/faq.json"));
    }

    @Test
    void aPublishedPreviousPageThatIsDroppedIsAnErrorAtThePreviousPagesOfTheTopic() throws Exception {
        publish();
        edit("billing.yaml", "title: Billing\n", "title: Billing\npreviousPages: [faq.html, help/billing.html]\n");
        build("published");
        edit("billing.yaml", "[faq.html, help/billing.html]", "[help/billing.html]");
        assertEquals(List.of("content/billing.yaml:2:17: error: the published site has the page 'faq.html' (the topic"
                + " \"Billing\"), and no page is there now: its questions are in this topic (links to it would break:"
                + " add 'faq.html' to this topic's previousPages)"), errors("published/faq.json"));
    }

    @Test
    void aQuestionMovedToAnotherTopicKeepsItsLinksSoItIsNoError() throws Exception {
        publish();
        edit("billing.yaml", """
                  - id: invoice
                    question: Where is my invoice?
                    answer: In your account, under Invoices.
                """, "");
        edit("account.yaml", "questions:\n", """
                questions:
                  - id: invoice
                    question: Where is my invoice?
                    answer: In your account, under Invoices.
                """);
        assertEquals(List.of(), errors("published/faq.json"));
    }

    @Test
    void aRemovedQuestionIsAnErrorWhereItWasInItsTopicFile() throws Exception {
        publish();
        edit("billing.yaml", """
                  - id: refund
                    question: Can I get a refund?
                    answer: Yes, within thirty days of paying.
                """, "");
        // Where it was: at the question that followed it (line 6 now).
        assertEquals(List.of("content/billing.yaml:6:5: error: the published site has the question id 'refund'"
                + " (\"Can I get a refund?\") on billing/, and no question has it now (links to it would break: add"
                + " 'refund' to the previousIds of the question that replaces it, or restore the question)"),
                errors("published/faq.json"));
    }

    @Test
    void aRemovedQuestionWhoseIdAnotherQuestionKeepsInPreviousIdsIsNoError() throws Exception {
        publish();
        edit("billing.yaml", """
                  - id: refund
                    question: Can I get a refund?
                    answer: Yes, within thirty days of paying.
                """, "");
        edit("account.yaml", "answer: With your email address and password.\n",
                "answer: With your email address and password.\n    previousIds: [refund]\n");
        assertEquals(List.of(), errors("published/faq.json"));
        assertTrue(ContentCheck.run(config(), TODAY, "published/faq.json").summary().endsWith(" in 2 topics and 3"
                + " questions; published links compared with the published site's faq.json (published/faq.json)"));
    }

    @Test
    void aRemovedTopicIsAnErrorForItsPageAndEachQuestionAtTheContentFolder() throws Exception {
        publish();
        Files.delete(root.resolve("content/account.yaml"));
        List<String> errors = errors("published/faq.json");
        assertEquals(2, errors.size(), errors.toString());
        Fixture.assertHasLine(errors, "content: error: the published site has the page 'account/' (the topic"
                + " \"Account\"), and no topic has it or lists it in previousPages now (links to it would break: restore"
                + " the topic, or add 'account/' to the previousPages of the topic that replaces it)");
        Fixture.assertHasLine(errors, "content: error: the published site has the question id 'sign-in'");
    }

    @Test
    void aRenamedIdOfAPreviousBuildIsStillComparedWithoutABaseline() throws Exception {
        Fixture.write(root, "-- content/billing.yaml --\n" + BILLING);
        build("out");
        edit("billing.yaml", "id: pay\n", "id: paying\n");
        assertEquals(List.of("content/billing.yaml:6:5: error: the previous build published the question id 'pay'"
                + " (\"How do I pay?\") on billing/, and no question has it now (links to it would break: add 'pay' to"
                + " the previousIds of the question that replaces it, or restore the question)"), errors(""));
    }

    @Test
    void aBaselineThatIsMissingIsAClearErrorNamingIt() throws Exception {
        publish();
        assertEquals(List.of("nowhere/faq.json: error: site-gen.baseline does not exist, so published links cannot be"
                + " compared (give the faq.json of the published site; a site that was never published has none: then"
                + " leave site-gen.baseline empty)"), errors("nowhere/faq.json"));
    }

    @Test
    void aBaselineThatIsNotJsonIsAClearErrorAtItsLineAndColumn() throws Exception {
        publish();
        Files.writeString(root.resolve("broken.json"), "{\n  \"version\": 2,\n  \"topics\": [\n    {\"id\": \"a\",,}\n");
        List<String> errors = errors("broken.json");
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("broken.json:4:16: error: site-gen.baseline is not valid JSON: "), errors.toString());
    }

    @Test
    void aBaselineInAnotherFormatIsAClearErrorSayingWhatIsWrong() throws Exception {
        publish();
        Files.writeString(root.resolve("list.json"), "[1, 2, 3]\n");
        Files.writeString(root.resolve("newer.json"), "{\"version\": 9, \"topics\": []}\n");
        Files.writeString(root.resolve("other.json"), "{\"version\": 2, \"questions\": []}\n");
        assertEquals(List.of("list.json: error: site-gen.baseline is not a site-gen faq.json: the file is not a JSON"
                + " object (give the faq.json a site-gen build published)"), errors("list.json"));
        assertEquals(List.of("newer.json: error: site-gen.baseline has format version 9, which this site-gen does not"
                + " know (it reads versions 1 to 2) (give the faq.json a site-gen build published)"), errors("newer.json"));
        assertEquals(List.of("other.json: error: site-gen.baseline is not a site-gen faq.json: 'topics' is missing"
                + " (give the faq.json a site-gen build published)"), errors("other.json"));
    }

    @Test
    void aBaselineWithoutVersionOrPagesFromAnOlderSiteGenIsStillCompared() throws Exception {
        publish();
        Files.writeString(root.resolve("old.json"), """
                {"site": {"title": "FAQ"}, "topics": [
                  {"id": "billing", "title": "Billing", "questions": [{"id": "pay", "question": "How do I pay?"}]},
                  {"id": "gone", "title": "Gone", "questions": [{"id": "old", "question": "Old?\\n[INFO] BUILD SUCCESS"}]}
                ]}
                """);
        List<String> errors = errors("old.json");
        assertEquals(2, errors.size(), errors.toString());
        Fixture.assertHasLine(errors, "content: error: the published site has the page 'gone/'");
        Fixture.assertHasLine(errors, "content: error: the published site has the question id 'old' (\"Old? [INFO] BUILD"
                + " SUCCESS\") on gone/");
    }

    @Test
    void aFolderBaselineIsReadLanguageByLanguageOnAMultilingualSite() throws Exception {
        Fixture.write(root, "-- content/en/billing.yaml --\n" + BILLING + "-- content/de/konto.yaml --\n" + """
                title: Konto
                questions:
                  - id: anmelden
                    question: Wie melde ich mich an?
                    answer: Mit Ihrer E-Mail-Adresse und Ihrem Passwort.
                """);
        build("published");
        edit("de/konto.yaml", "id: anmelden", "id: einloggen");
        assertEquals(List.of("content/de/konto.yaml:1:1: error: the published site has the question id 'anmelden'"
                + " (\"Wie melde ich mich an?\") on konto/, and no question has it now (links to it would break: add"
                + " 'anmelden' to the previousIds of the question that replaces it, or restore the question)"),
                errors("published"));
    }

    @Test
    void aBaselineUrlIsDownloadedAndAMissingOneIsAClearError() throws Exception {
        publish();
        edit("billing.yaml", "id: refund", "id: refunds");
        byte[] faq = Files.readAllBytes(root.resolve("published/faq.json"));
        HttpServer server = serve(exchange -> {
            boolean found = exchange.getRequestURI().getPath().equals("/repo/faq.json");
            exchange.sendResponseHeaders(found ? 200 : 404, found ? faq.length : -1);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(found ? faq : new byte[0]);
            }
        });
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/repo/";
            List<String> errors = errors(base + "faq.json");
            assertEquals(1, errors.size(), errors.toString());
            Fixture.assertHasLine(errors, "content/billing.yaml:9:5: error: the published site has the question id"
                    + " 'refund'");
            assertEquals(errors, errors(base), "the site's address reads its faq.json");
            assertEquals(List.of("error: site-gen.baseline " + base + "missing/faq.json does not exist, so published"
                    + " links cannot be compared (give the faq.json of the published site; a site that was never"
                    + " published has none: then leave site-gen.baseline empty)"), errors(base + "missing/faq.json"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void plainHttpIsRefusedForAnyHostButLoopback() throws Exception {
        publish();
        assertEquals(List.of("error: site-gen.baseline http://example.org/faq.json is not an https URL (plain http is"
                + " accepted only for a loopback address, such as a local test server) (give the faq.json of the published"
                + " site: its https URL, such as https://owner.github.io/repo/faq.json, or a downloaded copy)"),
                errors("http://example.org/faq.json"));
        assertTrue(Fetch.isLoopback("localhost") && Fetch.isLoopback("127.0.0.1") && Fetch.isLoopback("[::1]"));
        assertTrue(!Fetch.isLoopback("example.org") && !Fetch.isLoopback("10.0.0.1") && !Fetch.isLoopback("127.0.0.1.nip.io"));
    }

    @Test
    void aDownloadThatStallsOrIsTooLargeFailsWithoutWaitingForeverOrFillingTheMemory() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer server = serve(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/stalls")) {
                exchange.sendResponseHeaders(200, 100);
                exchange.getResponseBody().write('{');
                exchange.getResponseBody().flush();
                try {
                    release.await(); // never sends the rest
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write("x".repeat(5000).getBytes(StandardCharsets.UTF_8));
                }
            }
            exchange.close();
        });
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            // The stalled download never ends, so a short timeout ends it on any machine, however busy.
            Fetch.Failed stalled = assertThrows(Fetch.Failed.class,
                    () -> new Fetch(Duration.ofMillis(500), 1000).url(URI.create(base + "/stalls")));
            assertEquals("did not arrive within 500 ms", stalled.getMessage());
            Fetch.Failed large = assertThrows(Fetch.Failed.class,
                    () -> new Fetch(Fetch.DEFAULT.timeout(), 1000).url(URI.create(base + "/large")));
            assertEquals("is larger than 1000 bytes, more than a faq.json can be", large.getMessage());
        } finally {
            release.countDown();
            server.stop(0);
        }
    }

    @AfterEach
    void stopServerThreads() {
        serverThreads.shutdownNow();
    }

    private HttpServer serve(HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.setExecutor(serverThreads);
        server.start();
        return server;
    }
}
