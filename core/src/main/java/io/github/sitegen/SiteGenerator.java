package io.github.sitegen;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.sitegen.cache.BuildCache;
import io.github.sitegen.concurrent.Parallel;
import io.github.sitegen.content.ContentLoader;
import io.github.sitegen.content.RelatedMemory;
import io.github.sitegen.content.LanguageFolders;
import io.github.sitegen.markdown.MarkdownRenderer;
import io.github.sitegen.model.Site;
import io.github.sitegen.output.OutputFolder;
import io.github.sitegen.output.OutputLock;
import io.github.sitegen.output.Staging;
import io.github.sitegen.output.StaticFiles;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;
import io.github.sitegen.publish.Domains;
import io.github.sitegen.publish.Publisher;
import io.github.sitegen.render.Messages;
import io.github.sitegen.render.SiteRenderer;
import io.github.sitegen.render.TopicMemo;
import io.github.sitegen.render.Translations;
import io.github.sitegen.render.Urls;
import io.github.sitegen.theme.Theme;

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
     * Time per stage, in milliseconds: reading and checking the content, then rendering answers'
     * Markdown, templates and writing files (these three summed over the threads that render
     * topics in parallel, so they can add up to more than the wall time), and the whole build.
     */
    public record Stages(long validate, long markdown, long templates, long write, long total) {
        @Override
        public String toString() {
            return String.format("load and validate %d ms, Markdown %d ms, templates %d ms, write %d ms"
                    + " (Markdown, templates and write summed over threads)", validate, markdown, templates, write);
        }
    }

    /** Topic files the earlier builds of this generator read; {@code null}: every build reads all. */
    private final ContentLoader.Memo memo;
    /** Whether a warning fails the build as an error does (site-gen.strict). */
    private final boolean strict;

    /** A generator for one build, or for builds of different sites. */
    public SiteGenerator() {
        this(null, false);
    }

    private SiteGenerator(ContentLoader.Memo memo, boolean strict) {
        this.memo = memo;
        this.strict = strict;
    }

    /**
     * This generator, failing a build on warnings too ({@code site-gen.strict}), as check does:
     * the site is then not written, and every problem is reported.
     */
    public SiteGenerator strict(boolean value) {
        return new SiteGenerator(memo, value);
    }

    /**
     * A generator for builds of the same folders one after the other, such as a live preview's: it
     * keeps the topic files it read (and their parsed content) and parses again only those that
     * changed. It holds the content in memory between builds, and builds one site at a time.
     */
    public static SiteGenerator rebuilding() {
        return new SiteGenerator(new ContentLoader.Memo(), false);
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
        List<Path> inputs = Arrays.asList(config.contentDirectory(), config.templateDirectory(), config.staticDirectory());
        OutputFolder.place(config.outputDirectory(), config.projectDirectory(), inputs);
        // Builds of one output take turns, from reading it to replacing it.
        try (OutputLock turn = OutputLock.take(config.outputDirectory(), listener::info)) {
            OutputFolder output = OutputFolder.check(config.outputDirectory(), config.projectDirectory(), inputs);
            List<Problem> problems = new ArrayList<>();
            Theme theme = Theme.resolve(config.templateDirectory(), config.theme(), config.themeClassPath(), problems::add);
            try (BuildCache cache = BuildCache.open(config.cacheInputs(theme), listener::info)) {
                Optional<BuildCache.Published> current = cache.current(output.directory());
                if (current.isPresent()) {
                    return current(current.get(), output, start, listener, cache);
                }
                return generate(config, listener, start, cname, baseUrl, output, theme, cache, problems);
            }
        }
    }

    private Result generate(SiteGenConfig config, BuildListener listener, long start, String cname, String baseUrl,
                            OutputFolder output, Theme theme, BuildCache cache, List<Problem> problems)
            throws SiteGenException, IOException {
        StaticFiles statics = StaticFiles.scan(config.staticDirectory(), problems);
        // Without a memo of its own (the preview's, which also keeps the last find of related questions),
        // a build parses only the topic files whose drafts the cache does not keep, and finds again only
        // the related questions the cache's last find says can change.
        Editions loaded = load(config, statics, theme, baseUrl, memo != null ? memo : cache.drafts(),
                memo == null ? cache.related() : null, problems);
        List<Edition> editions = loaded.all();
        Translations translations = translations(editions, baseUrl);

        Parallel parallel = new Parallel(config.threads());
        SiteRenderer renderer = new SiteRenderer(theme, statics::publishes, config.structuredData(), parallel);
        try (Staging staging = output.stage(listener::info, cache.written(output.directory()).orElse(null))) {
            int pages = 0;
            List<Problem> found = Collections.synchronizedList(new ArrayList<>());
            for (Edition edition : editions) {
                SiteRenderer.Sink sink = edition.folder().isEmpty() ? staging : staging.below(edition.folder() + "/");
                TopicMemo memo = cache.edition(edition.folder(), edition.content(), edition.site(), translations, parallel);
                try (Publisher.SiteFiles files = Publisher.open(edition.site(), translations,
                        edition.language(translations), sink)) {
                    pages += renderer.render(edition.site(), sink, edition.renderAs(translations), files, memo, found::add);
                    files.finish();
                }
            }
            if (!translations.isEmpty()) {
                Edition main = loaded.defaultEdition();
                renderer.renderNotFound(main.site(), main.renderAs(translations), staging);
                renderer.renderLanguageChooser(main.site(), translations, baseUrl, staging);
                pages += 2;
            }
            Publisher.writeRootFiles(loaded.defaultEdition().site(), baseUrl, translations, cname, staging);
            problems.addAll(found);
            statics.copyInto(staging, problems);
            failOnErrors(problems);
            if (strict && !problems.isEmpty()) {
                throw SiteGenException.strict(problems);
            }
            staging.commit();
            problems.sort(Problem.READING_ORDER);
            Result result = report(editions, renderer, staging, output, pages, problems, start, baseUrl, listener, cache);
            cache.committed(new BuildCache.Published(staging.digests(), result.pages(), result.topics(), result.questions(),
                    result.bytes(), List.copyOf(problems)));
            problems.forEach(listener::warning);
            return result;
        }
    }

    /** One language of the site (the only one, with an empty folder, for a single-language site). */
    public record Edition(String folder, Path content, ContentLoader.Loaded loaded) {
        public Site site() {
            return loaded.site();
        }

        public Translations.Language language(Translations translations) {
            return translations.languages().stream().filter(l -> l.folder().equals(folder)).findFirst().orElse(null);
        }

        public SiteRenderer.Edition renderAs(Translations translations) {
            return translations.isEmpty() ? SiteRenderer.Edition.SINGLE
                    : new SiteRenderer.Edition(translations, language(translations));
        }
    }

    /**
     * Every language of the site, in folder-name order, and its default language (the root page's
     * and the root 404 page's): a root site.yaml's {@code defaultLanguage}, else the first.
     */
    private record Editions(List<Edition> all, Edition defaultEdition) {
    }

    /**
     * A site's content, loaded and checked as a build loads it, for a caller that renders it
     * itself (the live preview keeps its pages in memory): the theme, the static files, every
     * language and their translations, and the warnings found.
     */
    public record Content(Theme theme, StaticFiles statics, String baseUrl, String cname, List<Edition> editions,
                          Edition defaultEdition, Translations translations, List<Problem> warnings) {
    }

    /**
     * Loads the content {@code config} describes, parsing again only the topic files {@code memo}
     * does not hold as they are now.
     *
     * @throws SiteGenException with every error found (and the warnings found with them)
     */
    public static Content content(SiteGenConfig config, ContentLoader.Memo memo) throws SiteGenException, IOException {
        String cname = Domains.checkCname(config.cname());
        String baseUrl = baseUrl(config.baseUrl(), cname);
        List<Problem> problems = new ArrayList<>();
        Theme theme = Theme.resolve(config.templateDirectory(), config.theme(), config.themeClassPath(), problems::add);
        StaticFiles statics = StaticFiles.scan(config.staticDirectory(), problems);
        Editions loaded = load(config, statics, theme, baseUrl, memo, null, problems);
        return new Content(theme, statics, baseUrl, cname, loaded.all(), loaded.defaultEdition(),
                translations(loaded.all(), baseUrl), problems);
    }

    /**
     * Loads the content: one directory, or one folder per language. Problems of every language are
     * collected; errors throw them all together, with those found before (the theme's).
     */
    private static Editions load(SiteGenConfig config, StaticFiles statics, Theme theme, String baseUrl,
                                 ContentLoader.Memo memo, RelatedMemory related, List<Problem> problems)
            throws SiteGenException, IOException {
        ContentLoader reader = new ContentLoader(new MarkdownRenderer(config.trustRawHtml()),
                new ContentLoader.Options(config.drafts(), LocalDate.now(ZoneOffset.UTC), false),
                new Parallel(config.threads())).withFolders(config.contentDirectory(), statics).withTheme(theme);
        ContentLoader withMemo = memo != null ? reader.withMemo(memo) : reader;
        ContentLoader loader = related != null ? withMemo.withRelated(related) : withMemo;
        List<LanguageFolders.LanguageFolder> folders = LanguageFolders.detect(config.contentDirectory(), problems::add);
        folders.forEach(folder -> statics.checkFolder(folder.content(), folder.outputFolder(), problems::add));
        List<Edition> editions = new ArrayList<>();
        String defaultFolder = folders.isEmpty() ? ""
                : LanguageFolders.defaultLanguage(config.contentDirectory(), folders, problems::add).outputFolder();
        if (folders.isEmpty()) {
            load(loader, config.contentDirectory(), config, baseUrl, "en", problems)
                    .ifPresent(loaded -> editions.add(new Edition("", config.contentDirectory(), loaded)));
        }
        for (LanguageFolders.LanguageFolder folder : folders) {
            String editionUrl = baseUrl.isEmpty() ? "" : baseUrl + folder.outputFolder() + "/";
            load(loader, folder.content(), config, editionUrl, folder.tag(), problems)
                    .ifPresent(loaded -> editions.add(new Edition(folder.outputFolder(), folder.content(), loaded)));
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            // Another language's errors stop the build: report these languages' answers too.
            editions.forEach(edition -> problems.addAll(loader.answerProblems(edition.site().topics())));
            throw new SiteGenException(problems);
        }
        for (Edition edition : editions) {
            Messages.untranslated(theme, edition.site().info(), config.contentDirectory().resolve(edition.folder()))
                    .ifPresent(problems::add);
        }
        Edition defaultEdition = editions.stream().filter(e -> e.folder().equals(defaultFolder)).findFirst()
                .orElse(editions.get(0));
        return new Editions(editions, defaultEdition);
    }

    private static Optional<ContentLoader.Loaded> load(ContentLoader loader, Path content, SiteGenConfig config,
                                                       String baseUrl, String language, List<Problem> problems)
            throws IOException {
        try {
            ContentLoader.Loaded loaded = loader.load(content, config.defaultTitle(), baseUrl, language);
            problems.addAll(loaded.warnings());
            return Optional.of(loaded);
        } catch (SiteGenException e) {
            problems.addAll(e.problems());
            return Optional.empty();
        }
    }

    private static Translations translations(List<Edition> editions, String baseUrl) {
        if (editions.size() == 1 && editions.get(0).folder().isEmpty()) {
            return Translations.NONE;
        }
        List<Translations.Language> languages = new ArrayList<>();
        for (Edition edition : editions) {
            Set<String> topicIds = new java.util.HashSet<>();
            edition.site().topics().forEach(topic -> topicIds.add(topic.id()));
            languages.add(Translations.language(edition.site().info().language(), edition.folder(), topicIds));
        }
        return new Translations(languages, baseUrl);
    }

    private static Result report(List<Edition> editions, SiteRenderer renderer, Staging staging, OutputFolder output,
                                 int pages, List<Problem> problems, long start, String baseUrl, BuildListener listener,
                                 BuildCache cache) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        SiteRenderer.Timing timing = renderer.timing();
        long validate = editions.stream().mapToLong(e -> e.loaded().nanos()).sum();
        Stages stages = new Stages(validate / 1_000_000, timing.markdownNanos() / 1_000_000, timing.templateNanos() / 1_000_000,
                timing.writeNanos() / 1_000_000, millis);
        int topics = editions.stream().mapToInt(e -> e.site().topics().size()).sum();
        int questions = editions.stream().mapToInt(e -> e.site().questionCount()).sum();
        Result result = new Result(output.directory(), pages, staging.fileCount() + 1, staging.byteCount(),
                topics, questions, problems, millis, stages);
        String languages = editions.size() > 1 || !editions.get(0).folder().isEmpty()
                ? ", " + count(editions.size(), "language") : "";
        listener.info(String.format("site-gen wrote %s (%s, %s, %s%s) to %s in %d ms, %d pages per second; stages: %s",
                count(pages, "page"), count(topics, "topic"), count(questions, "question"), count(result.files(), "file"),
                languages, output.directory(), millis, millis == 0 ? pages * 1000L : pages * 1000L / millis, stages));
        if (!cache.summary().isEmpty()) {
            listener.info("site-gen: " + cache.summary());
        }
        if (staging.update() != null) {
            listener.info(String.format("site-gen: updated %s in place: %s written, %s removed, the other %d as they were",
                    output.directory(), count(staging.update().written().size(), "file"),
                    count(staging.update().removed().size(), "file"), result.files() - staging.update().written().size()));
        }
        if (!baseUrl.isEmpty() && !Urls.basePath(baseUrl).equals("/")) {
            listener.info("robots.txt is written, but crawlers read it only at the root of a host, not under "
                    + Urls.basePath(baseUrl) + "; submit " + baseUrl + "sitemap.xml in the search engines' webmaster tools");
        }
        return result;
    }

    /**
     * A build with nothing to do: the output is what the last build published, from the same inputs,
     * and stays as it is; that build's warnings are reported again.
     */
    private static Result current(BuildCache.Published published, OutputFolder output, long start, BuildListener listener,
                                  BuildCache cache) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        listener.info(String.format("site-gen: %s is current (%s, %s, %s): nothing it is made from changed since the"
                        + " last build, and every file is as that build wrote it (%s); checked in %d ms",
                output.directory(), count(published.pages(), "page"), count(published.topics(), "topic"),
                count(published.files().size(), "file"), cache.checked(), millis));
        listener.info("site-gen: " + cache.summary());
        published.warnings().forEach(listener::warning);
        return new Result(output.directory(), published.pages(), published.files().size(), published.bytes(),
                published.topics(), published.questions(), published.warnings(), millis, new Stages(0, 0, 0, 0, millis));
    }

    /**
     * The checked base URL; with a custom domain and no base URL, the domain's root. A base URL on
     * another host than the custom domain is a mistake that would publish wrong canonical URLs.
     */
    private static String baseUrl(String configured, String cname) throws SiteGenException {
        String baseUrl = Urls.checkedBaseUrl(configured);
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

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static void failOnErrors(List<Problem> problems) throws SiteGenException {
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new SiteGenException(problems);
        }
    }
}
