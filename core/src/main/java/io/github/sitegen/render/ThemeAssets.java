package io.github.sitegen.render;

import java.io.IOException;
import java.util.Map;
import java.util.SortedMap;

import io.github.sitegen.theme.Source;
import io.github.sitegen.theme.Theme;

/**
 * The files a theme ships besides templates (CSS, JavaScript, icons), published under
 * {@code assets/}: every file below {@code assets/} in any layer of the {@link Theme}, each from
 * the first layer that has it, so a template folder or a theme replaces an asset of the same path
 * and adds new ones.
 */
public final class ThemeAssets {

    /** The style sheet and script a template folder or theme may add, linked on every page after the theme's. */
    static final String EXTRA_CSS = "assets/extra.css";
    static final String EXTRA_JS = "assets/extra.js";

    private final SortedMap<String, Source> files;

    private ThemeAssets(SortedMap<String, Source> files) {
        this.files = files;
    }

    /**
     * What templates know of the theme's files: whether the template folder or a theme adds
     * {@code assets/extra.css} and {@code assets/extra.js}.
     */
    public record Extras(boolean extraCss, boolean extraJs) {
    }

    Extras extras() {
        return new Extras(files.containsKey(EXTRA_CSS), files.containsKey(EXTRA_JS));
    }

    /** The assets of {@code theme}. */
    public static ThemeAssets of(Theme theme) {
        return new ThemeAssets(theme.below(Theme.ASSETS));
    }

    void copy(SiteRenderer.Sink sink) throws IOException {
        for (Map.Entry<String, Source> entry : files.entrySet()) {
            sink.write(entry.getKey(), entry.getValue().read());
        }
    }
}
