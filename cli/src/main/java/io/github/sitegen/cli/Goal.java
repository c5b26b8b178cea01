package io.github.sitegen.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.github.sitegen.Setting;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;
import io.github.sitegen.check.ContentCheck;
import io.github.sitegen.eject.TemplateEjector;
import io.github.sitegen.fml.FmlImporter;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;
import io.github.sitegen.render.Urls;
import io.github.sitegen.serve.PreviewServer;
import io.github.sitegen.verify.SiteVerifier;

/**
 * One command, run as the Maven goal of the same name runs it: the same core calls with the same
 * settings. Progress goes to standard output, problems to standard error as
 * {@code file:line:column: level: message} with files relative to the project folder.
 */
final class Goal implements PreviewServer.Listener {

    private final String name;
    private final Options options;
    private final Path folder;
    private final PrintStream out;
    private final PrintStream err;

    Goal(String name, Options options, Path folder, PrintStream out, PrintStream err) {
        this.name = name;
        this.options = options;
        this.folder = folder;
        this.out = out;
        this.err = err;
    }

    static String description(String goal) {
        return switch (goal) {
            case Setting.GENERATE -> "Renders the content into a static site, ready for GitHub Pages.";
            case Setting.CHECK -> "Runs every content check without writing a site.";
            case Setting.SERVE -> "Serves a live preview (with drafts) on 127.0.0.1 until Ctrl-C.";
            case Setting.VERIFY -> "Serves a generated site as GitHub Pages would and crawls it for broken links.";
            case Setting.EJECT -> "Copies the theme's templates and assets into the template directory.";
            case Setting.IMPORT_FML -> "Imports a Maven Doxia FML FAQ as topic files.";
            default -> throw new IllegalArgumentException(goal);
        };
    }

    /** Runs the command and returns its exit code. */
    int run() {
        if (!name.equals(Setting.EJECT) && !name.equals(Setting.IMPORT_FML) && options.flag("skip")) {
            out.println("Skipping site-gen because --skip is set");
            return SiteGenCli.OK;
        }
        try {
            return switch (name) {
                case Setting.GENERATE -> generate();
                case Setting.CHECK -> check();
                case Setting.SERVE -> serve();
                case Setting.VERIFY -> verify();
                case Setting.EJECT -> eject();
                case Setting.IMPORT_FML -> importFml();
                default -> throw new IllegalArgumentException(name);
            };
        } catch (SiteGenException e) {
            failed(e.problems());
            err.println("site-gen " + name + ": " + Wording.forCommandLine(e.getMessage()));
            return SiteGenCli.CONTENT_ERRORS;
        } catch (IOException e) {
            err.println("site-gen " + name + ": could not read or write a file: " + e.getMessage());
            return SiteGenCli.USAGE;
        }
    }

    private int generate() throws IOException, SiteGenException {
        checkedBaseUrl();
        new SiteGenerator().strict(options.flag("strict")).generate(config("outputDirectory").build(), this);
        return SiteGenCli.OK;
    }

    private int check() throws IOException, SiteGenException {
        checkedBaseUrl();
        ContentCheck.Report report = ContentCheck.run(config("outputDirectory").build(), LocalDate.now(ZoneOffset.UTC),
                options.text("baseline"));
        failed(report.problems());
        out.println(report.summary());
        boolean failed = report.errors() > 0 || options.flag("strict") && report.warnings() > 0;
        return failed ? SiteGenCli.CONTENT_ERRORS : SiteGenCli.OK;
    }

    private int serve() throws IOException, SiteGenException {
        checkedBaseUrl();
        PreviewServer preview = new PreviewServer(config("previewDirectory").build(), options.number("port"), folder, this,
                options.flag("writePreview")).start();
        out.println("Preview (with drafts) at " + preview.url() + " - it builds again and reloads after each change;"
                + " press Ctrl-C to stop");
        preview.serveUntilStopped();
        return SiteGenCli.OK;
    }

    private int verify() throws IOException, SiteGenException {
        SiteVerifier.Report report = new SiteVerifier(options.path("outputDirectory"), checkedBaseUrl(),
                options.flag("strict")).verify();
        failed(report.problems());
        out.println(report.summary());
        return report.failed() ? SiteGenCli.CONTENT_ERRORS : SiteGenCli.OK;
    }

    private int eject() throws IOException, SiteGenException {
        List<String> names = new ArrayList<>();
        String templates = options.text("templates");
        for (String file : templates == null ? new String[0] : templates.split(",")) {
            if (!file.isBlank()) {
                names.add(file.strip());
            }
        }
        new TemplateEjector(options.text("theme"), themeClassPath()).eject(options.path("templateDirectory"), names, this);
        return SiteGenCli.OK;
    }

    private int importFml() throws IOException, SiteGenException {
        FmlImporter.withOldSite(options.text("fmlSiteUrl"))
                .importFml(options.path("input"), options.path("contentDirectory"), this);
        return SiteGenCli.OK;
    }

    /** The core's configuration from the options, writing into the folder the setting {@code output} names. */
    private SiteGenConfig.Builder config(String output) throws SiteGenException {
        String cache = options.text("cacheDirectory");
        return SiteGenConfig.builder(options.path("contentDirectory"), options.path(output))
                .templateDirectory(options.path("templateDirectory"))
                .theme(options.text("theme"), themeClassPath())
                .staticDirectory(options.path("staticDirectory"))
                .projectDirectory(folder)
                .baseUrl(options.text("baseUrl"))
                .defaultTitle(folder.getFileName() == null ? null : folder.getFileName().toString())
                .trustRawHtml(options.flag("trustRawHtml"))
                .cname(options.text("cname"))
                .structuredData(options.flag("structuredData"))
                .threads(options.number("threads"))
                .cacheDirectory(cache == null || cache.isBlank() ? null : folder.resolve(cache.strip()))
                .clean(options.flag("clean"));
    }

    private String checkedBaseUrl() {
        try {
            return Urls.checkedBaseUrl(options.text("baseUrl"));
        } catch (SiteGenException e) {
            throw new Options.Invalid(Wording.forCommandLine(e.problems().get(0).message()));
        }
    }

    /** Where themes are looked for: the command's class path (add a theme's jar to it with java -cp). */
    private ClassLoader themeClassPath() {
        return getClass().getClassLoader();
    }

    @Override
    public void info(String message) {
        out.println(Wording.forCommandLine(message));
    }

    @Override
    public void warning(Problem problem) {
        err.println(Wording.forCommandLine(problem.format(folder)));
    }

    @Override
    public void failed(List<Problem> problems) {
        for (Problem problem : problems) {
            err.println(Wording.forCommandLine(problem.format(folder)));
        }
    }
}
