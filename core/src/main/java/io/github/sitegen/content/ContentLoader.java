package io.github.sitegen.content;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.github.sitegen.concurrent.Parallel;
import io.github.sitegen.input.InputFolder;
import io.github.sitegen.input.PortableNames;
import io.github.sitegen.markdown.MarkdownRenderer;
import io.github.sitegen.markdown.Text;
import io.github.sitegen.model.Answer;
import io.github.sitegen.model.Html;
import io.github.sitegen.model.Link;
import io.github.sitegen.model.Question;
import io.github.sitegen.model.QuestionLink;
import io.github.sitegen.model.Site;
import io.github.sitegen.model.SiteInfo;
import io.github.sitegen.model.Topic;
import io.github.sitegen.output.Digest;
import io.github.sitegen.output.StaticFiles;
import io.github.sitegen.problem.Binary;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;
import io.github.sitegen.render.Messages;
import io.github.sitegen.render.Urls;
import io.github.sitegen.theme.Layer;
import io.github.sitegen.theme.Theme;
import io.github.sitegen.input.FileStat;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads a content directory ({@code site.yaml} plus one {@code <topic-id>.yaml} per topic) into the
 * immutable {@link Site} model, checking everything the format promises. All problems of all files
 * are collected; if any is an error, {@link #load} throws them together.
 */
public final class ContentLoader {

    /** The title of a site whose build names none (no Maven project): generic, and not warned about. */
    public static final String GENERIC_TITLE = "Frequently asked questions";

    static final Set<String> SITE_KEYS = Set.of("title", "description", "language", "introduction", "image", "messages",
            "reviewEvery", "logo", "links", "footer", "editUrl", "askUrl", "allOnOnePage", "feedbackUrl",
            "findRelated");
    static final Set<String> LINK_KEYS = Set.of("text", "url");
    static final Set<String> TOPIC_KEYS = Set.of("title", "summary", "order", "reviewEvery", "questions", "previousIds",
            "previousPages");
    static final Set<String> QUESTION_KEYS = Set.of("id", "question", "answer", "tags", "related", "previousIds",
            "aliases", "reviewed", "owner", "draft");

    /** Headings in answers start at {@code <h3>}: each answer sits below its question's h2. */
    private static final int ANSWER_TOP_HEADING = 3;
    /** The introduction sits right below the home page's h1, a summary right below its topic page's h1. */
    private static final int INTRODUCTION_TOP_HEADING = 2;
    private static final int SUMMARY_TOP_HEADING = 2;
    /** On the home page a summary sits below its topic's h2. */
    private static final int HOME_SUMMARY_TOP_HEADING = 3;
    private static final String DEFAULT_LANGUAGE = "en";
    /**
     * How many topics, spread evenly over the site, tell its script by their titles and questions;
     * a larger site is sampled, not read whole.
     */
    private static final int LANGUAGE_SAMPLE_TOPICS = 200;

    private final MarkdownRenderer markdown;
    private final Options options;
    private final Parallel parallel;
    /** Where edit links name topic files from; {@code null}: from the content directory loaded. */
    private final Path contentRoot;
    /** The static folder's files, against which the logo and links are checked; {@code null}: not checked. */
    private final StaticFiles statics;
    /** The theme whose interface strings site.yaml may override, and which titles alerts. */
    private final Theme theme;
    /** Topic files earlier loads read; {@code null} to read every file. */
    private final Memo memo;
    /** The last find of related questions, when not the memo's; {@code null}: every list is found. */
    private final RelatedMemory related;

    /**
     * How a load treats drafts and reviews.
     *
     * @param drafts    keep questions marked {@code draft: true} (a preview) instead of leaving them out
     * @param today     the day reviews are due against
     * @param editorial also report the editorial findings of {@link Lint} (the check goal): weak
     *                  answers, questions that are not questions, duplicates and near-duplicates,
     *                  overdue reviews (links that point nowhere are reported by every load)
     */
    public record Options(boolean drafts, LocalDate today, boolean editorial) {
        public static final Options PUBLISH = new Options(false, LocalDate.now(ZoneOffset.UTC), false);
    }

    public ContentLoader(MarkdownRenderer markdown) {
        this(markdown, Options.PUBLISH);
    }

    public ContentLoader(MarkdownRenderer markdown, Options options) {
        this(markdown, options, Parallel.perCore());
    }

    /** @param parallel the threads that read and check topic files */
    public ContentLoader(MarkdownRenderer markdown, Options options, Parallel parallel) {
        this(markdown, options, parallel, null, null, Theme.builtIn(), null, null);
    }

    private ContentLoader(MarkdownRenderer markdown, Options options, Parallel parallel, Path contentRoot,
                          StaticFiles statics, Theme theme, Memo memo, RelatedMemory related) {
        this.markdown = markdown;
        this.options = options;
        this.parallel = parallel;
        this.contentRoot = contentRoot;
        this.statics = statics;
        this.theme = theme;
        this.memo = memo;
        this.related = related;
    }

    /**
     * This loader, for the folders of a build: edit links name topic files by their path from
     * {@code contentRoot} (the content directory, above its language folders), site.yaml's
     * {@code logo} must be one of {@code statics}, and relative URLs in content that point at no
     * file of the site are reported. Without it, neither is looked for.
     */
    public ContentLoader withFolders(Path contentRoot, StaticFiles statics) {
        return new ContentLoader(markdown, options, parallel, contentRoot, statics, theme, memo, related);
    }

    /** This loader, for a site rendered with {@code theme} (without it, the built-in theme). */
    public ContentLoader withTheme(Theme theme) {
        return new ContentLoader(markdown, options, parallel, contentRoot, statics, theme, memo, related);
    }

    /** This loader, parsing only the topic files that changed since the loads {@code memo} remembers. */
    public ContentLoader withMemo(Memo memo) {
        return new ContentLoader(markdown, options, parallel, contentRoot, statics, theme, memo, related);
    }

    /** This loader, finding again only the related questions that can change since the last find {@code related} holds. */
    public ContentLoader withRelated(RelatedMemory related) {
        return new ContentLoader(markdown, options, parallel, contentRoot, statics, theme, memo, related);
    }

    /**
     * The result of a successful load: the site, the warnings found on the way, and the time spent
     * reading and checking the files (wall-clock nanoseconds). Answers are not rendered yet: their
     * problems are found when they are ({@link Topic#rendered}).
     */
    public record Loaded(Site site, List<Problem> warnings, long nanos) {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Loads {@code contentDirectory}.
     *
     * @param defaultTitle the title used when {@code site.yaml} sets none
     * @param baseUrl      the normalised base URL, or empty
     * @throws SiteGenException with every problem, when any is an error
     * @throws IOException      when a file cannot be read
     */
    public Loaded load(Path contentDirectory, String defaultTitle, String baseUrl) throws SiteGenException, IOException {
        return load(contentDirectory, defaultTitle, baseUrl, DEFAULT_LANGUAGE);
    }

    /**
     * Loads {@code contentDirectory}, whose language is {@code defaultLanguage} unless its
     * {@code site.yaml} says otherwise (one language folder of a multilingual site).
     */
    public Loaded load(Path contentDirectory, String defaultTitle, String baseUrl, String defaultLanguage)
            throws SiteGenException, IOException {
        Inspected inspected = inspect(contentDirectory, defaultTitle, baseUrl, defaultLanguage, false);
        if (inspected.hasErrors()) {
            // No page will render these answers: render them here, so that one run reports everything.
            List<Problem> all = new ArrayList<>(inspected.problems());
            all.addAll(answerProblems(inspected.site().topics()));
            throw new SiteGenException(all);
        }
        return new Loaded(inspected.site(), inspected.problems(), inspected.nanos());
    }

    /**
     * Everything a load finds, errors included, with the site built from what could be read: the
     * check goal reports the site-wide warnings (and compares ids with the previous build) even
     * when some file has an error. Answers are not rendered yet ({@link #answerProblems}).
     *
     * @param site      the topics and questions that could be read
     * @param problems  errors and warnings, in the order found
     * @param places    every anchor (ids and previous ids of published questions, complete or not,
     *                  and topics' previous ids) and every topic, with where each is written
     * @param everyFile whether every topic file could be read (else an id may be in the unread one)
     */
    public record Inspected(Site site, List<Problem> problems, Places places, boolean everyFile, long nanos) {
        public Inspected {
            problems = List.copyOf(problems);
        }

        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    /** Reads and checks {@code contentDirectory} as {@link #load} does, but returns errors rather than throwing them. */
    public Inspected inspect(Path contentDirectory, String defaultTitle, String baseUrl, String defaultLanguage)
            throws SiteGenException, IOException {
        return inspect(contentDirectory, defaultTitle, baseUrl, defaultLanguage, true);
    }

    /** {@link #inspect}, with the anchors' places only when {@code places} (a load needs none: they are empty). */
    private Inspected inspect(Path contentDirectory, String defaultTitle, String baseUrl, String defaultLanguage,
                              boolean places) throws SiteGenException, IOException {
        long start = System.nanoTime();
        Problems problems = new Problems();
        if (!Files.isDirectory(contentDirectory)) {
            throw SiteGenException.of(Problem.error(contentDirectory, 0, 0,
                    Files.exists(contentDirectory) ? "the content directory is a file, not a directory"
                            : "the content directory does not exist",
                    "create it with one <topic-id>.yaml file per topic, or point site-gen.contentDirectory at your content"));
        }
        Path siteFile = null;
        List<Path> topicFiles = new ArrayList<>();
        InputFolder folder = InputFolder.of(contentDirectory, "content folder");
        PortableNames.Folder names = new PortableNames.Folder();
        try (Stream<Path> entries = Files.list(contentDirectory)) {
            for (Path entry : entries.sorted(PortableNames.BY_NAME).toList()) {
                String name = entry.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (name.startsWith(".") || !folder.admits(entry, problems::add)) {
                    continue;
                }
                if (!Files.isDirectory(entry) && !Files.isRegularFile(entry)) {
                    // Reading a pipe named faq.yaml would block the build.
                    problems.add(Problem.warning(entry, 0, 0, "not a regular file (a pipe, socket or device), so it is"
                            + " not read", "remove it from the content folder"));
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    problems.add(Problem.warning(entry, 0, 0, "folder ignored: topics are read from the top level of the content directory only", null));
                } else if (lower.equals("site.yaml") || lower.equals("site.yml")) {
                    if (siteFile != null) {
                        problems.add(Problem.error(entry, 0, 0, "both " + siteFile.getFileName() + " and " + name + " exist",
                                "keep one of them"));
                    }
                    siteFile = entry;
                } else if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
                    Optional<String> clash = names.clash(name);
                    if (clash.isPresent()) {
                        problems.add(Problem.error(entry, 0, 0, clash.get(), "keep one file per topic, in lowercase"));
                    } else {
                        names.add(name);
                        topicFiles.add(entry);
                    }
                }
            }
        }
        boolean inLanguageFolder = contentRoot != null && !contentRoot.equals(contentDirectory);
        ContentUrls urls = new ContentUrls(statics == null ? null : statics::publishes, inLanguageFolder, baseUrl);
        SiteSettings settings = readSite(contentDirectory, siteFile, defaultTitle, baseUrl, defaultLanguage, urls, problems);
        if (!settings.titleGiven() && !GENERIC_TITLE.equals(defaultTitle)) {
            untitled(contentDirectory, siteFile, settings.info().title(), problems);
        }
        SiteInfo given = settings.info();
        List<TopicFile> readable = topicFilesWithValidIds(topicFiles, problems);
        if (statics != null && !inLanguageFolder) {
            for (TopicFile topic : readable) {
                statics.checkFolder(topic.path(), topic.id(), problems::add);
            }
        }
        List<TopicDraft> drafts = new ArrayList<>();
        if (memo != null) {
            memo.keep(contentDirectory, topicFiles);
        }
        (memo == null ? parallel.map(readable, IOException.class, RuntimeException.class,
                        file -> readTopic(file.path(), file.id(), problems))
                : HitsFirst.map(readable, file -> memo.kept(file.path(), file.id(), problems),
                        file -> memo.read(file.path(), file.id(), problems), parallel, IOException.class, RuntimeException.class))
                .forEach(draft -> draft.ifPresent(drafts::add));
        if (topicFiles.isEmpty()) {
            problems.add(Problem.error(contentDirectory, 0, 0, "the content directory has no topic files",
                    "add one <topic-id>.yaml file per topic, with a title and a list of questions"));
        }
        SiteInfo detected = settings.languageGiven() || !defaultLanguage.equals(DEFAULT_LANGUAGE) ? given
                : withDetectedLanguage(given, drafts, siteFile == null ? contentDirectory : siteFile, problems, memo);
        UnaryOperator<String> alertTitles = alertTitles(detected.language(), detected.messages());
        // The introduction's and the footer's alerts are titled in the language found (their problems are reported).
        SiteInfo info = detected == given ? detected
                : detected.withRendered(rerender(settings.introduction(), detected.introduction(), urls.on(Urls.HOME), alertTitles),
                        rerender(settings.footer(), detected.footer(), UnaryOperator.identity(), alertTitles));
        drafts.sort(Comparator.comparingInt(TopicDraft::order)
                .thenComparing(TopicDraft::title, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(TopicDraft::id));
        Map<String, QuestionDraft> byId = assignIds(drafts, problems);
        Set<String> topicIds = drafts.stream().map(TopicDraft::id).collect(java.util.stream.Collectors.toUnmodifiableSet());
        settings.linkReports().forEach(report -> report.accept(topicIds));
        checkPreviousIds(drafts, byId, problems);
        PreviousPages.check(drafts, inLanguageFolder || statics == null ? null : statics::publishes, problems);
        if (options.editorial()) {
            Lint.duplicates(drafts, problems);
        }
        List<Topic> topics = new ArrayList<>();
        Path filesFrom = contentRoot != null ? contentRoot : contentDirectory;
        RelatedMemory remembered = related != null ? related : memo != null ? memo.related : null;
        List<QuestionDraft> all = settings.findRelated() ? drafts.stream().flatMap(d -> d.questions().stream())
                .filter(q -> q.complete() && q.id() != null).toList() : List.of();
        Map<QuestionDraft, List<QuestionDraft>> found = !settings.findRelated() ? Map.of() : remembered == null
                ? RelatedQuestions.find(all, q -> !q.review().draft(), parallel)
                : remembered.find(contentDirectory, all, q -> !q.review().draft(), parallel);
        Links links = new Links(urls, topicIds);
        TopicModels models = memo == null ? null : memo.models(contentDirectory, readable.stream()
                .map(TopicFile::path).collect(java.util.stream.Collectors.toUnmodifiableSet()));
        Map<String, QuestionDraft> lookup = models == null ? byId : models.start(new TopicModels.Context(
                models.targets(drafts), topicIds, settings.reviewEvery(), TopicModels.alertTitles(alertTitles),
                info.editUrl(), filesFrom, baseUrl, inLanguageFolder, options.today()), byId);
        (models == null ? parallel.map(drafts, RuntimeException.class, RuntimeException.class,
                        draft -> build(draft, byId, links, settings.reviewEvery(), alertTitles, editLink(info.editUrl(), filesFrom,
                                draft.file()), found, problems))
                : HitsFirst.map(drafts, draft -> models.kept(draft, found, problems), draft -> models.topic(draft, found, problems,
                        own -> build(draft, lookup, links, settings.reviewEvery(), alertTitles,
                                editLink(info.editUrl(), filesFrom, draft.file()), found, own)),
                        parallel, RuntimeException.class, RuntimeException.class))
                .forEach(topic -> topic.ifPresent(topics::add));
        return new Inspected(new Site(info, topics), problems.all(), Places.of(places ? drafts : List.of(), options.drafts()),
                drafts.size() == topicFiles.size(),
                System.nanoTime() - start);
    }

    /**
     * What rendering every answer of {@code topics} finds: raw HTML removed, links that point
     * nowhere, and for the check goal weak answers and overdue reviews. A build finds these as it
     * renders pages; the check goal, and a build that stops on errors, ask for them here.
     */
    public List<Problem> answerProblems(List<Topic> topics) {
        List<Problem> found = Collections.synchronizedList(new ArrayList<>());
        parallel.forEachInOrder(topics, RuntimeException.class, RuntimeException.class,
                topic -> topic.rendered(found::add), topic -> { });
        return List.copyOf(found);
    }

    /**
     * A site that does not say its language, written in a script that only some languages use
     * (Korean, Japanese, Chinese, Arabic, Cyrillic, ...), gets that language rather than English,
     * with a warning that says how to set it.
     */
    private static SiteInfo withDetectedLanguage(SiteInfo info, List<TopicDraft> topics, Path where, Problems problems,
                                                 Memo memo) {
        List<TopicDraft> sampled = new ArrayList<>();
        int step = Math.max(1, topics.size() / LANGUAGE_SAMPLE_TOPICS);
        for (int i = 0; i < topics.size(); i += step) {
            sampled.add(topics.get(i));
        }
        String detected = memo == null ? Scripts.language(String.join("", sampled.stream().map(ContentLoader::sample).toList()))
                : memo.language(sampled);
        if (detected.equals(info.language())) {
            return info;
        }
        problems.warning(where, Position.START, "site.yaml sets no language; the text is written in a script of '"
                + detected + "', so the site is published as '" + detected + "'", "set 'language:' in site.yaml");
        return info.withLanguage(detected, Messages.direction(detected));
    }

    /** The title and questions of {@code topic}, in which the site's script is looked for. */
    private static String sample(TopicDraft topic) {
        StringBuilder sample = new StringBuilder();
        sample.append(topic.title()).append(' ');
        topic.questions().forEach(q -> sample.append(q.question()).append(' '));
        return sample.toString();
    }

    /** site.yaml: what templates see, and the site-wide review interval (or {@code null}). */
    private record SiteSettings(SiteInfo info, Period reviewEvery, boolean languageGiven, boolean titleGiven,
                                String introduction, String footer, List<Consumer<Set<String>>> linkReports,
                                boolean findRelated) {
    }

    /** How relative URLs of content are written, and the site's topics they may lead to. */
    private record Links(ContentUrls urls, Set<String> topicIds) {
        void report(ContentUrls.Rewriter rewriter, Path file, Position at, Problems problems) {
            urls.report(rewriter, topicIds, file, at, problems);
        }
    }

    /** Markdown of site.yaml rendered again with another language's alert titles; {@code rendered} when absent. */
    private Html rerender(String source, Html rendered, UnaryOperator<String> urls, UnaryOperator<String> alertTitles) {
        return source == null ? rendered
                : markdown.render(source, INTRODUCTION_TOP_HEADING, UnaryOperator.identity(), urls, alertTitles).html();
    }

    /**
     * A site without a title of its own takes the project's name (the Maven project's, often just its artifactId,
     * or the folder's with the command line)
     * such as "faq", which readers see in every page title and header: said, with how to set one.
     * (The generic {@link #GENERIC_TITLE}, used without a project, goes unsaid.)
     */
    private static void untitled(Path contentDirectory, Path siteFile, String used, Problems problems) {
        if (siteFile == null) {
            problems.add(Problem.warning(contentDirectory, 0, 0, "there is no site.yaml, so the site is titled '" + used + "'",
                    "create site.yaml in this folder with 'title: ...', the name readers see in every page's title and"
                    + " header; without one, it is the project's name: the Maven project's, or the folder's with the command line"));
        } else {
            problems.warning(siteFile, Position.START, "site.yaml sets no title, so the site is titled '" + used + "'",
                    "add 'title: ...', the name readers see in every page's title and header; without one, it is the"
                    + " project's name: the Maven project's, or the folder's with the command line");
        }
    }

    private SiteSettings readSite(Path contentDirectory, Path file, String defaultTitle, String baseUrl, String defaultLanguage,
                                  ContentUrls urls, Problems problems) throws IOException {
        List<Consumer<Set<String>>> linkReports = new ArrayList<>();
        Optional<Fields> fields = Optional.empty();
        if (file != null) {
            Optional<Node> root = YamlSource.read(file, problems);
            if (root.isPresent()) {
                fields = Fields.of(file, root.get(), "site.yaml", SITE_KEYS, problems);
            }
        }
        String title = fields.flatMap(f -> f.text("title")).map(String::strip).filter(t -> !t.isEmpty())
                .orElse(defaultTitle);
        String language = fields.flatMap(f -> f.text("language")).map(String::strip).orElse(defaultLanguage);
        try {
            language = new Locale.Builder().setLanguageTag(language).build().toLanguageTag();
        } catch (IllformedLocaleException e) {
            problems.error(file, fields.get().at("language"), "'" + language + "' is not a language tag",
                    "use a BCP 47 tag such as en, de, pt-BR or zh-Hans");
            language = DEFAULT_LANGUAGE;
        }
        Map<String, String> messages = fields.isPresent() ? messages(file, fields.get(), problems) : Map.of();
        Html introduction = Html.EMPTY;
        String introductionText = "";
        Optional<String> introSource = fields.flatMap(f -> f.text("introduction"));
        if (introSource.isPresent()) {
            // The home page shows it: its relative URLs are written for the home page.
            ContentUrls.Rewriter introUrls = urls.on(Urls.HOME);
            Position at = Position.of(fields.get().at("introduction"));
            MarkdownRenderer.Rendered rendered = render(file, at, introSource.get(), INTRODUCTION_TOP_HEADING,
                    UnaryOperator.identity(), introUrls, alertTitles(language, messages), problems);
            linkReports.add(topics -> urls.report(introUrls, topics, file, at, problems));
            introduction = rendered.html();
            introductionText = rendered.text();
        }
        Optional<String> given = fields.flatMap(f -> f.text("description")).map(String::strip).filter(d -> !d.isEmpty());
        String description = given.orElse(Text.firstSentence(introductionText));
        if (given.isEmpty() && options.editorial()) {
            String instead = description.isEmpty() ? "one made from the site's title and topic titles"
                    : "the introduction's first sentence";
            problems.add(new Problem(file == null ? contentDirectory : file, file == null ? 0 : 1, file == null ? 0 : 1,
                    Problem.Severity.WARNING, (file == null ? "the site has no site.yaml, so no 'description'"
                            : "site.yaml has no 'description'") + ": search results and link previews show " + instead,
                    "add 'description:' to site.yaml, a sentence or two on what the site answers"));
        }
        String image = fields.flatMap(f -> f.text("image")).map(String::strip).orElse("");
        if (!image.isEmpty() && !image.matches("(?i)https?://.+")) {
            if (image.startsWith("/") || image.contains("..") || image.contains("://")) {
                problems.error(file, fields.get().at("image"), "'image' must be a path inside the site, such as"
                        + " img/preview.png, or an absolute http(s) URL", null);
                image = "";
            } else if (baseUrl.isEmpty()) {
                problems.warning(file, Position.of(fields.get().at("image")), "'image' is left out of link previews: they need an"
                        + " absolute URL", "set site-gen.baseUrl, or give the image as an absolute URL");
                image = "";
            } else {
                image = baseUrl + image;
            }
        }
        Period reviewEvery = fields.isPresent() ? reviewEvery(file, fields.get(), problems) : null;
        boolean languageGiven = fields.flatMap(f -> f.text("language")).isPresent();
        boolean titleGiven = fields.flatMap(f -> f.text("title")).map(String::strip).filter(t -> !t.isEmpty()).isPresent();
        Link logo = fields.isPresent() ? logo(file, fields.get(), title, problems) : null;
        List<Link> links = fields.isPresent() ? links(file, fields.get(), urls, linkReports, problems) : List.of();
        Html footer = Html.EMPTY;
        Optional<String> footerSource = fields.flatMap(f -> f.text("footer"));
        if (footerSource.isPresent() && !footerSource.get().isBlank()) {
            // Every page shows it: its URLs stay written from the root, each page rewrites them.
            ContentUrls.Rewriter footerUrls = urls.on(Urls.HOME);
            Position at = Position.of(fields.get().at("footer"));
            footer = render(file, at, footerSource.get(), INTRODUCTION_TOP_HEADING, UnaryOperator.identity(),
                    url -> {
                        footerUrls.apply(url);
                        return url;
                    }, alertTitles(language, messages), problems).html();
            linkReports.add(topics -> urls.report(footerUrls, topics, file, at, problems));
        }
        String editUrl = fields.isPresent() ? urlPattern(file, fields.get(), "editUrl", "{file}", problems) : "";
        String askUrl = fields.isPresent() ? urlPattern(file, fields.get(), "askUrl", "{query}", problems) : "";
        boolean allOnOnePage = fields.flatMap(f -> f.bool("allOnOnePage")).orElse(true);
        String feedbackUrl = fields.isPresent() ? feedbackUrl(file, fields.get(), problems) : "";
        return new SiteSettings(new SiteInfo(title, description, language, introduction, baseUrl, image,
                Messages.direction(language), messages, logo, links, footer, editUrl, askUrl, allOnOnePage, feedbackUrl),
                reviewEvery, languageGiven,
                titleGiven, introSource.orElse(null), footer.markup().isEmpty() ? null : footerSource.get(), linkReports,
                fields.flatMap(f -> f.bool("findRelated")).orElse(true));
    }

    /** The logo: a file of the static folder, or an https URL; {@code null} when not set. */
    private Link logo(Path file, Fields fields, String title, Problems problems) {
        String value = fields.text("logo").map(String::strip).orElse("");
        if (value.isEmpty()) {
            return null;
        }
        String hint = "give a file of the static folder, such as img/logo.svg, or an https:// URL";
        if (value.regionMatches(true, 0, "https://", 0, 8)) {
            if (!isUrl(value)) {
                problems.error(file, fields.at("logo"), "'logo' is not a valid URL: '" + value + "'", hint);
                return null;
            }
            return new Link(title, value);
        }
        if (!isSitePath(value)) {
            problems.error(file, fields.at("logo"), "'logo' must be a file of the static folder or an https:// URL, not '"
                    + value + "'", hint);
            return null;
        }
        if (value.startsWith(".") || value.startsWith("_") || value.contains("/.") || value.contains("/_")) {
            problems.error(file, fields.at("logo"), "'logo' names " + value + ", which the site never publishes: hidden"
                    + " files and names that start with '_' are left out", "rename the image, or give an https:// URL");
            return null;
        }
        if (statics != null && !statics.publishes(value)) {
            String folder = statics.directory() == null ? "the static folder" : statics.directory().toString().replace('\\', '/');
            problems.error(file, fields.at("logo"), "'logo' names " + value + ", which is not a file of the static folder",
                    "put the image at " + folder + "/" + value + ", or give an https:// URL");
            return null;
        }
        return new Link(title, value);
    }

    /**
     * The header's links: each a mapping of a non-empty text and a URL or site path. A site path is
     * checked as the URLs of texts are, once the topics are known: one to no file of the site, or
     * one that leads out of it, is reported at its 'url'.
     */
    private static List<Link> links(Path file, Fields fields, ContentUrls urls, List<Consumer<Set<String>>> linkReports,
                                    Problems problems) {
        List<Link> links = new ArrayList<>();
        for (Node item : fields.list("links").orElse(List.of())) {
            Optional<Fields> link = Fields.of(file, item, "a link of 'links'", LINK_KEYS, problems);
            if (link.isEmpty()) {
                continue;
            }
            Optional<String> text = link.get().requiredText("text", "write what the link says, such as: text: Contact us");
            Optional<String> url = link.get().requiredText("url",
                    "write an https, http or mailto URL, or a path in the site, such as: url: https://example.org/contact");
            if (url.isPresent() && !isLinkUrl(url.get().strip())) {
                problems.error(file, link.get().at("url"), "'url' of a link must be an https, http or mailto URL, or a path"
                        + " in the site, not '" + url.get().strip() + "'", "for example: url: https://example.org/contact");
                continue;
            }
            if (text.isPresent() && url.isPresent()) {
                links.add(new Link(text.get().strip(), url.get().strip()));
                ContentUrls.Rewriter linkUrl = urls.on(Urls.HOME);
                linkUrl.apply(url.get().strip());
                Position at = Position.of(link.get().at("url"));
                linkReports.add(topics -> urls.report(linkUrl, topics, file, at, problems));
            }
        }
        return links;
    }

    /**
     * An absolute URL with an optional {@code placeholder} ({@code {file}} must be in an editUrl);
     * empty when not set or wrong (then with an error).
     */
    private static String urlPattern(Path file, Fields fields, String key, String placeholder, Problems problems) {
        String value = fields.text(key).map(String::strip).orElse("");
        if (value.isEmpty()) {
            return "";
        }
        boolean edit = key.equals("editUrl");
        String example = edit ? "https://github.com/acme/faq/edit/main/src/site-gen/content/{file}"
                : "https://github.com/acme/faq/issues/new?title={query}";
        if (edit && !value.contains(placeholder)) {
            problems.error(file, fields.at(key), "'editUrl' has no {file}, where the topic file's path goes",
                    "for example: editUrl: " + example);
            return "";
        }
        String sample = value.replace(placeholder, "x");
        boolean web = sample.matches("(?i)https?://.+");
        if (!(web || !edit && sample.matches("(?i)mailto:.+")) || !isUrl(sample)) {
            problems.error(file, fields.at(key), "'" + key + "' must be an absolute " + (edit ? "http(s)" : "http(s) or mailto")
                    + " URL" + (edit ? " with {file}" : "") + ", not '" + value + "'", "for example: " + key + ": " + example);
            return "";
        }
        return value;
    }

    /**
     * Where "Was this helpful?" votes go: an absolute http(s) URL, with {@code GET } before it when
     * votes are sent as GET requests rather than beacons; empty when not set or wrong (then with an error).
     */
    private static String feedbackUrl(Path file, Fields fields, Problems problems) {
        String value = fields.text("feedbackUrl").map(String::strip).orElse("");
        String url = value.startsWith(FEEDBACK_GET) ? value.substring(FEEDBACK_GET.length()).strip() : value;
        String sample = url;
        for (String placeholder : List.of("{id}", "{vote}", "{page}", "{lang}")) {
            sample = sample.replace(placeholder, "x");
        }
        if (!value.isEmpty() && (!sample.matches("(?i)https?://[^\\s{}]+") || !isUrl(sample)
                || URI.create(sample).getHost() == null)) {
            problems.error(file, fields.at("feedbackUrl"), "'feedbackUrl' must be an absolute http(s) URL, with"
                    + " {id}, {vote}, {page} and {lang} where they go, not '" + value + "'",
                    "for example: feedbackUrl: https://feedback.example.com/vote (a beacon, POST),"
                    + " or feedbackUrl: GET https://example.com/vote?q={id}&v={vote} (a GET request)");
            return "";
        }
        return value;
    }

    /** What starts a {@code feedbackUrl} whose votes are GET requests. */
    private static final String FEEDBACK_GET = "GET ";

    /** A path inside the site: no leading slash, no '..', no scheme, no spaces. */
    private static boolean isSitePath(String value) {
        return !value.isEmpty() && !value.startsWith("/") && !value.contains("..") && !value.contains("\\")
                && !Link.isExternal(value) && !value.matches(".*\\s.*") && isUrl(value);
    }

    private static boolean isLinkUrl(String value) {
        if (value.matches("(?i)(https?://|mailto:).+")) {
            return isUrl(value) && (value.regionMatches(true, 0, "mailto:", 0, 7) || URI.create(value).getHost() != null);
        }
        return isSitePath(value);
    }

    private static boolean isUrl(String value) {
        try {
            new URI(value);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The edit link of a topic file: its path from {@code root}, each part URL-encoded, in {@code pattern}. */
    public static String editLink(String pattern, Path root, Path file) {
        if (pattern.isEmpty()) {
            return "";
        }
        Path relative = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        List<String> parts = new ArrayList<>();
        for (Path part : relative) {
            parts.add(URLEncoder.encode(part.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return pattern.replace("{file}", String.join("/", parts));
    }

    /** A review interval such as 180d, 12w, 6m or 1y; {@code null} when not set. */
    private static Period reviewEvery(Path file, Fields fields, Problems problems) {
        Optional<String> text = fields.text("reviewEvery").map(String::strip);
        if (text.isEmpty()) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([1-9][0-9]{0,4})([dwmy])").matcher(text.get());
        if (!m.matches()) {
            problems.error(file, fields.at("reviewEvery"), "'" + text.get() + "' is not a review interval",
                    "write a number and d, w, m or y, such as 180d or 1y");
            return null;
        }
        int n = Integer.parseInt(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Period.ofDays(n);
            case "w" -> Period.ofWeeks(n);
            case "m" -> Period.ofMonths(n);
            default -> Period.ofYears(n);
        };
    }

    /** The site's own interface strings: known keys, valid patterns. */
    private Map<String, String> messages(Path file, Fields fields, Problems problems) {
        Map<String, String> messages = new TreeMap<>();
        if (!fields.has("messages") || Fields.isNull(fields.at("messages"))) {
            return messages;
        }
        Set<String> keys = Messages.keys(theme);
        Optional<Fields> entries = Fields.of(file, fields.at("messages"), "messages", keys, problems);
        for (String key : keys) {
            Optional<String> value = entries.flatMap(e -> e.text(key));
            if (value.isPresent()) {
                String problem = Layer.checkPattern(value.get());
                if (problem.isEmpty()) {
                    messages.put(key, value.get());
                } else {
                    problems.error(file, entries.get().at(key), "message '" + key + "' is not a valid pattern: " + problem,
                            Layer.PATTERN_HINT);
                }
            }
        }
        return messages;
    }

    /** A topic file and the id its topic is read under. */
    private record TopicFile(Path path, String id) {
    }

    /**
     * The topic files to read, each with its topic id. A file name that is not a valid topic id, or
     * a reserved one, is an error, and the file is still read (under the suggested id) so that the
     * mistakes inside it are reported in the same run; of two files for one topic, the second is not read.
     */
    private static List<TopicFile> topicFilesWithValidIds(List<Path> files, Problems problems) {
        Map<String, Path> topicIds = new HashMap<>();
        List<TopicFile> valid = new ArrayList<>();
        // Valid names first, so that a misnamed file never takes the id of a well-named one.
        List<Path> ordered = new ArrayList<>(files);
        ordered.sort(Comparator.comparing((Path file) -> !Ids.isTopicId(topicId(file))));
        for (Path file : ordered) {
            String name = file.getFileName().toString();
            String id = topicId(file);
            if (!Ids.isTopicId(id)) {
                String suggestion = Ids.suggestTopicId(id);
                problems.add(Problem.error(file, 0, 0, "'" + name + "' is not a valid topic file name: topic ids are"
                        + " lowercase a-z and 0-9 words joined by '-', because they become folder names",
                        suggestion.isEmpty() ? "rename the file" : "rename it to " + suggestion + ".yaml"));
                String readAs = suggestion.isEmpty() ? "topic" : suggestion;
                while (topicIds.containsKey(readAs)) {
                    readAs = readAs + "-x";
                }
                topicIds.put(readAs, file);
                valid.add(new TopicFile(file, readAs));
            } else if (topicIds.putIfAbsent(id, file) != null) {
                problems.add(Problem.error(file, 0, 0, "topic '" + id + "' is also defined by "
                        + topicIds.get(id).getFileName(), "keep one file per topic"));
            } else {
                Optional<String> reserved = Ids.RESERVED_TOPIC_IDS.contains(id) ? Optional.of("the site uses that name itself")
                        : PortableNames.problem(id);
                reserved.ifPresent(why -> problems.add(Problem.error(file, 0, 0, "'" + id + "' cannot be a topic id: "
                        + why, "rename the file, for example to " + id + "-faq.yaml")));
                valid.add(new TopicFile(file, id));
            }
        }
        return valid;
    }

    private static String topicId(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static Optional<TopicDraft> readTopic(Path file, String id, Problems problems) throws IOException {
        Optional<byte[]> bytes = YamlSource.bytes(file, problems);
        return bytes.isEmpty() ? Optional.empty() : readTopic(file, id, bytes.get(), problems);
    }

    /**
     * Topic files as earlier loads read them, for a live preview that loads the same folders again
     * after each change, or for {@code generate}, which keeps them in its build cache between runs
     * ({@link #saved}, {@link #restored}): a file whose bytes have not changed is not parsed again,
     * and its problems are reported again as found. Loads that use one memo must run one at a time (the drafts are
     * given their ids by each load).
     */
    public static final class Memo {
        /**
         * A topic file as a load read it: its bytes (or, kept by the build cache, only their
         * {@link Digest}), the id it was read under, its draft and problems, and its stat when it
         * had been still long enough for the stat to tell a change ({@code null} otherwise).
         */
        private record Read(byte[] bytes, String digest, String id, Optional<TopicDraft> draft, List<Problem> problems,
                            FileStat stamp) {

            Read stamped(FileStat stamp) {
                return new Read(bytes, digest, id, draft, problems, stamp);
            }

            boolean holds(byte[] read) {
                return bytes != null ? java.util.Arrays.equals(bytes, read) : digest.equals(Digest.of(read));
            }

            /** The {@link Digest} of the bytes read. */
            String bytesDigest() {
                return digest != null ? digest : Digest.of(bytes);
            }
        }

        private final Map<Path, Read> files = new java.util.concurrent.ConcurrentHashMap<>();
        /** How many topic files this memo parsed. */
        private final java.util.concurrent.atomic.AtomicInteger parsed = new java.util.concurrent.atomic.AtomicInteger();
        /** Whether what it holds changed since it was made: a file parsed, stamped anew or forgotten. */
        private volatile boolean changed;

        /**
         * The file as the last load read it, its problems reported again, when its stamp says it did
         * not change since; {@code null} when it must be read.
         */
        Optional<TopicDraft> kept(Path file, String id, Problems problems) {
            Read read = files.get(file);
            try {
                if (read == null || !read.id().equals(id) || read.stamp() == null || !read.stamp().sameAs(FileStat.of(file))) {
                    return null;
                }
            } catch (IOException e) {
                return null; // read() reports it
            }
            read.problems().forEach(problems::add);
            return read.draft();
        }

        Optional<TopicDraft> read(Path file, String id, Problems problems) throws IOException {
            Read read = files.get(file);
            FileStat stamp = stamping ? FileStat.of(file) : null;
            Problems own = new Problems();
            long before = FileStat.now();
            Optional<byte[]> bytes = YamlSource.bytes(file, own);
            if (bytes.isEmpty()) {
                own.all().forEach(problems::add);
                return Optional.empty();
            }
            FileStat kept = stamp != null && stamp.settledAt(before) ? stamp : null;
            if (read == null || !read.id().equals(id) || !read.holds(bytes.get())) {
                Optional<TopicDraft> draft = readTopic(file, id, bytes.get(), own);
                parsed.incrementAndGet();
                read = new Read(bytes.get(), null, id, draft, own.all(), kept);
                changed = true;
            } else {
                if (kept != null && (read.stamp() == null || !read.stamp().sameAs(kept))) {
                    changed = true; // only ever set: loads read files on several threads
                }
                read = read.stamped(kept);
            }
            files.put(file, read);
            read.problems().forEach(problems::add);
            return read.draft();
        }

        private final Map<Path, TopicModels> models = new java.util.concurrent.ConcurrentHashMap<>();
        private final boolean keepModels;
        /** Whether a file whose stat is as it was when read is given again without reading it. */
        private final boolean stamping;
        /** The last find of related questions of each folder. */
        private final RelatedMemory related = new RelatedMemory();

        /** A memo of parsed topic files. */
        public Memo() {
            this(false, false);
        }

        private Memo(boolean keepModels, boolean stamping) {
            this.keepModels = keepModels;
            this.stamping = stamping;
        }

        /**
         * A memo that also keeps each topic's built model ({@link TopicModels}), for a caller that
         * calls {@link #forgetModels()} whenever a template or static file changed, or it does not
         * know what changed.
         */
        public static Memo keepingModels() {
            return new Memo(true, true);
        }

        /**
         * A memo of parsed topic files for a build that saves it ({@link #saved}): a file whose stat
         * is the one taken when it was read (and had settled then) is given again without reading it.
         */
        public static Memo stamping() {
            return new Memo(false, true);
        }

        /**
         * A memo holding the topic files {@code saved} holds ({@link #saved}, as an earlier build
         * left them in the build cache): a file is parsed again only when its bytes are not those
         * its draft was read from, and read again only when its stat is not the one kept with it.
         *
         * @throws IOException when {@code saved} is not what {@link #saved} writes
         */
        public static Memo restored(byte[] saved) throws IOException {
            Memo memo = stamping();
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(saved));
            try {
                for (int i = in.readInt(); i > 0; i--) {
                    Path file = Path.of(Binary.text(in));
                    String id = Binary.text(in);
                    String digest = Binary.text(in);
                    FileStat stamp = in.readBoolean() ? new FileStat(file, in.readLong(), in.readLong(), in.readLong(),
                            Binary.text(in)) : null;
                    List<Problem> problems = Binary.problems(in);
                    Optional<TopicDraft> draft = in.readBoolean() ? Optional.of(DraftCodec.read(in, file)) : Optional.empty();
                    if (id == null || digest == null || stamp != null && stamp.key() == null) {
                        throw new IOException("a file without its id, digest or identity");
                    }
                    memo.files.put(file, new Read(null, digest, id, draft, List.copyOf(problems), stamp));
                }
                if (in.available() != 0) {
                    throw new IOException("trailing bytes");
                }
            } catch (RuntimeException e) {
                throw new IOException(e.toString(), e);
            }
            return memo;
        }

        /**
         * What this memo holds, for {@link #restored}: every topic file by its path, the id it was
         * read under, the digest of its bytes, its stat (when it had settled), its problems and its draft.
         */
        public byte[] saved() throws IOException {
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            java.io.DataOutputStream out = new java.io.DataOutputStream(buffer);
            Map<Path, Read> all = new TreeMap<>(files);
            out.writeInt(all.size());
            for (Map.Entry<Path, Read> file : all.entrySet()) {
                Read read = file.getValue();
                Binary.text(out, file.getKey().toString());
                Binary.text(out, read.id());
                Binary.text(out, read.bytesDigest());
                out.writeBoolean(read.stamp() != null);
                if (read.stamp() != null) {
                    out.writeLong(read.stamp().size());
                    out.writeLong(read.stamp().modified());
                    out.writeLong(read.stamp().changed());
                    Binary.text(out, read.stamp().key());
                }
                Binary.problems(out, read.problems());
                out.writeBoolean(read.draft().isPresent());
                if (read.draft().isPresent()) {
                    DraftCodec.write(out, read.draft().get());
                }
            }
            out.flush();
            return buffer.toByteArray();
        }

        /** Whether what this memo holds changed since it was made or {@link #restored}. */
        public boolean changed() {
            return changed;
        }

        /** How many topic files this memo parsed; the others it gave as it held them. */
        public int parsed() {
            return parsed.get();
        }

        /** How many topic files it holds. */
        public int size() {
            return files.size();
        }

        /**
         * A template or static file changed, or what changed is not known: every topic's model is
         * built again by the next load, and every topic file is read again (and parsed again if its
         * bytes changed).
         */
        public void forgetModels() {
            models.clear();
            files.replaceAll((path, read) -> read.stamped(null));
        }

        /** How many topics' models the last load of {@code folder} gave again, not built. */
        public int modelsReused(Path folder) {
            TopicModels kept = models.get(folder);
            return kept == null ? 0 : kept.reused();
        }

        /** The models of the topics of {@code folder}, whose topic files are now {@code files}; {@code null} when not kept. */
        TopicModels models(Path folder, Set<Path> files) {
            if (!keepModels) {
                return null;
            }
            TopicModels kept = models.computeIfAbsent(folder, f -> new TopicModels());
            kept.keep(files);
            return kept;
        }

        private volatile Map.Entry<List<String>, String> language = Map.entry(List.of(), Scripts.language(""));
        /** Each topic file's {@link #sample}, with the parsed file it was made of. */
        private final Map<Path, Map.Entry<TopicDraft, String>> samples = new java.util.concurrent.ConcurrentHashMap<>();

        /**
         * The language {@link Scripts#language} finds in the {@link #sample}s of {@code topics}; the
         * last load's when their titles and questions are the same.
         */
        String language(List<TopicDraft> topics) {
            List<String> texts = new ArrayList<>(topics.size());
            for (TopicDraft topic : topics) {
                Map.Entry<TopicDraft, String> kept = samples.get(topic.file());
                if (kept == null || kept.getKey() != topic) {
                    kept = Map.entry(topic, sample(topic));
                    samples.put(topic.file(), kept);
                }
                texts.add(kept.getValue());
            }
            Map.Entry<List<String>, String> last = language;
            if (!last.getKey().equals(texts)) {
                last = Map.entry(texts, Scripts.language(String.join("", texts)));
                language = last;
            }
            return last.getValue();
        }

        /** The bytes of {@code file} as the last load parsed them; {@code null} when it did not read the file (or has only their digest). */
        public byte[] bytes(Path file) {
            Read read = files.get(file);
            return read == null ? null : read.bytes();
        }

        /** Forgets the files of {@code folder} that are not among {@code current} (deleted or renamed). */
        void keep(Path folder, List<Path> current) {
            Set<Path> kept = Set.copyOf(current);
            if (files.keySet().removeIf(path -> folder.equals(path.getParent()) && !kept.contains(path))) {
                changed = true;
            }
            samples.keySet().removeIf(path -> folder.equals(path.getParent()) && !kept.contains(path));
        }
    }

    private static Optional<TopicDraft> readTopic(Path file, String id, byte[] bytes, Problems problems) {
        Optional<Node> root = YamlSource.parse(file, bytes, problems);
        if (root.isEmpty()) {
            if (!problems.hasErrorsFor(file)) {
                problems.add(Problem.error(file, 0, 0, "the topic file is empty",
                        "a topic needs a title and a list of questions"));
            }
            return Optional.empty();
        }
        Optional<Fields> found = Fields.of(file, root.get(), "the topic", TOPIC_KEYS, problems);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = found.get();
        String title = fields.requiredText("title", "add 'title: ...' with the topic's name").map(String::strip).orElse(id);
        int order = fields.integer("order").orElse(Integer.MAX_VALUE);
        Period reviewEvery = reviewEvery(file, fields, problems);
        List<QuestionDraft> questions = new ArrayList<>();
        Optional<List<Node>> items = fields.list("questions");
        if (items.isEmpty() && !fields.has("questions")) {
            problems.error(file, fields.node(), "the topic has no 'questions'", "add a list of questions, each with question and answer");
        } else if (items.isEmpty() || items.get().isEmpty()) {
            problems.error(file, fields.at("questions"), "the topic has no questions", "add at least one question with its answer");
        }
        int index = 0;
        for (Node item : items.orElse(List.of())) {
            index++;
            Fields.of(file, item, "question " + index, QUESTION_KEYS, problems)
                    .map(q -> QuestionDraft.read(file, id, q, problems))
                    .ifPresent(questions::add);
        }
        String summary = fields.text("summary").orElse(null);
        return Optional.of(new TopicDraft(id, file, title, order, summary, Position.of(fields.at("summary")), reviewEvery,
                questions, QuestionDraft.previousIds(file, fields, problems), PreviousPages.read(file, fields, problems)));
    }

    /**
     * Gives every question its id: explicit ids first (a repeat is an error), then derived ids in
     * display order (a collision gets a numeric suffix and a warning).
     */
    private static Map<String, QuestionDraft> assignIds(List<TopicDraft> topics, Problems problems) {
        Map<String, QuestionDraft> byId = new HashMap<>();
        for (TopicDraft topic : topics) {
            for (QuestionDraft question : topic.questions()) {
                if (question.explicitId() == null) {
                    continue;
                }
                QuestionDraft first = byId.putIfAbsent(question.explicitId(), question);
                if (first != null) {
                    problems.error(question.file(), question.idAt(), "question id '" + question.explicitId()
                            + "' is already used at " + first.position(),
                            "question ids must be unique across the site; choose another id");
                }
                question.assign(question.explicitId());
            }
        }
        for (TopicDraft topic : topics) {
            for (QuestionDraft question : topic.questions()) {
                if (question.explicitId() != null) {
                    continue;
                }
                String base = Ids.derive(question.question());
                String id = base;
                for (int n = 2; byId.containsKey(id); n++) {
                    id = base + "-" + n;
                }
                if (!id.equals(base)) {
                    problems.warning(question.file(), question.at(), "the id derived from this question, '" + base
                            + "', is taken (by " + byId.get(base).position() + "), so it became '" + id + "'",
                            "set 'id:' on this question so that links to it stay stable");
                }
                byId.put(id, question);
                question.assign(id);
            }
        }
        return byId;
    }

    /**
     * A previous id keeps an old anchor working, so it may not be the id of any question, and only
     * one question may have it.
     */
    private static void checkPreviousIds(List<TopicDraft> topics, Map<String, QuestionDraft> byId, Problems problems) {
        Map<String, QuestionDraft> owners = new HashMap<>();
        // A topic's previous ids are anchors on its own page: none may be an id there already.
        for (TopicDraft topic : topics) {
            if (topic.previousIds().isEmpty()) {
                continue;
            }
            // The anchor's question, and whether the anchor is one of its previous ids (not its id).
            Map<String, Map.Entry<QuestionDraft, Boolean>> onPage = new HashMap<>();
            for (QuestionDraft question : topic.questions()) {
                onPage.putIfAbsent(question.id(), Map.entry(question, false));
                question.previousIds().forEach(p -> onPage.putIfAbsent(p.value(), Map.entry(question, true)));
            }
            for (Fields.Item item : topic.previousIds()) {
                Map.Entry<QuestionDraft, Boolean> anchor = onPage.get(item.value());
                if (anchor != null) {
                    problems.error(topic.file(), item.at(), "previous id '" + item.value() + "' of the topic is "
                            + (anchor.getValue() ? "a previous id" : "the id") + " of the question at "
                            + anchor.getKey().position(), "an anchor can lead to one place of the page only");
                }
            }
        }
        for (TopicDraft topic : topics) {
            for (QuestionDraft question : topic.questions()) {
                for (Fields.Item item : question.previousIds()) {
                    QuestionDraft holder = byId.get(item.value());
                    QuestionDraft owner = owners.putIfAbsent(item.value(), question);
                    if (holder == question) {
                        problems.error(question.file(), item.at(), "previous id '" + item.value() + "' is this question's own id",
                                "remove it from previousIds");
                    } else if (holder != null) {
                        problems.error(question.file(), item.at(), "previous id '" + item.value()
                                + "' is the id of the question at " + holder.position(),
                                "a previous id may not be the id of any question on the site");
                    } else if (owner != null && owner != question) {
                        problems.error(question.file(), item.at(), "previous id '" + item.value()
                                + "' is also a previous id of the question at " + owner.position(),
                                "an old anchor can lead to one question only");
                    }
                }
            }
        }
    }

    private Optional<Topic> build(TopicDraft draft, Map<String, QuestionDraft> byId, Links links, Period siteReviewEvery,
                                  UnaryOperator<String> alertTitles, String editUrl,
                                  Map<QuestionDraft, List<QuestionDraft>> foundRelated, Problems problems) {
        Period reviewEvery = draft.reviewEvery() != null ? draft.reviewEvery() : siteReviewEvery;
        Html summary = Html.EMPTY;
        Html homeSummary = Html.EMPTY;
        String summaryText = "";
        if (draft.summary() != null) {
            // Shown on the topic page and on the home page: '#pay' is an anchor of the topic page.
            String page = Urls.topicPath(draft.id());
            UnaryOperator<String> anchors = url -> url.startsWith("#") ? page + url : url;
            ContentUrls.Rewriter urls = links.urls().on(page);
            MarkdownRenderer.Rendered rendered = render(draft.file(), draft.summaryAt(), draft.summary(),
                    SUMMARY_TOP_HEADING, anchors, urls, alertTitles, problems);
            links.report(urls, draft.file(), draft.summaryAt(), problems);
            summary = rendered.html();
            summaryText = rendered.text();
            // The same text one level deeper; its problems are those just reported.
            homeSummary = markdown.render(draft.summary(), HOME_SUMMARY_TOP_HEADING, anchors,
                    links.urls().on(Urls.HOME), alertTitles).html();
        }
        List<Question> questions = new ArrayList<>();
        for (QuestionDraft question : draft.questions()) {
            if (!question.complete() || question.review().draft() && !options.drafts()) {
                continue;
            }
            Answer answer = Answer.of(found -> renderAnswer(question, byId, links, reviewEvery, alertTitles, found));
            List<QuestionLink> related = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (Fields.Item item : question.related()) {
                QuestionDraft target = byId.get(item.value());
                if (target == null) {
                    String hint = Suggestions.nearest(item.value(), byId.keySet())
                            .map(id -> "did you mean '" + id + "'?")
                            .orElse("use the id of a question on this site");
                    problems.error(question.file(), item.at(), "related question '" + item.value() + "' does not exist", hint);
                } else if (target == question) {
                    problems.error(question.file(), item.at(), "a question cannot be related to itself", "remove '" + item.value() + "'");
                } else if (target.review().draft() && !options.drafts()) {
                    problems.warning(question.file(), item.at(), "related question '" + item.value() + "' is a draft,"
                            + " so the link is left out until it is published", null);
                } else if (seen.add(item.value())) {
                    related.add(new QuestionLink(target.id(), target.topicId(), target.question()));
                }
            }
            foundRelated.getOrDefault(question, List.of())
                    .forEach(target -> related.add(new QuestionLink(target.id(), target.topicId(), target.question())));
            QuestionDraft.Review review = question.review();
            questions.add(new Question(question.id(), draft.id(), question.question(), answer,
                    question.tags(), related, question.previousIds().stream().map(Fields.Item::value).toList(),
                    review.aliases().stream().map(Fields.Item::value).toList(), review.reviewed(), review.owner(),
                    review.draft(), Lint.due(review, reviewEvery), Lint.overdue(review, reviewEvery, options.today())));
        }
        if (questions.isEmpty()) {
            return Optional.empty(); // an error says why
        }
        return Optional.of(new Topic(draft.id(), draft.title(), summary, homeSummary, summaryText, draft.order(), questions,
                draft.previousIds().stream().map(Fields.Item::value).toList(),
                draft.previousPages().stream().map(Fields.Item::value).toList(), editUrl));
    }

    /**
     * Renders an answer, resolving its short links and reporting those to no question; with
     * {@code editorial}, also runs the checks of the answer's words. Called when a page needs the answer, so its problems go to
     * {@code found} rather than to the load's.
     */
    private Answer.Rendered renderAnswer(QuestionDraft question, Map<String, QuestionDraft> byId, Links links,
                                         Period reviewEvery, UnaryOperator<String> alertTitles, Consumer<Problem> found) {
        Problems problems = new Problems();
        // A link to no question is a broken link: generate reports it as check does.
        ContentUrls.Rewriter urls = links.urls().on(Urls.topicPath(question.topicId()));
        MarkdownRenderer.Rendered answer = render(question.file(), question.answerAt(), question.answer(), ANSWER_TOP_HEADING,
                link -> Lint.resolveLink(link, question, byId, options.drafts(), problems), urls, alertTitles, problems);
        links.report(urls, question.file(), question.answerAt(), problems);
        if (options.editorial()) {
            Lint.question(question, answer.text(), reviewEvery, options.today(), problems);
        }
        problems.all().forEach(found);
        return new Answer.Rendered(answer.html(), answer.text());
    }

    /** The titles of alerts ({@code > [!NOTE]}) in {@code language}, the site's own strings first. */
    private UnaryOperator<String> alertTitles(String language, Map<String, String> overrides) {
        Messages messages = Messages.load(theme, language, overrides);
        return kind -> messages.format("alert." + kind, List.of());
    }

    private MarkdownRenderer.Rendered render(Path file, Position at, String source, int topHeading,
                                             UnaryOperator<String> links, UnaryOperator<String> urls,
                                             UnaryOperator<String> alertTitles, Problems problems) {
        MarkdownRenderer.Rendered rendered = markdown.render(source, topHeading, links, urls, alertTitles);
        for (String error : rendered.errors()) {
            problems.error(file, at, error, "write such links out inline, or give a table's rows all their cells");
        }
        if (!rendered.removed().isEmpty()) {
            problems.warning(file, at, "raw HTML removed: " + String.join(", ", rendered.removed()),
                    "use Markdown or allowed tags, or set site-gen.trustRawHtml if every author is trusted");
        }
        if (!rendered.unsafeUrls().isEmpty()) {
            problems.warning(file, at, "Markdown links and images removed for the scheme of their URL: "
                    + String.join(", ", rendered.unsafeUrls()) + "; their text stays",
                    "links may use http:, https:, mailto: or a relative URL, images also data:image/png, gif, jpeg or"
                            + " webp; set site-gen.trustRawHtml if every author is trusted");
        }
        for (String link : rendered.emptyLinks()) {
            problems.warning(file, at, "the link to '" + Text.abbreviate(link, 60) + "' has no text, so a screen reader"
                    + " announces nothing; it shows its address instead", "write the words a reader clicks: [text](url)");
        }
        if (!rendered.repaired().isEmpty()) {
            problems.warning(file, at, "raw HTML corrected: " + String.join("; ", rendered.repaired()),
                    "fix it in the content: a URL holds one '#' and no spaces, an image needs alt text");
        }
        return rendered;
    }
}
