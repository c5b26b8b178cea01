package io.github.sitegen.cli;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.sitegen.Setting;

/**
 * The core's messages in the command line's words. The core names a setting as Maven's user property
 * ({@code site-gen.baseUrl}, or {@code -Dsite-gen.baseUrl=} to set it) and a goal as Maven's ({@code site-gen:generate}), and tells how to add a
 * theme to the plugin; a command-line user has {@code --base-url}, {@code site-gen generate} and the
 * class path. Every name comes from {@link Setting}, the table both front-ends are made from.
 */
final class Wording {

    private static final Pattern SETTING = Pattern.compile("(?:-D)?site-gen\\.("
            + Setting.ALL.stream().map(Setting::name).sorted(Comparator.comparing(String::length).reversed())
                    .collect(Collectors.joining("|")) + ")\\b");
    private static final Pattern GOAL = Pattern.compile("site-gen:(" + String.join("|", Setting.GOALS) + ")\\b");
    private static final String PLUGIN_THEME = "add the theme's jar as a <dependency> of site-gen-maven-plugin in the pom";
    private static final String CLI_THEME = "put the theme's jar on the class path beside the command's"
            + " (java -cp site-gen-cli.jar:theme.jar io.github.sitegen.cli.SiteGenCli ...)";

    private Wording() {
    }

    /** {@code text} with Maven's names for settings, goals and the theme's place replaced by the command line's. */
    static String forCommandLine(String text) {
        Matcher setting = SETTING.matcher(text);
        String options = setting.replaceAll(m -> "--" + Setting.ALL.stream().filter(s -> s.name().equals(m.group(1)))
                .findFirst().orElseThrow().kebabName());
        return GOAL.matcher(options).replaceAll("site-gen $1")
                .replace(PLUGIN_THEME, CLI_THEME)
                .replace("on the plugin's class path", "on the class path");
    }
}
