package io.github.sitegen.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.sitegen.model.Html;
import io.github.sitegen.model.Question;
import io.github.sitegen.model.Topic;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * FAQPage structured data (JSON-LD) for a topic page, following Google's documented requirements:
 * every question of the page with its full answer, each question marked up once across the site
 * (a question appears on one topic page only), and the same text that the page shows. Answers keep
 * only the HTML tags Google reads; links become absolute.
 */
public final class StructuredData {

    /** The tags Google's FAQPage documentation allows in an answer. */
    private static final Safelist GOOGLE_ANSWER_TAGS = new Safelist()
            .addTags("h1", "h2", "h3", "h4", "h5", "h6", "br", "ol", "ul", "li", "a", "p", "div", "b", "strong", "i", "em")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https", "mailto");

    private StructuredData() {
    }

    /**
     * The JSON-LD of {@code topic}'s page.
     *
     * @param pageUrl the page's absolute URL, used to make links absolute; empty to drop relative links
     */
    public static Html faqPage(Topic topic, String pageUrl) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@context", "https://schema.org");
        page.put("@type", "FAQPage");
        if (!pageUrl.isEmpty()) {
            page.put("url", pageUrl);
        }
        page.put("name", topic.title());
        List<Object> entities = new ArrayList<>();
        for (Question question : topic.questions()) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("@type", "Answer");
            answer.put("text", answerHtml(question, pageUrl));
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("@type", "Question");
            // name is read as HTML by some consumers, like the answer's text: escape it the same way
            entity.put("name", Entities.escape(question.question()));
            entity.put("acceptedAnswer", answer);
            entities.add(entity);
        }
        page.put("mainEntity", entities);
        return new Html(Json.forScript(page));
    }

    private static String answerHtml(Question question, String pageUrl) {
        String base = pageUrl.isEmpty() ? "https://site-gen.invalid/" : pageUrl;
        Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
        String html = Jsoup.clean(question.answer().html().markup(), base, GOOGLE_ANSWER_TAGS, settings);
        return pageUrl.isEmpty() ? html.replace("https://site-gen.invalid/", "") : html;
    }
}
