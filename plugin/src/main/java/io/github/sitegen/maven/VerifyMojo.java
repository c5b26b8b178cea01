package io.github.sitegen.maven;

import java.io.File;
import java.io.IOException;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import io.github.sitegen.verify.SiteVerifier;

/**
 * Checks a generated site as GitHub Pages would serve it: serves the folder on 127.0.0.1 under the
 * base path, crawls it from the home page and fails on any broken link, missing anchor or asset,
 * unreachable page, sitemap entry that does not resolve, or 404 page whose links break at depth.
 *
 * @since 0.1.0
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractSiteMojo {

    /**
     * The generated site to check.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.outputDirectory", defaultValue = "${project.build.directory}/site-gen")
    private File outputDirectory;

    /**
     * Also fail on broken links that authors wrote inside answers, summaries or the introduction
     * (by default they are warnings).
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
        String normalised = checkedBaseUrl();
        SiteVerifier.Report report;
        try {
            report = new SiteVerifier(outputDirectory.toPath(), normalised, strict).verify();
        } catch (IOException e) {
            throw new MojoExecutionException("site-gen could not serve or read the site: " + e.getMessage(), e);
        }
        problemLog().report(report.problems());
        getLog().info(report.summary());
        if (report.failed()) {
            throw new MojoFailureException("site-gen verify found broken links or pages; each is listed above");
        }
    }
}
