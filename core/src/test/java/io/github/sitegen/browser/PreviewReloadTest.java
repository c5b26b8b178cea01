package io.github.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.serve.PreviewServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A page open in the preview reloads when a save is pushed to it, and keeps its place and open answers. */
class PreviewReloadTest {

    @TempDir
    Path root;

    private String topic(String firstAnswer) {
        StringBuilder yaml = new StringBuilder("title: General\nquestions:\n");
        for (int i = 0; i < 40; i++) {
            yaml.append("  - id: q").append(i).append("\n    question: Question number ").append(i).append("?\n")
                    .append("    answer: |\n      ").append(i == 0 ? firstAnswer : "Answer " + i + ".")
                    .append("\n\n      A second paragraph, so that the page is long enough to scroll.\n");
        }
        return yaml.toString();
    }

    @Test
    void aSavedAnswerReloadsTheOpenPageWhichKeepsItsScrollPositionAndOpenAnswers() throws Exception {
        Browser.assumeInstalled();
        Files.createDirectories(root.resolve("content"));
        Files.writeString(root.resolve("content/site.yaml"), "title: Reload\n");
        Files.writeString(root.resolve("content/general.yaml"), topic("The first answer."));
        SiteGenConfig config = SiteGenConfig.builder(root.resolve("content"), root.resolve("preview"))
                .projectDirectory(root).build();
        PreviewServer.Listener quiet = new PreviewServer.Listener() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warning(Problem problem) {
            }

            @Override
            public void failed(List<Problem> problems) {
            }
        };
        ChromeDriver driver = Browser.start(true);
        try (PreviewServer preview = new PreviewServer(config, 0, root, quiet).start()) {
            Browser.screen(driver, 800, 600);
            driver.get(preview.url().resolve("general/").toString());
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.executeScript("document.getElementById('q30').closest('details').open = true;"
                    + "document.getElementById('q31').closest('details').open = true;"
                    + "document.getElementById('q31').scrollIntoView();");
            long scrolled = ((Number) driver.executeScript("return Math.round(window.scrollY);")).longValue();
            assertTrue(scrolled > 0, "the page scrolled");
            driver.executeScript("window.notReloaded = true;");

            Files.writeString(root.resolve("content/general.yaml"), topic("The edited answer."));
            wait.until(d -> driver.executeScript("return window.notReloaded === undefined"
                    + " && document.body.textContent.includes('The edited answer.');"));
            wait.until(d -> ((Number) driver.executeScript("return Math.round(window.scrollY);")).longValue() == scrolled);
            List<String> open = driver.findElements(By.cssSelector("details[open] [id]")).stream()
                    .map(element -> element.getAttribute("id")).filter(id -> id.startsWith("q")).toList();
            assertEquals(List.of("q30", "q31"), open, "the answers open before the reload are open after it");
        } finally {
            driver.quit();
        }
    }
}
