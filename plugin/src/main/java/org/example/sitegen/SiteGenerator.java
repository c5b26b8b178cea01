package org.example.sitegen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.example.sitegen.content.ContentLoader;
import org.example.sitegen.markdown.MarkdownRenderer;
import org.example.sitegen.model.Site;
import org.example.sitegen.output.OutputFolder;
import org.example.sitegen.output.Staging;
import org.example.sitegen.output.StaticFiles;
import org.example.sitegen.render.SiteRenderer;
import org.example.sitegen.render.TemplateEngine;
import org.example.sitegen.render.ThemeAssets;
import org.example.sitegen.render.Urls;

/**
 * The pipeline: check the configuration, load and validate the content into the immutable model,
 * render every page into a staging folder, then move the finished site into place.
 */
public final class SiteGenerator {

    /** What a build produced. */
    public record Result(Path outputDirectory, int pages, int files, long bytes, int topics, int questions,
                         List<Problem> warnings, long millis) {
    }

    /**
     * Builds the site described by {@code config}.
     *
     * @throws SiteGenException when content, templates or configuration have errors (all of them)
     * @throws IOException      when reading or writing fails
     */
    public Result generate(SiteGenConfig config, BuildListener listener) throws SiteGenException, IOException {
        long start = System.nanoTime();
        StringBuilder urlError = new StringBuilder();
        String baseUrl = Urls.normaliseBaseUrl(config.baseUrl(), urlError).orElseThrow(() -> SiteGenException.of(
                Problem.error(null, 0, 0, "site-gen.baseUrl: " + urlError,
                        "use the address the site is published at, such as https://owner.github.io/repo")));
        OutputFolder output = OutputFolder.check(config.outputDirectory(), config.projectDirectory(),
                Arrays.asList(config.contentDirectory(), config.templateDirectory(), config.staticDirectory()));

        List<Problem> problems = new ArrayList<>();
        StaticFiles statics = StaticFiles.scan(config.staticDirectory(), problems);
        Site site;
        try {
            ContentLoader.Loaded loaded = new ContentLoader(new MarkdownRenderer(config.trustRawHtml()))
                    .load(config.contentDirectory(), config.defaultTitle(), baseUrl);
            problems.addAll(loaded.warnings());
            site = loaded.site();
        } catch (SiteGenException e) {
            problems.addAll(0, e.problems());
            throw new SiteGenException(problems);
        }
        failOnErrors(problems);

        SiteRenderer renderer = new SiteRenderer(new TemplateEngine(config.templateDirectory()),
                ThemeAssets.load(config.templateDirectory()));
        try (Staging staging = output.stage()) {
            int pages = renderer.render(site, staging);
            statics.copyInto(staging, problems);
            failOnErrors(problems);
            staging.commit();
            problems.sort(Problem.READING_ORDER);
            problems.forEach(listener::warning);
            long millis = (System.nanoTime() - start) / 1_000_000;
            Result result = new Result(output.directory(), pages, staging.fileCount() + 1, staging.byteCount(),
                    site.topics().size(), site.questionCount(), problems, millis);
            listener.info(String.format("site-gen wrote %s (%s, %s, %s) to %s in %d ms", count(pages, "page"),
                    count(result.topics(), "topic"), count(result.questions(), "question"), count(result.files(), "file"),
                    output.directory(), millis));
            return result;
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static void failOnErrors(List<Problem> problems) throws SiteGenException {
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new SiteGenException(problems);
        }
    }
}
