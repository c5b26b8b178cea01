package io.github.sitegen.render;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import io.github.sitegen.concurrent.Parallel;
import io.github.sitegen.markdown.MarkdownRenderer;
import io.github.sitegen.markdown.Text;
import io.github.sitegen.model.Answer;
import io.github.sitegen.model.Html;
import io.github.sitegen.model.Site;
import io.github.sitegen.model.SiteInfo;
import io.github.sitegen.model.Topic;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;
import io.github.sitegen.theme.Theme;

/**
 * Renders every page of a site through the templates and hands each finished file to a
 * {@link Sink}: the home page ({@code index.ftlh}), one page per topic ({@code topic.ftlh}), the
 * page with every question ({@code all.ftlh}, see {@link AllPage}), a page at each of a topic's
 * previous pages that sends readers on to it ({@code moved.ftlh}), the 404 page ({@code 404.ftlh})
 * and the theme's assets (on a multilingual site, once at its root).
 */
public final class SiteRenderer {

    /** Receives finished files by site path. Safe to call from several threads. */
    public interface Sink {
        void write(String sitePath, byte[] content) throws IOException;

        /** A stream for a large file, written as it is produced; the caller closes it. */
        OutputStream open(String sitePath) throws IOException;

        /** This sink, with every path put below {@code folder} (which ends in {@code /}). */
        default Sink below(String folder) {
            Sink parent = this;
            return new Sink() {
                @Override
                public void write(String sitePath, byte[] content) throws IOException {
                    parent.write(folder + sitePath, content);
                }

                @Override
                public OutputStream open(String sitePath) throws IOException {
                    return parent.open(folder + sitePath);
                }
            };
        }

        /** This sink, also keeping the bytes of every file written through it in {@code files}. */
        default Sink recording(Map<String, byte[]> files) {
            Sink sink = this;
            return new Sink() {
                @Override
                public void write(String sitePath, byte[] content) throws IOException {
                    sink.write(sitePath, content);
                    files.put(sitePath, content);
                }

                @Override
                public OutputStream open(String sitePath) throws IOException {
                    OutputStream out = sink.open(sitePath);
                    ByteArrayOutputStream copy = new ByteArrayOutputStream();
                    return new FilterOutputStream(out) {
                        @Override
                        public void write(byte[] data, int offset, int length) throws IOException {
                            out.write(data, offset, length);
                            copy.write(data, offset, length);
                        }

                        @Override
                        public void write(int data) throws IOException {
                            out.write(data);
                            copy.write(data);
                        }

                        @Override
                        public void close() throws IOException {
                            super.close();
                            files.put(sitePath, copy.toByteArray());
                        }
                    };
                }
            };
        }
    }

    /**
     * Files made of one part per topic, such as {@code faq.json} and the search index: the parts
     * are made beside the topic's page, on any thread, and appended in topic order on one thread,
     * so the files never need the whole site in memory.
     */
    public interface TopicParts {
        /** The parts of the topic at {@code index}; safe to call from several threads. */
        byte[][] of(Topic topic, int index);

        /** Appends one topic's parts; called in topic order, on one thread. */
        void append(byte[][] parts) throws IOException;
    }

    private final Theme theme;
    private final TemplateEngine templates;
    private final ThemeAssets assets;
    private final Predicate<String> staticFiles;
    private final boolean structuredData;
    private final Parallel parallel;

    /**
     * @param theme          the templates, assets and interface strings
     * @param staticFiles    whether a site path is one of the static folder's files, which a
     *                       multilingual site publishes once, at the root of the whole site
     * @param structuredData whether topic pages carry FAQPage JSON-LD
     * @param parallel       the threads that render topics
     */
    public SiteRenderer(Theme theme, Predicate<String> staticFiles, boolean structuredData, Parallel parallel) {
        this.theme = theme;
        this.templates = new TemplateEngine(theme);
        this.assets = ThemeAssets.of(theme);
        this.staticFiles = staticFiles;
        this.structuredData = structuredData;
        this.parallel = parallel;
    }

    /** How long rendering took: answers, templates and writing, summed over the threads that did them. */
    public record Timing(long markdownNanos, long templateNanos, long writeNanos) {
    }

