package io.github.sitegen.publish;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.sitegen.model.Question;
import io.github.sitegen.model.Site;
import io.github.sitegen.model.Topic;
import io.github.sitegen.render.Json;
import io.github.sitegen.render.SiteRenderer;
import io.github.sitegen.render.Urls;

/**
 * The map that old links follow, published as scripts (so that it loads from a folder opened on
 * disk too), which the theme's script loads only for a fragment a page does not have, or on the
 * 404 page:
 *
 * <ul>
 * <li>{@value Urls#LINKS}: {@code window.siteGenLinks = {version, topics: [topic page, ...],
 *     pages: {previous page: topic}, parts, ids: {id: topic}}}, topics by their place in
 *     {@code topics}. {@code ids} has every question's id and previous ids, and the topics'
 *     previous ids (a question's id first, where a topic's previous id is the same text);
 *     {@code pages} each topic's previous pages, by the file written for them
 *     ({@code billing/index.html}).</li>
 * <li>On a site of more than {@value #IDS_PER_PART} ids, {@code ids} is empty and {@code parts}
 *     says how many parts hold them: {@code links/p<n>.js} adds to {@code siteGenLinks.ids} the ids
 *     whose {@link #part} is {@code n}, so that following a link loads a small part of a large
 *     site's map. {@code parts} is 0 otherwise.</li>
 * </ul>
 *
 * <p>In the order of the content, so two builds give the same bytes.
 */
final class LinksMap {

    /** Version of the map's format, for the theme's script. */
    static final int VERSION = 1;
    /** A site with more ids than this splits them into parts of about this many. */
    static final int IDS_PER_PART = 1000;
    /** The folder of the parts, beside {@value Urls#LINKS}. */
    static final String PARTS = "links/";

    private LinksMap() {
    }

    static void write(Site site, SiteRenderer.Sink sink) throws IOException {
        List<String> topics = new ArrayList<>();
        Map<String, Object> ids = new LinkedHashMap<>();
        Map<String, Object> pages = new LinkedHashMap<>();
        for (Topic topic : site.topics()) {
            int index = topics.size();
            topics.add(Urls.topicPath(topic));
            for (Question question : topic.questions()) {
                ids.put(question.id(), index);
                question.previousIds().forEach(id -> ids.put(id, index));
            }
            topic.previousPages().forEach(page -> pages.put(Urls.previousPageFile(page), index));
        }
        for (int index = 0; index < site.topics().size(); index++) {
            for (String id : site.topics().get(index).previousIds()) {
                ids.putIfAbsent(id, index);
            }
        }
        int parts = ids.size() <= IDS_PER_PART ? 0 : (ids.size() + IDS_PER_PART - 1) / IDS_PER_PART;
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("version", VERSION);
        links.put("topics", topics);
        links.put("pages", pages);
        links.put("parts", parts);
        links.put("ids", parts == 0 ? ids : Map.of());
        Publisher.write(sink, Urls.LINKS, "window.siteGenLinks = " + Json.compact(links, new StringBuilder()) + ";\n");
        if (parts == 0) {
            return;
        }
        List<Map<String, Object>> split = new ArrayList<>();
        for (int n = 0; n < parts; n++) {
            split.add(new LinkedHashMap<>());
        }
        ids.forEach((id, topic) -> split.get(part(id, parts)).put(id, topic));
        for (int n = 0; n < parts; n++) {
            Publisher.write(sink, PARTS + "p" + n + ".js", "Object.assign(window.siteGenLinks.ids, "
                    + Json.compact(split.get(n), new StringBuilder()) + ");\n");
        }
    }

    /**
     * The part that holds {@code id}: its Java hash code (over its UTF-16 code units, which the
     * theme's script computes the same way), unsigned, modulo {@code parts}.
     */
    static int part(String id, int parts) {
        return (int) (Integer.toUnsignedLong(id.hashCode()) % parts);
    }
}
