package io.github.sitegen.model;

import java.util.Objects;

/**
 * A link set in {@code site.yaml}: an absolute URL ({@code https:}, {@code http:} or
 * {@code mailto:}), or a site path from the site's root, such as {@code img/logo.svg} (a file of
 * the static folder). Templates link it with {@code url(link)}.
 *
 * @param text what the link says (for the logo: its text alternative, the site title)
 * @param url  the absolute URL or the site path, as written
 */
public record Link(String text, String url) {

    public Link {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(url, "url");
    }

    /** Whether {@link #url} is an absolute URL rather than a path in the site. */
    public boolean external() {
        return isExternal(url);
    }

    /** Whether {@code url} starts with a scheme ({@code https:}, {@code mailto:}...). */
    public static boolean isExternal(String url) {
        return url.matches("(?i)[a-z][a-z0-9+.-]*:.*");
    }
}
