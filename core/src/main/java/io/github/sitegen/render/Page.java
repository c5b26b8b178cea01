package io.github.sitegen.render;

import java.util.List;
import java.util.Objects;

import io.github.sitegen.model.Html;

/**
 * What a template knows about the page it renders.
 *
 * @param kind         {@code home}, {@code topic}, {@code notFound}, {@code languages} (the
 *                     language chooser at the root of a multilingual site), {@code report} (the
 *                     maintainers' report) or {@code moved} (a topic's previous page)
 * @param path         the page's site path, such as {@code ukraine/index.html}
 * @param title        the page's own title (the full {@code <title>} adds the site title)
 * @param description  the meta description, plain text
 * @param canonicalUrl the absolute URL of the page (of a previous page: of its topic's page), or
 *                     empty when no base URL is set
 * @param structuredData JSON-LD for the page (FAQPage on topic pages when enabled), or empty
 * @param alternates   the same page in every language of a multilingual site; empty otherwise
 * @param xDefault     the {@code hreflang="x-default"} link of a multilingual site's page (its root
 *                     language chooser); empty otherwise
 */
public record Page(String kind, String path, String title, String description, String canonicalUrl,
                   Html structuredData, List<Translations.Alternate> alternates, String xDefault) {

    /** A page without an x-default link (a single-language site's, or one not for search engines). */
    public Page(String kind, String path, String title, String description, String canonicalUrl,
                Html structuredData, List<Translations.Alternate> alternates) {
        this(kind, path, title, description, canonicalUrl, structuredData, alternates, "");
    }

    public Page {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(canonicalUrl, "canonicalUrl");
        Objects.requireNonNull(structuredData, "structuredData");
        alternates = List.copyOf(alternates);
        Objects.requireNonNull(xDefault, "xDefault");
    }
}
