package io.github.sitegen.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;
import io.github.sitegen.serve.PreviewServer;

/**
 * Serves a live preview of the site on 127.0.0.1 until Ctrl-C.
 *
 * <p>Builds the site with draft questions in memory (never into the real output), serves it
 * under the base path of {@code baseUrl} as GitHub Pages would, watches the content, template and
 * static folders, builds again after each change (rendering only what the change can touch) and
 * reloads the open pages. A content or template error does not stop the preview: the pages show
 * the errors, as {@code file:line:column}, until they are fixed.
 *
 * @since 0.1.0
 */
@Mojo(name = "serve", requiresProject = true, threadSafe = true)
public class ServeMojo extends AbstractSiteMojo {

    /**
     * Where the preview is written when {@code writePreview} is set: a folder of its own, so that a
     * preview never touches the real output. Replaced after every good build.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.previewDirectory", defaultValue = "${project.build.directory}/site-gen-preview")
    private File previewDirectory;

    /**
     * Whether to write each good build of the preview to {@code previewDirectory}, with the bytes
     * {@code generate} with drafts would write. Off by default: the preview is served from memory.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.writePreview", defaultValue = "false")
    private boolean writePreview;

    /**
     * The port on 127.0.0.1 to serve the preview on. When it is in use, a free port is taken, and the
     * log says which.
     *
     * @since 0.1.0
     */
    @Parameter(property = "site-gen.port", defaultValue = "8080")
    private int port;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        Path base = projectDirectory();
        SiteGenConfig config = config(previewDirectory).build();
        ProblemLog log = problemLog();
        PreviewServer.Listener listener = new PreviewServer.Listener() {
            @Override
            public void info(String message) {
                log.info(message);
            }

            @Override
            public void warning(Problem problem) {
                log.warning(problem);
            }

            @Override
            public void failed(List<Problem> problems) {
                log.report(problems);
            }
        };
        PreviewServer preview;
        try {
            preview = new PreviewServer(config, port, base, listener, writePreview).start();
        } catch (SiteGenException e) {
            log.report(e.problems());
            throw new MojoFailureException(e.getMessage() + "; each is listed above as file:line:column", e);
        } catch (IOException e) {
            throw new MojoExecutionException("site-gen could not start the preview: " + e.getMessage(), e);
        }
        getLog().info("Preview (with drafts) at " + preview.url() + " - it builds again and reloads after each change;"
                + " press Ctrl-C to stop");
        preview.serveUntilStopped();
    }
}
