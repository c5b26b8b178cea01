package io.github.sitegen.publish;

import java.util.List;

import io.github.sitegen.model.Question;
import io.github.sitegen.model.Site;
import io.github.sitegen.model.Topic;
import io.github.sitegen.render.Translations;
import io.github.sitegen.render.Urls;

/**
 * The site for AI assistants and tools, in the format of llmstxt.org: {@code llms.txt} (the site's
 * title, its description, and a link to each topic's Markdown with the topic's summary),
 * {@code llms-full.txt} (every question and answer), and {@code <topic>/index.md} beside each topic's
 * page. Drafts are left out. Links are absolute with a base URL, else relative to the file.
 */
final class LlmsText {

    private LlmsText() {
    }

    /** {@code llms.txt} of one site, or of one language of a multilingual site. */
    static String index(Site site) {
        String baseUrl = site.info().baseUrl();
        StringBuilder text = head(site);
        List<Topic> topics = site.topics().stream().filter(LlmsText::published).toList();
        if (!topics.isEmpty()) {
            text.append("## Topics\n\n");
            for (Topic topic : topics) {
                text.append("- [").append(inline(topic.title())).append("](")
                        .append(link(baseUrl, Urls.LLMS, Urls.topicMarkdownPath(topic))).append(')')
                        .append(topic.summaryText().isEmpty() ? "" : ": " + inline(topic.summaryText())).append('\n');
            }
            text.append("\n## Optional\n\n- [").append(inline(site.info().title())).append("](")
                    .append(link(baseUrl, Urls.LLMS, Urls.LLMS_FULL)).append("): every question and answer in one file\n");
        }
        return text.toString();
    }

    /** The root {@code llms.txt} of a multilingual site: a link to each language's. */
    static String languages(Site site, Translations translations, String rootBaseUrl) {
        StringBuilder text = head(site).append("## Languages\n\n");
        for (Translations.Language language : translations.languages()) {
            text.append("- [").append(inline(language.name())).append("](")
                    .append(link(rootBaseUrl, Urls.LLMS, language.folder() + "/" + Urls.LLMS)).append(")\n");
        }
        return text.toString();
    }

    /** The beginning of {@code llms-full.txt}, before the topics. */
    static String fullHead(Site site) {
        return head(site).toString();
    }

    /**
     * A topic as Markdown with its published questions (empty when it has none), headed at
     * {@code level} ({@code #} for its own file), its links written for the file at {@code from}.
     */
    static String topic(Topic topic, String baseUrl, String from, int level) {
        if (!published(topic)) {
            return "";
        }
        String page = Urls.topicPath(topic);
        StringBuilder text = new StringBuilder("#".repeat(level)).append(" [").append(inline(topic.title())).append("](")
                .append(link(baseUrl, from, page)).append(")\n\n");
        if (!topic.summaryText().isEmpty()) {
            text.append("> ").append(inline(topic.summaryText())).append("\n\n");
        }
        for (Question question : topic.questions()) {
            if (question.draft()) {
                continue;
            }
            text.append("#".repeat(level + 1)).append(" [").append(inline(question.question())).append("](")
                    .append(link(baseUrl, from, Urls.questionPath(question.link()))).append(")\n\n")
                    .append(MarkdownText.of(question.answer().html().markup(),
                            url -> Urls.resolve(url, page).map(path -> link(baseUrl, from, path)).orElse(url)))
                    .append('\n');
        }
        return text.toString();
    }

    private static StringBuilder head(Site site) {
        StringBuilder text = new StringBuilder("# ").append(inline(site.info().title())).append("\n\n");
        if (!site.info().description().isEmpty()) {
            text.append("> ").append(inline(site.info().description())).append("\n\n");
        }
        return text;
    }

    private static boolean published(Topic topic) {
        return topic.questions().stream().anyMatch(question -> !question.draft());
    }

    /** Plain text on one line, with the characters that would start Markdown escaped. */
    private static String inline(String text) {
        return MarkdownText.escape(text.replaceAll("\\s+", " ").strip());
    }

    /** The link from the file at {@code from} to {@code sitePath}: absolute with a base URL, else relative. */
    private static String link(String baseUrl, String from, String sitePath) {
        return baseUrl.isEmpty() ? Urls.relativeFrom(from).link(sitePath) : Urls.published(baseUrl, sitePath);
    }
}
