package io.github.sitegen.publish;

import static io.github.sitegen.publish.Workflow.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compatibility workflow keeps testing every platform a user may build on: the whole suite on
 * Linux, macOS and Windows with Java 17 and 21, browser tests required wherever the runner has
 * Chrome, Windows through mvnw.cmd, and the sites of all six compared with Linux's.
 */
class CompatWorkflowTest {

    private static Map<String, Object> workflow;

    @BeforeAll
    static void read() throws Exception {
        workflow = Workflow.read("compat.yml");
    }

    private static List<Map<String, Object>> steps(String job) {
        return at(workflow, "jobs", job, "steps");
    }

    private static String runs(String job) {
        return String.join("\n", steps(job).stream().map(step -> String.valueOf(step.get("run"))).toList());
    }

    @Test
    void theWholeSuiteRunsOnLinuxMacOsAndWindowsWithJava17And21() {
        assertEquals("${{ matrix.os }}", at(workflow, "jobs", "platforms", "runs-on"));
        assertEquals(List.of("ubuntu-latest", "macos-latest", "windows-latest"),
                at(workflow, "jobs", "platforms", "strategy", "matrix", "os"));
        assertEquals(List.of("17", "21"), at(workflow, "jobs", "platforms", "strategy", "matrix", "java"));
        assertEquals(false, at(workflow, "jobs", "platforms", "strategy", "fail-fast"), "one platform's failure hides no other's");
        String runs = runs("platforms");
        assertTrue(runs.contains("mvnw.cmd install") && runs.contains("./mvnw install"), runs);
        assertTrue(runs.contains("SITE_GEN_BROWSER_TESTS=required") && runs.contains("CHROME_PATH=")
                && runs.contains("CHROMEDRIVER_PATH="), "browser tests run on the runner's Chrome: " + runs);
    }

    @Test
    void everyPlatformsSitesAreComparedWithLinuxsByteForByte() {
        assertTrue(runs("platforms").contains("scripts/platform-sites.sh"));
        assertEquals("platforms", at(workflow, "jobs", "same-on-every-platform", "needs"));
        String compare = runs("same-on-every-platform");
        assertTrue(compare.contains("sites-ubuntu-latest-java-17/platform-sites.sha256") && compare.contains("diff"), compare);
        assertTrue(Files.isRegularFile(Workflow.file("scripts/SiteManifest.java")));
    }

    @Test
    void theMacOsJobMeasuresThePreviewsSaveToPageLatencyAndPrintsIt() {
        Map<String, Object> bench = steps("platforms").stream()
                .filter(step -> String.valueOf(step.get("run")).contains("bench/serve.sh 1000")).findFirst()
                .orElseThrow(() -> new AssertionError("no step runs bench/serve.sh 1000: " + runs("platforms")));
        String when = String.valueOf(bench.get("if"));
        assertTrue(when.contains("runner.os != 'Windows'") && !when.contains("macOS'"), "it runs on macOS: " + when);
        assertEquals("1", at(bench, "env", "SKIP_HUGO"), "no Hugo on the runner");
        assertTrue(String.valueOf(bench.get("run")).contains("GITHUB_STEP_SUMMARY"), "the figures are printed");
        assertTrue(Files.isRegularFile(Workflow.file("bench/serve.sh")));
    }
}
