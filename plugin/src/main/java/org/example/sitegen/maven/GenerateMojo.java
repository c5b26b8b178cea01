package org.example.sitegen.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.example.sitegen.SiteGenConfig;
import org.example.sitegen.SiteGenException;
import org.example.sitegen.SiteGenerator;

/**
 * Renders the FAQ content into a static site, ready for GitHub Pages.
 *
 * <p>Reads {@code site.yaml} and one {@code <topic-id>.yaml} per topic from the content directory,
 * renders them through the FreeMarker templates (the template directory first, then the built-in
 * theme), and replaces the output directory with the finished site. Content errors are all
 * reported, as {@code file:line:column: message}, and fail the build.
 *
 * @since 0.1.0
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

    /**
     * The folder with {@code site.yaml} and the topic files.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.contentDirectory", defaultValue = "${project.basedir}/src/site-gen/content")
    private File contentDirectory;

    /**
     * Templates and assets that override the built-in theme, by identical path (for example
     * {@code topic.ftlh} or {@code assets/site-gen.css}). May be absent.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.templateDirectory", defaultValue = "${project.basedir}/src/site-gen/templates")
    private File templateDirectory;

    /**
     * Files copied into the site as they are (images, downloads). May be absent.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.staticDirectory", defaultValue = "${project.basedir}/src/site-gen/static")
    private File staticDirectory;

    /**
     * Where the site is written. The folder is replaced on every build; site-gen refuses a folder
     * that holds files it did not write.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.outputDirectory", defaultValue = "${project.build.directory}/site-gen")
    private File outputDirectory;

    /**
     * The absolute URL the site is published at, such as {@code https://owner.github.io/repo} (with
     * or without a trailing slash) or a custom domain. Used for canonical URLs and for the links of
     * the 404 page. Optional.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.baseUrl")
    private String baseUrl;

    /**
     * Keep raw HTML inside Markdown as written. By default it passes through an allowlist of text,
     * list, table, code, link and image tags; turn this on only when every author is trusted.
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
     * Skip this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.skip", defaultValue = "false")
    private boolean skip;

    /** The project's folder: the output may never be it or one of its parents. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File projectDirectory;

    /** The site title when {@code site.yaml} sets none. */
    @Parameter(defaultValue = "${project.name}", readonly = true)
    private String projectName;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping site-gen because site-gen.skip = true");
            return;
        }
        Path base = projectDirectory.toPath();
        SiteGenConfig config = SiteGenConfig.builder(contentDirectory.toPath(), outputDirectory.toPath())
                .templateDirectory(templateDirectory == null ? null : templateDirectory.toPath())
                .staticDirectory(staticDirectory == null ? null : staticDirectory.toPath())
                .projectDirectory(base)
                .baseUrl(baseUrl)
                .defaultTitle(projectName)
                .trustRawHtml(trustRawHtml)
                .cname(cname)
                .structuredData(structuredData)
                .build();
        ProblemLog log = new ProblemLog(getLog(), base);
        try {
            new SiteGenerator().generate(config, log);
        } catch (SiteGenException e) {
            log.report(e.problems());
            throw new MojoFailureException(e.getMessage() + "; each is listed above as file:line:column", e);
        } catch (IOException e) {
            throw new MojoExecutionException("site-gen could not read or write a file: " + e.getMessage(), e);
        }
    }
}
