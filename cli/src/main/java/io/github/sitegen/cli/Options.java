package io.github.sitegen.cli;

import java.nio.file.Path;

import io.github.sitegen.Setting;
import picocli.CommandLine.Model.CommandSpec;

/** One command's option values by their {@link Setting} name, paths resolved against the project folder. */
final class Options {

    /** A value the command line cannot use; the command exits with {@link SiteGenCli#USAGE}. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    private final CommandSpec command;
    private final Path folder;

    Options(CommandSpec command, Path folder) {
        this.command = command;
        this.folder = folder;
    }

    /** The value of a {@code PATH} setting, resolved against the project folder. */
    Path path(String name) {
        return folder.resolve(text(name));
    }

    /** The value as given, or {@code null} when the setting has no default and was not given. */
    String text(String name) {
        return command.findOption("--" + setting(name).kebabName()).getValue();
    }

    boolean flag(String name) {
        return command.findOption("--" + setting(name).kebabName()).<Boolean>getValue();
    }

    int number(String name) {
        return command.findOption("--" + setting(name).kebabName()).<Integer>getValue();
    }

    private Setting setting(String name) {
        return Setting.of(command.name()).stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(command.name() + " has no setting " + name));
    }
}
