package io.github.sitegen.maven;

import java.io.File;
import java.nio.file.Path;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of every goal that reads templates (generate, check, serve, verify, eject): the
 * template folder and the theme.
 */
abstract class AbstractThemeMojo extends AbstractMojo {

    /**
     * Templates, assets and interface strings that override the theme, by identical path (for
     * example {@code topic.ftlh}, {@code assets/extra.css} or {@code messages/en.properties}).
     * May be absent. {@code eject} copies the theme's files into it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.templateDirectory", defaultValue = "${project.basedir}/src/site-gen/templates")
    private File templateDirectory;

    /**
     * The theme to render the site with, by name: the folder {@code site-gen/themes/<name>/} of a
     * jar that is a {@code <dependency>} of the plugin in the pom. Templates, assets and interface
     * strings are looked up in the template directory, then in the theme, then in the theme it
     * extends, then in the built-in theme. Not set: the built-in theme.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.theme")
    private String theme;

    /** The project's folder: the output may never be it or one of its parents. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File projectDirectory;

    protected Path projectDirectory() {
        return projectDirectory.toPath();
    }

    protected Path templateDirectory() {
        return templateDirectory == null ? null : templateDirectory.toPath();
    }

    protected String theme() {
        return theme;
    }

    /** Where themes are looked for: the plugin's own class path, which holds its {@code <dependencies>}. */
    protected ClassLoader themeClassPath() {
        return getClass().getClassLoader();
    }

    /** Maven's log, for the core's reports. */
    protected ProblemLog problemLog() {
        return new ProblemLog(getLog(), projectDirectory());
    }
}
