package io.github.sitegen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.model.Answer;
import io.github.sitegen.model.Html;
import io.github.sitegen.model.Link;
import io.github.sitegen.model.Question;
import io.github.sitegen.model.QuestionLink;
import io.github.sitegen.model.SiteInfo;
import io.github.sitegen.model.Topic;
import io.github.sitegen.theme.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template data model is a contract: the "Template data model" section of
 * docs/templates-and-themes.md describes every variable a template can read and every field of
 * every value, with its type. This test holds the code and the reference to each other: the fields
 * come from the records by reflection (their components, and their public methods without
 * arguments, which the template engine reads as properties), the variables from rendering a small
 * site whose page templates print the names in their data model and the names FreeMarker shows on
 * each value, and the reference from its tables.
 */
class TemplateModelContractTest {

    private static final Path REFERENCE = Path.of("..", "docs", "templates-and-themes.md");
    private static final String SECTION = "## Template data model";

    /** The record behind each table of the reference, by the table's name (which is also its type name). */
    private static final Map<String, Class<?>> TABLES = Map.of(
            "site", SiteInfo.class,
            "link", Link.class,
            "theme", ThemeAssets.Extras.class,
            "page", Page.class,
            "alternate", Translations.Alternate.class,
            "topic", Topic.class,
            "question", Question.class,
            "related item", QuestionLink.class);

    /** What every object has, which is not part of the data model (FreeMarker shows getClass() as "class" too). */
    private static final Set<String> OBJECT_MEMBERS = Set.of("class", "getClass", "equals", "hashCode", "toString");

