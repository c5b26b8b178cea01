package io.github.sitegen.fml;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.events.EntityDeclaration;

import org.jsoup.nodes.Entities;

/**
 * Reads an XML file into an {@link Xml} tree with positions. The file's bytes are decoded here: a
 * byte order mark wins, then the encoding of the XML declaration (such as {@code ISO-8859-1}), then
 * UTF-8. Line ends (LF, CRLF, CR) all count as one line. Named HTML entities such as
 * {@code &nbsp;}, which Doxia accepted in FML, are declared for the parser when the file has no
 * DOCTYPE of its own. No DTD or entity is ever fetched from outside.
 */
final class XmlReader {

    private static final Pattern DECLARED_ENCODING = Pattern.compile(
            "^<\\?xml[^>]*?\\bencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern ENTITY_REFERENCE = Pattern.compile("&([A-Za-z][A-Za-z0-9]*);");
    private static final Set<String> XML_ENTITIES = Set.of("lt", "gt", "amp", "quot", "apos");

    private XmlReader() {
    }

    /** Reads {@code bytes} (the content of {@code file}); errors go to {@code report}. */
    static Optional<Xml.Element> read(Path file, byte[] bytes, Report report) {
        Optional<String> decoded = decode(file, bytes, report);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        String text = decoded.get();
        Source source = Source.of(text);
        try {
            return Optional.of(parse(source, file, report));
        } catch (XMLStreamException e) {
            Location location = e.getLocation();
            int line = location == null ? 0 : Math.max(0, location.getLineNumber());
            int column = location == null ? 0 : Math.max(0, location.getColumnNumber());
            if (location != null && location.getCharacterOffset() >= 0) {
                int[] position = source.position(location.getCharacterOffset());
                line = position[0];
                column = position[1];
            }
            if (String.valueOf(e.getMessage()).contains(ENTITY_LIMIT_REACHED)) {
                report.error(file, line, column, "entities expand to more than " + entityLimit(text.length())
                        + " characters, the limit for this file", "write the repeated text out, or name the entity fewer times;"
                        + " entities may expand to four times the file's length, and to " + MIN_ENTITY_CHARS + " characters in a small file");
            } else {
                report.error(file, line, column, "not well-formed XML: " + message(e),
                        "fix the file so that an XML parser reads it; Doxia could not have published it either");
            }
            return Optional.empty();
        }
    }

    /** The JDK parser's limit on the text all entity references of a document expand to, in characters. */
    private static final String TOTAL_ENTITY_SIZE = "http://www.oracle.com/xml/jaxp/properties/totalEntitySizeLimit";
    /** The code of the JDK parser's message when that limit is reached. */
    private static final String ENTITY_LIMIT_REACHED = "JAXP00010004";
    /** Entities may expand to four times the file, or this much for small files. */
    static final int MIN_ENTITY_CHARS = 1_000_000;

    static long entityLimit(int length) {
        return Math.min(Integer.MAX_VALUE, Math.max(MIN_ENTITY_CHARS, 4L * length));
    }

    private static String message(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
    }

    /** The text of the file, or empty (with an error) when it cannot be decoded. */
    static Optional<String> decode(Path file, byte[] bytes, Report report) {
        Charset charset = StandardCharsets.UTF_8;
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            start = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            start = 2;
        } else {
            String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1);
            Matcher declared = DECLARED_ENCODING.matcher(head);
            if (declared.find()) {
                String name = declared.group(1);
                try {
                    charset = Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    report.error(file, 1, declared.start(1) + 1, "unknown encoding '" + name + "' in the XML declaration",
                            "declare UTF-8 or ISO-8859-1");
                    return Optional.empty();
                }
                if (charset.name().toUpperCase(Locale.ROOT).startsWith("UTF-16")) {
                    report.error(file, 1, declared.start(1) + 1, "the file declares " + name + " but has no byte order mark",
                            "save it as UTF-8");
                    return Optional.empty();
                }
            }
        }
        boolean declared = start == 0 && charset != StandardCharsets.UTF_8;
        if (declared && SINGLE_BYTE.contains(charset.name()) && isUtf8WithMultiByte(bytes)) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int first = firstNonAscii(text);
            int[] at = lineColumn(text, first);
            report.warning(file, at[0], at[1], "the file declares " + charset.name() + ", but its bytes are UTF-8 (the first"
                    + " character that is not ASCII is '" + text.charAt(first) + "'): read as UTF-8",
                    "declare encoding=\"UTF-8\" in the XML declaration");
            return Optional.of(checked(file, text, report));
        }
        Optional<String> text = strictly(file, bytes, start, charset, report);
        if (text.isPresent() && charset.equals(StandardCharsets.ISO_8859_1)) {
            int control = firstC1Control(text.get());
            if (control >= 0) {
                int[] at = lineColumn(text.get(), control);
                String message = String.format(Locale.ROOT, "the file declares ISO-8859-1, but holds byte 0x%02X, a control"
                        + " character there", (int) text.get().charAt(control));
                try {
                    String windows = Charset.forName("windows-1252").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                    report.warning(file, at[0], at[1], message + ": read as windows-1252, where it is '"
                            + windows.charAt(control) + "'", "declare encoding=\"windows-1252\", or save the file as UTF-8");
                    return Optional.of(checked(file, windows, report));
                } catch (CharacterCodingException e) {
                    report.warning(file, at[0], at[1], message + ": imported as it is",
                            "check the encoding the file was saved in, and declare it");
                }
            }
        }
        return text.map(t -> checked(file, t, report));
    }

    /** Encodings that read any byte, where UTF-8 bytes would give mojibake without an error. */
    private static final Set<String> SINGLE_BYTE = Set.of("ISO-8859-1", "windows-1252", "US-ASCII", "ISO-8859-15");

    /** UTF-8 read as ISO-8859-1 or windows-1252 (such as 'Ã©', 'â€™', or 'ï¿½' for a lost character), once more. */
    private static final Pattern MOJIBAKE = Pattern.compile("[\u00C2-\u00DF][\u0080-\u00BF\u0152\u0153\u0160\u0161"
            + "\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A"
            + "\u20AC\u2122]|[\u00E0-\u00EF][\u0080-\u00BF\u20AC\u2122\u201A-\u201E\u2018\u2019\u0152\u0153]"
            + "[\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u2013\u2014\u2018-\u201E\u2020-\u2022"
            + "\u2026\u2030\u2039\u203A\u20AC\u2122]");

    /**
     * {@code text}, with a warning where it looks like text decoded in the wrong encoding before it
     * was saved (which no choice of encoding can undo), or holds the replacement character.
     */
    private static String checked(Path file, String text, Report report) {
        Matcher mojibake = MOJIBAKE.matcher(text);
        if (mojibake.find()) {
            int[] at = lineColumn(text, mojibake.start());
            report.warning(file, at[0], at[1], "'" + mojibake.group() + "' looks like UTF-8 text read in another encoding"
                    + " before the file was saved: it is imported as it is", "fix the text in the FML file");
        }
        int lost = text.indexOf('\uFFFD');
        if (lost >= 0) {
            int[] at = lineColumn(text, lost);
            report.warning(file, at[0], at[1], "the file holds the replacement character '\uFFFD', which stands for a"
                    + " character lost before: it is imported as it is", "fix the text in the FML file");
        }
        return text;
    }

    /** Whether {@code bytes} are valid UTF-8 and hold at least one character of several bytes. */
    static boolean isUtf8WithMultiByte(byte[] bytes) {
        boolean multiByte = false;
        for (byte b : bytes) {
            if (b < 0) {
                multiByte = true;
                break;
            }
        }
        if (!multiByte) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int firstNonAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return i;
            }
        }
        return 0;
    }

    private static int firstC1Control(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80 && text.charAt(i) <= 0x9F) {
                return i;
            }
        }
        return -1;
    }

    /** {line, column} (1-based) of {@code index} in {@code text}; CRLF, LF and CR each end a line. */
    private static int[] lineColumn(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, index - lineStart + 1};
    }

    /** The bytes decoded with {@code charset}, or empty with an error at the first byte it cannot read. */
    private static Optional<String> strictly(Path file, byte[] bytes, int start, Charset charset, Report report) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return Optional.of(decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString());
        } catch (CharacterCodingException e) {
            ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
            CharBuffer out = CharBuffer.allocate(bytes.length + 1);
            CoderResult result = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
            int bad = result.isError() ? in.position() : start;
            String before = out.flip().toString();
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = before.length() - before.lastIndexOf('\n');
            report.error(file, line, column, String.format(Locale.ROOT, "the file is not valid %s (byte 0x%02X)",
                    charset.name(), bytes[Math.min(bad, bytes.length - 1)] & 0xFF),
                    "declare the file's real encoding in its XML declaration, or save it as UTF-8");
            return Optional.empty();
        }
    }

    /**
     * Parses without the parser's namespace processing, as Doxia's parser did (MXParser, whose
     * namespace processing is off by default): namespaces are resolved here instead, so that an
     * element with an undeclared prefix, such as {@code <x:portlet>} in an answer, is read (by its
     * full name, which no converter knows, so its text is kept) with a warning instead of failing
     * the whole file.
     */

    private static Xml.Element parse(Source source, Path file, Report report) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, true); // for the internal subset only
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        setIfSupported(factory, "http://java.sun.com/xml/stream/properties/ignore-external-dtd", true);
        setIfSupported(factory, "http://java.sun.com/xml/stream/properties/report-cdata-event", true);
        // An entity named many times stands for far more text than the file: bound what they expand to.
        factory.setProperty(TOTAL_ENTITY_SIZE, String.valueOf(entityLimit(source.parsed().length())));
        XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(source.parsed()));
        EntityUses entities = null;
        try {
            Deque<Builder> open = new ArrayDeque<>();
            Deque<Map<String, String>> scopes = new ArrayDeque<>();
            scopes.push(Map.of("", "", "xml", XMLConstants.XML_NS_URI));
            Xml.Element root = null;
            int previousEnd = 0;
            while (reader.hasNext()) {
                int event;
                try {
                    event = reader.next();
                } catch (XMLStreamException e) {
                    throw entities == null || !String.valueOf(e.getMessage()).contains(ENTITY_LIMIT_REACHED) ? e
                            : atUse(e, entities.beyond(entityLimit(source.parsed().length())));
                }
                int end = reader.getLocation().getCharacterOffset();
                int[] at = source.position(previousEnd);
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        Map<String, String> attributes = new LinkedHashMap<>();
                        Map<String, String> scope = new LinkedHashMap<>(scopes.peek());
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            String attribute = qualifiedName(reader.getAttributePrefix(i), reader.getAttributeLocalName(i));
                            if (attribute.equals("xmlns")) {
                                scope.put("", reader.getAttributeValue(i));
                            } else if (attribute.startsWith("xmlns:")) {
                                scope.put(attribute.substring("xmlns:".length()), reader.getAttributeValue(i));
                            } else if (attribute.indexOf(':') < 0) {
                                attributes.put(attribute, reader.getAttributeValue(i));
                            }
                            // namespaced attributes, such as xsi:schemaLocation, say nothing a reader sees
                        }
                        scopes.push(scope);
                        String qualified = qualifiedName(reader.getPrefix(), reader.getLocalName());
                        int colon = qualified.indexOf(':');
                        String prefix = colon < 0 ? "" : qualified.substring(0, colon);
                        String name = colon < 0 ? qualified : qualified.substring(colon + 1);
                        String namespace = scope.get(prefix);
                        // the start tag ends at 'end'; attribute values cannot hold '<', so the last one starts it
                        int tagStart = end > 0 ? source.parsed().lastIndexOf('<', end - 1) : -1;
                        int[] tagAt = tagStart >= 0 ? source.position(tagStart) : at;
                        if (namespace == null) {
                            report.warning(file, tagAt[0], tagAt[1], "the namespace prefix '" + prefix + "' of <" + qualified
                                    + "> is not declared: read as an element named <" + qualified + ">, as Doxia did",
                                    "declare xmlns:" + prefix + " or remove the prefix");
                            name = qualified;
                            namespace = "";
                        }
                        open.push(new Builder(name, namespace, attributes, tagAt));
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        scopes.pop();
                        Xml.Element element = open.pop().build();
                        if (open.isEmpty()) {
                            root = element;
                        } else {
                            open.peek().add(element);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE, XMLStreamConstants.CDATA -> {
                        if (!open.isEmpty()) {
                            open.peek().addText(reader.getText(), event == XMLStreamConstants.CDATA, at);
                        }
                    }
                    case XMLStreamConstants.COMMENT -> {
                        if (!open.isEmpty()) {
                            open.peek().add(new Xml.Comment(reader.getText(), at[0], at[1]));
                        }
                    }
                    case XMLStreamConstants.DTD -> entities = new EntityUses(declaredEntities(reader), source.parsed(), end);
                    default -> {
                        // processing instructions and the document's start and end carry no content
                    }
                }
                if (end >= 0) {
                    // The parser reports the end of character data after the '<' that ends it.
                    boolean text = event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.SPACE;
                    previousEnd = text && end > 0 && end <= source.parsed().length() && source.parsed().charAt(end - 1) == '<' ? end - 1 : end;
                }
            }
            for (EntityUses.Use use : entities == null ? List.<EntityUses.Use>of() : entities.external()) {
                int[] at = source.position(use.offset());
                String id = use.entity().getSystemId() != null ? "SYSTEM \"" + use.entity().getSystemId() + "\""
                        : "PUBLIC \"" + use.entity().getPublicId() + "\"";
                report.warning(file, at[0], at[1], "the external entity &" + use.entity().getName() + "; (" + id
                        + ") is left out: site-gen reads no file or URL that an FML file names",
                        "write its text into the file instead");
            }
            return root;
        } finally {
            reader.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<EntityDeclaration> declaredEntities(XMLStreamReader reader) {
        Object entities = reader.getProperty("javax.xml.stream.entities");
        return entities instanceof List<?> list ? (List<EntityDeclaration>) list : List.of();
    }

    /**
     * The parser's error that entities expand beyond the limit, placed at {@code use} (the
     * reference that went beyond it) rather than inside the entity's declaration, where the
     * parser stopped.
     */
    private static XMLStreamException atUse(XMLStreamException e, Optional<EntityUses.Use> use) {
        if (use.isEmpty()) {
            return e;
        }
        int offset = use.get().offset();
        return new XMLStreamException(e.getMessage(), new Location() {
            @Override
            public int getLineNumber() {
                return -1;
            }

            @Override
            public int getColumnNumber() {
                return -1;
            }

            @Override
            public int getCharacterOffset() {
                return offset;
            }

            @Override
            public String getPublicId() {
                return null;
            }

            @Override
            public String getSystemId() {
                return null;
            }
        });
    }

    /** {@code prefix:local}, or {@code local}; without namespace processing the parser may give either form. */
    private static String qualifiedName(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static void setIfSupported(XMLInputFactory factory, String property, boolean value) {
        if (factory.isPropertySupported(property)) {
            factory.setProperty(property, value);
        }
    }

    /**
     * An element being read. Adjacent character events become one text node, gathered in a buffer:
     * joining them one by one took minutes for an entity named a few hundred times.
     */
    private static final class Builder {
        final String name;
        final String namespace;
        final Map<String, String> attributes;
        final int[] at;
        private final List<Xml.Node> children = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private int[] textAt;

        Builder(String name, String namespace, Map<String, String> attributes, int[] at) {
            this.name = name;
            this.namespace = namespace;
            this.attributes = attributes;
            this.at = at;
        }

        void addText(String chunk, boolean cdata, int[] position) {
            if (cdata) {
                add(new Xml.Text(chunk, true, position[0], position[1]));
                return;
            }
            if (text.length() == 0) {
                textAt = position;
            }
            text.append(chunk);
        }

        void add(Xml.Node child) {
            flushText();
            children.add(child);
        }

        private void flushText() {
            if (text.length() > 0) {
                children.add(new Xml.Text(text.toString(), false, textAt[0], textAt[1]));
                text.setLength(0);
            }
        }

        Xml.Element build() {
            flushText();
            return new Xml.Element(name, namespace, java.util.Collections.unmodifiableMap(attributes),
                    List.copyOf(children), at[0], at[1]);
        }
    }

    /**
     * The text as read and the text given to the parser, which may hold declarations of the HTML
     * entities the file uses, inserted on the line of the XML declaration so that lines stay the same.
     */
    private record Source(String original, String parsed, int insertedAt, int insertedLength, int[] lineStarts) {

        static Source of(String text) {
            Set<String> entities = new TreeSet<>();
            if (!text.contains("<!DOCTYPE")) {
                Matcher reference = ENTITY_REFERENCE.matcher(text);
                while (reference.find()) {
                    String name = reference.group(1);
                    if (!XML_ENTITIES.contains(name) && Entities.isNamedEntity(name)) {
                        entities.add(name);
                    }
                }
            }
            int insertAt = 0;
            String parsed = text;
            int length = 0;
            if (!entities.isEmpty()) {
                StringBuilder doctype = new StringBuilder("<!DOCTYPE faqs [");
                for (String name : entities) {
                    doctype.append("<!ENTITY ").append(name).append(" \"");
                    Entities.getByName(name).codePoints().forEach(cp -> doctype.append("&#").append(cp).append(';'));
                    doctype.append("\">");
                }
                doctype.append("]>");
                if (text.startsWith("<?xml")) {
                    insertAt = text.indexOf("?>") + 2;
                }
                parsed = text.substring(0, insertAt) + doctype + text.substring(insertAt);
                length = doctype.length();
            }
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                    starts.add(i + 1);
                }
            }
            return new Source(text, parsed, insertAt, length, starts.stream().mapToInt(Integer::intValue).toArray());
        }

        /** {line, column} (1-based) of an offset into the parsed text. */
        int[] position(int parsedOffset) {
            int offset = parsedOffset > insertedAt ? Math.max(insertedAt, parsedOffset - insertedLength) : parsedOffset;
            offset = Math.min(offset, original.length());
            int index = Arrays.binarySearch(lineStarts, offset);
            int line = index >= 0 ? index : -index - 2;
            return new int[] {line + 1, offset - lineStarts[line] + 1};
        }
    }
}
