package io.github.sitegen.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.sitegen.FuzzProperties;
import io.github.sitegen.content.Ids;

/**
 * Fuzzes the ids and URLs site-gen derives from text ({@link Ids}, {@link Urls}). Properties, with
 * no exception anywhere:
 * <ul>
 * <li>{@link Ids#derive} gives a valid question id ({@link Ids#isQuestionId}) of at most 64 code
 * points, and the same id again from that id;</li>
 * <li>{@link Ids#suggestTopicId} gives empty text or a valid topic id ({@link Ids#isTopicId});</li>
 * <li>a base URL {@link Urls#normaliseBaseUrl} accepts is an absolute http(s) URL that
 * {@link URI} parses, ends in {@code /}, has no query or fragment, normalises to itself, and its
 * {@link Urls#basePath} starts and ends with {@code /}; one it refuses has a reason;</li>
 * <li>links, canonical and published URLs built from derived ids parse as URI references, and
 * the absolute ones are absolute. All are at most {@value #FACTOR} × the input +
 * {@value #CONSTANT} characters.</li>
 * </ul>
 */
class IdsAndUrlsFuzzTest {

    static final long FACTOR = 4;
    static final long CONSTANT = 64;

    @FuzzTest(maxDuration = "2m")
    void idsAndUrls(FuzzedDataProvider data) {
        String text = data.consumeString(200);
        String name = data.consumeString(100);
        String configured = data.consumeRemainingAsString();
        int inputLength = text.length() + name.length() + configured.length();

        String questionId = Ids.derive(text);
        check(Ids.isQuestionId(questionId), "derived id '" + questionId + "' from '" + text + "' is not a question id");
        check(questionId.codePointCount(0, questionId.length()) <= 64, "derived id too long: " + questionId);
        String again = Ids.derive(questionId);
        check(again.equals(questionId), "deriving from id '" + questionId + "' " + codePoints(questionId) + " gives '"
                + again + "' " + codePoints(again));

        String topicId = Ids.suggestTopicId(name);
        check(topicId.isEmpty() || Ids.isTopicId(topicId), "suggested '" + topicId + "' from '" + name
                + "' is not a topic id");
        if (topicId.isEmpty() || Ids.RESERVED_TOPIC_IDS.contains(topicId)) {
            // No topic can have a reserved id (assets/ is the theme's folder, linked at the site's root).
            topicId = "topic";
        }

        String page = Urls.questionPath(topicId, questionId);
        String link = Urls.relativeFrom(Urls.topicPath(name.isEmpty() ? "other" : "other/" + topicId)).link(page);
        parse(link, false);
        String sameTopic = Urls.relativeFrom(Urls.topicPath(topicId)).link(page);
        check(sameTopic.equals("#" + questionId), "a link on the same page is not a fragment: " + sameTopic);

        StringBuilder error = new StringBuilder();
        Optional<String> baseUrl = Urls.normaliseBaseUrl(configured, error);
        if (baseUrl.isEmpty()) {
            check(!error.isEmpty(), "'" + configured + "' refused without a reason");
            return;
        }
        String base = baseUrl.get();
        String basePath = Urls.basePath(base);
        check(basePath.startsWith("/") && basePath.endsWith("/"), "base path '" + basePath + "' of " + base);
        parse(Urls.absolute(base).link(page), false);
        if (base.isEmpty()) {
            return;
        }
        URI uri = parse(base, true);
        check(base.endsWith("/") && uri.getRawQuery() == null && uri.getRawFragment() == null
                && (uri.getScheme().equals("http") || uri.getScheme().equals("https")), "normalised base URL " + base);
        check(Urls.normaliseBaseUrl(base, new StringBuilder()).equals(Optional.of(base)),
                "normalising " + base + " again changes it");
        String canonical = Urls.canonical(base, Urls.topicPath(topicId));
        parse(canonical, true);
        String published = Urls.published(base, page);
        parse(published, true);
        FuzzProperties.assertBounded(published.length(), inputLength, FACTOR, CONSTANT, "published URL");
    }

    private static URI parse(String url, boolean absolute) {
        try {
            URI uri = new URI(url);
            check(!absolute || uri.isAbsolute(), url + " is not absolute");
            return uri;
        } catch (URISyntaxException e) {
            throw new AssertionError("not a URI: " + url, e);
        }
    }

    private static String codePoints(String text) {
        return text.codePoints().mapToObj(Integer::toHexString).toList().toString();
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
