package io.github.sitegen.publish;

import static io.github.sitegen.publish.Workflow.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repository's GitHub Pages workflow keeps the properties GitHub documents, so it cannot rot
 * silently: current action majors, least permissions, one deployment at a time, the github-pages
 * environment, the base URL from configure-pages passed to the build, and the goals reference
 * published next to the verified site.
 */
class PagesWorkflowTest {

    private static Map<String, Object> workflow;

    @BeforeAll
    static void read() throws Exception {
        workflow = Workflow.read("pages.yml");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(String job) {
        return (List<Map<String, Object>>) at(workflow, "jobs", job, "steps");
    }

    private static List<String> uses(String job) {
        return steps(job).stream().map(s -> (String) s.get("uses")).filter(u -> u != null).toList();
    }

    @Test
    void itUsesTheCurrentMajorsOfTheOfficialActions() {
        assertEquals(List.of("actions/checkout@v6", "actions/setup-java@v5", "actions/configure-pages@v6",
                "actions/upload-pages-artifact@v5"), uses("build"));
        assertEquals(List.of("actions/deploy-pages@v5"), uses("deploy"));
    }

    @Test
    void itAsksForNoMorePermissionThanPublishingNeeds() {
        assertEquals(Map.of("contents", "read", "pages", "write", "id-token", "write"), at(workflow, "permissions"));
    }

    @Test
    void deploymentsRunOneAtATimeAndAreNeverCancelledHalfway() {
        assertEquals("pages", at(workflow, "concurrency", "group"));
        assertEquals(false, at(workflow, "concurrency", "cancel-in-progress"));
    }

    @Test
    void theDeployJobUsesTheGithubPagesEnvironmentAfterTheBuild() {
        assertEquals("build", at(workflow, "jobs", "deploy", "needs"));
        assertEquals("github-pages", at(workflow, "jobs", "deploy", "environment", "name"));
        assertEquals("${{ steps.deployment.outputs.page_url }}", at(workflow, "jobs", "deploy", "environment", "url"));
        assertEquals("deployment", steps("deploy").get(0).get("id"));
    }

    @Test
    void theBuildUsesTheWrapperWithTheBaseUrlFromConfigurePagesAndUploadsTheGeneratedSite() {
        Map<String, Object> pages = steps("build").stream().filter(s -> "pages".equals(s.get("id"))).findFirst().orElseThrow();
        assertEquals("actions/configure-pages@v6", pages.get("uses"));
        String run = steps("build").stream().map(s -> (String) s.get("run")).filter(r -> r != null)
                .collect(Collectors.joining("\n"));
        assertTrue(run.startsWith("./mvnw "), run);
        assertTrue(run.contains("-Dsite-gen.baseUrl=\"${{ steps.pages.outputs.base_url }}\""), run);
        assertTrue(run.contains(" verify"), "the site is verified before it is uploaded: " + run);
        Map<String, Object> upload = steps("build").stream()
                .filter(s -> "actions/upload-pages-artifact@v5".equals(s.get("uses"))).findFirst().orElseThrow();
        assertEquals("example-site/target/site-gen", at(upload, "with", "path"));
    }

    @Test
    void theGoalsReferenceIsCopiedUnderReferenceAfterVerifyAndBeforeTheUpload() {
        List<Map<String, Object>> build = steps("build");
        int verify = indexOf(build, "run", " verify -Dsite-gen.baseUrl=");
        int reference = indexOf(build, "run", " -pl plugin -am site");
        int upload = indexOf(build, "uses", "actions/upload-pages-artifact@");
        String run = (String) build.get(reference).get("run");
        assertTrue(run.startsWith("./mvnw "), run);
        assertTrue(run.contains("cp -R plugin/target/site example-site/target/site-gen/reference"), run);
        // verify fails on pages no link reaches, so the reference joins the site only once it is verified
        assertTrue(verify < reference && reference < upload, "verify " + verify + ", reference " + reference
                + ", upload " + upload);
    }

    private static int indexOf(List<Map<String, Object>> steps, String key, String part) {
        for (int i = 0; i < steps.size(); i++) {
            Object value = steps.get(i).get(key);
            if (value instanceof String text && text.contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no step whose " + key + " contains '" + part + "'");
    }

    @Test
    void itRunsOnPushesToMainAndByHand() {
        // SnakeYAML reads the key 'on' as the boolean true (YAML 1.1)
        Map<Object, Object> raw = at(workflow);
        Object on = raw.containsKey("on") ? raw.get("on") : raw.get(Boolean.TRUE);
        assertEquals(List.of("main"), at(on, "push", "branches"));
        assertTrue(((Map<?, ?>) on).containsKey("workflow_dispatch"));
    }
}
