package io.github.sitegen.markdown;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.commonmark.renderer.html.UrlSanitizer;

/**
 * The URLs a link or image written in Markdown may have: {@code http}, {@code https} and
 * {@code mailto}, relative URLs and {@code #fragments}, and for images also {@code data:} URLs of
 * the raster formats browsers show ({@code data:image/png}, {@code gif}, {@code jpeg},
 * {@code webp}; not SVG, which may hold script). The scheme is read the way a browser reads it,
 * and then some: spaces and control characters around it are trimmed, tabs and line breaks inside
 * it dropped, {@code %XX} escapes decoded and case ignored, so that {@code JaVa&#9;Script:},
 * {@code javas%63ript:} and {@code &#106;avascript:} (commonmark decodes the entity) are all
 * {@code javascript:}. Anything with another scheme is refused.
 */
final class UrlSchemes implements UrlSanitizer {

    static final UrlSchemes INSTANCE = new UrlSchemes();

    private static final Set<String> ALLOWED = Set.of("http", "https", "mailto");
    private static final Pattern DATA_IMAGE = Pattern.compile("(?i)data:image/(png|gif|jpeg|webp)(;base64)?,.*", Pattern.DOTALL);

    private UrlSchemes() {
    }

    /** The scheme of {@code url} when a Markdown link ({@code image} false) or image may not use it. */
    static Optional<String> refused(String url, boolean image) {
        String read = url.replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "").replaceAll("[\\t\\n\\r]", "");
        for (int i = 0; i < read.length(); i++) {
            char c = read.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return Optional.empty(); // relative: a path, a query or a fragment comes before any ':'
            }
            if (c == ':') {
                String scheme = decoded(read.substring(0, i)).toLowerCase(Locale.ROOT);
                boolean allowed = ALLOWED.contains(scheme) || image && DATA_IMAGE.matcher(read).matches();
                return allowed ? Optional.empty() : Optional.of(scheme + ":");
            }
        }
        return Optional.empty();
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a stray %: refused as it is written
        }
    }

    @Override
    public String sanitizeLinkUrl(String url) {
        return refused(url, false).isPresent() ? "" : url;
    }

    @Override
    public String sanitizeImageUrl(String url) {
        return refused(url, true).isPresent() ? "" : url;
    }
}
