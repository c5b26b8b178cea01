package io.github.sitegen.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The languages of a multilingual site and the links between them: for a page in one language,
 * the same page in every language (the same topic where it exists, else the home page). Questions
 * share ids across languages, so a link that keeps the fragment lands on the same question.
 */
public final class Translations {

    /** One language: its tag, its folder in the output, its name in itself, and its topic ids. */
    public record Language(String tag, String folder, String name, Set<String> topicIds) {
        public Language {
            topicIds = Set.copyOf(topicIds);
        }
    }

    /**
     * A link to one translation of the current page.
     *
     * @param language  the BCP 47 tag, for {@code hreflang} and {@code lang}
     * @param name      the language's name in itself ("Deutsch")
     * @param href      the link from the current page
     * @param url       the absolute URL when the base URL is known, else the same as {@code href}
     * @param current   whether this is the page's own language
     * @param topicPage whether the link leads to a topic page (so a question's fragment may follow)
     */
    public record Alternate(String language, String name, String href, String url, boolean current, boolean topicPage) {
    }

    /** No translations: a single-language site. */
    public static final Translations NONE = new Translations(List.of(), "");

    private final List<Language> languages;
    private final String rootBaseUrl;

    /**
     * @param rootBaseUrl the base URL of the whole site (language folders below it), or empty
     */
    public Translations(List<Language> languages, String rootBaseUrl) {
        this.languages = List.copyOf(languages);
        this.rootBaseUrl = rootBaseUrl;
    }

    public static Language language(String tag, String folder, Set<String> topicIds) {
        Locale locale = Locale.forLanguageTag(tag);
        String name = locale.getDisplayName(locale);
        name = name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
        return new Language(tag, folder, name, topicIds);
    }

    public List<Language> languages() {
        return languages;
    }

    public boolean isEmpty() {
        return languages.isEmpty();
    }

    /**
     * The translations of the page at {@code pagePath} (within {@code current}'s folder).
     *
     * @param topicId  the page's topic, or {@code null} for the home page
     * @param absolute whether links must start with the base path (the 404 page)
     */
    public List<Alternate> alternates(Language current, String pagePath, String topicId, boolean absolute) {
        if (languages.isEmpty()) {
            return List.of();
        }
        Urls urls = absolute ? Urls.absolute(rootBaseUrl) : Urls.relativeFrom(current.folder() + "/" + pagePath);
        List<Alternate> alternates = new ArrayList<>();
        for (Language language : languages) {
            boolean topicPage = topicId != null && language.topicIds().contains(topicId);
            String target = language.folder() + "/" + (topicPage ? Urls.topicPath(topicId) : Urls.HOME);
            String href = urls.link(target);
            String url = rootBaseUrl.isEmpty() ? href : Urls.canonical(rootBaseUrl, target);
            alternates.add(new Alternate(language.tag(), language.name(), href, url, language.equals(current), topicPage));
        }
        return alternates;
    }

    /**
     * The {@code hreflang="x-default"} link of a page: the root language chooser, the page for
     * readers whose language the site does not have (as Google recommends). Empty on a
     * single-language site.
     *
     * @param current  the page's language, or {@code null} for the root page itself
     * @param absolute whether the link must start with the base path (the 404 page)
     */
    public String xDefault(Language current, String pagePath, boolean absolute) {
        if (languages.isEmpty()) {
            return "";
        }
        if (!rootBaseUrl.isEmpty()) {
            return Urls.canonical(rootBaseUrl, Urls.HOME);
        }
        if (absolute) {
            return Urls.absolute(rootBaseUrl).link(Urls.HOME);
        }
        return Urls.relativeFrom(current == null ? pagePath : current.folder() + "/" + pagePath).link(Urls.HOME);
    }

    /** Links into {@code language}'s folder that start with the site's base path (the 404 page). */
    public Urls absoluteIn(Language language) {
        return Urls.absolute(rootBaseUrl, language.folder());
    }

    /** Every language's home page, linked from the site's root (the language chooser). */
    public List<Alternate> homesFromRoot() {
        List<Alternate> homes = new ArrayList<>();
        for (Language language : languages) {
            String target = language.folder() + "/" + Urls.HOME;
            String url = rootBaseUrl.isEmpty() ? target : Urls.canonical(rootBaseUrl, target);
            homes.add(new Alternate(language.tag(), language.name(), target, url, false, false));
        }
        return homes;
    }
}
