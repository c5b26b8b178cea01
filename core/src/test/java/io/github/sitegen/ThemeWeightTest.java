package io.github.sitegen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in theme stays light: what a reader downloads for a page, without the search index. */
class ThemeWeightTest {

    /** A typical answer: about 85 words with some Markdown, like the benchmark's synthetic FAQ. */
    private static final String ANSWER = """
            Open the **billing page** and select *Edit details*. Then press Revoke access to finish. Each \
            team member queues the request and processes it in the background when the request is valid. \
            Your account manager checks your permissions first when the request is valid. The system asks \
            you to confirm your identity as long as you are signed in. Any administrator notifies the other \
            members of the workspace unless the feature is turned off, and [the guide](../other/index.html) \
            explains every step of it in detail.""";

    @TempDir
    Path root;

    @Test
    void aTopicPageOfTwentyQuestionsWeighsUnderSixtyKilobytesWithItsCssAndJavaScript() throws Exception {
        StringBuilder topic = new StringBuilder("title: Billing and payments\nsummary: Everything about paying.\nquestions:\n");
        for (int i = 1; i <= 20; i++) {
            topic.append("  - id: question-number-").append(i).append("-about-billing\n")
                    .append("    question: How do I change the billing details of workspace number ").append(i).append("?\n")
                    .append("    tags: [billing, account]\n")
                    .append("    answer: \"").append(ANSWER).append("\"\n");
        }
        Fixture.write(root, "-- content/billing.yaml --\n" + topic + "-- content/other.yaml --\ntitle: Other\n"
                + "questions: [{question: \"Other?\", answer: Yes.}]\n");
        Fixture.build(SiteGenConfig.builder(root.resolve("content"), root.resolve("out")).baseUrl("https://o.github.io/r"));
        Path out = root.resolve("out");
        long bytes = Files.size(out.resolve("billing/index.html")) + Files.size(out.resolve("assets/site-gen.css"))
                + Files.size(out.resolve("assets/site-gen.js"));
        assertTrue(bytes < 60 * 1024, "HTML + CSS + JS of a 20-question topic page: " + bytes + " bytes");
    }
}
