package io.github.sitegen;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

import io.github.sitegen.cache.BuildCache;
import io.github.sitegen.theme.Theme;

/**
 * What one build reads and writes. Build it with {@link #builder(Path, Path)}; only the content and
 * output folders are required.
 *
 * @param contentDirectory  {@code site.yaml} and the topic files
 * @param outputDirectory   where the site is published; replaced on every build
 * @param templateDirectory templates, assets and interface strings that override the theme; may be missing
 * @param staticDirectory   files copied into the site as they are; may be missing
 * @param projectDirectory  the project's folder, which the output may never be; may be {@code null}
 * @param baseUrl           the absolute URL the site is published at; empty when unknown
 * @param defaultTitle      the site title when {@code site.yaml} has none
 * @param trustRawHtml      keep raw HTML in Markdown as written instead of passing it through the
 *                          allowlist
 * @param cname             the custom domain written to {@code CNAME}; empty for none
 * @param structuredData    add FAQPage JSON-LD to topic pages
 * @param drafts            include questions marked {@code draft: true}, visibly marked (a preview)
 * @param threads           how many threads read and render topics; 0 or less for one per core. The
 *                          output is the same bytes whatever the number.
 * @param theme             the theme the site is rendered with, by name; empty for the built-in theme
 * @param themeClassPath    where themes are looked for (their {@code site-gen/themes/<name>/} folders):
 *                          the plugin's class path, which holds the plugin's dependencies
 * @param cacheDirectory    where the build cache is kept, so that the next build renders only the
 *                          topics that changed; {@code null} for none
 * @param clean             empty the build cache first: every topic is rendered
 */
public record SiteGenConfig(Path contentDirectory, Path outputDirectory, Path templateDirectory, Path staticDirectory,
                            Path projectDirectory, String baseUrl, String defaultTitle, boolean trustRawHtml,
                            String cname, boolean structuredData, boolean drafts, int threads, String theme,
                            ClassLoader themeClassPath, Path cacheDirectory, boolean clean) {

    public static final String DEFAULT_TITLE = io.github.sitegen.content.ContentLoader.GENERIC_TITLE;

    public SiteGenConfig {
        Objects.requireNonNull(contentDirectory, "contentDirectory");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        baseUrl = baseUrl == null ? "" : baseUrl;
        cname = cname == null ? "" : cname.strip();
        defaultTitle = defaultTitle == null || defaultTitle.isBlank() ? DEFAULT_TITLE : defaultTitle;
        theme = theme == null ? "" : theme.strip();
        themeClassPath = themeClassPath == null ? SiteGenConfig.class.getClassLoader() : themeClassPath;
    }

    /** This configuration with questions marked {@code draft: true} included (a preview). */
    public SiteGenConfig withDrafts() {
        return new SiteGenConfig(contentDirectory, outputDirectory, templateDirectory, staticDirectory, projectDirectory,
                baseUrl, defaultTitle, trustRawHtml, cname, structuredData, true, threads, theme, themeClassPath,
                cacheDirectory, clean);
    }

    /** This configuration with the build cache emptied first ({@code true}) or not. */
    public SiteGenConfig withClean(boolean value) {
        return new SiteGenConfig(contentDirectory, outputDirectory, templateDirectory, staticDirectory, projectDirectory,
                baseUrl, defaultTitle, trustRawHtml, cname, structuredData, drafts, threads, theme, themeClassPath,
                cacheDirectory, value);
    }

    /**
     * What the build cache keys a build by: these settings less where the site and the cache are
     * written, how many threads write it (the bytes are the same whatever they are) and the class
     * path, with the files of {@code resolved}, the theme this configuration names.
     */
    public BuildCache.Inputs cacheInputs(Theme resolved) {
        CacheKey key = new CacheKey(contentDirectory, templateDirectory, staticDirectory, baseUrl, defaultTitle, trustRawHtml,
                cname, structuredData, drafts, theme);
        return new BuildCache.Inputs(cacheDirectory, outputDirectory, contentDirectory,
                Arrays.asList(templateDirectory, staticDirectory), key, resolved, clean);
    }

    /** The settings the build cache keys a build by. */
    public record CacheKey(Path contentDirectory, Path templateDirectory, Path staticDirectory, String baseUrl,
                           String defaultTitle, boolean trustRawHtml, String cname, boolean structuredData,
                           boolean drafts, String theme) {
    }

    public static Builder builder(Path contentDirectory, Path outputDirectory) {
        return new Builder(contentDirectory, outputDirectory);
    }

    /** Builds a {@link SiteGenConfig}; every setter is optional. */
    public static final class Builder {
        private final Path contentDirectory;
        private final Path outputDirectory;
        private Path templateDirectory;
        private Path staticDirectory;
        private Path projectDirectory;
        private String baseUrl = "";
        private String defaultTitle;
        private boolean trustRawHtml;
        private String cname = "";
        private boolean structuredData;
        private boolean drafts;
        private int threads;
        private String theme = "";
        private ClassLoader themeClassPath;
        private Path cacheDirectory;
        private boolean clean;

        private Builder(Path contentDirectory, Path outputDirectory) {
            this.contentDirectory = contentDirectory;
            this.outputDirectory = outputDirectory;
        }

        public Builder templateDirectory(Path value) {
            this.templateDirectory = value;
            return this;
        }

        public Builder staticDirectory(Path value) {
            this.staticDirectory = value;
            return this;
        }

        public Builder projectDirectory(Path value) {
            this.projectDirectory = value;
            return this;
        }

        public Builder baseUrl(String value) {
            this.baseUrl = value;
            return this;
        }

        public Builder defaultTitle(String value) {
            this.defaultTitle = value;
            return this;
        }

        public Builder trustRawHtml(boolean value) {
            this.trustRawHtml = value;
            return this;
        }

        public Builder cname(String value) {
            this.cname = value;
            return this;
        }

        public Builder structuredData(boolean value) {
            this.structuredData = value;
            return this;
        }

        public Builder drafts(boolean value) {
            this.drafts = value;
            return this;
        }

        public Builder threads(int value) {
            this.threads = value;
            return this;
        }

        public Builder cacheDirectory(Path value) {
            this.cacheDirectory = value;
            return this;
        }

        public Builder clean(boolean value) {
            this.clean = value;
            return this;
        }

        /** The theme, by name, and the class path it is looked for on (without one, site-gen's own). */
        public Builder theme(String name, ClassLoader classPath) {
            this.theme = name;
            this.themeClassPath = classPath;
            return this;
        }

        public SiteGenConfig build() {
            return new SiteGenConfig(contentDirectory, outputDirectory, templateDirectory, staticDirectory,
                    projectDirectory, baseUrl, defaultTitle, trustRawHtml, cname, structuredData, drafts, threads,
                    theme, themeClassPath, cacheDirectory, clean);
        }
    }
}
