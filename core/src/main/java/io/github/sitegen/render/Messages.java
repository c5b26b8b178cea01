package io.github.sitegen.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.github.sitegen.model.SiteInfo;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.theme.Theme;

/**
 * The interface strings of the theme in one language: the site's overrides from {@code site.yaml},
 * then the theme's bundle for the language ({@code pt-BR}, then {@code pt}), then English. Each
 * bundle is merged over the {@link Theme}'s layers, key by key. Values are {@link MessageFormat}
 * patterns with arguments {@code {0}}, {@code {1}}.
 */
public final class Messages {

    static final String FALLBACK = "en";

    /** Languages written right to left. */
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb");

    private final Locale locale;
    private final Map<String, String> strings;
    private final Set<String> missing;
    /** Each pattern parsed once; a {@link MessageFormat} is not thread-safe, so it is locked while used. */
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();
    /** The strings that take no argument, formatted once. */
    private final Map<String, String> constants = new ConcurrentHashMap<>();

    private Messages(Locale locale, Map<String, String> strings, Set<String> missing) {
        this.locale = locale;
        this.strings = strings;
        this.missing = missing;
    }

    /**
     * The strings of each theme, language and overrides a build asked for, made once (loading,
     * checking and rendering share them).
     */
    private static final Map<Key, Messages> LOADED = new ConcurrentHashMap<>();

    /**
     * A theme (by identity: one build's), a language and a site's own strings. Not a record: a
     * record's equals and hashCode are made at run time, and that alone loads some 150 classes in
     * a build's cold JVM.
     */
    private static final class Key {
        private final Theme theme;
        private final String languageTag;
        private final Map<String, String> overrides;

        Key(Theme theme, String languageTag, Map<String, String> overrides) {
            this.theme = theme;
            this.languageTag = languageTag;
            this.overrides = overrides;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.theme == theme && key.languageTag.equals(languageTag)
                    && key.overrides.equals(overrides);
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(theme) * 31 + languageTag.hashCode()) * 31 + overrides.hashCode();
        }
    }

    /**
     * The strings of {@code theme} for {@code languageTag}.
     *
     * @param overrides the site's own strings, by key (checked with {@link #keys})
     */
    public static Messages load(Theme theme, String languageTag, Map<String, String> overrides) {
        Key key = new Key(theme, languageTag, new HashMap<>(overrides));
        Messages loaded = LOADED.get(key);
        if (loaded == null) {
            loaded = make(theme, languageTag, overrides);
            if (LOADED.size() > MAX_LOADED) {
                LOADED.clear(); // a preview whose site.yaml changes again and again
            }
            LOADED.putIfAbsent(key, loaded);
        }
        return loaded;
    }

    private static final int MAX_LOADED = 64;

    private static Messages make(Theme theme, String languageTag, Map<String, String> overrides) {
        Locale locale = Locale.forLanguageTag(languageTag);
        String language = locale.getLanguage();
        String full = locale.toLanguageTag().toLowerCase(Locale.ROOT);
        Map<String, String> english = theme.messages(FALLBACK);
        Map<String, String> own = new LinkedHashMap<>(theme.messages(language));
        if (!full.equals(language)) {
            own.putAll(theme.messages(full));
        }
        own.putAll(overrides);
        Map<String, String> strings = new LinkedHashMap<>(english);
        strings.putAll(own);
        Set<String> missing = new TreeSet<>(english.keySet());
        missing.removeAll(own.keySet());
        return new Messages(locale, strings, Collections.unmodifiableSet(missing));
    }

    /** Every key the theme uses, from its English bundle. */
    public static Set<String> keys(Theme theme) {
        return new TreeSet<>(theme.messages(FALLBACK).keySet());
    }

    /** A date as the language writes it in running text ("27 November 2026", "2026年11月27日"). */
    public String formatDate(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    /**
     * A warning when the theme has no translation of some interface strings for a site's language
     * (they show in English), positioned at the site's {@code site.yaml} in {@code contentDirectory}.
     */
    public static Optional<Problem> untranslated(Theme theme, SiteInfo site, Path contentDirectory) {
        Set<String> missing = load(theme, site.language(), site.messages()).missing();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        Path siteFile = contentDirectory.resolve("site.yaml");
        return Optional.of(Problem.warning(Files.exists(siteFile) ? siteFile : contentDirectory, 0, 0, missing.size()
                + " interface strings have no '" + site.language() + "' translation and show in English: "
                + String.join(", ", missing), "translate them under 'messages:' in site.yaml"));
    }

    /** The keys that fell back to English for this language. */
    public Set<String> missing() {
        return missing;
    }

    /** {@code rtl} for languages written right to left, else {@code ltr}. */
    public static String direction(String languageTag) {
        return RIGHT_TO_LEFT.contains(Locale.forLanguageTag(languageTag).getLanguage()) ? "rtl" : "ltr";
    }

    /** The string for {@code key} with {@code arguments} put in. */
    public String format(String key, List<?> arguments) {
        String pattern = strings.get(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no interface string '" + key + "'; the keys are those of the theme's"
                    + " messages/" + FALLBACK + ".properties");
        }
        if (arguments.isEmpty()) {
            return constants.computeIfAbsent(key, k -> new MessageFormat(pattern, locale).format(new Object[0]));
        }
        MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(pattern, locale));
        synchronized (format) {
            return format.format(arguments.toArray());
        }
    }
}
