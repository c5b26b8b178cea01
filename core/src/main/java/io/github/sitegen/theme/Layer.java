package io.github.sitegen.theme;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.github.sitegen.problem.Problem;

/**
 * One place the files of a {@link Theme} come from: the user's template folder, a theme on the
 * class path, or the built-in theme. All are laid out alike: templates, {@code assets/},
 * {@code messages/<language>.properties} and, for a theme, {@code theme.properties}.
 *
 * @param name       the theme's name; empty for the template folder and the built-in theme
 * @param label      how messages name it: "the template folder", "theme 'harbor'", "the built-in theme"
 * @param files      every file, by its path in the layer, in path order
 * @param properties its {@code theme.properties}; empty for the template folder, which is not a theme
 * @param messages   its bundles of interface strings, by language ({@code en}, {@code pt-br})
 */
public record Layer(String name, String label, SortedMap<String, Source> files, PropertiesFile properties,
                    Map<String, PropertiesFile> messages) {

    static final String PROPERTIES = "theme.properties";
    static final String MESSAGES = "messages/";
    private static final String BUNDLE = ".properties";

    /** How to write an interface string that {@link #checkPattern} refuses. */
    public static final String PATTERN_HINT = "arguments are written {0}, {1}; a single quote must be doubled ('')";

    /** A layer of {@code files}, with its theme.properties (when {@code theme}) and bundles read and checked. */
    static Layer of(String name, String label, SortedMap<String, Source> files, boolean theme, Consumer<Problem> problems)
            throws IOException {
        Source themeProperties = files.get(PROPERTIES);
        PropertiesFile properties = theme && themeProperties != null ? PropertiesFile.read(themeProperties, problems)
                : PropertiesFile.empty(null);
        Map<String, PropertiesFile> messages = new TreeMap<>();
        for (Map.Entry<String, Source> file : files.entrySet()) {
            String path = file.getKey();
            if (path.startsWith(MESSAGES) && path.endsWith(BUNDLE) && path.indexOf('/', MESSAGES.length()) < 0) {
                String language = path.substring(MESSAGES.length(), path.length() - BUNDLE.length());
                PropertiesFile bundle = PropertiesFile.read(file.getValue(), problems);
                checkPatterns(bundle, problems);
                messages.put(language.toLowerCase(Locale.ROOT).replace('_', '-'), bundle);
            }
        }
        return new Layer(name, label, files, properties, messages);
    }

    /** The files its {@code theme.properties} calls stable: meant to be copied and changed. */
    public Set<String> stable() {
        return names(properties.value("stable"));
    }

    /** Whether {@code path} is a template or an asset, rather than {@code theme.properties} or a bundle. */
    public static boolean isTemplateOrAsset(String path) {
        return !path.equals(PROPERTIES) && !path.startsWith(MESSAGES);
    }

    /**
     * Checks an interface string the way it is read, as a {@link MessageFormat} pattern; returns
     * what is wrong, or an empty string.
     */
    public static String checkPattern(String pattern) {
        try {
            new MessageFormat(pattern);
            return "";
        } catch (IllegalArgumentException e) {
            return String.valueOf(e.getMessage());
        }
    }

    /** The comma-separated names of a list; blanks are left out. */
    static Set<String> names(String list) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    private static void checkPatterns(PropertiesFile bundle, Consumer<Problem> problems) {
        bundle.values().forEach((key, value) -> {
            String problem = checkPattern(value);
            if (!problem.isEmpty()) {
                problems.accept(Problem.error(bundle.shownAs(), bundle.line(key), 0, "message '" + key
                        + "' is not a valid pattern: " + problem, PATTERN_HINT));
            }
        });
    }
}
