package org.example.sitegen.publish;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.example.sitegen.model.Question;
import org.example.sitegen.model.QuestionLink;
import org.example.sitegen.model.Site;
import org.example.sitegen.model.Topic;
import org.example.sitegen.render.Json;
import org.example.sitegen.render.SiteRenderer;
import org.example.sitegen.render.Urls;

/**
 * The files beside the pages that make a site work well once published: {@code faq.json} (the
 * whole FAQ as data), the search index, and with a base URL {@code sitemap.xml} and {@code robots.txt}; {@code CNAME}
 * when a custom domain is configured.
 */
public final class Publisher {

    /** Version of the {@code faq.json} format; raised on incompatible changes. */
    static final int FAQ_JSON_VERSION = 1;

    private Publisher() {
    }

    /** Writes every publishing file that applies; returns the site paths written. */
    public static List<String> write(Site site, String cname, SiteRenderer.Sink sink) throws IOException {
        List<String> written = new ArrayList<>();
        try (Writer out = writer(sink, "faq.json")) {
            Json.write(faqJson(site), out);
        }
        written.add("faq.json");
        try (Writer out = writer(sink, SearchIndex.PATH)) {
            SearchIndex.write(site, out);
        }
        written.add(SearchIndex.PATH);
        String baseUrl = site.info().baseUrl();
        if (!baseUrl.isEmpty()) {
            write(sink, "sitemap.xml", sitemap(site), written);
            write(sink, "robots.txt", "User-agent: *\nAllow: /\n\nSitemap: " + baseUrl + "sitemap.xml\n", written);
        }
        if (!cname.isEmpty()) {
            write(sink, "CNAME", cname + "\n", written);
        }
        return written;
    }

    private static Writer writer(SiteRenderer.Sink sink, String path) throws IOException {
        return new OutputStreamWriter(sink.open(path), StandardCharsets.UTF_8);
    }

    private static void write(SiteRenderer.Sink sink, String path, String content, List<String> written) throws IOException {
        sink.write(path, content.getBytes(StandardCharsets.UTF_8));
        written.add(path);
    }

    /** The sitemap: every page meant for search engines (home and topics), absolute URLs. */
    static String sitemap(Site site) {
        String baseUrl = site.info().baseUrl();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        List<String> paths = new ArrayList<>();
        paths.add(Urls.HOME);
        site.topics().forEach(topic -> paths.add(Urls.topicPath(topic)));
        for (String path : paths) {
            xml.append("  <url><loc>").append(xmlEscape(Urls.canonical(baseUrl, path))).append("</loc></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    /** The whole FAQ as data; the README documents every field. */
    static Map<String, Object> faqJson(Site site) {
        String baseUrl = site.info().baseUrl();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", FAQ_JSON_VERSION);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", site.info().title());
        info.put("description", site.info().description());
        info.put("language", site.info().language());
        info.put("url", Urls.published(baseUrl, Urls.HOME));
        root.put("site", info);
        List<Object> topics = new ArrayList<>();
        for (Topic topic : site.topics()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("id", topic.id());
            t.put("title", topic.title());
            t.put("summary", topic.summaryText());
            t.put("url", Urls.published(baseUrl, Urls.topicPath(topic)));
            List<Object> questions = new ArrayList<>();
            for (Question question : topic.questions()) {
                Map<String, Object> q = new LinkedHashMap<>();
                q.put("id", question.id());
                q.put("question", question.question());
                q.put("answerHtml", question.answer().markup());
                q.put("answerText", question.answerText());
                q.put("tags", question.tags());
                q.put("related", question.related().stream().map(QuestionLink::id).toList());
                q.put("url", Urls.published(baseUrl, Urls.questionPath(question.link())));
                questions.add(q);
            }
            t.put("questions", questions);
            topics.add(t);
        }
        root.put("topics", topics);
        return root;
    }

    static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }
}
