package io.github.sitegen.maven;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import io.github.sitegen.eject.TemplateEjector;
import io.github.sitegen.problem.SiteGenException;

/**
 * Copies templates and assets of the theme (the built-in theme, or the one {@code theme} names)
 * into the template directory, so that you can change them there. A file that exists is never
 * replaced: it is skipped, and the goal says so. The goal lists which files are meant to be
 * overridden (stable) and which are internal and may change between versions; without a list of
 * files it copies the stable ones only.
 *
 * @since 0.1.0
 */
@Mojo(name = "eject", threadSafe = true)
public class EjectMojo extends AbstractThemeMojo {

    /**
     * The files to copy, comma-separated, by their path in the theme (for example
     * {@code topic.ftlh,assets/site-gen.css}). When not set, the stable files: those meant to be
     * changed. An internal file, such as {@code layout.ftlh}, is copied only when named here.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.templates")
    private String templates;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        List<String> names = new ArrayList<>();
        if (templates != null) {
            for (String name : templates.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        }
        ProblemLog log = problemLog();
        try {
            new TemplateEjector(theme(), themeClassPath()).eject(templateDirectory(), names, log);
        } catch (SiteGenException e) {
            log.report(e.problems());
            throw new MojoFailureException(e.getMessage() + "; nothing was copied", e);
        } catch (IOException e) {
            throw new MojoExecutionException("site-gen could not read or write a file: " + e.getMessage(), e);
        }
    }
}
