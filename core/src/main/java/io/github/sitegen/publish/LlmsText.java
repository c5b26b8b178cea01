package io.github.sitegen.publish;

import java.util.List;

import io.github.sitegen.markdown.Text;
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
     * A topic as Markdown with its published questions, twice: as its own file at {@code own}
     * (headed {@code #}) and as its part of {@code llms-full.txt} (headed {@code ##}), each with its
     * links written for that file; both empty when it has none. Each answer's HTML is read once for
     * both, and written once when its links are the same in both: with a base URL they are absolute,
     * and links out of the site are the same anyway.
     */
    static String[] topic(Topic topic, String baseUrl, String own) {
        if (!published(topic)) {
            return new String[] {"", ""};
        }
        String page = Urls.topicPath(topic);
        StringBuilder mine = heading(topic, baseUrl, own, 1);
        StringBuilder full = heading(topic, baseUrl, Urls.LLMS_FULL, 2);
        for (Question question : topic.questions()) {
            if (question.draft()) {
                continue;
            }
            String path = Urls.questionPath(question.link());
            mine.append("## [").append(inline(question.question())).append("](").append(link(baseUrl, own, path)).append(")\n\n");
            full.append("### [").append(inline(question.question())).append("](").append(link(baseUrl, Urls.LLMS_FULL, path))
                    .append(")\n\n");
            org.jsoup.nodes.Element answer = MarkdownText.parse(question.answer().html().markup());
            boolean[] sitePaths = {false};
            String text = MarkdownText.of(answer, url -> Urls.resolve(url, page).map(to -> {
                sitePaths[0] = true;
                return link(baseUrl, own, to);
            }).orElse(url));
            mine.append(text).append('\n');
            // Only a link into the site is written differently for each file, and only without a base URL.
            full.append(baseUrl.isEmpty() && sitePaths[0] ? MarkdownText.of(answer,
                    url -> Urls.resolve(url, page).map(to -> link(baseUrl, Urls.LLMS_FULL, to)).orElse(url)) : text).append('\n');
        }
        return new String[] {mine.toString(), full.toString()};
    }

    /** A topic's heading and summary at {@code level}, its link written for the file at {@code from}. */
    private static StringBuilder heading(Topic topic, String baseUrl, String from, int level) {
        StringBuilder text = new StringBuilder("#".repeat(level)).append(" [").append(inline(topic.title())).append("](")
                .append(link(baseUrl, from, Urls.topicPath(topic))).append(")\n\n");
        if (!topic.summaryText().isEmpty()) {
            text.append("> ").append(inline(topic.summaryText())).append("\n\n");
        }
        return text;
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
        return MarkdownText.escape(Text.oneLine(text));
    }

    /** The link from the file at {@code from} to {@code sitePath}: absolute with a base URL, else relative. */
    private static String link(String baseUrl, String from, String sitePath) {
        return baseUrl.isEmpty() ? Urls.relativeFrom(from).link(sitePath) : Urls.published(baseUrl, sitePath);
    }
}
