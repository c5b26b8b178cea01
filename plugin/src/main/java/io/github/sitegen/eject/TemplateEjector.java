package io.github.sitegen.eject;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.github.sitegen.BuildListener;
import io.github.sitegen.input.InputFolder;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;
import io.github.sitegen.render.TemplateEngine;
import io.github.sitegen.render.ThemeAssets;

/**
 * Copies files of the built-in theme into a template folder so that a user can change them
 * (site-gen:eject). An existing file is never replaced: it is skipped, and the listener says so.
 * Which files are meant to be changed ("stable") and which are internal is read from the theme's
 * {@code theme.properties}; the theme's assets come from its {@code assets.list}.
 */
public final class TemplateEjector {

    static final String PROPERTIES = TemplateEngine.THEME_ROOT + "/theme.properties";

    /**
     * One file of the built-in theme.
     *
     * @param name   its path in the theme, such as {@code topic.ftlh} or {@code assets/site-gen.css}
     * @param stable whether it is meant to be copied and changed; otherwise it is internal and may
     *               change in any version
     */
    public record ThemeFile(String name, boolean stable) {
    }

    /** What {@link #eject} did: the files copied and the ones left as they were. */
    public record Result(List<Path> copied, List<Path> skipped) {
        public Result {
            copied = List.copyOf(copied);
            skipped = List.copyOf(skipped);
        }
    }

    /** Every file of the built-in theme: the templates, then the assets, in the order listed. */
    public static List<ThemeFile> themeFiles() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(resource(PROPERTIES)));
        Set<String> stable = names(properties.getProperty("stable", ""));
        List<ThemeFile> files = new ArrayList<>();
        for (String template : names(properties.getProperty("templates", ""))) {
            files.add(new ThemeFile(template, stable.contains(template)));
        }
        for (String asset : ThemeAssets.builtInNames()) {
            files.add(new ThemeFile("assets/" + asset, stable.contains("assets/" + asset)));
        }
        return files;
    }

    /**
     * Copies {@code names} (all theme files when empty) into {@code templateDirectory}, creating it
     * if needed.
     *
     * @throws SiteGenException when a name is not a file of the theme (nothing is copied then)
     */
    public Result eject(Path templateDirectory, List<String> names, BuildListener listener)
            throws SiteGenException, IOException {
        Map<String, ThemeFile> theme = new LinkedHashMap<>();
        for (ThemeFile file : themeFiles()) {
            theme.put(file.name(), file);
        }
        List<ThemeFile> selected = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (names.isEmpty()) {
            selected.addAll(theme.values());
        }
        for (String name : new LinkedHashSet<>(names)) {
            ThemeFile file = theme.get(name);
            if (file == null) {
                problems.add(Problem.error(null, 0, 0, "site-gen.templates: '" + name + "' is not a file of the built-in theme",
                        "available: " + String.join(", ", theme.keySet())));
            } else {
                selected.add(file);
            }
        }
        if (Files.exists(templateDirectory) && !Files.isDirectory(templateDirectory)) {
            problems.add(Problem.error(templateDirectory, 0, 0, "the template directory is a file",
                    "point site-gen.templateDirectory at a folder"));
        } else if (Files.isDirectory(templateDirectory)) {
            // A link out of the folder (assets -> /etc) would have eject write outside it.
            InputFolder.of(templateDirectory, "template folder").files(problem -> {
                if (problem.isError()) {
                    problems.add(problem);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new SiteGenException(problems);
        }
        List<Path> copied = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        for (ThemeFile file : selected) {
            Path target = templateDirectory.resolve(file.name());
            if (Files.exists(target)) {
                skipped.add(target);
                listener.info("kept " + file.name() + ": " + target + " exists, and site-gen:eject never replaces a file");
                continue;
            }
            Files.createDirectories(target.getParent());
            Files.write(target, bytes(TemplateEngine.THEME_ROOT + "/" + file.name()), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            copied.add(target);
            listener.info("copied " + file.name() + (file.stable() ? " (stable: meant to be changed)"
                    : " (internal: it may change in any version, and your copy will not follow)"));
        }
        List<String> stable = theme.values().stream().filter(ThemeFile::stable).map(ThemeFile::name).toList();
        List<String> internal = theme.values().stream().filter(f -> !f.stable()).map(ThemeFile::name).toList();
        listener.info("Meant to be overridden (stable): " + String.join(", ", stable));
        listener.info("Internal, may change between versions: " + String.join(", ", internal));
        listener.info("eject: copied " + count(copied.size()) + " to " + templateDirectory + ", kept " + count(skipped.size())
                + " that existed");
        return new Result(copied, skipped);
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

    private static String resource(String path) throws IOException {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String path) throws IOException {
        try (InputStream in = TemplateEjector.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("the built-in theme is missing " + path);
            }
            return in.readAllBytes();
        }
    }

    private static String count(int n) {
        return n + (n == 1 ? " file" : " files");
    }
}