    /** The maintainers' report: not linked from the site, not for search engines. */
    public static final String REPORT = "maintainers/index.html";

    private static final int HOME_TASK = -1;
    private static final byte[][] NO_PARTS = {};

    private final LongAdder markdownNanos = new LongAdder();
    private final LongAdder templateNanos = new LongAdder();
    private final LongAdder writeNanos = new LongAdder();

    /** Time spent so far rendering answers, in templates and in writing. */
    public Timing timing() {
        return new Timing(markdownNanos.sum(), templateNanos.sum(), writeNanos.sum());
    }

    /**
     * Which language of a site is rendered, with the site's translations; {@link #SINGLE} for a
     * single-language site.
     */
    public record Edition(Translations translations, Translations.Language language) {
        public static final Edition SINGLE = new Edition(Translations.NONE, null);

        /** Links from the page at {@code path}, relative to it, in this language's folder if any. */
        Urls relativeFrom(String path) {
            Urls urls = Urls.relativeFrom(path);
            return language == null ? urls : urls.inLanguageFolder();
        }

        List<Translations.Alternate> alternates(String path, String topicId, boolean absolute) {
            return translations.alternates(language, path, topicId, absolute);
        }

        String xDefault(String path, boolean absolute) {
            return translations.xDefault(language, path, absolute);
        }

        /**
         * Links that start with the base path, for the 404 page, which is served at any depth: on
         * a multilingual site, into this language's folder even when there is no base URL.
         */
        Urls absolute(Site site) {
            return language == null ? Urls.absolute(site.info().baseUrl()) : translations.absoluteIn(language);
        }
    }

    /**
     * Renders {@code site}, topics in parallel: each topic's answers once (what that finds wrong
     * goes to {@code problems}, from any thread), its page, and its {@code parts}, handed over in
     * topic order. Returns the number of HTML pages written. A single-language site gets its 404
     * page here; a multilingual site gets one at its root ({@link #renderNotFound}). A topic that
     * {@code memo} remembers is replayed, not rendered.
     */
    public int render(Site site, Sink sink, Edition edition, TopicParts parts, TopicMemo memo, Consumer<Problem> problems)
            throws SiteGenException, IOException {
        Messages messages = Messages.load(theme, site.info().language(), site.info().messages());
        String baseUrl = site.info().baseUrl();
        Page home = new Page("home", Urls.HOME, site.info().title(), description(site, messages),
                Urls.canonical(baseUrl, Urls.HOME), Html.EMPTY, edition.alternates(Urls.HOME, null, false),
                edition.xDefault(Urls.HOME, false));
        List<Topic> topics = site.topics();
        Site shown = new Site(site.info(), memo.shown(topics));
        Page allQuestions = new Page("all", Urls.ALL, messages.format("all.title", List.of()), description(site, messages),
                Urls.canonical(baseUrl, Urls.ALL), Html.EMPTY, edition.alternates(Urls.ALL, null, false),
                edition.xDefault(Urls.ALL, false));
        // The home page is one more task beside the topics' (on a large site it is a large page).
        List<Integer> indexes = IntStream.range(HOME_TASK, topics.size()).boxed().toList();
        try (AllPage all = site.info().allOnOnePage() ? AllPage.open(sink, Urls.ALL, html("all.ftlh", shown, messages,
                allQuestions, Map.of("allTopics", new Html(AllPage.MARKER)), edition.relativeFrom(Urls.ALL))) : null) {
            parallel.forEachInOrder(indexes, SiteGenException.class, IOException.class, i -> {
                if (i == HOME_TASK) {
                    memo.home(sink, homeSink -> page(homeSink, "index.ftlh", shown, messages, home, null,
                            edition.relativeFrom(Urls.HOME)));
                    return NO_PARTS;
                }
                return memo.topic(i, topics.get(i), sink, problems, (topicSink, topicProblems) -> {
                    long start = System.nanoTime();
                    Topic topic = topics.get(i).rendered(topicProblems);
                    markdownNanos.add(System.nanoTime() - start);
                    topicPage(shown, messages, edition, i, topic, topicSink);
                    return all == null ? parts.of(topic, i)
                            : AllPage.withSection(parts.of(topic, i), allSection(shown, messages, edition, allQuestions, topic));
                });
            }, topicParts -> {
                if (topicParts != NO_PARTS) {
                    parts.append(all == null ? topicParts : all.append(topicParts));
                }
            });
            if (all != null) {
                all.finish();
            }
        }
        int moved = movedPages(site, messages, edition, sink);
        if (topics.stream().flatMap(t -> t.questions().stream()).anyMatch(q -> q.reviewDue() != null || q.overdue())) {
            String path = REPORT;
            page(sink, "maintainers.ftlh", site, messages, new Page("report", path, messages.format("report.title", List.of()),
                    "", "", Html.EMPTY, List.of()), null, edition.relativeFrom(path));
        }
        if (edition.language() == null) {
            // A multilingual site's languages share one copy, at its root (renderLanguageChooser).
            assets.copy(sink);
            notFound(site, edition, messages, sink);
            return topics.size() + moved + (site.info().allOnOnePage() ? 3 : 2);
        }
        return topics.size() + moved + (site.info().allOnOnePage() ? 2 : 1);
    }

