package io.github.sitegen.model;

import java.util.Map;
import java.util.Objects;

/**
 * Site-wide settings from {@code site.yaml}.
 *
 * @param title        the site's name, shown in every page title and header
 * @param description  one or two sentences for search engines and link previews (plain text)
 * @param language     a BCP 47 language tag, written to {@code <html lang>}
 * @param introduction Markdown rendered to HTML, shown on the home page; may be empty
 * @param baseUrl      the absolute URL the site is published at, ending in {@code /}; empty when
 *                     not configured
 * @param image        the absolute URL of the image shown in link previews; empty when none
 * @param direction    {@code ltr}, or {@code rtl} for languages written right to left
 * @param messages     the site's own interface strings, overriding the theme's, by key
 */
public record SiteInfo(String title, String description, String language, Html introduction, String baseUrl,
                       String image, String direction, Map<String, String> messages) {

    public SiteInfo {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(introduction, "introduction");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(direction, "direction");
        messages = Map.copyOf(messages);
    }
}
