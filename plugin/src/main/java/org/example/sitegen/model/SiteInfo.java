package org.example.sitegen.model;

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
 */
public record SiteInfo(String title, String description, String language, Html introduction, String baseUrl,
                       String image) {

    public SiteInfo {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(introduction, "introduction");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(image, "image");
    }
}