    @Test
    void everyFieldOfEveryRecordIsDescribedAndEveryDescribedFieldExists() throws IOException {
        Reference reference = Reference.read();
        assertEquals(new TreeSet<>(TABLES.keySet()), new TreeSet<>(reference.objects().keySet()),
                "the reference has one table per record a template reads (see TABLES)");
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Class<?>> table : new TreeMap<>(TABLES).entrySet()) {
            Set<String> fields = fields(table.getValue()).keySet();
            Set<String> described = reference.objects().get(table.getKey()).keySet();
            for (String field : fields) {
                if (!described.contains(field)) {
                    differences.add(table.getKey() + "." + field + " is in " + table.getValue().getSimpleName()
                            + " but not described in the reference");
                }
            }
            for (String field : described) {
                if (!fields.contains(field)) {
                    differences.add(table.getKey() + "." + field + " is described in the reference but "
                            + table.getValue().getSimpleName() + " has no such field");
                }
            }
        }
        assertNoDifferences(differences);
    }

    @Test
    void everyFieldHasTheTypeTheReferenceGivesIt() throws IOException {
        Reference reference = Reference.read();
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Class<?>> table : new TreeMap<>(TABLES).entrySet()) {
            Map<String, String> described = reference.objects().get(table.getKey());
            fields(table.getValue()).forEach((field, type) -> {
                String documented = described.get(field);
                String actual = typeName(type);
                if (documented != null && !documented.equals(actual)) {
                    differences.add(table.getKey() + "." + field + " is described as '" + documented
                            + "' but is " + type.getTypeName() + ", which the reference calls '" + actual + "'");
                }
            });
        }
        reference.variables().forEach((name, variable) -> {
            if (!isTypeName(variable.type())) {
                differences.add("the variable " + name + " has the type '" + variable.type()
                        + "', which is neither a table of the reference nor one of its types");
            }
        });
        assertNoDifferences(differences);
    }

    @Test
    void everyPageGetsExactlyTheVariablesTheReferenceListsForItsTemplate(@TempDir Path root) throws Exception {
        Reference reference = Reference.read();
        Map<String, Set<String>> rendered = renderPages(root).variables();
        assertEquals(reference.pages(), rendered.keySet(),
                "the templates rendered as pages (of a multilingual site with a review interval)"
                        + " are those of the reference's Pages table");
        List<String> differences = new ArrayList<>();
        rendered.forEach((template, variables) -> {
            Set<String> described = reference.variablesOf(template);
            if (!described.equals(variables)) {
                differences.add(template + " gets " + variables + " but the reference lists " + described);
            }
        });
        assertNoDifferences(differences);
    }

    /**
     * The template engine itself shows each variable with exactly the fields of its type's table:
     * not the members every object has, nor methods that take arguments. This ties each variable to
     * its record, and the reflection above to what FreeMarker exposes.
     */
    @Test
    void theTemplateEngineShowsEachVariableWithTheFieldsOfItsTypesTable(@TempDir Path root) throws Exception {
        Reference reference = Reference.read();
        Map<String, Set<String>> seen = renderPages(root).fields();
        List<String> differences = new ArrayList<>();
        reference.variables().forEach((name, variable) -> {
            String type = variable.type().replaceFirst("^list of ", "");
            if (!TABLES.containsKey(type)) {
                return;
            }
            Set<String> described = reference.objects().get(type).keySet();
            for (String template : variable.templates()) {
                Set<String> names = seen.get(template + " " + name);
                if (names == null) {
                    continue; // missing on this page (previousTopic on the first topic's page)
                }
                Set<String> fields = new TreeSet<>(names);
                if (!fields.equals(described)) {
                    differences.add(name + " on " + template + " has the fields " + fields
                            + " but the reference's table '" + type + "' lists " + described);
                }
            }
        });
        assertTrue(seen.containsKey("topic.ftlh previousTopic"), "the probe saw the previous topic: " + seen.keySet());
        assertNoDifferences(differences);
    }

    @Test
    void theReferenceNamesTheStableTemplatesOfThemeProperties() throws IOException {
        String introduction = Reference.section().split("\n### ", 2)[0];
        for (String stable : Theme.builtIn().layers().get(0).stable()) {
            if (stable.endsWith(".ftlh")) {
                assertTrue(introduction.contains("`" + stable + "`"),
                        "the data model's introduction names the stable template " + stable);
            }
        }
    }

    @Test
    void theReferenceAndTheBuiltInThemeGiveTheVersionOfTheDataModelThePluginProvides() throws IOException {
        String introduction = Reference.section().split("\n### ", 2)[0];
        assertTrue(introduction.contains("`model = " + Theme.MODEL + "`"),
                "the data model's introduction gives its version as `model = " + Theme.MODEL + "`");
        assertEquals(String.valueOf(Theme.MODEL), Theme.builtIn().layers().get(0).properties().value("model"));
    }

    /**
     * The fields a template reads on a record: its components, and its public methods that take no
     * argument and return something (read as properties), except those every object has.
     */
    static Map<String, Type> fields(Class<?> record) {
        assertTrue(record.isRecord(), record + " is a record");
        Map<String, Type> fields = new TreeMap<>();
        for (RecordComponent component : record.getRecordComponents()) {
            fields.put(component.getName(), component.getGenericType());
        }
        for (Method method : record.getMethods()) {
            if (method.getParameterCount() == 0 && method.getReturnType() != void.class
                    && !Modifier.isStatic(method.getModifiers()) && !OBJECT_MEMBERS.contains(method.getName())) {
                fields.putIfAbsent(method.getName(), method.getGenericReturnType());
            }
        }
        return fields;
    }

    /** What the reference calls a Java type. */
    static String typeName(Type type) {
        if (type instanceof ParameterizedType generic) {
            Type[] arguments = generic.getActualTypeArguments();
            if (generic.getRawType() == List.class) {
                return "list of " + typeName(arguments[0]);
            }
            if (generic.getRawType() == Map.class && arguments[0] == String.class) {
                return "map of " + typeName(arguments[1]);
            }
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Html.class || type == Answer.class) {
            return "HTML";
        }
        if (type == boolean.class) {
            return "yes/no";
        }
        if (type == int.class) {
            return "number";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        return TABLES.entrySet().stream().filter(table -> table.getValue() == type).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("templates can read a " + type.getTypeName()
                        + ", which the reference has no table or type for: add a table, and the record to TABLES"));
    }

    private static boolean isTypeName(String type) {
        String element = type.startsWith("list of ") ? type.substring("list of ".length()) : type;
        return TABLES.containsKey(element) || Set.of("text", "HTML", "yes/no", "number", "date", "function").contains(element);
    }

    /**
     * Builds a multilingual site with a review interval and a previous page, so that every page template is rendered,
     * with page templates that print the names in their data model, and the names FreeMarker
     * lets them read on each value.
     */
    private static Probe renderPages(Path root) throws Exception {
        String probe = """
                <#list .data_model?keys as name>
                probe ${.main_template_name} ${name}
                <#assign value = .data_model[name]!>
                <#if value?is_sequence && value?has_content><#assign value = value[0]></#if>
                <#if value?is_hash_ex><#list value?keys as key>
                field ${.main_template_name} ${name} ${key}
                </#list></#if>
                </#list>
                """;
        StringBuilder spec = new StringBuilder();
        for (String template : List.of("index.ftlh", "topic.ftlh", "all.ftlh", "all-topic.ftlh", "404.ftlh", "languages.ftlh",
                "maintainers.ftlh", "moved.ftlh")) {
            spec.append("-- templates/").append(template).append(" --\n").append(probe)
                    .append(template.equals("all.ftlh") ? "${allTopics}\n" : "");
        }
        for (String language : List.of("en", "de")) {
            spec.append("""
                    -- content/%1$s/site.yaml --
                    reviewEvery: 30d
                    -- content/%1$s/first.yaml --
                    title: First
                    previousPages: [old/]
                    questions:
                      - question: Is this the first question?
                        answer: Yes.
                    -- content/%1$s/second.yaml --
                    title: Second
                    questions:
                      - question: Is this the second question?
                        answer: Yes.
                    """.formatted(language));
        }
        Fixture.write(root, spec.toString());
        Fixture.build(SiteGenConfig.builder(root.resolve("content"), root.resolve("out")).projectDirectory(root)
                .templateDirectory(root.resolve("templates")));
        Map<String, Set<String>> variables = new TreeMap<>();
        Map<String, Set<String>> fields = new TreeMap<>();
        Pattern line = Pattern.compile("(?m)^(probe|field) (\\S+) (\\S+)(?: (\\S+))?$");
        try (Stream<Path> files = Files.walk(root.resolve("out"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher matcher = line.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (matcher.group(1).equals("probe")) {
                        variables.computeIfAbsent(matcher.group(2), template -> new TreeSet<>()).add(matcher.group(3));
                    } else {
                        fields.computeIfAbsent(matcher.group(2) + " " + matcher.group(3), v -> new TreeSet<>())
                                .add(matcher.group(4));
                    }
                }
            }
        }
        return new Probe(variables, fields);
    }

    /**
     * What the page templates of a site saw: the variables, by template, and the names a template
     * can read on each value (on a list's first item), by template and variable ("topic.ftlh site").
     */
    record Probe(Map<String, Set<String>> variables, Map<String, Set<String>> fields) {
    }

    private static void assertNoDifferences(List<String> differences) {
        if (!differences.isEmpty()) {
            fail("the template data model and docs/templates-and-themes.md#template-data-model differ:\n  "
                    + String.join("\n  ", differences));
        }
    }

    /** A variable of the reference's Variables table. */
    record Variable(String type, Set<String> templates) {
    }

    /**
     * The tables of the reference's "Template data model" section: the page templates, the
     * variables (with the templates that get them) and the fields of each value (name to type).
     */
    record Reference(Set<String> pages, Map<String, Variable> variables, Map<String, Map<String, String>> objects) {

        private static final Pattern CODE = Pattern.compile("`([^`]+)`");

        static String section() throws IOException {
            String text = Files.readString(REFERENCE);
            int start = text.indexOf("\n" + SECTION + "\n");
            assertTrue(start >= 0, REFERENCE + " has a section '" + SECTION + "'");
            int end = text.indexOf("\n## ", start + 1);
            return text.substring(start, end < 0 ? text.length() : end);
        }

        static Reference read() throws IOException {
            Map<String, List<List<String>>> tables = new LinkedHashMap<>();
            String heading = null;
            for (String line : section().split("\n")) {
                if (line.startsWith("### ")) {
                    heading = line.substring(4).strip();
                } else if (heading != null && line.startsWith("|") && !line.startsWith("|---")) {
                    List<String> cells = Arrays.stream(line.strip().split("(?<!\\\\)\\|")).skip(1).map(String::strip).toList();
                    tables.computeIfAbsent(heading, h -> new ArrayList<>()).add(cells);
                }
            }
            Set<String> pages = new TreeSet<>();
            for (List<String> row : rows(tables, "Pages")) {
                pages.add(code(row.get(0)));
            }
            Map<String, Variable> variables = new TreeMap<>();
            for (List<String> row : rows(tables, "Variables")) {
                Set<String> templates = new TreeSet<>();
                if (row.get(2).equals("every page")) {
                    templates.addAll(pages);
                } else {
                    Matcher matcher = CODE.matcher(row.get(2));
                    while (matcher.find()) {
                        templates.add(matcher.group(1));
                    }
                }
                variables.put(code(row.get(0)), new Variable(type(row.get(1)), templates));
            }
            Map<String, Map<String, String>> objects = new TreeMap<>();
            tables.forEach((name, rows) -> {
                if (!name.equals("Pages") && !name.equals("Variables") && rows.get(0).get(0).equals("Field")) {
                    Map<String, String> fields = new TreeMap<>();
                    for (List<String> row : rows.subList(1, rows.size())) {
                        fields.put(code(row.get(0)), type(row.get(1)));
                    }
                    objects.put(name, fields);
                }
            });
            return new Reference(pages, variables, objects);
        }

        Set<String> variablesOf(String template) {
            Set<String> names = new TreeSet<>();
            variables.forEach((name, variable) -> {
                if (variable.templates().contains(template)) {
                    names.add(name);
                }
            });
            return names;
        }

        private static List<List<String>> rows(Map<String, List<List<String>>> tables, String name) {
            List<List<String>> rows = tables.get(name);
            assertTrue(rows != null && rows.size() > 1, "the data model has a table under '### " + name + "'");
            return rows.subList(1, rows.size());
        }

        /** The name in a cell such as {@code `title`}. */
        private static String code(String cell) {
            Matcher matcher = CODE.matcher(cell);
            assertTrue(matcher.lookingAt(), "a name in backticks: " + cell);
            return matcher.group(1);
        }

        /** A type as the reference writes it, without ", or missing". */
        private static String type(String cell) {
            return cell.replaceFirst(", or missing$", "");
        }
    }
}
