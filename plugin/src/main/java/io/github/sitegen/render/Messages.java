package io.github.sitegen.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.github.sitegen.model.SiteInfo;
import io.github.sitegen.problem.Problem;

/**
 * The interface strings of the theme in one language: the site's overrides from {@code site.yaml},
 * then the theme's bundle for the language ({@code pt-BR}, then {@code pt}), then English. Values
 * are {@link MessageFormat} patterns with arguments {@code {0}}, {@code {1}}.
 */
public final class Messages {

    static final String BUNDLES = TemplateEngine.THEME_ROOT + "/messages/";
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
     * The theme's bundles, each read once per JVM: they are resources of the plugin's jar, which do
     * not change while it runs (a live preview builds many times).
     */
    private static final Map<String, Map<String, String>> THEME_BUNDLES = new ConcurrentHashMap<>();
    /** The strings of each language and overrides a build asked for, made once (loading, checking and rendering share them). */
    private static final Map<Key, Messages> LOADED = new ConcurrentHashMap<>();

    /**
     * A language and a site's own strings. Not a record: a record's equals and hashCode are made at
     * run time, and that alone loads some 150 classes in a build's cold JVM.
     */
    private static final class Key {
        private final String languageTag;
        private final Map<String, String> overrides;

        Key(String languageTag, Map<String, String> overrides) {
            this.languageTag = languageTag;
            this.overrides = overrides;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.languageTag.equals(languageTag) && key.overrides.equals(overrides);
        }

        @Override
        public int hashCode() {
            return languageTag.hashCode() * 31 + overrides.hashCode();
        }
    }

    /**
     * The strings for {@code languageTag}.
     *
     * @param overrides the site's own strings, by key (checked with {@link #keys()})
     */
    public static Messages load(String languageTag, Map<String, String> overrides) throws IOException {
        Key key = new Key(languageTag, new HashMap<>(overrides));
        Messages loaded = LOADED.get(key);
        if (loaded == null) {
            loaded = make(languageTag, overrides);
            if (LOADED.size() > MAX_LOADED) {
                LOADED.clear(); // a preview whose site.yaml changes again and again
            }
            LOADED.putIfAbsent(key, loaded);
        }
        return loaded;
    }

    private static final int MAX_LOADED = 64;

    private static Messages make(String languageTag, Map<String, String> overrides) throws IOException {
        Locale locale = Locale.forLanguageTag(languageTag);
        String language = locale.getLanguage();
        String full = locale.toLanguageTag().toLowerCase(Locale.ROOT);
        Map<String, String> english = bundle(FALLBACK);
        Map<String, String> own = new LinkedHashMap<>(bundle(language));
        if (!full.equals(language)) {
            own.putAll(bundle(full));
        }
        own.putAll(overrides);
        Map<String, String> strings = new LinkedHashMap<>(english);
        strings.putAll(own);
        Set<String> missing = new TreeSet<>(english.keySet());
        missing.removeAll(own.keySet());
        return new Messages(locale, strings, Collections.unmodifiableSet(missing));
    }

    /** Every key the theme uses, from the English bundle. */
    public static Set<String> keys() throws IOException {
        return new TreeSet<>(bundle(FALLBACK).keySet());
    }

    /** Checks a pattern the way {@link #format} will read it; returns the problem, or empty. */
    public static String checkPattern(String pattern) {
        try {
            new MessageFormat(pattern);
            return "";
        } catch (IllegalArgumentException e) {
            return String.valueOf(e.getMessage());
        }
    }

    /** A date as the language writes it in running text ("27 November 2026", "2026年11月27日"). */
    public String formatDate(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    /**
     * A warning when the theme has no translation of some interface strings for a site's language
     * (they show in English), positioned at the site's {@code site.yaml} in {@code contentDirectory}.
     */
    public static Optional<Problem> untranslated(SiteInfo site, Path contentDirectory) throws IOException {
        Set<String> missing = load(site.language(), site.messages()).missing();
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
            throw new IllegalArgumentException("no interface string '" + key + "'; the keys are those of "
                    + BUNDLES + FALLBACK + ".properties");
        }
        if (arguments.isEmpty()) {
            return constants.computeIfAbsent(key, k -> new MessageFormat(pattern, locale).format(new Object[0]));
        }
        MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(pattern, locale));
        synchronized (format) {
            return format.format(arguments.toArray());
        }
    }

    private static Map<String, String> bundle(String name) throws IOException {
        Map<String, String> strings = THEME_BUNDLES.get(name);
        if (strings == null) {
            strings = Collections.unmodifiableMap(read(name));
            THEME_BUNDLES.putIfAbsent(name, strings);
        }
        return strings;
    }

    private static Map<String, String> read(String name) throws IOException {
        Map<String, String> strings = new LinkedHashMap<>();
        try (InputStream in = Messages.class.getResourceAsStream(BUNDLES + name + ".properties")) {
            if (in == null) {
                return strings;
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String key : new TreeSet<>(properties.stringPropertyNames())) {
                strings.put(key, properties.getProperty(key));
            }
        }
        return strings;
    }
}
