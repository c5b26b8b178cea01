package io.github.sitegen.publish;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import freemarker.template.utility.StringUtil;
import io.github.sitegen.model.Question;
import io.github.sitegen.model.QuestionLink;
import io.github.sitegen.model.Site;
import io.github.sitegen.model.Topic;
import io.github.sitegen.render.Json;
import io.github.sitegen.render.SiteRenderer;
import io.github.sitegen.render.Translations;
import io.github.sitegen.render.Urls;

/**
 * The files beside the pages that make a site work well once published: {@code faq.json} (the
 * whole FAQ as data), the search index, the map that old links follow ({@value Urls#LINKS}),
 * {@code llms.txt} and its companions ({@link LlmsText}), and
 * with a base URL {@code sitemap.xml} and {@code robots.txt}; {@code CNAME} when a custom domain is
 * configured.
 */
public final class Publisher {

    /**
     * Version of the {@code faq.json} format: raised when fields are added, renamed or removed, so
     * that a reader knows which it can rely on (2 added the pages and previous ids that
     * {@code site-gen:check} compares a change with).
     */
    public static final int FAQ_JSON_VERSION = 2;

    private Publisher() {
    }

    /**
     * The files of one site, or of one language of a multilingual site (written below its folder):
     * {@code faq.json} and the search index, written a topic at a time as the renderer hands over
     * the topics' parts in order, and on {@link SiteFiles#finish()}, with a base URL, the sitemap,
     * which lists each page's translations when there are any.
     */
    public static SiteFiles open(Site site, Translations translations, Translations.Language language,
                                 SiteRenderer.Sink sink) throws IOException {
        SiteFiles files = new SiteFiles(site, translations, language, sink, sink.open(Urls.FAQ_JSON), sink.open(Urls.LLMS_FULL));
        try {
            files.start();
            return files;
        } catch (IOException | RuntimeException e) {
            files.close();
            throw e;
        }
    }

    /**
     * The files of one site that are made of a part per topic, open for writing: {@link #finish()}
     * ends them when every topic is in; {@link #close()} only closes them (a failed build).
     */
    public static final class SiteFiles implements SiteRenderer.TopicParts, Closeable {
        private final Site site;
        private final Translations translations;
        private final Translations.Language language;
        private final SiteRenderer.Sink sink;
        private final OutputStream faq;
        private final OutputStream llmsFull;
        private final SearchIndex.Writer search;

        private SiteFiles(Site site, Translations translations, Translations.Language language, SiteRenderer.Sink sink,
                          OutputStream faq, OutputStream llmsFull) {
            this.site = site;
            this.translations = translations;
            this.language = language;
            this.sink = sink;
            this.faq = faq;
            this.llmsFull = llmsFull;
            this.search = new SearchIndex.Writer(site, sink);
        }

        private void start() throws IOException {
            StringBuilder head = new StringBuilder("{\n  \"version\": " + FAQ_JSON_VERSION + ",\n  \"site\": ");
            faq.write(utf8(Json.indented(faqSite(site), 1, head).append(",\n  \"topics\": [").toString()));
            llmsFull.write(utf8(LlmsText.fullHead(site)));
        }

        @Override
        public byte[][] of(Topic topic, int index) {
            return parts(site, topic, index);
        }

        @Override
        public void append(byte[][] parts) throws IOException {
            faq.write(parts[0]);
            search.append(parts[1]);
            if (parts[3].length > 0) {
                sink.write(new String(parts[2], StandardCharsets.UTF_8), parts[3]);
                llmsFull.write(parts[4]);
            }
        }

        /** Ends and closes faq.json and llms-full.txt, then writes the rest of the search index, the links' map, llms.txt and the sitemap. */
        public void finish() throws IOException {
            faq.write(utf8((site.topics().isEmpty() ? "" : "\n  ") + "]\n}\n"));
            close();
            search.finish();
            LinksMap.write(site, sink);
            write(sink, Urls.LLMS, LlmsText.index(site));
            if (!site.info().baseUrl().isEmpty()) {
                write(sink, Urls.SITEMAP, sitemap(site, translations, language));
            }
        }

        /** Closes faq.json and llms-full.txt, finished or not. */
        @Override
        public void close() throws IOException {
            try (llmsFull) {
                faq.close();
            }
        }
    }

    /**
     * The parts of faq.json, the search index and the llms files of {@code topic}, the topic at {@code index} of
     * {@code site} with its answers rendered, as {@link SiteFiles#of} makes them; safe on any thread.
     */
    public static byte[][] parts(Site site, Topic topic, int index) {
        StringBuilder faqPart = new StringBuilder(topic.questions().size() * 2048).append(index == 0 ? "" : ",")
                .append("\n    ");
        String baseUrl = site.info().baseUrl();
        Json.indented(faqTopic(topic, baseUrl), 2, faqPart);
        String markdownPath = Urls.topicMarkdownPath(topic);
        String[] markdown = LlmsText.topic(topic, baseUrl, markdownPath);
        return new byte[][] {utf8(faqPart.toString()), SearchIndex.part(topic, index), utf8(markdownPath),
            utf8(markdown[0]), utf8(markdown[1])};
    }

