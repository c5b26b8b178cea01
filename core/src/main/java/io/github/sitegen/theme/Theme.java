package io.github.sitegen.theme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.github.sitegen.input.PortableNames;
import io.github.sitegen.problem.Problem;

/**
 * The templates, assets and interface strings of a build, looked up by identical path in layers:
 * the user's template folder, then the chosen theme, then the theme it extends (and the one that
 * extends, and so on), then the built-in theme. The first layer that has a path wins; a bundle of
 * interface strings is merged key by key the same way, so a theme may change some strings only.
 *
 * <p>A theme is the folder {@code site-gen/themes/<name>/} of one jar (or folder) on a class path,
 * with a {@code theme.properties} that says which version of the template data model it was
 * written for ({@code model}), and which theme it extends ({@code extends}; none: the built-in).
 */
public final class Theme {

    /**
     * The version of the template data model (docs/templates-and-themes.md) this plugin provides.
     * It changes only when a field is removed or renamed or changes its meaning; adding one does
     * not. A theme written for another version is refused.
     */
    public static final int MODEL = 1;

    /** The folder of a layer whose files are published as they are: the theme's CSS, scripts and icons. */
    public static final String ASSETS = "assets/";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Set<String> KEYS = new TreeSet<>(List.of("model", "extends", "stable"));

    private static volatile Theme builtIn;

    private final String name;
    private final List<Layer> layers;

    private Theme(String name, List<Layer> layers) {
        this.name = name;
        this.layers = List.copyOf(layers);
    }

    /** The built-in theme alone, read once from the plugin. */
    public static Theme builtIn() {
        Theme theme = builtIn;
        if (theme == null) {
            synchronized (Theme.class) {
                theme = builtIn;
                if (theme == null) {
                    theme = new Theme("", List.of(readBuiltIn()));
                    builtIn = theme;
                }
            }
        }
        return theme;
    }

    /**
     * The layers of a build. What is wrong goes to {@code problems}: links out of the template
     * folder, bundles that are not valid, and for the theme an unknown name, a cycle of
     * {@code extends}, or a data model version other than {@link #MODEL}. A theme with errors is
     * left out of the result (which still holds the template folder and the built-in theme, so
     * that the content can be checked), and the errors stop a build before anything renders.
     *
     * @param templateDirectory the user's template folder; {@code null} or missing for none
     * @param name              the chosen theme; {@code null} or empty for the built-in theme alone
     * @param classPath         where themes are looked for: the plugin's class path
     */
    public static Theme resolve(Path templateDirectory, String name, ClassLoader classPath, Consumer<Problem> problems)
            throws IOException {
        List<Layer> layers = new ArrayList<>();
        if (templateDirectory != null && Files.isDirectory(templateDirectory)) {
            layers.add(Layer.of("", "the template folder", ThemeReader.templateFolder(templateDirectory, problems), false,
                    problems));
        }
        String chosen = name == null ? "" : name.strip();
        List<Problem> found = new ArrayList<>();
        List<Layer> themes = chosen.isEmpty() ? List.of() : chain(chosen, classPath, found::add);
        found.forEach(problems);
        if (found.stream().noneMatch(Problem::isError)) {
            layers.addAll(themes);
        }
        layers.addAll(builtIn().layers);
        Theme theme = new Theme(chosen, layers);
        theme.checkAssetNames(problems);
        return theme;
    }

    /**
     * Reports each asset (a file below {@code assets/}, published as it is named) whose name
     * Windows or macOS could not hold, at the layer's file.
     */
    private void checkAssetNames(Consumer<Problem> problems) {
        PortableNames.Folder names = new PortableNames.Folder();
        below(ASSETS).forEach((path, source) -> names.add(path).ifPresent(why -> problems.accept(Problem.error(
                source.shownAs(), 0, 0, "asset '" + path + "' cannot be published on every platform: " + why,
                "rename it, so that the site builds and opens on Windows and macOS too"))));
    }

