package io.github.sitegen.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;
import io.github.sitegen.concurrent.Parallel;
import io.github.sitegen.content.ContentLoader;
import io.github.sitegen.model.Site;
import io.github.sitegen.model.Topic;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;
import io.github.sitegen.publish.Publisher;
import io.github.sitegen.publish.SearchIndex;
import io.github.sitegen.render.SiteRenderer;
import io.github.sitegen.render.Translations;
import io.github.sitegen.render.Urls;

/**
 * Builds the preview into memory, one build after the other, each from what the last good one made:
 * the topic files are parsed again only when their bytes changed ({@link ContentLoader.Memo}); a
 * topic is rendered again only when its file or the site's outline changed ({@link TopicPages});
 * the templates are read again only after a change in the template or static folder; faq.json, the
 * search index and the sitemap are made when first asked for ({@link MemorySite}). Every file has
 * the bytes a clean {@code generate} with drafts writes.
 */
final class MemoryBuilder {

    /**
     * A finished build: its files, the warnings it found, how many topics it had, whose models it
     * built (the others the loader gave again) and which it rendered, and the milliseconds it spent
     * loading the content and rendering.
     */
    record Built(MemorySite site, List<Problem> warnings, int topics, int models, int rendered, long loadMillis,
                 long renderMillis) {
        /** What the log says of it. */
        String summary() {
            return models + " of " + topics + " topics built, " + rendered + " rendered; load " + loadMillis + " ms, render "
                    + renderMillis + " ms";
        }
    }

    private final SiteGenConfig config;
    private final Parallel parallel;
    private final ContentLoader.Memo loads = ContentLoader.Memo.keepingModels();
    private final Map<String, TopicPages> topics = new HashMap<>();
    private SiteRenderer renderer;
    private List<Translations.Language> languages;
    private boolean fresh = true;

    MemoryBuilder(SiteGenConfig config) {
        this.config = config;
        this.parallel = new Parallel(config.threads());
    }

    /** A template or static file changed, or what changed is not known: the next build renders every page. */
    void renderAll() {
        fresh = true;
    }

    /**
     * Builds the site. A build that fails leaves what the last good one made as it was.
     *
     * @throws SiteGenException with every problem, when there are errors
     */
    Built build() throws SiteGenException, IOException {
        boolean all = fresh;
        long start = System.nanoTime();
        if (all) {
            loads.forgetModels();
        }
        SiteGenerator.Content content = SiteGenerator.content(config, loads);
        long loaded = System.nanoTime();
        List<Problem> problems = new ArrayList<>(content.warnings());
        Translations translations = content.translations();
        if (all || renderer == null) {
            renderer = new SiteRenderer(content.theme(), content.statics()::publishes, config.structuredData(), parallel);
        }
        boolean sameContext = !all && translations.languages().equals(languages);
        MemorySite site = new MemorySite();
        List<Problem> found = Collections.synchronizedList(new ArrayList<>());
        List<TopicPages> memos = new ArrayList<>();
        int rendered = 0;
        int count = 0;
        int models = 0;
        for (SiteGenerator.Edition edition : content.editions()) {
            String prefix = edition.folder().isEmpty() ? "" : edition.folder() + "/";
            SiteRenderer.Sink sink = prefix.isEmpty() ? site : site.below(prefix);
            TopicPages memo = topics.computeIfAbsent(edition.folder(), folder -> new TopicPages(loads));
            memo.start(edition.site(), edition.content(), sameContext);
            memos.add(memo);
            Site shown = edition.site();
            List<byte[][]> parts = new ArrayList<>();
            renderer.render(shown, sink, edition.renderAs(translations), new SiteRenderer.TopicParts() {
                @Override
                public byte[][] of(Topic topic, int index) {
                    return Publisher.parts(shown, topic, index);
                }

                @Override
                public void append(byte[][] topicParts) {
                    parts.add(topicParts);
                }
            }, memo, found::add);
            Translations.Language language = edition.language(translations);
            site.defer(into -> siteFiles(shown, translations, language, parts, prefix.isEmpty() ? into : into.below(prefix)));
            rendered += memo.rendered();
            count += shown.topics().size();
            models += shown.topics().size() - loads.modelsReused(edition.content());
        }
        if (!translations.isEmpty()) {
            SiteGenerator.Edition main = content.defaultEdition();
            renderer.renderNotFound(main.site(), main.renderAs(translations), site);
            renderer.renderLanguageChooser(main.site(), translations, content.baseUrl(), site);
        }
        Publisher.writeRootFiles(content.defaultEdition().site(), content.baseUrl(), translations, content.cname(), site);
        problems.addAll(found);
        content.statics().copyInto(site, path -> generated(site, path), site.paths(), problems);
        problems.sort(Problem.READING_ORDER);
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new SiteGenException(problems);
        }
        site.seal();
        memos.forEach(TopicPages::commit);
        languages = translations.languages();
        fresh = false;
        return new Built(site, problems, count, models, rendered, (loaded - start) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000);
    }

    /** One language's faq.json, search index and sitemap, from its topics' parts. */
    private static void siteFiles(Site site, Translations translations, Translations.Language language,
                                  List<byte[][]> parts, SiteRenderer.Sink sink) throws IOException {
        try (Publisher.SiteFiles files = Publisher.open(site, translations, language, sink)) {
            for (byte[][] topicParts : parts) {
                files.append(topicParts);
            }
            files.finish();
        }
    }

    /**
     * Whether the build wrote a file at {@code sitePath}, which a static file must not replace: the
     * files made on demand are made first when it could be one of them.
     */
    private static boolean generated(MemorySite site, String sitePath) {
        String name = sitePath.substring(sitePath.lastIndexOf('/') + 1);
        if (!site.contains(sitePath) && (name.equals(Urls.FAQ_JSON) || name.equals(SearchIndex.PATH)
                || name.equals(Urls.SITEMAP) || name.equals(Urls.LINKS) || name.equals(Urls.LLMS) || name.equals(Urls.LLMS_FULL)
                || name.endsWith(".md") || sitePath.contains(SearchIndex.PARTS))) {
            try {
                site.makeDeferred();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return site.contains(sitePath);
    }
}
