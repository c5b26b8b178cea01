package io.github.sitegen.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, positioned access to the keys of one YAML mapping. Unknown keys are reported with the
 * nearest known key, wrong types and missing values with the key's position; every read goes on
 * after a problem so that one run finds all of them.
 */
final class Fields {

    private final Path file;
    private final Node node;
    private final String what;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private Fields(Path file, Node node, String what, Problems problems) {
        this.file = file;
        this.node = node;
        this.what = what;
        this.problems = problems;
    }

    /**
     * Reads {@code node} as a mapping with the given known keys. Returns empty (with a problem) when
     * it is not a mapping at all.
     */
    static Optional<Fields> of(Path file, Node node, String what, Set<String> known, Problems problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.error(file, node, what + " must be a mapping of keys to values, not " + describe(node),
                    "write it as 'key: value' lines; see docs/content-format.md for the format");
            return Optional.empty();
        }
        Fields fields = new Fields(file, node, what, problems);
        for (NodeTuple tuple : mapping.getValue()) {
            Node key = tuple.getKeyNode();
            if (!(key instanceof ScalarNode scalar) || key.getTag() != Tag.STR) {
                problems.error(file, key, "keys must be plain words", "known keys: " + String.join(", ", known));
                continue;
            }
            String name = scalar.getValue();
            if (!known.contains(name)) {
                String hint = Suggestions.nearest(name, known)
                        .map(nearest -> "did you mean '" + nearest + "'?")
                        .orElse("known keys here: " + String.join(", ", known));
                problems.error(file, key, "unknown key '" + name + "' in " + what, hint);
                continue;
            }
            fields.entries.put(name, tuple);
        }
        return Optional.of(fields);
    }

    Node node() {
        return node;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** Whether {@code key} is written with a value ({@code key: []} is; {@code key:} alone is not). */
    boolean given(String key) {
        return entries.containsKey(key) && !isNull(entries.get(key).getValueNode());
    }

    /** The position to blame for {@code key}: its value if present, else the mapping itself. */
    Node at(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? node : tuple.getValueNode();
    }

    /** A text value that must be present and not blank. */
    Optional<String> requiredText(String key, String hint) {
        if (!entries.containsKey(key)) {
            problems.error(file, node, what + " has no '" + key + "'", hint);
            return Optional.empty();
        }
        Optional<String> value = text(key);
        if (isNull(at(key)) || value.isPresent() && value.get().isBlank()) {
            problems.error(file, at(key), "'" + key + "' of " + what + " is empty", hint);
            return Optional.empty();
        }
        return value;
    }

    /** A text value; empty when absent or null. Numbers and booleans are read as written. */
    Optional<String> text(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return Optional.empty();
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar) {
            return isNull(value) ? Optional.empty() : Optional.of(scalar.getValue());
        }
        problems.error(file, value, "'" + key + "' of " + what + " must be text, not " + describe(value),
                "write it on the same line, or as a block with |");
        return Optional.empty();
    }

    /** A yes/no value, if present. */
    Optional<Boolean> bool(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return Optional.empty();
        }
        Node value = tuple.getValueNode();
        if (value.getTag() == Tag.BOOL) {
            String text = ((ScalarNode) value).getValue().toLowerCase(java.util.Locale.ROOT);
            return Optional.of(text.equals("true") || text.equals("yes") || text.equals("on") || text.equals("y"));
        }
        problems.error(file, value, "'" + key + "' of " + what + " must be true or false, not " + describe(value),
                "for example: " + key + ": true");
        return Optional.empty();
    }

    /** A calendar date written as YYYY-MM-DD, if present. */
    Optional<java.time.LocalDate> date(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return Optional.empty();
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar) {
            try {
                return Optional.of(java.time.LocalDate.parse(scalar.getValue().strip()));
            } catch (java.time.format.DateTimeParseException e) {
                // falls through to the error below
            }
        }
        problems.error(file, value, "'" + key + "' of " + what + " must be a date, not " + describe(value),
                "write it as YYYY-MM-DD, for example: " + key + ": 2026-01-31");
        return Optional.empty();
    }

    /** A whole number, if present. */
    Optional<Integer> integer(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return Optional.empty();
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar && value.getTag() == Tag.INT) {
            try {
                return Optional.of(Integer.parseInt(scalar.getValue().replace("_", "").replaceFirst("^\\+", "")));
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        problems.error(file, value, "'" + key + "' of " + what + " must be a whole number, not " + describe(value),
                "for example: " + key + ": 10");
        return Optional.empty();
    }

    /** The items of a list, if present; each item positioned. */
    Optional<List<Node>> list(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return Optional.empty();
        }
        Node value = tuple.getValueNode();
        if (value instanceof SequenceNode sequence) {
            return Optional.of(sequence.getValue());
        }
        problems.error(file, value, "'" + key + "' of " + what + " must be a list, not " + describe(value),
                "write one '- item' per line, or [a, b]");
        return Optional.empty();
    }

    /** A list of non-empty strings, each with its node for positions. */
    List<Item> textList(String key) {
        List<Item> items = new ArrayList<>();
        for (Node item : list(key).orElse(List.of())) {
            if (item instanceof ScalarNode scalar && !isNull(item) && !scalar.getValue().isBlank()) {
                items.add(new Item(scalar.getValue().strip(), Position.of(item)));
            } else {
                problems.error(file, item, "items of '" + key + "' must be non-empty text, not " + describe(item),
                        null);
            }
        }
        return items;
    }

    /** One text item of a list, with where it was written. */
    record Item(String value, Position at) {
    }

    static boolean isNull(Node node) {
        return node.getTag() == Tag.NULL;
    }

    static String describe(Node node) {
        if (node == null) {
            return "nothing";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "an empty value";
        }
        String value = ((ScalarNode) node).getValue();
        return "'" + (value.length() > 30 ? value.substring(0, 27) + "..." : value) + "'";
    }
}
