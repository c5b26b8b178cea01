package io.github.sitegen.maven;

import java.io.File;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import io.github.sitegen.check.ContentCheck;

/**
 * Runs every content check without writing a site, for pull requests: the errors a build stops
 * on, and warnings for weak answers, questions that are not questions, duplicate and
 * near-duplicate questions across topics, links between questions that point nowhere and overdue
 * reviews; and errors for the pages and question ids that the published site (its
 * {@code faq.json}, given as {@code baseline}) or the previous build has and that the change would
 * break. One line per finding, {@code file:line:column: level: message}, then a summary.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractSiteMojo {

    /**
     * The previous build's output: without {@code baseline}, its {@code faq.json} lists the pages and
     * ids readers may have links to.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.outputDirectory", defaultValue = "${project.build.directory}/site-gen")
    private File outputDirectory;

    /**
     * The published site's {@code faq.json}, to compare with: its https URL (such as
     * {@code https://owner.github.io/repo/faq.json}) or a downloaded copy (a relative path is
     * resolved against the project folder). Every page and question id readers may have a link to
     * must still be on the site, or be listed in a topic's {@code previousPages} or a question's
     * {@code previousIds}; each that is not is an error, at the topic file to fix. A multilingual
     * site is compared with the {@code faq.json} in each language's folder beside it. Without it,
     * the previous build's {@code faq.json} in {@code outputDirectory} is compared, if there is one.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.baseline")
    private String baseline;

    /**
     * Fail the build on warnings too, not only on errors.
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
        checkedBaseUrl();
        ContentCheck.Report report;
        try {
            report = ContentCheck.run(config(outputDirectory).build(), LocalDate.now(ZoneOffset.UTC), baseline);
        } catch (IOException e) {
            throw new MojoExecutionException("site-gen could not read the content: " + e.getMessage(), e);
        }
        problemLog().report(report.problems());
        getLog().info(report.summary());
        if (report.errors() > 0 || strict && report.warnings() > 0) {
            throw new MojoFailureException("site-gen check found " + (report.errors() > 0 ? "errors" : "warnings, and"
                    + " site-gen.strict is set") + "; each is listed above as file:line:column");
        }
    }
}
