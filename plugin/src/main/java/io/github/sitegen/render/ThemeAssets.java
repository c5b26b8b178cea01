package io.github.sitegen.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.github.sitegen.input.InputFolder;
import io.github.sitegen.problem.Problem;

/**
 * The files a theme ships besides templates (CSS, JavaScript, icons), published under
 * {@code assets/}. The built-in theme lists its assets in {@code assets.list}; a user's template
 * directory may replace any of them, or add more, in its own {@code assets/} folder.
 */
public final class ThemeAssets {

    static final String LIST = TemplateEngine.THEME_ROOT + "/assets.list";

    /** The style sheet and script a template folder may add, linked on every page after the theme's. */
    static final String EXTRA_CSS = "assets/extra.css";
    static final String EXTRA_JS = "assets/extra.js";

    private final Map<String, Source> files;

    private ThemeAssets(Map<String, Source> files) {
        this.files = files;
    }

    /**
     * What templates know of the theme's files: whether the template folder adds
     * {@code assets/extra.css} and {@code assets/extra.js}.
     */
    public record Extras(boolean extraCss, boolean extraJs) {
    }

    Extras extras() {
        return new Extras(files.containsKey(EXTRA_CSS), files.containsKey(EXTRA_JS));
    }

    /**
     * The built-in assets, overlaid with the ones in {@code templateDirectory/assets} (the folder
     * may be absent or {@code null}). The whole template folder is walked, so that a symbolic link
     * anywhere in it that leads out of it is reported to {@code problems} before any template is read.
     */
    public static ThemeAssets load(Path templateDirectory, Consumer<Problem> problems) throws IOException {
        Map<String, Source> files = new TreeMap<>();
        for (String name : builtInNames()) {
            files.put("assets/" + name, Source.builtIn(TemplateEngine.THEME_ROOT + "/assets/" + name));
        }
        if (templateDirectory != null && Files.isDirectory(templateDirectory)) {
            Path userAssets = templateDirectory.resolve("assets");
            for (Path file : InputFolder.of(templateDirectory, "template folder").files(problems)) {
                String relative = userAssets.relativize(file).toString().replace('\\', '/');
                if (file.startsWith(userAssets) && !relative.startsWith(".") && !relative.contains("/.")) {
                    files.put("assets/" + relative, Source.file(file));
                }
            }
        }
        return new ThemeAssets(files);
    }

    /** The names listed in the built-in theme's {@code assets.list}, in the order listed. */
    public static List<String> builtInNames() throws IOException {
        try (InputStream in = ThemeAssets.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IOException("the built-in theme is missing from the plugin (no " + LIST + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }

    void copy(SiteRenderer.Sink sink) throws IOException {
        for (Map.Entry<String, Source> entry : files.entrySet()) {
            sink.write(entry.getKey(), entry.getValue().read());
        }
    }

    private interface Source {
        byte[] read() throws IOException;

        static Source file(Path path) {
            return () -> Files.readAllBytes(path);
        }

        static Source builtIn(String resource) {
            return () -> {
                try (InputStream in = ThemeAssets.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IOException("the built-in theme is missing " + resource);
                    }
                    return in.readAllBytes();
                }
            };
        }
    }
}
