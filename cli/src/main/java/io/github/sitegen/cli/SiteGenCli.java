package io.github.sitegen.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.github.sitegen.Setting;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The {@code site-gen} command: the Maven plugin's goals as commands, with the same settings
 * ({@link Setting}) as options, read relative to the current folder as in a Maven project. Exit
 * codes: {@value #OK} done, {@value #CONTENT_ERRORS} the content (or the site) has errors, which
 * are on standard error as {@code file:line:column: error: message}, {@value #USAGE} a wrong
 * command line or an internal error.
 */
public final class SiteGenCli {

    public static final int OK = 0;
    public static final int CONTENT_ERRORS = 1;
    public static final int USAGE = 2;

    private final Path folder;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param folder the project folder the defaults and relative paths are read against
     * @param out    where progress and summaries go
     * @param err    where problems and usage errors go
     */
    public SiteGenCli(Path folder, PrintStream out, PrintStream err) {
        this.folder = folder.toAbsolutePath().normalize();
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int code = new SiteGenCli(Path.of(""), System.out, System.err).run(args);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command line and returns its exit code. */
    public int run(String... args) {
        CommandLine commandLine = commandLine(out);
        ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("site-gen: " + e.getMessage());
            e.getCommandLine().usage(err);
            return USAGE;
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            return OK;
        }
        if (!parsed.hasSubcommand()) {
            err.println("site-gen: name a command");
            commandLine.usage(err);
            return USAGE;
        }
        ParseResult command = parsed.subcommand();
        try {
            return new Goal(command.commandSpec().name(), new Options(command.commandSpec(), folder), folder, out, err)
                    .run();
        } catch (Options.Invalid e) {
            err.println("site-gen " + command.commandSpec().name() + ": " + e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            err.println("site-gen: internal error: " + e);
            return USAGE;
        }
    }

    /**
     * The command line with one subcommand per goal, its options from {@link Setting#of(String)};
     * help goes to {@code out}.
     */
    public static CommandLine commandLine(PrintStream out) {
        CommandSpec top = CommandSpec.create().name("site-gen").mixinStandardHelpOptions(true).version(version());
        top.usageMessage().description("Builds FAQ sites from YAML content, as the site-gen Maven plugin does.",
                "Paths are read relative to the current folder, as in a Maven project.");
        for (String goal : Setting.GOALS) {
            CommandSpec command = CommandSpec.create().name(goal).mixinStandardHelpOptions(true).version(version());
            command.usageMessage().description(Goal.description(goal)).showDefaultValues(true);
            for (Setting setting : Setting.of(goal)) {
                command.addOption(option(setting));
            }
            top.addSubcommand(goal, command);
        }
        CommandLine commandLine = new CommandLine(top);
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        return commandLine;
    }

    private static OptionSpec option(Setting setting) {
        OptionSpec.Builder option = OptionSpec.builder("--" + setting.kebabName())
                .description(setting.description())
                .defaultValue(setting.defaultValue());
        switch (setting.type()) {
            case FLAG -> option.type(boolean.class).arity("0..1").paramLabel("true|false");
            case NUMBER -> option.type(int.class).paramLabel("<number>");
            case PATH -> option.type(String.class).paramLabel("<path>");
            case TEXT -> option.type(String.class).paramLabel("<" + setting.kebabName() + ">");
        }
        return option.build();
    }

    private static String version() {
        String version = SiteGenCli.class.getPackage().getImplementationVersion();
        return "site-gen " + (version == null ? "(development build)" : version);
    }
}
