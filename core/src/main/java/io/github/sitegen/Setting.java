package io.github.sitegen;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one table of settings both front-ends read: each goal's parameters in the Maven plugin
 * ({@code site-gen.<name>}) and each command's options on the command line ({@code --<kebab-name>}),
 * with the same name, default and meaning. A test holds the Mojos' {@code @Parameter}s and the
 * command line's options to this table.
 *
 * <p>A default that is a path is relative to the project folder (the current folder on the command
 * line); one under {@code target/} is under the build folder ({@code ${project.build.directory}}).
 *
 * @param name         the parameter's name, as in the pom and after {@code site-gen.}
 * @param type         what the value is
 * @param defaultValue the value when none is given; {@code null} for none
 * @param description  one sentence for the command line's help
 * @param goals        the goals (and commands) that take it
 */
public record Setting(String name, Type type, String defaultValue, String description, Set<String> goals) {

    /** What a setting's value is. */
    public enum Type { PATH, TEXT, FLAG, NUMBER }

    public static final String GENERATE = "generate";
    public static final String CHECK = "check";
    public static final String SERVE = "serve";
    public static final String VERIFY = "verify";
    public static final String EJECT = "eject";
    public static final String IMPORT_FML = "import-fml";

    /** Every goal, in the order the command line lists them. */
    public static final List<String> GOALS = List.of(GENERATE, CHECK, SERVE, VERIFY, EJECT, IMPORT_FML);

    private static final Set<String> SITE = Set.of(GENERATE, CHECK, SERVE, VERIFY);
    private static final Set<String> THEMED = Set.of(GENERATE, CHECK, SERVE, VERIFY, EJECT);

    /** Every setting of every goal. */
    public static final List<Setting> ALL = List.of(
            new Setting("contentDirectory", Type.PATH, "src/site-gen/content",
                    "The folder with site.yaml and the topic files (import-fml writes the topic files there).",
                    Set.of(GENERATE, CHECK, SERVE, VERIFY, IMPORT_FML)),
            new Setting("templateDirectory", Type.PATH, "src/site-gen/templates",
                    "Templates, assets and interface strings that override the theme, by identical path; may be absent.",
                    THEMED),
            new Setting("theme", Type.TEXT, null,
                    "The theme to render with, by name (site-gen/themes/<name>/ on the class path); not set: the built-in theme.",
                    THEMED),
            new Setting("staticDirectory", Type.PATH, "src/site-gen/static",
                    "Files copied into the site as they are (images, downloads); may be absent.", SITE),
            new Setting("baseUrl", Type.TEXT, null,
                    "The absolute URL the site is published at, such as https://owner.github.io/repo.", SITE),
            new Setting("trustRawHtml", Type.FLAG, "false",
                    "Keep raw HTML inside Markdown as written instead of passing it through the allowlist.",
                    SITE),
            new Setting("cname", Type.TEXT, null,
                    "A custom domain, written to a CNAME file for GitHub Pages.", SITE),
            new Setting("structuredData", Type.FLAG, "false",
                    "Add FAQPage structured data (JSON-LD) to every topic page.", SITE),
            new Setting("threads", Type.NUMBER, "0",
                    "How many threads read and render topics; 0 for one per core. The output is the same bytes.",
                    SITE),
            new Setting("cacheDirectory", Type.TEXT, "target/site-gen-cache",
                    "Where the build cache is kept; empty to build without one.", SITE),
            new Setting("clean", Type.FLAG, "false",
                    "Empty the build cache first, so that every page is rendered.", SITE),
            new Setting("skip", Type.FLAG, "false", "Skip this goal.", SITE),
            new Setting("outputDirectory", Type.PATH, "target/site-gen",
                    "Where the site is written (generate), or the site to check or verify.",
                    Set.of(GENERATE, CHECK, VERIFY)),
            new Setting("strict", Type.FLAG, "false",
                    "Fail on warnings too, not only on errors.", Set.of(GENERATE, CHECK, VERIFY)),
            new Setting("baseline", Type.TEXT, null,
                    "The published site's faq.json (an https URL or a file) whose pages and ids must stay reachable.",
                    Set.of(CHECK)),
            new Setting("previewDirectory", Type.PATH, "target/site-gen-preview",
                    "Where the preview is written when writePreview is set.", Set.of(SERVE)),
            new Setting("writePreview", Type.FLAG, "false",
                    "Write each good build of the preview to previewDirectory.", Set.of(SERVE)),
            new Setting("port", Type.NUMBER, "8080",
                    "The port on 127.0.0.1 to serve the preview on; a free one is taken when it is in use.",
                    Set.of(SERVE)),
            new Setting("templates", Type.TEXT, null,
                    "The theme files to copy, comma-separated; not set: the stable ones.", Set.of(EJECT)),
            new Setting("input", Type.PATH, "src/site/fml",
                    "The FML file to import, or a folder whose .fml files are all imported.",
                    Set.of(IMPORT_FML)),
            new Setting("fmlSiteUrl", Type.TEXT, null,
                    "The address the old Maven site was published at; relative links to its other pages become absolute.",
                    Set.of(IMPORT_FML)));

    /** The settings {@code goal} takes, in table order. */
    public static List<Setting> of(String goal) {
        return ALL.stream().filter(s -> s.goals().contains(goal)).toList();
    }

    /** The command line's name: {@code baseUrl} is {@code base-url}. */
    public String kebabName() {
        return name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
