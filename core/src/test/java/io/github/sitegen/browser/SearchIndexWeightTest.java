package io.github.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.verify.PagesServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * On a site of 10,000 questions (500 topics of 20, words drawn from a vocabulary of 20,000 with
 * the skewed frequencies of real text), a reader's first search, typed on a fresh page a letter
 * every 150 ms (so that each letter is searched, as for a reader typing), loads at most 250 KB of
 * the search index, gzip-compressed as GitHub Pages serves it; the whole index is several times
 * that.
 */
class SearchIndexWeightTest {

    private static final int BUDGET = 250 * 1024;
    private static final int VOCABULARY = 20_000;
    private static final String[] SYLLABLES = {"ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe",
            "ri", "so", "tu", "va", "we", "xi", "yo", "za", "bre", "cla", "dro", "fle", "gri", "pla", "sto", "tra"};

    @TempDir
    Path root;

    /** The word of rank {@code rank}: short for the frequent ones, as in real text. */
    private static String word(int rank) {
        StringBuilder word = new StringBuilder();
        int rest = rank;
        do {
            word.append(SYLLABLES[rest % SYLLABLES.length]);
            rest /= SYLLABLES.length;
        } while (rest > 0);
        return word.toString();
    }

    /** A word drawn with Zipf's law (the word of rank r about 1/r as frequent as the most frequent one). */
    private static String zipf(Random random) {
        double harmonic = Math.log(VOCABULARY) + 0.5772;
        double target = random.nextDouble() * harmonic;
        return word(Math.max(0, Math.min(VOCABULARY - 1, (int) Math.exp(target - 0.5772) - 1)));
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(zipf(random));
        }
        return text.toString();
    }

    @Test
    void theFirstSearchOnASiteOfTenThousandQuestionsLoadsAtMost250KilobytesOfTheIndex() throws Exception {
        Browser.assumeInstalled();
        Random random = new Random(42);
        List<String> questions = new ArrayList<>();
        for (int t = 0; t < 500; t++) {
            StringBuilder topic = new StringBuilder("title: Topic ").append(t).append(' ').append(words(random, 3))
                    .append("\nquestions:\n");
            for (int q = 0; q < 20; q++) {
                String question = words(random, 8 + random.nextInt(7)) + "?";
                questions.add(question);
                topic.append("  - id: q").append(t).append('-').append(q).append("\n    question: \"").append(question)
                        .append("\"\n    answer: \"").append(words(random, 60 + random.nextInt(61))).append(".\"\n");
            }
            Files.createDirectories(root.resolve("content"));
            Files.writeString(root.resolve("content/topic-" + t + ".yaml"), topic);
        }
        Path site = root.resolve("site");
        Fixture.build(SiteGenConfig.builder(root.resolve("content"), site).baseUrl("https://acme.github.io/faq"));
        long whole = gzip(site.resolve("search-index.js"));
        try (var parts = Files.list(site.resolve("search-index"))) {
            for (Path part : parts.toList()) {
                whole += gzip(part);
            }
        }
        String rare = word(VOCABULARY - 7);
        String[] question = questions.get(4321).replace("?", "").split(" ");
        List<String> searches = List.of(question[1] + " " + question[2] + " " + question[3], word(0), rare,
                rare.substring(0, 2) + rare.charAt(3) + rare.charAt(2) + rare.substring(4));
        try (PagesServer server = new PagesServer(site, "/faq/")) {
            ChromeDriver driver = Browser.start(true);
            try {
                for (String search : searches) {
                    long loaded = firstSearch(driver, server.baseUri(), site, search);
                    assertTrue(loaded <= BUDGET, "'" + search + "' loaded " + loaded + " bytes gzip-compressed of " + whole);
                }
            } finally {
                driver.quit();
            }
        }
        assertTrue(whole > 4 * BUDGET, "the whole index is larger than that: " + whole);
    }

    /** Types {@code search} on a fresh page and returns the gzip-compressed size of the index files it loaded. */
    private static long firstSearch(ChromeDriver driver, URI base, Path site, String search)
            throws IOException, InterruptedException {
        driver.get("about:blank");
        driver.get(base.resolve("topic-0/index.html").toString());
        WebElement input = driver.findElement(By.id("sg_search"));
        input.click();
        for (char c : search.toCharArray()) {
            input.sendKeys(String.valueOf(c));
            Thread.sleep(150);
        }
        new WebDriverWait(driver, Browser.PATIENCE).until(d -> !d.findElements(
                By.cssSelector("#sg_results:not([aria-busy]) li")).isEmpty());
        assertFalse(driver.findElements(By.cssSelector("#sg_results [role=option][id]")).isEmpty(), "'" + search + "' finds");
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) driver.executeScript(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
        long total = 0;
        int files = 0;
        for (String url : urls) {
            String path = URI.create(url).getPath().substring(base.getPath().length());
            if (path.startsWith("search-index")) {
                total += gzip(site.resolve(path));
                files++;
            }
        }
        assertTrue(files >= 3, "the words, postings and documents are loaded: " + urls);
        assertEquals(List.of(), Browser.consoleErrors(driver));
        return total;
    }

    private static long gzip(Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(Files.readAllBytes(file));
        }
        return out.size();
    }
}
