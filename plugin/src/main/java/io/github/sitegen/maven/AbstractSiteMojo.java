package io.github.sitegen.maven;

import java.io.File;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.problem.SiteGenException;
import io.github.sitegen.render.Urls;

/**
 * The parameters every goal that reads content shares (generate, check, serve, verify), and the one
 * place that turns them into the core's {@link SiteGenConfig}.
 */
abstract class AbstractSiteMojo extends AbstractThemeMojo {

    /**
     * The folder with {@code site.yaml} and the topic files, or one folder per language. Must
     * exist.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.contentDirectory", defaultValue = "${project.basedir}/src/site-gen/content")
    private File contentDirectory;

    /**
     * Files copied into the site as they are (images, downloads). May be absent.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.staticDirectory", defaultValue = "${project.basedir}/src/site-gen/static")
    private File staticDirectory;

    /**
     * The absolute URL the site is published at, such as {@code https://owner.github.io/repo} (with
     * or without a trailing slash) or a custom domain. Used for canonical URLs, the sitemap, link
     * previews and the links of the 404 page; {@code serve} and {@code verify} serve the site under
     * its path. It may not have a query or fragment. Optional.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.baseUrl")
    private String baseUrl;

    /**
     * Keep raw HTML inside Markdown as written. By default it passes through an allowlist of text,
     * list, table, code, link and image tags, and Markdown links and images keep only safe URL
     * schemes. Turn this on only when every author is trusted.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.trustRawHtml", defaultValue = "false")
    private boolean trustRawHtml;

    /**
     * A custom domain, such as {@code faq.example.org}: written to a {@code CNAME} file, which GitHub
     * Pages reads when it publishes from a branch (with GitHub Actions, set the domain in the
     * repository's Pages settings instead). Without {@code baseUrl}, the base URL becomes
     * {@code https://<cname>/}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.cname")
    private String cname;

    /**
     * Add FAQPage structured data (JSON-LD) to every topic page. Off by default: Google now shows FAQ
     * rich results for very few sites, but other consumers still read the markup.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.structuredData", defaultValue = "false")
    private boolean structuredData;

    /**
     * How many threads read and render topics: {@code 0} (or less) for one per available core. The
     * site is the same bytes whatever the number; fewer threads leave cores to other builds.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.threads", defaultValue = "0")
    private int threads;

    /**
     * Where {@code generate} and {@code serve} keep their build cache: what each topic made last
     * time, so that the next build renders only the topics whose files (or whose site) changed and
     * takes the rest from the last output. The result is the same bytes as a full build. Empty
     * ({@code -Dsite-gen.cacheDirectory=}) to build without a cache; a relative path is resolved
     * against the project folder.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.cacheDirectory", defaultValue = "${project.build.directory}/site-gen-cache")
    private String cacheDirectory;

    /**
     * Empty the build cache first, so that every page is rendered (a full build). Any doubt about
     * the cache does the same by itself.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.clean", defaultValue = "false")
    private boolean clean;

    /**
     * Skip this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.skip", defaultValue = "false")
    private boolean skip;

    /** The site title when {@code site.yaml} sets none. */
    @Parameter(defaultValue = "${project.name}", readonly = true)
    private String projectName;

    /** Whether the goal is skipped; says so in the log. */
    protected boolean skipped() {
        if (skip) {
            getLog().info("Skipping site-gen because site-gen.skip = true");
        }
        return skip;
    }

    /** The configured base URL, normalised; a value that is not an absolute http(s) URL fails the goal. */
    protected String checkedBaseUrl() throws MojoFailureException {
        try {
            return Urls.checkedBaseUrl(baseUrl);
        } catch (SiteGenException e) {
            throw new MojoFailureException(e.problems().get(0).message());
        }
    }

    /** The core's configuration from these parameters, writing into {@code output}. */
    protected SiteGenConfig.Builder config(File output) {
        return SiteGenConfig.builder(contentDirectory.toPath(), output.toPath())
                .templateDirectory(templateDirectory())
                .theme(theme(), themeClassPath())
                .staticDirectory(staticDirectory == null ? null : staticDirectory.toPath())
                .projectDirectory(projectDirectory())
                .baseUrl(baseUrl)
                .defaultTitle(projectName)
                .trustRawHtml(trustRawHtml)
                .cname(cname)
                .structuredData(structuredData)
                .threads(threads)
                .cacheDirectory(cacheDirectory == null || cacheDirectory.isBlank() ? null
                        : projectDirectory().resolve(cacheDirectory.strip()))
                .clean(clean);
    }
}
