package io.github.sitegen.model;

import java.util.List;
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
 * @param logo         the logo shown in the header, with the title as its text; {@code null} when none
 * @param links        the links shown in the header, in the order written; empty when none
 * @param footer       Markdown rendered to HTML, shown in every page's footer; may be empty
 * @param editUrl      the pattern of a topic file's edit link, with {@code {file}}; empty when none
 * @param askUrl       where a reader can ask a question, with an optional {@code {query}}; empty
 *                     when none
 * @param allOnOnePage whether the site has a page with every question and answer ({@code all.html})
 * @param feedbackUrl  where a reader's "Was this helpful?" vote goes, with {@code {id}}, {@code {vote}},
 *                     {@code {page}} and {@code {lang}}; empty when votes are not asked for
 */
public record SiteInfo(String title, String description, String language, Html introduction, String baseUrl,
                       String image, String direction, Map<String, String> messages, Link logo, List<Link> links,
                       Html footer, String editUrl, String askUrl, boolean allOnOnePage, String feedbackUrl) {

    public SiteInfo {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(introduction, "introduction");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(direction, "direction");
        messages = Map.copyOf(messages);
        links = List.copyOf(links);
        Objects.requireNonNull(footer, "footer");
        Objects.requireNonNull(editUrl, "editUrl");
        Objects.requireNonNull(askUrl, "askUrl");
        Objects.requireNonNull(feedbackUrl, "feedbackUrl");
    }

    /**
     * The same settings with another introduction and footer: rendered again once the language is
     * known, or with links rewritten for the page that shows them.
     */
    public SiteInfo withRendered(Html introduction, Html footer) {
        return new SiteInfo(title, description, language, introduction, baseUrl, image, direction, messages, logo, links,
                footer, editUrl, askUrl, allOnOnePage, feedbackUrl);
    }

    /** These settings in another language. */
    public SiteInfo withLanguage(String language, String direction) {
        return new SiteInfo(title, description, language, introduction, baseUrl, image, direction, messages, logo, links,
                footer, editUrl, askUrl, allOnOnePage, feedbackUrl);
    }
}