    /** The chosen theme's name; empty for the built-in theme. */
    public String name() {
        return name;
    }

    /** The layers, the first one looked in first: the template folder, the themes, the built-in theme. */
    public List<Layer> layers() {
        return layers;
    }

    /** What the theme is called in messages: "the built-in theme", or "theme 'harbor' (and the themes it extends)". */
    public String describe() {
        return name.isEmpty() ? "the built-in theme" : "theme '" + name + "', the themes it extends and the built-in theme";
    }

    /** The file at {@code path}, from the first layer that has it. */
    public Optional<Source> find(String path) {
        for (Layer layer : layers) {
            Source source = layer.files().get(path);
            if (source != null) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }

    /** Every file below {@code folder} (such as {@code assets/}), each from the first layer that has it, in path order. */
    public SortedMap<String, Source> below(String folder) {
        SortedMap<String, Source> files = new TreeMap<>();
        for (Layer layer : layers) {
            for (Map.Entry<String, Source> file : layer.files().tailMap(folder).entrySet()) {
                if (!file.getKey().startsWith(folder)) {
                    break;
                }
                files.putIfAbsent(file.getKey(), file.getValue());
            }
        }
        return files;
    }

    /**
     * The interface strings of the bundle {@code messages/<language>.properties} ({@code en},
     * {@code pt-br}), each key from the first layer that has it, in key order.
     */
    public SortedMap<String, String> messages(String language) {
        SortedMap<String, String> strings = new TreeMap<>();
        for (Layer layer : layers) {
            PropertiesFile bundle = layer.messages().get(language);
            if (bundle != null) {
                bundle.values().forEach(strings::putIfAbsent);
            }
        }
        return strings;
    }

    /** The chosen theme, then the one it extends, and so on; empty when one of them has an error. */
    private static List<Layer> chain(String name, ClassLoader classPath, Consumer<Problem> problems) throws IOException {
        List<Layer> chain = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Layer from = null; // the theme whose 'extends' names the next one; null: site-gen.theme does
        for (String next = name; !next.isEmpty(); next = from.properties().value("extends")) {
            if (names.contains(next)) {
                problems.accept(error(from, "themes extend each other in a cycle: " + String.join(" extends ", names)
                        + " extends " + next, "one of them must extend no theme, which is the built-in theme"));
                return List.of();
            }
            names.add(next);
            Optional<Layer> layer = load(next, from, classPath, problems);
            if (layer.isEmpty()) {
                return List.of();
            }
            chain.add(layer.get());
            from = layer.get();
        }
        return chain;
    }

    private static Optional<Layer> load(String name, Layer from, ClassLoader classPath, Consumer<Problem> problems)
            throws IOException {
        if (!NAME.matcher(name).matches()) {
            problems.accept(error(from, "'" + name + "' is not a theme name",
                    "a theme is named by its folder in the jar, site-gen/themes/<name>/: letters, digits, '.', '-' and '_'"));
            return Optional.empty();
        }
        String prefix = ThemeReader.THEMES + name + "/";
        List<URL> found = Collections.list(classPath.getResources(prefix + Layer.PROPERTIES));
        if (found.isEmpty()) {
            SortedSet<String> available = ThemeReader.available(classPath);
            problems.accept(error(from, (from == null ? "there is no theme '" + name + "'"
                            : from.label() + " extends '" + name + "', which is not") + " on the plugin's class path ("
                            + (available.isEmpty() ? "it holds no theme" : "themes found: " + String.join(", ", available)) + ")",
                    "add the theme's jar as a <dependency> of site-gen-maven-plugin in the pom; the theme is the folder"
                            + " site-gen/themes/" + name + "/ of its jar"));
            return Optional.empty();
        }
        if (found.size() > 1) {
            List<String> places = new ArrayList<>();
            for (URL url : found) {
                places.add(ThemeReader.container(url));
            }
            problems.accept(error(from, "theme '" + name + "' is on the plugin's class path more than once: "
                    + String.join(", ", places), "keep one of them among the plugin's dependencies"));
            return Optional.empty();
        }
        List<Problem> own = new ArrayList<>();
        SortedMap<String, Source> files = ThemeReader.classPath(found.get(0), prefix, null, own::add);
        if (files != null) {
            Layer layer = Layer.of(name, "theme '" + name + "'", files, true, own::add);
            checkProperties(layer, own::add);
            own.forEach(problems);
            return own.stream().anyMatch(Problem::isError) ? Optional.empty() : Optional.of(layer);
        }
        own.forEach(problems);
        return Optional.empty();
    }

    /** The keys of a theme's theme.properties, and the version of the data model it was written for. */
    private static void checkProperties(Layer layer, Consumer<Problem> problems) {
        PropertiesFile properties = layer.properties();
        for (String key : properties.values().keySet()) {
            if (!KEYS.contains(key)) {
                problems.accept(Problem.warning(properties.shownAs(), properties.line(key), 0, "theme.properties has an"
                        + " unknown key '" + key + "', which is ignored", "its keys are " + String.join(", ", KEYS)));
            }
        }
        String model = properties.value("model");
        String refused = ", so " + layer.label() + " is not used";
        if (model.isEmpty()) {
            problems.accept(Problem.error(properties.shownAs(), 0, 0, layer.label() + " does not say which version of the"
                    + " template data model it was written for" + refused, "if it was written for this site-gen, add"
                    + " 'model = " + MODEL + "' to its theme.properties (docs/templates-and-themes.md)"));
        } else if (!model.matches("[0-9]{1,9}")) {
            problems.accept(Problem.error(properties.shownAs(), properties.line("model"), 0, "'" + model + "' is not a"
                    + " version of the template data model" + refused, "write a whole number: model = " + MODEL));
        } else if (Integer.parseInt(model) != MODEL) {
            boolean newer = Integer.parseInt(model) > MODEL;
            problems.accept(Problem.error(properties.shownAs(), properties.line("model"), 0, layer.label()
                    + " was written for version " + model + " of the template data model, and this site-gen provides"
                    + " version " + MODEL + refused, newer
                    ? "use a site-gen-maven-plugin that provides version " + model + ", or a version of the theme written for "
                            + MODEL
                    : "use a version of the theme written for version " + MODEL + "; CHANGELOG.md lists what changed"));
        }
    }

    /** A problem with the theme named by {@code from}'s 'extends', or by site-gen.theme when it is {@code null}. */
    private static Problem error(Layer from, String message, String hint) {
        return from == null ? Problem.error(null, 0, 0, "site-gen.theme: " + message, hint)
                : Problem.error(from.properties().shownAs(), from.properties().line("extends"), 0, message, hint);
    }

    private static Layer readBuiltIn() {
        URL properties = Theme.class.getResource("/" + ThemeReader.BUILT_IN + Layer.PROPERTIES);
        if (properties == null) {
            throw new IllegalStateException("the built-in theme is missing from the plugin (no " + ThemeReader.BUILT_IN
                    + Layer.PROPERTIES + ")");
        }
        List<Problem> problems = new ArrayList<>();
        try {
            SortedMap<String, Source> files = ThemeReader.classPath(properties, ThemeReader.BUILT_IN,
                    Path.of("built-in theme"), problems::add);
            Layer layer = files == null ? null : Layer.of("", "the built-in theme", files, true, problems::add);
            if (layer != null) {
                checkProperties(layer, problems::add);
            }
            if (layer == null || !problems.isEmpty()) {
                throw new IllegalStateException("the built-in theme of the plugin is broken: " + problems);
            }
            return layer;
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in theme cannot be read from the plugin: " + e.getMessage(), e);
        }
    }
}
