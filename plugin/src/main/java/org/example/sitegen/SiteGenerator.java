package org.example.sitegen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.example.sitegen.content.ContentLoader;
import org.example.sitegen.markdown.MarkdownRenderer;
import org.example.sitegen.model.Site;
import org.example.sitegen.output.OutputFolder;
import org.example.sitegen.output.Staging;
import org.example.sitegen.output.StaticFiles;
import org.example.sitegen.publish.Domains;
import org.example.sitegen.publish.Publisher;
import org.example.sitegen.render.Messages;
import org.example.sitegen.render.SiteRenderer;
import org.example.sitegen.render.TemplateEngine;
import org.example.sitegen.render.ThemeAssets;
import org.example.sitegen.render.Urls;

/**
 * The pipeline: check the configuration, load and validate the content into the immutable model,
 * render every page into a staging folder, then move the finished site into place.
 */
public final class SiteGenerator {

    /** What a build produced, and how long each stage took (milliseconds). */
    public record Result(Path outputDirectory, int pages, int files, long bytes, int topics, int questions,
                         List<Problem> warnings, long millis, Stages stages) {
    }

    /**
     * Time per stage, in milliseconds: reading and checking the content, rendering Markdown,
     * templates and writing files (these two summed over the threads that render pages in
     * parallel, so they can add up to more than the wall time), and the whole build.
     */
    public record Stages(long validate, long markdown, long templates, long write, long total) {
        @Override
        public String toString() {
            return String.format("load and validate %d ms, Markdown %d ms, templates %d ms, write %d ms"
                    + " (templates and write summed over threads), total %d ms", validate, markdown, templates, write, total);
        }
    }

    /**
     * Builds the site described by {@code config}.
     *
     * @throws SiteGenException when content, templates or configuration have errors (all of them)
     * @throws IOException      when reading or writing fails
     */
    public Result generate(SiteGenConfig config, BuildListener listener) throws SiteGenException, IOException {
        long start = System.nanoTime();
        String cname = Domains.checkCname(config.cname());
        String baseUrl = baseUrl(config.baseUrl(), cname);
        OutputFolder output = OutputFolder.check(config.outputDirectory(), config.projectDirectory(),
                Arrays.asList(config.contentDirectory(), config.templateDirectory(), config.staticDirectory()));

        List<Problem> problems = new ArrayList<>();
        StaticFiles statics = StaticFiles.scan(config.staticDirectory(), problems);
        Site site;
        ContentLoader.Loaded loaded;
        try {
            loaded = new ContentLoader(new MarkdownRenderer(config.trustRawHtml()))
                    .load(config.contentDirectory(), config.defaultTitle(), baseUrl);
            problems.addAll(loaded.warnings());
            site = loaded.site();
        } catch (SiteGenException e) {
            problems.addAll(0, e.problems());
            throw new SiteGenException(problems);
        }
        failOnErrors(problems);
        untranslated(site, config.contentDirectory()).ifPresent(problems::add);

        SiteRenderer renderer = new SiteRenderer(new TemplateEngine(config.templateDirectory()),
                ThemeAssets.load(config.templateDirectory()), config.structuredData());
        try (Staging staging = output.stage()) {
            int pages = renderer.render(site, staging);
            Publisher.write(site, cname, staging);
            statics.copyInto(staging, problems);
            failOnErrors(problems);
            staging.commit();
            problems.sort(Problem.READING_ORDER);
            problems.forEach(listener::warning);
            long millis = (System.nanoTime() - start) / 1_000_000;
            SiteRenderer.Timing timing = renderer.timing();
            Stages stages = new Stages(loaded.validateNanos() / 1_000_000, loaded.markdownNanos() / 1_000_000,
                    timing.templateNanos() / 1_000_000, timing.writeNanos() / 1_000_000, millis);
            Result result = new Result(output.directory(), pages, staging.fileCount() + 1, staging.byteCount(),
                    site.topics().size(), site.questionCount(), problems, millis, stages);
            listener.info(String.format("site-gen wrote %s (%s, %s, %s) to %s in %d ms", count(pages, "page"),
                    count(result.topics(), "topic"), count(result.questions(), "question"), count(result.files(), "file"),
                    output.directory(), millis));
            listener.info(String.format("site-gen stages: %s; %d pages per second", stages,
                    millis == 0 ? pages * 1000L : pages * 1000L / millis));
            if (!baseUrl.isEmpty() && !Urls.basePath(baseUrl).equals("/")) {
                listener.info("robots.txt is written, but crawlers read it only at the root of a host, not under "
                        + Urls.basePath(baseUrl) + "; submit " + baseUrl + "sitemap.xml in the search engines' webmaster tools");
            }
            return result;
        }
    }

    /**
     * The checked base URL; with a custom domain and no base URL, the domain's root. A base URL on
     * another host than the custom domain is a mistake that would publish wrong canonical URLs.
     */
    private static String baseUrl(String configured, String cname) throws SiteGenException {
        StringBuilder error = new StringBuilder();
        String baseUrl = Urls.normaliseBaseUrl(configured, error).orElseThrow(() -> SiteGenException.of(
                Problem.error(null, 0, 0, "site-gen.baseUrl: " + error,
                        "use the address the site is published at, such as https://owner.github.io/repo")));
        if (cname.isEmpty()) {
            return baseUrl;
        }
        if (baseUrl.isEmpty()) {
            return "https://" + cname + "/";
        }
        if (!java.net.URI.create(baseUrl).getHost().equals(cname)) {
            throw SiteGenException.of(Problem.error(null, 0, 0, "site-gen.baseUrl " + baseUrl
                    + " is not on the custom domain site-gen.cname " + cname,
                    "with a custom domain the site is served at https://" + cname + "/"));
        }
        return baseUrl;
    }

    /** A warning when the theme has no translation of some interface strings for the site's language. */
    private static Optional<Problem> untranslated(Site site, Path contentDirectory) throws IOException {
        Set<String> missing = Messages.load(site.info().language(), site.info().messages()).missing();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        Path siteFile = contentDirectory.resolve("site.yaml");
        return Optional.of(Problem.warning(Files.exists(siteFile) ? siteFile : contentDirectory, 0, 0, missing.size()
                + " interface strings have no '" + site.info().language() + "' translation and show in English: "
                + String.join(", ", missing), "translate them under 'messages:' in site.yaml"));
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
