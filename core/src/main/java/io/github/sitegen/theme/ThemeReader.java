package io.github.sitegen.theme;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.github.sitegen.input.InputFolder;
import io.github.sitegen.input.PortableNames;
import io.github.sitegen.problem.Problem;

/**
 * Reads the files of a theme layer. A class loader has no way to list a folder, so a theme on the
 * class path is found by its {@code theme.properties}, and its files are listed from the jar (or
 * the folder) that holds that file: every entry below the theme's folder, in path order. Hidden
 * files (a path segment starting with {@code .}) are left out. The reads are bounded: a theme
 * holds at most {@link #MAX_FILES} files and {@link #MAX_BYTES} bytes.
 */
final class ThemeReader {

    /** Where themes live on a class path: {@code site-gen/themes/<name>/theme.properties}. */
    static final String THEMES = "site-gen/themes/";
    /** Where the built-in theme lives in the plugin. */
    static final String BUILT_IN = "site-gen/theme/";

    static final int MAX_FILES = 1_000;
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private static final Pattern THEME_ENTRY = Pattern.compile(Pattern.quote(THEMES) + "([^/]+)/" + Pattern.quote(Layer.PROPERTIES));

    private ThemeReader() {
    }

    /** The user's template folder: every file in it, read when needed; links out of it are reported. */
    static SortedMap<String, Source> templateFolder(Path folder, Consumer<Problem> problems) throws IOException {
        SortedMap<String, Source> files = new TreeMap<>();
        for (Path file : InputFolder.of(folder, "template folder").files(problems)) {
            String path = PortableNames.relative(folder, file);
            if (!hidden(path)) {
                files.put(path, new Source.OnDisk(file));
            }
        }
        return files;
    }

    /**
     * The files below {@code prefix} (such as {@code site-gen/themes/harbor/}) in the jar or folder
     * that {@code properties}, the URL of the theme's {@code theme.properties}, comes from. Problems
     * (a file too large, an unsafe path) go to {@code problems}; {@code null} when the theme cannot be read.
     *
     * @param shownAs where problems say the theme's files are (a file's path is resolved against
     *                it), or {@code null} for where they really are: {@code <jar>!/<entry>}, or the file
     */
    static SortedMap<String, Source> classPath(URL properties, String prefix, Path shownAs, Consumer<Problem> problems)
            throws IOException {
        Budget budget = new Budget(problems);
        SortedMap<String, Source> files = new TreeMap<>();
        switch (properties.getProtocol()) {
            case "jar" -> {
                Path jar = path(((JarURLConnection) properties.openConnection()).getJarFileURL());
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    List<ZipEntry> entries = new ArrayList<>();
                    zip.stream().filter(e -> !e.isDirectory() && e.getName().startsWith(prefix)).forEach(entries::add);
                    entries.sort(java.util.Comparator.comparing(ZipEntry::getName));
                    for (ZipEntry entry : entries) {
                        String path = entry.getName().substring(prefix.length());
                        Path shown = shownAs != null ? shownAs.resolve(path)
                                : Path.of(jar.getFileName() + "!", entry.getName());
                        if (budget.admits(path, shown, entry.getSize())) {
                            try (InputStream in = zip.getInputStream(entry)) {
                                budget.add(path, shown, in.readNBytes((int) MAX_BYTES + 1), files);
                            }
                        }
                    }
                }
            }
            case "file" -> {
                Path folder = path(properties).getParent();
                for (Path file : InputFolder.of(folder, "theme folder").files(problems)) {
                    String path = PortableNames.relative(folder, file);
                    Path shown = shownAs != null ? shownAs.resolve(path) : file;
                    if (budget.admits(path, shown, Files.size(file))) {
                        budget.add(path, shown, Files.readAllBytes(file), files);
                    }
                }
            }
            default -> {
                problems.accept(Problem.error(null, 0, 0, "the theme at " + properties + " cannot be listed",
                        "site-gen reads themes from jar files and folders on the plugin's class path"));
                return null;
            }
        }
        return budget.failed ? null : files;
    }

    /** The names of the themes on {@code classPath}, in name order. */
    static SortedSet<String> available(ClassLoader classPath) throws IOException {
        SortedSet<String> names = new TreeSet<>();
        for (URL url : Collections.list(classPath.getResources(THEMES))) {
            if (url.getProtocol().equals("jar")) {
                try (ZipFile zip = new ZipFile(path(((JarURLConnection) url.openConnection()).getJarFileURL()).toFile())) {
                    zip.stream().map(entry -> THEME_ENTRY.matcher(entry.getName())).filter(Matcher::matches)
                            .forEach(m -> names.add(m.group(1)));
                }
            } else if (url.getProtocol().equals("file")) {
                try (var folders = Files.list(path(url))) {
                    folders.filter(folder -> Files.isRegularFile(folder.resolve(Layer.PROPERTIES)))
                            .forEach(folder -> names.add(folder.getFileName().toString()));
                }
            }
        }
        return names;
    }

    /** The jar file, or the folder, a class path URL comes from, for messages. */
    static String container(URL url) throws IOException {
        return url.getProtocol().equals("jar") ? path(((JarURLConnection) url.openConnection()).getJarFileURL()).getFileName().toString()
                : url.toString();
    }

    private static boolean hidden(String path) {
        return path.startsWith(".") || path.contains("/.");
    }

    private static Path path(URL url) throws IOException {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot read the theme at " + url + ": " + e.getMessage(), e);
        }
    }

    /** What a theme may still hold; reports the first limit it passes, or an unsafe path. */
    private static final class Budget {
        private final Consumer<Problem> problems;
        private int files;
        private long bytes;
        private boolean failed;

        Budget(Consumer<Problem> problems) {
            this.problems = problems;
        }

        /** Whether a file of {@code size} bytes (negative when unknown) is read: it is not hidden, and fits. */
        boolean admits(String path, Path shownAs, long size) {
            if (failed) {
                return false;
            }
            if (unsafe(path)) {
                problems.accept(Problem.error(shownAs, 0, 0, "a theme file's path may not contain empty, '.' or '..'"
                        + " segments or backslashes", "rebuild the theme's jar with plain relative paths"));
                failed = true;
                return false;
            }
            return !hidden(path) && fits(shownAs, files + 1, bytes + Math.max(size, 0));
        }

        void add(String path, Path shownAs, byte[] content, SortedMap<String, Source> into) {
            if (fits(shownAs, files + 1, bytes + content.length)) {
                files++;
                bytes += content.length;
                into.put(path, new Source.InMemory(shownAs, content));
            }
        }

        private boolean fits(Path shownAs, int fileCount, long byteCount) {
            if (!failed && (fileCount > MAX_FILES || byteCount > MAX_BYTES)) {
                failed = true;
                problems.accept(Problem.error(shownAs, 0, 0, "the theme holds more than " + MAX_FILES + " files or "
                        + MAX_BYTES / (1024 * 1024) + " MB, so it is not read",
                        "a theme holds only what it changes; publish large files from the static folder"));
            }
            return !failed;
        }

        private static boolean unsafe(String path) {
            for (String segment : path.split("/", -1)) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    return true;
                }
            }
            return path.contains("\\");
        }
    }
}
