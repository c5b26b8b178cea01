package io.github.sitegen.maven;

import java.io.File;
import java.io.IOException;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import io.github.sitegen.SiteGenerator;
import io.github.sitegen.problem.SiteGenException;

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
public class GenerateMojo extends AbstractSiteMojo {

    /**
     * Where the site is written. The folder is replaced on every build; site-gen refuses a folder
     * that holds files it did not write.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.outputDirectory", defaultValue = "${project.build.directory}/site-gen")
    private File outputDirectory;

    /**
     * Fail the build on warnings too (links that point nowhere or out of the site, and every other
     * warning), as {@code check} does with this setting; the site is then not written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.strict", defaultValue = "false")
    private boolean strict;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        ProblemLog log = problemLog();
        try {
            new SiteGenerator().strict(strict).generate(config(outputDirectory).build(), log);
        } catch (SiteGenException e) {
            log.report(e.problems());
            throw new MojoFailureException(e.getMessage() + "; each is listed above as file:line:column", e);
        } catch (IOException e) {
            throw new MojoExecutionException("site-gen could not read or write a file: " + e.getMessage(), e);
        }
    }
}
