package io.github.sitegen.maven;

import java.io.File;
import java.io.IOException;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import io.github.sitegen.fml.FmlImporter;
import io.github.sitegen.problem.SiteGenException;

/**
 * Imports a Maven Doxia FML FAQ ({@code src/site/fml/faq.fml}) as site-gen content: one topic file
 * per {@code <part>}, one question per {@code <faq>}, answers converted from XHTML to Markdown
 * (allowed HTML where Markdown cannot say the same). Every anchor the Maven site published keeps
 * working, through {@code previousIds} where the FML id is not a valid question id. Existing files
 * are never replaced. The goal lists everything it could not convert exactly, as
 * {@code file.fml:line:column: warning: message}, and ends with a summary.
 *
 * @since 0.1.0
 */
@Mojo(name = "import-fml", threadSafe = true)
public class ImportFmlMojo extends AbstractMojo {

    /**
     * The FML file to import, or a folder whose {@code .fml} files are all imported (with several
     * files, topic ids start with the file's name). By default, the folder where a Maven site keeps
     * its FML files.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.input", defaultValue = "${project.basedir}/src/site/fml")
    private File input;

    /**
     * The folder the topic files are written to (created if needed). A file that exists there
     * already stops the import before anything is written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.contentDirectory", defaultValue = "${project.basedir}/src/site-gen/content")
    private File contentDirectory;

    /**
     * The address the old Maven site was published at, such as
     * {@code https://maven.apache.org/plugins/maven-foo-plugin/}. Answers' relative links to its
     * other pages ({@code usage.html}, {@code apidocs/index.html}) become absolute links to it.
     * Without it they are kept as written, and {@code generate} reports those that point at no
     * file of the new site.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.fmlSiteUrl")
    private String fmlSiteUrl;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File projectDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        ProblemLog log = new ProblemLog(getLog(), projectDirectory.toPath());
        try {
            FmlImporter.withOldSite(fmlSiteUrl).importFml(input.toPath(), contentDirectory.toPath(), log);
        } catch (SiteGenException e) {
            log.report(e.problems());
            throw new MojoFailureException(e.getMessage() + "; each is listed above as file:line:column; nothing was written", e);
        } catch (IOException e) {
            throw new MojoExecutionException("site-gen could not read or write a file: " + e.getMessage(), e);
        }
    }
}