    /**
     * The page at each previous page of each topic: it sends the reader on to the topic at once,
     * keeping the fragment, and is not for search engines (canonical to the topic, noindex, not in
     * the sitemap). Returns how many it wrote.
     */
    private int movedPages(Site site, Messages messages, Edition edition, Sink sink) throws SiteGenException, IOException {
        int written = 0;
        String title = messages.format("moved.title", List.of());
        for (Topic topic : site.topics()) {
            String canonical = Urls.canonical(site.info().baseUrl(), Urls.topicPath(topic));
            for (String previous : topic.previousPages()) {
                String path = Urls.previousPageFile(previous);
                page(sink, "moved.ftlh", site, messages, new Page("moved", path, title, "", canonical, Html.EMPTY, List.of()),
                        Map.of("topic", topic), edition.relativeFrom(path));
                written++;
            }
        }
        return written;
    }

    /** The 404 page, with links that start with the base path, since it is served at any depth. */
    public void renderNotFound(Site site, Edition edition, Sink sink) throws SiteGenException, IOException {
        notFound(site, edition, Messages.load(theme, site.info().language(), site.info().messages()), sink);
    }

    private void notFound(Site site, Edition edition, Messages messages, Sink sink) throws SiteGenException, IOException {
        Page notFound = new Page("notFound", Urls.NOT_FOUND, messages.format("notFound.title", List.of()),
                description(site, messages), "", Html.EMPTY, edition.alternates(Urls.NOT_FOUND, null, true),
                edition.xDefault(Urls.NOT_FOUND, true));
        page(sink, "404.ftlh", site, messages, notFound, null, edition.absolute(site));
    }

    /**
     * The root page of a multilingual site ({@code languages.ftlh}): a link to every language, and a
     * script that sends the reader to theirs.
     *
     * @param site the site of the default language, for its language, title and interface strings
     */
    public void renderLanguageChooser(Site site, Translations translations, String rootBaseUrl, Sink sink)
            throws SiteGenException, IOException {
        Messages messages = Messages.load(theme, site.info().language(), site.info().messages());
        Page chooser = new Page("languages", Urls.HOME, messages.format("languages.title", List.of()),
                description(site, messages), Urls.canonical(rootBaseUrl, Urls.HOME), Html.EMPTY,
                translations.homesFromRoot(), translations.xDefault(null, Urls.HOME, false));
        page(sink, "languages.ftlh", site, messages, chooser, null, Urls.relativeFrom(Urls.HOME));
        assets.copy(sink);
    }

    /** The page of {@code topic}, the topic at {@code index} with its answers rendered. */
    private void topicPage(Site site, Messages messages, Edition edition, int index, Topic topic, Sink sink)
            throws SiteGenException, IOException {
        List<Topic> topics = site.topics();
        String path = Urls.topicPath(topic);
        String canonical = Urls.canonical(site.info().baseUrl(), path);
        Page page = new Page("topic", path, topic.title(), describe(topic, site, messages), canonical,
                structuredData ? StructuredData.faqPage(topic, canonical) : Html.EMPTY,
                edition.alternates(path, topic.id(), false), edition.xDefault(path, false));
        Map<String, Object> extra = new HashMap<>();
        extra.put("topic", topic);
        extra.put("previousTopic", index > 0 ? topics.get(index - 1) : null);
        extra.put("nextTopic", index + 1 < topics.size() ? topics.get(index + 1) : null);
        page(sink, "topic.ftlh", site, messages, page, extra, edition.relativeFrom(path));
    }