    /**
     * The files that only mean something at the site's root: {@code robots.txt} (with a base URL),
     * the sitemap index and the {@code llms.txt} that leads to each language's of a multilingual
     * site, and {@code CNAME}.
     *
     * @param main the site of the default language, whose title heads the root {@code llms.txt}
     */
    public static void writeRootFiles(Site main, String baseUrl, Translations translations, String cname, SiteRenderer.Sink sink)
            throws IOException {
        if (!translations.isEmpty()) {
            write(sink, Urls.LLMS, LlmsText.languages(main, translations, baseUrl));
        }
        if (!baseUrl.isEmpty()) {
            if (!translations.isEmpty()) {
                StringBuilder index = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                        .append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
                for (Translations.Language language : translations.languages()) {
                    index.append("  <sitemap><loc>").append(StringUtil.XMLEnc(baseUrl + language.folder() + "/sitemap.xml"))
                            .append("</loc></sitemap>\n");
                }
                write(sink, Urls.SITEMAP, index.append("</sitemapindex>\n").toString());
            }
            write(sink, Urls.ROBOTS, "User-agent: *\nAllow: /\n\nSitemap: " + baseUrl + Urls.SITEMAP + "\n");
        }
        if (!cname.isEmpty()) {
            write(sink, "CNAME", cname + "\n");
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static void write(SiteRenderer.Sink sink, String path, String content) throws IOException {
        sink.write(path, utf8(content));
    }

    /**
     * The sitemap: every page meant for search engines (home and topics), absolute URLs, and on a
     * multilingual site each page's translations as {@code xhtml:link} alternates.
     */
    static String sitemap(Site site, Translations translations, Translations.Language language) {
        String baseUrl = site.info().baseUrl();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"")
                .append(translations.isEmpty() ? "" : " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"").append(">\n");
        List<String> paths = new ArrayList<>();
        List<String> topicIds = new ArrayList<>();
        paths.add(Urls.HOME);
        topicIds.add(null);
        site.topics().forEach(topic -> {
            paths.add(Urls.topicPath(topic));
            topicIds.add(topic.id());
        });
        for (int i = 0; i < paths.size(); i++) {
            xml.append("  <url><loc>").append(StringUtil.XMLEnc(Urls.canonical(baseUrl, paths.get(i)))).append("</loc>");
            for (Translations.Alternate alternate : translations.alternates(language, paths.get(i), topicIds.get(i), false)) {
                xml.append("<xhtml:link rel=\"alternate\" hreflang=\"").append(alternate.language())
                        .append("\" href=\"").append(StringUtil.XMLEnc(alternate.url())).append("\"/>");
            }
            if (!translations.isEmpty()) {
                xml.append("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"")
                        .append(StringUtil.XMLEnc(translations.xDefault(language, paths.get(i), false))).append("\"/>");
            }
            xml.append("</url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    /** faq.json's {@code site}; docs/github-pages.md documents every field of faq.json. */
    static Map<String, Object> faqSite(Site site) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", site.info().title());
        info.put("description", site.info().description());
        info.put("language", site.info().language());
        info.put("url", Urls.published(site.info().baseUrl(), Urls.HOME));
        return info;
    }

    /** One topic of faq.json's {@code topics}, with its questions. */
    static Map<String, Object> faqTopic(Topic topic, String baseUrl) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", topic.id());
        t.put("title", topic.title());
        t.put("summary", topic.summaryText());
        t.put("url", Urls.published(baseUrl, Urls.topicPath(topic)));
        String page = Urls.page(Urls.topicPath(topic));
        t.put("page", page);
        t.put("previousPages", topic.previousPages().stream().map(Urls::previousPage).toList());
        t.put("previousIds", topic.previousIds());
        List<Object> questions = new ArrayList<>();
        for (Question question : topic.questions()) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("id", question.id());
            q.put("question", question.question());
            q.put("answerHtml", question.answer().html().markup());
            q.put("answerText", question.answerText());
            q.put("tags", question.tags());
            q.put("related", question.related().stream().map(QuestionLink::id).toList());
            q.put("url", Urls.published(baseUrl, Urls.questionPath(question.link())));
            q.put("page", page);
            q.put("previousIds", question.previousIds());
            questions.add(q);
        }
        t.put("questions", questions);
        return t;
    }
}
