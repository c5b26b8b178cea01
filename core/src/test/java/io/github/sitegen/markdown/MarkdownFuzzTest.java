package io.github.sitegen.markdown;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.sitegen.FuzzProperties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Fuzzes {@link MarkdownRenderer} with untrusted raw HTML ({@code trustRawHtml = false}) on
 * arbitrary UTF-8. Property: no exception, and the HTML, parsed again with jsoup as a browser
 * would, holds nothing that runs script, loads a frame or plugin, submits, restyles or redirects
 * the page: no {@code <script>}, {@code <style>}, {@code iframe}, {@code frame}, {@code object},
 * {@code embed}, {@code form}, {@code base}, {@code meta}, {@code link}, {@code svg}, {@code math}
 * (anything outside the documented allowlist {@link MarkdownRenderer.Allowlist#ALLOWED}, in fact), no
 * {@code on*} or {@code style} attribute (the allowlist has no style: the theme styles the page)
 * and no URL attribute whose scheme, read as browsers read it (tabs and newlines dropped, leading
 * controls and spaces trimmed), is {@code javascript:}, {@code vbscript:} or {@code data:}, but
 * an image's {@code src} of a raster format ({@code data:image/png}, {@code gif}, {@code jpeg},
 * {@code webp}), which shows a picture and runs nothing. The HTML is at most {@value #FACTOR} × the input + {@value #CONSTANT} characters.
 */
class MarkdownFuzzTest {

    static final long FACTOR = 64;
    static final long CONSTANT = 1024;

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer(false);
    private static final java.util.regex.Pattern RASTER_IMAGE =
            java.util.regex.Pattern.compile("(?is)data:image/(png|gif|jpeg|webp)(;base64)?,.*");

    private static final Set<String> FORBIDDEN_TAGS = Set.of("script", "style", "iframe", "frame", "frameset", "object",
            "embed", "applet", "form", "input", "button", "textarea", "select", "base", "meta", "link", "svg", "math",
            "noscript", "template", "portal");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href",
            "poster", "background", "cite", "srcset", "data", "codebase", "longdesc", "usemap", "manifest", "ping");

    @FuzzTest(maxDuration = "2m")
    void render(byte[] input) {
        String markdown = new String(input, StandardCharsets.UTF_8);
        MarkdownRenderer.Rendered rendered = RENDERER.render(markdown, 3);
        String html = rendered.html().markup();
        assertSafe(html);
        FuzzProperties.assertBounded(html.length(), markdown.length(), FACTOR, CONSTANT, "HTML");
        FuzzProperties.assertBounded(rendered.text().length(), markdown.length(), FACTOR, CONSTANT, "text");
    }

    /** Fails when {@code html} holds anything listed in the class comment. */
    static void assertSafe(String html) {
        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            String tag = element.normalName();
            if (FORBIDDEN_TAGS.contains(tag) || !element.tag().isKnownTag() && !tag.equals("body")) {
                throw new AssertionError("<" + tag + "> in " + html);
            }
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                if (key.startsWith("on") || key.equals("style") || key.equals("http-equiv") || key.equals("srcdoc")) {
                    throw new AssertionError(tag + " " + key + "=\"" + attribute.getValue() + "\" in " + html);
                }
                if (URL_ATTRIBUTES.contains(key) || key.endsWith(":href")) {
                    String scheme = scheme(attribute.getValue());
                    boolean rasterImage = tag.equals("img") && key.equals("src")
                            && RASTER_IMAGE.matcher(attribute.getValue().replaceAll("^[\\x00-\\x20]+|[\\t\\n\\r]", "")).matches();
                    if (scheme.equals("javascript") || scheme.equals("vbscript") || scheme.equals("data") && !rasterImage) {
                        throw new AssertionError(tag + " " + key + "=\"" + attribute.getValue() + "\" in " + html);
                    }
                }
            }
        }
    }

    /** The scheme of {@code url} as the WHATWG URL parser finds it, lowercase; empty when relative. */
    static String scheme(String url) {
        int start = 0;
        int end = url.length();
        while (start < end && url.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && url.charAt(end - 1) <= ' ') {
            end--;
        }
        StringBuilder scheme = new StringBuilder();
        for (int i = start; i < end; i++) {
            char c = url.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (c == ':') {
                return scheme.toString().toLowerCase(Locale.ROOT);
            }
            boolean schemeChar = c < 0x80 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.');
            if (!schemeChar || scheme.isEmpty() && !Character.isLetter(c)) {
                return "";
            }
            scheme.append(c);
        }
        return "";
    }
}
