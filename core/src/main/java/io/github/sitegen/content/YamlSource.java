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
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.sitegen.problem.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one YAML file into a node tree, safely: the file must be UTF-8 and below a size limit, no
 * object is ever constructed from a tag (only the plain data tags are accepted), keys must be
 * unique, aliases to collections are limited so that an alias bomb fails fast, and the text that
 * aliases repeat is bounded. Characters a web page cannot show (controls, lone surrogates) are
 * errors at their position.
 *
 * <p>Nodes keep their positions, so later checks can name the line and column of a bad value.
 */
final class YamlSource {

    /** The largest content file read, in bytes. */
    static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
    /** How many aliases to a list or mapping one file may use. */
    static final int MAX_COLLECTION_ALIASES = 20;
    /** How deep lists and mappings may nest in one file. */
    static final int MAX_NESTING = 20;
    /** How many times its own length the text of a file may grow by aliases. */
    static final int MAX_EXPANSION = 4;
    /** Small files may stand for this much text, aliases expanded, whatever their length. */
    static final long MIN_EXPANDED_CHARS = 1_000_000;

    private static final Set<Tag> DATA_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.TIMESTAMP, Tag.SEQ, Tag.MAP);

    /** How SnakeYAML's tag inspector words its refusal of a tag that names a class. */
    private static final String GLOBAL_TAG = "Global tag is not allowed:";
    private static final String TAG_HINT = "site-gen reads plain data only; remove the tag";
    /** What comes before a key on its line: spaces, and the '- ' of list items. */
    private static final Pattern INDENT = Pattern.compile(" *(?:- +)*");

    private YamlSource() {
    }

    /**
     * Reads {@code file}. Returns the root node, or empty when the file is empty, unreadable as
     * YAML, or unsafe; the reason is then added to {@code problems}.
     */
    static Optional<Node> read(Path file, Problems problems) throws IOException {
        Optional<byte[]> bytes = bytes(file, problems);
        return bytes.isEmpty() ? Optional.empty() : parse(file, bytes.get(), problems);
    }

    /** The bytes of {@code file}; empty, with an error, when it is larger than the limit. */
    static Optional<byte[]> bytes(Path file, Problems problems) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            problems.add(Problem.error(file, 0, 0, "file is " + size + " bytes, more than the limit of "
                    + MAX_FILE_BYTES + " bytes", "split it into several topic files"));
            return Optional.empty();
        }
        return Optional.of(Files.readAllBytes(file));
    }

    /** {@link #read}, of {@code bytes} read from {@code file}. */
    static Optional<Node> parse(Path file, byte[] bytes, Problems problems) {
        Optional<String> text = decode(file, bytes, problems);
        if (text.isEmpty() || !Characters.allowedIn(file, text.get(), bytes, problems)) {
            return Optional.empty();
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setCodePointLimit(MAX_FILE_BYTES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setProcessComments(false);
        // What Yaml.compose does, keeping the reader: its position places the errors SnakeYAML
        // reports without a mark (a simple key that is not first on its line).
        StreamReader reader = new StreamReader(new StringReader(text.get()));
        Node root;
        try {
            root = new Composer(new ParserImpl(reader, options), new Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Syntax syntax = Syntax.explain(e, text.get());
            problems.add(file, syntax.at(), Problem.Severity.ERROR, syntax.message(), syntax.hint());
            return Optional.empty();
        } catch (YAMLException e) {
            // SnakeYAML reports its two limits without a position: find it by reading the events again.
            String message = String.valueOf(e.getMessage());
            Optional<Limit> limit = limitCrossed(text.get());
            if (limit.isPresent()) {
                problems.add(file, limit.get().at(), Problem.Severity.ERROR, limit.get().message(), limit.get().hint());
            } else if (!(e instanceof ReaderException)) {
                // such as a simple key that is not the first token of its line: where the reader stopped
                problems.add(file, reader.getMark(), Problem.Severity.ERROR, "cannot read YAML: " + message, null);
            } else {
                problems.add(Problem.error(file, 1, 1, "cannot read YAML: " + message, null));
            }
            return Optional.empty();
        }
        if (root == null) {
            return Optional.empty();
        }
        if (!checkTree(file, root, problems) || !checkExpansion(file, root, text.get().length(), problems)) {
            return Optional.empty();
        }
        return Optional.of(root);
    }

    /** A limit of the reader crossed at a position. */
    private record Limit(Mark at, String message, String hint) {
    }

    /**
     * Where {@code text} crosses the alias or the nesting limit, counted as SnakeYAML's composer
     * counts them: the alias to a list or mapping past {@link #MAX_COLLECTION_ALIASES}, or the list
     * or mapping that opens level {@link #MAX_NESTING} + 1. Events are read without building nodes,
     * so an alias bomb costs nothing here.
     */
    private static Optional<Limit> limitCrossed(String text) {
        Map<String, Boolean> collectionAnchors = new HashMap<>();
        int aliases = 0;
        int depth = 0;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(MAX_FILE_BYTES); // as the first reading, or a large file fails here too
            for (Event event : new Yaml(new SafeConstructor(options)).parse(new StringReader(text))) {
                boolean node = event instanceof CollectionStartEvent || event instanceof ScalarEvent;
                if (node && depth > MAX_NESTING) {
                    return Optional.of(new Limit(event.getStartMark(), "lists and mappings nest more than "
                            + MAX_NESTING + " levels deep here",
                            "content never needs that depth: check the indentation, or flatten the data"));
                }
                if (event instanceof CollectionStartEvent start) {
                    if (start.getAnchor() != null) {
                        collectionAnchors.put(start.getAnchor(), true);
                    }
                    depth++;
                } else if (event instanceof CollectionEndEvent) {
                    depth--;
                } else if (event instanceof ScalarEvent scalar && scalar.getAnchor() != null) {
                    collectionAnchors.put(scalar.getAnchor(), false);
                } else if (event instanceof AliasEvent alias
                        && collectionAnchors.getOrDefault(alias.getAnchor(), false)
                        && ++aliases > MAX_COLLECTION_ALIASES) {
                    return Optional.of(new Limit(alias.getStartMark(), "too many aliases: this is alias number " + aliases
                            + " to a list or mapping, and the limit is " + MAX_COLLECTION_ALIASES,
                            "write the repeated content out, or use fewer anchors"));
                }
            }
        } catch (YAMLException e) {
            return Optional.empty();
        }
        return Optional.empty();
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

    /** A YAML syntax error told plainly: where, what is wrong on that line, how to fix it. */
    record Syntax(Mark at, String message, String hint) {

        /**
         * What the parser's words mean for the line they point at. The parser's own words follow
         * the explanation, as a detail.
         */
        static Syntax explain(MarkedYAMLException e, String text) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() == null ? String.valueOf(e.getMessage()) : e.getProblem();
            String context = e.getContext() == null ? "" : e.getContext();
            if (problem.startsWith(GLOBAL_TAG)) {
                return new Syntax(mark, "YAML tag '" + shortTag(new Tag(problem.substring(GLOBAL_TAG.length()).strip()))
                        + "' is not allowed", TAG_HINT);
            }
            String detail = " [YAML: " + (context.isEmpty() ? "" : context + ": ") + problem.replace("\t", "\\t") + "]";
            String[] lines = text.split("\\R", -1);
            int line = mark == null ? 0 : mark.getLine();
            int column = mark == null ? 0 : mark.getColumn();
            String here = line < lines.length ? lines[line] : "";
            String upTo = here.substring(0, Math.min(column, here.length())).stripTrailing();
            char before = upTo.isEmpty() ? ' ' : upTo.charAt(upTo.length() - 1);
            if (problem.contains("\t") || problem.contains("TAB")) {
                return new Syntax(mark, "a tab is used for indentation on this line" + detail,
                        "YAML indents with spaces only: replace the tab with spaces");
            }
            if (problem.contains("mapping values are not allowed")) {
                int colon = keyColon(here);
                if (colon >= 0 && colon < column) {
                    return new Syntax(mark, "the value on this line contains ': ', which YAML reads as the start of"
                            + " another key" + detail, "put the value in quotes (\"...\"), or write it as a block:"
                            + " the key, ': |', and the text indented on the lines below");
                }
                int previous = previousLine(lines, line);
                if (previous >= 0 && keyColon(lines[previous]) < 0 && !lines[previous].strip().endsWith(":")) {
                    // The key without a colon and this line were read as one text, the key of this line's ':'.
                    return missingColon(new Mark(mark.getName(), 0, previous, keyStart(lines[previous]), new int[0], 0),
                            detail);
                }
                return new Syntax(mark, "this line is indented more than the key above it, so YAML reads it as part"
                        + " of that key's value" + detail, "start the keys of one question in the same column;"
                        + " indent with the same number of spaces as the line above");
            }
            if (context.contains("quoted scalar") && problem.contains("end of stream")) {
                Mark opened = e.getContextMark() != null ? e.getContextMark() : mark;
                return new Syntax(opened, "the quote that opens here is never closed, so the rest of the file is"
                        + " read as its text" + detail, "close the value with the same quote mark; inside \"...\""
                        + " write a quote as \\\", inside '...' write it as ''");
            }
            if (problem.contains("found '-'") || problem.contains("found '<block sequence start>'")) {
                return new Syntax(mark, "a list item ('- ') stands where a key of a mapping belongs" + detail,
                        "put the list under its key, indented (such as 'questions:' and then '  - question: ...'),"
                                + " or give the item its key");
            }
            if (problem.contains("could not find expected ':'")) {
                // The parser notices on the line after (or at the end of the file); the key starts at the context mark.
                return missingColon(e.getContextMark() != null ? e.getContextMark() : mark, detail);
            }
            if (problem.startsWith("expected ',' or")) {
                return new Syntax(mark, "inside [ ] or { }, text with '?', ':', ',' or brackets needs quotes" + detail,
                        "quote the text, such as {question: \"Why?\"}, or write the list one item a line with '- '");
            }
            if (problem.contains("expected <block end>")) {
                if (problem.contains("'<scalar>'") && (before == '"' || before == '\'')) {
                    return new Syntax(mark, "more text follows the closing quote of the value" + detail,
                            "put the whole value inside the quotes, or leave the quotes out");
                }
                if (problem.contains("'<scalar>'") && (before == ']' || before == '}')) {
                    return new Syntax(mark, "the value starts with '[' or '{', which YAML reads as a list or a"
                            + " mapping, and more text follows it" + detail,
                            "put the value in quotes, or write it as a block: the key, ': |', and the text on the lines below");
                }
                return new Syntax(mark, "the indentation of this line does not match the lines above: it belongs to"
                        + " no list or mapping there" + detail, "keys of one mapping start in the same column, and so"
                        + " do the '- ' of one list; line this one up with its neighbours");
            }
            if (problem.contains("cannot start any token")) {
                return new Syntax(mark, "a value cannot start with '" + (column < here.length() ? here.charAt(column) : '?')
                        + "' in YAML" + detail, "put the value in quotes");
            }
            if (context.contains("scanning an alias") || context.contains("scanning an anchor")) {
                return new Syntax(e.getContextMark() != null ? e.getContextMark() : mark, "a value that starts with"
                        + " '*' or '&' is read as a YAML alias or anchor" + detail,
                        "put the value in quotes, such as \"*bold* text\"");
            }
            return new Syntax(mark, "invalid YAML" + detail, "check the indentation and quoting around this position");
        }

        /** A key without its colon, at the line (and column) where the key starts. */
        private static Syntax missingColon(Mark key, String detail) {
            return new Syntax(key, "the key on this line has no ':' after it" + detail,
                    "write the key, a colon and a space, then the value, such as 'title: Billing'; a value that goes"
                            + " on over several lines is indented more than its key, or written as a block with '|'");
        }

        /** The column where the key of {@code line} starts: after the indentation and a list item's '- '. */
        private static int keyStart(String line) {
            Matcher indent = INDENT.matcher(line);
            return indent.lookingAt() ? indent.end() : 0;
        }

        /** The column of the ': ' (or final ':') after the key that starts {@code line}; -1 when none. */
        private static int keyColon(String line) {
            String content = line.stripLeading();
            int indent = line.length() - content.length();
            if (content.startsWith("- ")) {
                content = content.substring(2);
                indent += 2;
            }
            if (content.startsWith("\"") || content.startsWith("'") || content.startsWith("#")) {
                return -1;
            }
            int colon = content.indexOf(": ");
            if (colon < 0 && content.endsWith(":")) {
                colon = content.length() - 1;
            }
            return colon < 0 ? -1 : indent + colon;
        }

        private static int previousLine(String[] lines, int line) {
            for (int i = line - 1; i >= 0; i--) {
                String content = lines[i].strip();
                if (!content.isEmpty() && !content.startsWith("#")) {
                    return i;
                }
            }
            return -1;
        }
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
            } else if (node instanceof ScalarNode scalar) {
                ok &= Characters.allowedIn(file, scalar, problems);
            }
        }
        return ok;
    }

    /**
     * Aliases let a small file stand for a huge text: one long answer anchored once and named a
     * thousand times. The text a file stands for, aliases expanded, may be at most
     * {@link #MAX_EXPANSION} times its own length (or {@link #MIN_EXPANDED_CHARS}, for small files);
     * beyond that the anchor repeated most is reported.
     */
    private static boolean checkExpansion(Path file, Node root, int length, Problems problems) {
        Map<Node, Long> sizes = new IdentityHashMap<>();
        Map<Node, Integer> references = new IdentityHashMap<>();
        long limit = Math.max(MIN_EXPANDED_CHARS, (long) MAX_EXPANSION * length);
        long expanded = expandedSize(root, sizes, references, limit);
        if (expanded <= limit) {
            return true;
        }
        Node worst = references.entrySet().stream().filter(e -> e.getValue() > 1)
                .max(Comparator.comparingLong(e -> sizes.getOrDefault(e.getKey(), limit) * e.getValue()))
                .map(Map.Entry::getKey).orElse(root);
        problems.error(file, worst, "aliases repeat the text anchored here to more than " + limit
                + " characters (" + MAX_EXPANSION + " times the file's own length)",
                "write the repeated text out where it is needed, or refer to it fewer times");
        return false;
    }

    /** The length of the text under {@code node}, aliases expanded; stops counting past {@code limit}. */
    private static long expandedSize(Node node, Map<Node, Long> sizes, Map<Node, Integer> references, long limit) {
        references.merge(node, 1, Integer::sum);
        Long known = sizes.get(node);
        if (known != null) {
            return known;
        }
        sizes.put(node, limit + 1); // a node that contains itself expands without end
        long size = 0;
        if (node instanceof ScalarNode scalar) {
            size = scalar.getValue().length();
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                size += expandedSize(tuple.getKeyNode(), sizes, references, limit)
                        + expandedSize(tuple.getValueNode(), sizes, references, limit);
                if (size > limit) {
                    break;
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                size += expandedSize(item, sizes, references, limit);
                if (size > limit) {
                    break;
                }
            }
        }
        size = Math.min(size, limit + 1);
        sizes.put(node, size);
        return size;
    }

    private static String shortTag(Tag tag) {
        String value = tag.getValue();
        return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
    }
}
