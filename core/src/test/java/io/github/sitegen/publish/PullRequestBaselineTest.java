package io.github.sitegen.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The archetype's pull-request workflow passes the published site's faq.json to
 * {@code site-gen:check} as its baseline, and still runs for a site that was never published. The
 * download step's script runs here as GitHub runs it ({@code bash -eo pipefail}), with {@code gh}
 * replaced by a stub that answers the site's address and the site served on loopback.
 */
class PullRequestBaselineTest {

    private static final String STEP = "Download the published faq.json";

    private static List<Map<String, Object>> steps;

    @TempDir
    Path temp;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        Path file = Path.of(System.getProperty("siteGen.repositoryRoot", ".."))
                .resolve("archetype/src/main/resources/archetype-resources/.github/workflows/pull-request.yml");
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> workflow = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            steps = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) workflow.get("jobs"))
                    .get("check")).get("steps");
        }
    }

    private static Map<String, Object> step(String name) {
        return steps.stream().filter(s -> name.equals(s.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no step '" + name + "' in " + steps));
    }

    /** What the step printed and wrote to $GITHUB_ENV, with {@code gh} answering {@code pagesUrl} (or failing when null). */
    private List<String> runStep(String pagesUrl) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) && Files.isExecutable(Path.of("/usr/bin/curl")),
                "bash and curl run the workflow's script");
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path gh = bin.resolve("gh");
        Files.writeString(gh, pagesUrl == null ? "#!/bin/sh\necho 'HTTP 404: Not Found' >&2\nexit 1\n"
                : "#!/bin/sh\n[ \"$1 $2 $4\" = 'api repos/owner/repo/pages .html_url' ] || exit 2\necho '" + pagesUrl + "'\n");
        assertTrue(gh.toFile().setExecutable(true));
        Path script = temp.resolve("step.sh");
        Files.writeString(script, ((String) step(STEP).get("run")).replace("${{ github.repository }}", "owner/repo"));
        Path env = Files.writeString(temp.resolve("github-env"), "");
        ProcessBuilder bash = new ProcessBuilder("/bin/bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString())
                .redirectErrorStream(true);
        bash.environment().put("PATH", bin + ":/usr/bin:/bin");
        bash.environment().put("RUNNER_TEMP", temp.toString());
        bash.environment().put("GITHUB_ENV", env.toString());
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return List.of(output.strip(), Files.readString(env).strip());
    }

    @Test
    void thePublishedFaqJsonIsDownloadedAndPassedToCheckAsTheBaselineAndAFailedDownloadIsAWarning() throws Exception {
        byte[] faq = "{\"version\": 2, \"topics\": []}\n".getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            boolean found = path.equals("/repo/faq.json");
            exchange.sendResponseHeaders(found ? 200 : path.startsWith("/broken/") ? 500 : 404, found ? faq.length : -1);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(found ? faq : new byte[0]);
            }
        });
        server.start();
        try {
            String site = "http://127.0.0.1:" + server.getAddress().getPort();
            List<String> published = runStep(site + "/repo/");
            assertEquals("SITE_GEN_BASELINE=" + temp.resolve("published-faq.json"), published.get(1), published.get(0));
            assertEquals(new String(faq, StandardCharsets.UTF_8), Files.readString(temp.resolve("published-faq.json")));

            List<String> neverPublished = runStep(site + "/other/");
            assertEquals("", neverPublished.get(1));
            assertEquals("::notice::The site has no published faq.json yet, so published links are not compared",
                    neverPublished.get(0));

            List<String> serverError = runStep(site + "/broken/");
            assertEquals("", serverError.get(1));
            assertEquals("::warning::The published faq.json could not be downloaded (500), so published links are not"
                    + " compared", serverError.get(0));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRepositoryWithoutPagesChecksWithoutABaselineAndSaysSo() throws Exception {
        List<String> result = runStep(null);
        assertEquals("", result.get(1));
        assertEquals("::notice::The site has no published faq.json yet, so published links are not compared", result.get(0));
    }

    @Test
    void theCheckStepPassesTheBaselineTheDownloadFound() {
        assertTrue(((String) step("Check the content (strict)").get("run"))
                .endsWith("site-gen:check -Dsite-gen.strict=true -Dsite-gen.baseline=\"$SITE_GEN_BASELINE\""));
        assertTrue(steps.indexOf(step(STEP)) < steps.indexOf(step("Check the content (strict)")));
    }
}
