package io.github.sitegen.theme;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.sitegen.problem.Problem;

/**
 * A {@code .properties} file of a theme, UTF-8: its {@code theme.properties}, or a bundle of
 * interface strings. It keeps the line of each key, so that a problem can point at it.
 *
 * @param shownAs where the file is, as problems name it
 * @param values  the values by key
 * @param lines   the line of each key (the last, when a key is written twice)
 */
public record PropertiesFile(Path shownAs, SortedMap<String, String> values, Map<String, Integer> lines) {

    /** The key at the start of a line: characters up to an unescaped separator. */
    private static final Pattern KEY = Pattern.compile("(?:\\\\.|[^=:\\s\\\\])+");

    static PropertiesFile empty(Path shownAs) {
        return new PropertiesFile(shownAs, new TreeMap<>(), Map.of());
    }

    /** Reads {@code source}; a file that is not a valid .properties file is an error, and reads as empty. */
    static PropertiesFile read(Source source, Consumer<Problem> problems) throws IOException {
        String text = new String(source.read(), StandardCharsets.UTF_8);
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IllegalArgumentException e) {
            problems.accept(Problem.error(source.shownAs(), 0, 0, "not a valid .properties file: " + e.getMessage(),
                    "write escapes as \\uXXXX, with four hexadecimal digits"));
            return empty(source.shownAs());
        }
        SortedMap<String, String> values = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            values.put(key, properties.getProperty(key));
        }
        return new PropertiesFile(source.shownAs(), values, lines(text));
    }

    /** The value of {@code key}, stripped; empty when it is not set. */
    public String value(String key) {
        return values.getOrDefault(key, "").strip();
    }

    /** The line {@code key} is on, or 0 when it is not in the file. */
    public int line(String key) {
        return lines.getOrDefault(key, 0);
    }

    private static Map<String, Integer> lines(String text) {
        Map<String, Integer> lines = new HashMap<>();
        String[] all = text.split("\\R", -1);
        boolean continued = false;
        for (int i = 0; i < all.length; i++) {
            String line = all[i].stripLeading();
            boolean continuation = continued;
            boolean comment = line.startsWith("#") || line.startsWith("!");
            continued = !comment && endsWithOddBackslashes(line);
            if (continuation || comment || line.isEmpty()) {
                continue;
            }
            Matcher key = KEY.matcher(line);
            if (key.lookingAt()) {
                lines.put(key.group().replaceAll("\\\\(.)", "$1"), i + 1);
            }
        }
        return lines;
    }

    private static boolean endsWithOddBackslashes(String line) {
        int count = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            count++;
        }
        return count % 2 == 1;
    }
}
