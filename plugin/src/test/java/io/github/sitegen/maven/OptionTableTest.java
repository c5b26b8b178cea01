package io.github.sitegen.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.github.sitegen.Setting;
import io.github.sitegen.cli.SiteGenCli;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One table of settings ({@link Setting}, in the core) drives both front-ends: every goal's
 * parameters in the plugin descriptor that the Mojos' {@code @Parameter}s make, and every option of
 * the command of the same name, have the table's names and defaults, and neither has one the table
 * lacks.
 */
class OptionTableTest {

    /** Written from the Mojos' annotations by maven-plugin-plugin before the tests run. */
    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");

    /** For each goal, each setting's name with its default as the table writes it. */
    private static Map<String, Map<String, String>> table() {
        Map<String, Map<String, String>> goals = new TreeMap<>();
        for (String goal : Setting.GOALS) {
            Map<String, String> settings = goals.computeIfAbsent(goal, k -> new TreeMap<>());
            Setting.of(goal).forEach(s -> settings.put(s.name(), String.valueOf(s.defaultValue())));
        }
        return goals;
    }

    @Test
    void everyMojoParameterIsInTheTableWithItsPropertyAndDefaultAndNoneIsMissing() throws Exception {
        Document plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile());
        Map<String, Map<String, String>> mojos = new TreeMap<>();
        List<String> properties = new ArrayList<>();
        NodeList all = plugin.getElementsByTagName("mojo");
        for (int i = 0; i < all.getLength(); i++) {
            Element mojo = (Element) all.item(i);
            String goal = text(mojo, "goal");
            if (goal.equals("help")) {
                continue;
            }
            Map<String, String> parameters = mojos.computeIfAbsent(goal, k -> new TreeMap<>());
            Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
            NodeList declared = ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
            for (int j = 0; j < declared.getLength(); j++) {
                Element parameter = (Element) declared.item(j);
                String name = text(parameter, "name");
                if (text(parameter, "editable").equals("false")) {
                    continue;
                }
                Element value = (Element) configuration.getElementsByTagName(name).item(0);
                parameters.put(name, tableDefault(value.getAttribute("default-value")));
                if (!value.getTextContent().equals("${site-gen." + name + "}")) {
                    properties.add(goal + " " + name + ": " + value.getTextContent());
                }
            }
        }
        assertEquals(table(), mojos);
        assertEquals(List.of(), properties, "each parameter is set by the property site-gen.<name>");
    }

    @Test
    void everyCommandOptionIsInTheTableWithItsDefaultAndNoneIsMissing() {
        CommandLine commandLine = SiteGenCli.commandLine(new PrintStream(OutputStream.nullOutputStream()));
        Map<String, Map<String, String>> commands = new TreeMap<>();
        for (Map.Entry<String, CommandLine> command : commandLine.getSubcommands().entrySet()) {
            Map<String, String> options = commands.computeIfAbsent(command.getKey(), k -> new TreeMap<>());
            for (OptionSpec option : command.getValue().getCommandSpec().options()) {
                if (!option.usageHelp() && !option.versionHelp()) {
                    options.put(camelCase(option.longestName()), String.valueOf(option.defaultValue()));
                }
            }
        }
        assertEquals(table(), commands);
    }

    /** {@code --base-url} is {@code baseUrl}. */
    private static String camelCase(String option) {
        StringBuilder name = new StringBuilder();
        String[] words = option.substring(2).split("-");
        name.append(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    /** A Mojo's default as the table writes it: relative to the project folder, the build folder as {@code target}. */
    private static String tableDefault(String mojoDefault) {
        if (mojoDefault.isEmpty()) {
            return "null";
        }
        return mojoDefault.replace("${project.basedir}/", "").replace("${project.build.directory}", "target");
    }

    private static String text(Element parent, String child) {
        return parent.getElementsByTagName(child).item(0).getTextContent();
    }
}
