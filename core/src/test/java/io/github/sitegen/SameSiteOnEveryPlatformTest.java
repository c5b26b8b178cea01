package io.github.sitegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site does not depend on the platform it is built on: not on its line endings (a Windows
 * checkout may turn the content's into CRLF), nor on its path separator, which never reaches a URL
 * or a file of the site. CI builds the same sites on Linux, macOS and Windows and compares them.
 */
class SameSiteOnEveryPlatformTest {

    private static final String SITE = """
            -- content/site.yaml --
            title: Acme help
            introduction: |
              Answers for **Acme** users.

              Read the [billing answers](billing/index.html).
            logo: img/brand/logo.svg
            -- content/billing.yaml --
            title: Billing
            questions:
              - id: how-to-pay
                question: How do I pay?
                answer: |
                  With a card:

                  ```
                  pay --card
                  pay --invoice
                  ```

                  See [the guide](../docs/guides/pay.html) and [starting](../start/index.html#first).
            -- content/start.yaml --
            title: Getting started
            questions:
              - id: first
                question: Where do I begin?
                answer: >
                  Read [how to pay](../billing/index.html#how-to-pay),
                  then ask us.
            -- static/img/brand/logo.svg --
            <svg xmlns="http://www.w3.org/2000/svg"/>
            -- static/docs/guides/pay.html --
            <!doctype html><title>Pay</title>
            """;

    @TempDir
    Path root;

    private Path build(String name, String spec) throws Exception {
        Path project = Fixture.write(Files.createDirectories(root.resolve(name)), spec);
        Fixture.build(SiteGenConfig.builder(project.resolve("content"), project.resolve("out")).projectDirectory(project)
                .staticDirectory(project.resolve("static")));
        return project.resolve("out");
    }

    @Test
    void contentCheckedOutWithWindowsLineEndingsBuildsTheSameSite() throws Exception {
        Map<String, byte[]> unix = Fixture.contents(build("lf", SITE));
        String[] parts = SITE.split("(?=-- content/)|(?=-- static/)");
        StringBuilder windows = new StringBuilder();
        for (String part : parts) {
            windows.append(part.startsWith("-- content/") ? part.replace("\n", "\r\n").replaceFirst(" --\r\n", " --\n") : part);
        }
        Path crlf = build("crlf", windows.toString());
        assertEquals('\r', Files.readString(root.resolve("crlf/content/billing.yaml")).charAt("title: Billing".length()));
        Fixture.assertSameFiles(unix, Fixture.contents(crlf));
    }

    @Test
    void noFileOfTheSiteHoldsACarriageReturnOrABackslashInALink() throws Exception {
        Path out = build("site", SITE);
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : Fixture.contents(out).entrySet()) {
            String text = new String(file.getValue(), StandardCharsets.UTF_8);
            if (text.indexOf('\r') >= 0) {
                found.add(file.getKey() + " holds a carriage return");
            }
            if (file.getKey().endsWith(".html")) {
                for (Element link : Jsoup.parse(text).select("[href], [src]")) {
                    String url = link.hasAttr("href") ? link.attr("href") : link.attr("src");
                    if (url.contains("\\") || url.contains("%5C") || url.contains("%5c")) {
                        found.add(file.getKey() + " links to " + url);
                    }
                }
            }
        }
        assertEquals(List.of(), found);
        String written = Files.readString(out.resolve(".nojekyll"));
        assertFalse(written.contains("\\"), written);
        assertEquals(true, written.contains("\nimg/brand/logo.svg\n"), written);
    }
}