    /**
     * A topic's section of the page with every question ({@code all-topic.ftlh}): its answers'
     * relative URLs, written for the topic's page, rewritten for that page.
     */
    private byte[] allSection(Site site, Messages messages, Edition edition, Page page, Topic topic)
            throws SiteGenException, IOException {
        long start = System.nanoTime();
        Urls urls = edition.relativeFrom(Urls.ALL).withRootFiles(staticFiles);
        String written = Urls.topicPath(topic);
        Topic shown = topic.withAnswers(q -> new Answer.Rendered(
                MarkdownRenderer.withUrls(q.answer().html(), url -> Urls.rebase(url, written, urls)), q.answerText()));
        byte[] html = html("all-topic.ftlh", site, messages, page, Map.of("topic", shown), urls).getBytes(StandardCharsets.UTF_8);
        templateNanos.add(System.nanoTime() - start);
        return html;
    }

    private void page(Sink sink, String template, Site site, Messages messages, Page page, Map<String, Object> extra,
                      Urls pageUrls) throws SiteGenException, IOException {
        long start = System.nanoTime();
        byte[] html = html(template, site, messages, page, extra, pageUrls).getBytes(StandardCharsets.UTF_8);
        long rendered = System.nanoTime();
        sink.write(page.path(), html);
        templateNanos.add(rendered - start);
        writeNanos.add(System.nanoTime() - rendered);
    }

    private String html(String template, Site site, Messages messages, Page page, Map<String, Object> extra,
                        Urls pageUrls) throws SiteGenException, IOException {
        Urls urls = pageUrls.withRootFiles(staticFiles);
        Map<String, Object> model = new HashMap<>();
        // The footer's relative links are written for the home page: rewritten for this one.
        SiteInfo info = site.info();
        Html footer = MarkdownRenderer.withUrls(info.footer(), url -> Urls.rebase(url, Urls.HOME, urls));
        model.put("site", footer == info.footer() ? info : info.withRendered(info.introduction(), footer));
        model.put("topics", site.topics());
        model.put("page", page);
        model.put("theme", assets.extras());
        model.put("url", new UrlFunction(urls));
        model.put("t", new MessageFunction(messages));
        if (extra != null) {
            model.putAll(extra);
        }
        return templates.render(template, model);
    }

    /** A topic's description: its summary, else the first sentence of its first answer. */
    private static String describe(Topic topic, Site site, Messages messages) {
        if (!topic.summaryText().isEmpty()) {
            return Text.firstSentence(topic.summaryText());
        }
        String first = Text.firstSentence(topic.questions().get(0).answerText());
        return first.isEmpty() ? description(site, messages) : first;
    }

    /** How many characters of topic titles a derived description names, at most (search results show about 150). */
    private static final int DESCRIPTION_TOPICS = 110;

    /**
     * The site's description: its own ({@code description}, else the introduction's first
     * sentence), else one derived from its title and topic titles in the site's language
     * ({@code home.description}), so that the home page always has a meta description.
     */
    static String description(Site site, Messages messages) {
        if (!site.info().description().isEmpty()) {
            return site.info().description();
        }
        String language = java.util.Locale.forLanguageTag(site.info().language()).getLanguage();
        String separator = switch (language) {
            case "ja", "zh" -> "、";
            case "ar", "fa", "ur" -> "، ";
            default -> ", ";
        };
        StringBuilder titles = new StringBuilder();
        for (Topic topic : site.topics()) {
            if (titles.length() > 0 && titles.length() + topic.title().length() > DESCRIPTION_TOPICS) {
                break;
            }
            titles.append(titles.length() == 0 ? "" : separator).append(topic.title());
        }
        return messages.format("home.description", List.of(site.info().title(), titles.toString()));
    }
}
