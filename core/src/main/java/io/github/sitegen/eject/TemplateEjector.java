package io.github.sitegen.eject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.github.sitegen.BuildListener;
import io.github.sitegen.input.InputFolder;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;
import io.github.sitegen.theme.Layer;
import io.github.sitegen.theme.Theme;

/**
 * Copies files of a theme into a template folder so that a user can change them (site-gen:eject):
 * of the chosen theme, the themes it extends and the built-in theme, each file from the first of
 * them that has it, as a build would use it. An existing file is never replaced: it is skipped,
 * and the listener says so. Which files are meant to be changed ("stable") and which are internal
 * is read from the {@code theme.properties} of the theme the file comes from.
 */
public final class TemplateEjector {

    /**
     * One file of a theme.
     *
     * @param name   its path in the theme, such as {@code topic.ftlh} or {@code assets/site-gen.css}
     * @param stable whether it is meant to be copied and changed; otherwise it is internal and may
     *               change in any version
     * @param layer  the theme it comes from
     */
    public record ThemeFile(String name, boolean stable, Layer layer) {
    }

    /** What {@link #eject} did: the files copied and the ones left as they were. */
    public record Result(List<Path> copied, List<Path> skipped) {
        public Result {
            copied = List.copyOf(copied);
            skipped = List.copyOf(skipped);
        }
    }

    private final String theme;
    private final ClassLoader classPath;

    /** Copies from the built-in theme. */
    public TemplateEjector() {
        this("", TemplateEjector.class.getClassLoader());
    }

    /**
     * Copies from the theme named {@code theme} (empty for the built-in theme), looked for on
     * {@code classPath}.
     */
    public TemplateEjector(String theme, ClassLoader classPath) {
        this.theme = theme == null ? "" : theme;
        this.classPath = classPath;
    }

    /** Every template and asset of {@code theme}: the templates, then the assets, each in path order. */
    public static List<ThemeFile> themeFiles(Theme theme) {
        Map<String, ThemeFile> files = new LinkedHashMap<>();
        for (Layer layer : theme.layers()) {
            for (String name : layer.files().keySet()) {
                if (Layer.isTemplateOrAsset(name)) {
                    files.putIfAbsent(name, new ThemeFile(name, layer.stable().contains(name), layer));
                }
            }
        }
        return files.values().stream().sorted(Comparator.comparing((ThemeFile f) -> f.name().startsWith("assets/"))
                .thenComparing(ThemeFile::name)).toList();
    }

    /**
     * Copies {@code names} (the stable theme files when empty: internal ones only by name) into
     * {@code templateDirectory}, creating it if needed.
     *
     * @throws SiteGenException when the theme cannot be used, or a name is not a file of it
     *                          (nothing is copied then)
     */
    public Result eject(Path templateDirectory, List<String> names, BuildListener listener)
            throws SiteGenException, IOException {
        List<Problem> problems = new ArrayList<>();
        Theme chosen = Theme.resolve(null, theme, classPath, problems::add);
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new SiteGenException(problems);
        }
        problems.forEach(listener::warning);
        problems.clear();
        Map<String, ThemeFile> files = new LinkedHashMap<>();
        for (ThemeFile file : themeFiles(chosen)) {
            files.put(file.name(), file);
        }
        List<ThemeFile> selected = new ArrayList<>();
        if (names.isEmpty()) {
            // Internal files would override every later version without a word: only by name.
            files.values().stream().filter(ThemeFile::stable).forEach(selected::add);
        }
        for (String name : new LinkedHashSet<>(names)) {
            ThemeFile file = files.get(name);
            if (file == null) {
                problems.add(Problem.error(null, 0, 0, "site-gen.templates: '" + name + "' is not a file of "
                        + chosen.describe(), "available: " + String.join(", ", files.keySet())));
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
            Files.write(target, file.layer().files().get(file.name()).read(), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            copied.add(target);
            listener.info("copied " + file.name() + (file.layer().name().isEmpty() ? "" : " from " + file.layer().label())
                    + (file.stable() ? " (stable: meant to be changed)"
                    : " (internal: it may change in any version, and your copy will not follow)"));
        }
        List<String> stable = files.values().stream().filter(ThemeFile::stable).map(ThemeFile::name).toList();
        List<String> internal = files.values().stream().filter(f -> !f.stable()).map(ThemeFile::name).toList();
        listener.info("Meant to be overridden (stable): " + String.join(", ", stable));
        listener.info("Internal, may change between versions: " + String.join(", ", internal));
        listener.info("eject: copied " + count(copied.size()) + " to " + templateDirectory + ", kept " + count(skipped.size())
                + " that existed");
        if (names.isEmpty() && !internal.isEmpty()) {
            listener.info("Internal files are copied only by name, one by one, such as -Dsite-gen.templates="
                    + internal.get(0));
        }
        return new Result(copied, skipped);
    }

    private static String count(int n) {
        return n + (n == 1 ? " file" : " files");
    }
}
