package io.github.sitegen.content;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.sitegen.problem.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one YAML file into a node tree, safely: the file must be UTF-8 and below a size limit, no
 * object is ever constructed from a tag (only the plain data tags are accepted), keys must be
 * unique, and aliases to collections are limited so that an alias bomb fails fast.
 *
 * <p>Nodes keep their positions, so later checks can name the line and column of a bad value.
 */
final class YamlSource {

    /** The largest content file read, in bytes. */
    static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
    /** How many aliases to a list or mapping one file may use. */
    static final int MAX_COLLECTION_ALIASES = 20;

    private static final Set<Tag> DATA_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.TIMESTAMP, Tag.SEQ, Tag.MAP);

    /** How SnakeYAML's tag inspector words its refusal of a tag that names a class. */
    private static final String GLOBAL_TAG = "Global tag is not allowed:";
    private static final String TAG_HINT = "site-gen reads plain data only; remove the tag";

    private YamlSource() {
    }

    /**
     * Reads {@code file}. Returns the root node, or empty when the file is empty, unreadable as
     * YAML, or unsafe; the reason is then added to {@code problems}.
     */
    static Optional<Node> read(Path file, Problems problems) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            problems.add(Problem.error(file, 0, 0, "file is " + size + " bytes, more than the limit of "
                    + MAX_FILE_BYTES + " bytes", "split it into several topic files"));
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(file);
        Optional<String> text = decode(file, bytes, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setCodePointLimit(MAX_FILE_BYTES);
        options.setNestingDepthLimit(20);
        options.setProcessComments(false);
        // What Yaml.compose does, keeping the reader: its position places the errors SnakeYAML
        // reports without a mark (the nesting limit, a simple key that is not first on its line).
        StreamReader reader = new StreamReader(new StringReader(text.get()));
        LastEvent parser = new LastEvent(new ParserImpl(reader, options));
        Node root;
        try {
            root = new Composer(parser, new Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(file, mark, Problem.Severity.ERROR, syntaxMessage(e), syntaxHint(e));
            return Optional.empty();
        } catch (YAMLException e) {
            // SnakeYAML reports these two limits without a position.
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("Number of aliases")) {
                problems.add(Problem.error(file, 0, 0, "too many aliases (more than " + MAX_COLLECTION_ALIASES
                        + " to lists or mappings)", "write the repeated content out, or use fewer anchors"));
            } else if (message.startsWith("Nesting Depth exceeded")) {
                // the composer refuses the list or mapping it was given last
                problems.add(file, parser.last == null ? reader.getMark() : parser.last.getStartMark(),
                        Problem.Severity.ERROR, "nested more than "
                        + options.getNestingDepthLimit() + " levels deep", "flatten the lists and mappings");
            } else if (!(e instanceof ReaderException)) {
                problems.add(file, reader.getMark(), Problem.Severity.ERROR, "cannot read YAML: " + message, null);
            } else {
                problems.add(Problem.error(file, 0, 0, "cannot read YAML: " + message, null));
            }
            return Optional.empty();
        }
        if (root == null) {
            return Optional.empty();
        }
        if (!checkTree(file, root, problems)) {
            return Optional.empty();
        }
        return Optional.of(root);
    }

    /** A parser that remembers the last event it handed out. */
    private static final class LastEvent implements Parser {
        private final Parser parser;
        private Event last;

        LastEvent(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return parser.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public Event getEvent() {
            last = parser.getEvent();
            return last;
        }
    }

    private static Optional<String> decode(Path file, byte[] bytes, Problems problems) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3; // a UTF-8 byte order mark is harmless: skip it
        } else if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
            problems.add(Problem.error(file, 1, 1, "file is encoded as UTF-16", "save it as UTF-8"));
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString());
        } catch (CharacterCodingException e) {
            int bad = firstMalformedByte(bytes, start);
            int line = 1;
            int lineStart = start;
            for (int i = start; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
            problems.add(Problem.error(file, line, column, String.format(
                    "file is not valid UTF-8 (byte 0x%02X)", bytes[bad] & 0xFF),
                    "save it as UTF-8; site-gen reads no other encoding"));
            return Optional.empty();
        }
    }

    private static int firstMalformedByte(byte[] bytes, int start) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : start;
    }

    private static String syntaxMessage(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
        if (problem.startsWith(GLOBAL_TAG)) {
            return "YAML tag '" + shortTag(new Tag(problem.substring(GLOBAL_TAG.length()).strip())) + "' is not allowed";
        }
        String context = e.getContext();
        problem = problem.replace("\t", "\\t");
        return context == null ? "invalid YAML: " + problem : "invalid YAML " + context + ": " + problem;
    }

    private static String syntaxHint(MarkedYAMLException e) {
        String problem = String.valueOf(e.getProblem());
        if (problem.startsWith(GLOBAL_TAG)) {
            return TAG_HINT;
        }
        if (problem.contains("\t") || problem.contains("TAB")) {
            return "indent with spaces; YAML does not allow tabs for indentation";
        }
        if (problem.contains("mapping values are not allowed")) {
            return "a value that contains ': ' must be quoted, or written as a block with |";
        }
        return "check the indentation and quoting around this position";
    }

    /**
     * Walks the tree once: no tag other than plain data, no duplicate keys. Returns false when the
     * file must not be used. Aliased nodes are visited once.
     */
    private static boolean checkTree(Path file, Node root, Problems problems) {
        boolean ok = true;
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (seen.put(node, Boolean.TRUE) != null) {
                continue;
            }
            if (!DATA_TAGS.contains(node.getTag())) {
                problems.error(file, node, "YAML tag '" + shortTag(node.getTag()) + "' is not allowed",
                        TAG_HINT);
                ok = false;
                continue;
            }
            if (node instanceof MappingNode mapping) {
                Map<String, Node> keys = new HashMap<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    Node key = tuple.getKeyNode();
                    if (key instanceof ScalarNode scalar) {
                        Node first = keys.putIfAbsent(scalar.getValue(), key);
                        if (first != null) {
                            problems.error(file, key, "duplicate key '" + scalar.getValue() + "' (first at line "
                                    + (first.getStartMark().getLine() + 1) + ")",
                                    "each key may appear once; remove or merge one of them");
                            ok = false;
                        }
                    }
                    pending.push(tuple.getValueNode());
                    pending.push(key);
                }
            } else if (node instanceof SequenceNode sequence) {
                sequence.getValue().forEach(pending::push);
            }
        }
        return ok;
    }

    private static String shortTag(Tag tag) {
        String value = tag.getValue();
        return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
    }
}
