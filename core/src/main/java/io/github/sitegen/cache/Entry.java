package io.github.sitegen.cache;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.sitegen.problem.Problem;

/**
 * What one topic made: its files (site paths and bytes), its parts of the site-wide files, and the
 * problems its answers had. An entry is trusted only when its bytes have the digest that the cache's
 * index recorded when it was written ({@link BuildCache}); {@link #read} checks only its shape.
 *
 * @param files    site paths, below the language's folder on a multilingual site
 * @param contents the bytes of each file, in the order of {@code files}
 * @param parts    as {@link io.github.sitegen.render.SiteRenderer.TopicParts#of} made them
 * @param problems in the order they were found
 */
record Entry(List<String> files, List<byte[]> contents, byte[][] parts, List<Problem> problems) {

    private static final int MAGIC = 0x53474332; // "SGC2"

    byte[] bytes() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024 + length(parts) + length(contents.toArray(byte[][]::new)));
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeInt(MAGIC);
        out.writeInt(files.size());
        for (int i = 0; i < files.size(); i++) {
            string(out, files.get(i));
            out.writeInt(contents.get(i).length);
            out.write(contents.get(i));
        }
        out.writeInt(parts.length);
        for (byte[] part : parts) {
            out.writeInt(part.length);
            out.write(part);
        }
        out.writeInt(problems.size());
        for (Problem problem : problems) {
            string(out, problem.file() == null ? null : problem.file().toString());
            out.writeInt(problem.line());
            out.writeInt(problem.column());
            string(out, problem.severity().name());
            string(out, problem.message());
            string(out, problem.hint());
        }
        out.flush();
        return buffer.toByteArray();
    }

    /** The entry in {@code bytes}; an {@link IOException} when they are not a whole entry. */
    static Entry read(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
        if (bytes.length < 4 || in.readInt() != MAGIC) {
            throw new IOException("not an entry");
        }
        List<String> files = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            files.add(string(in));
            contents.add(exactly(in, in.readInt()));
        }
        byte[][] parts = new byte[in.readInt()][];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = exactly(in, in.readInt());
        }
        List<Problem> problems = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            String file = string(in);
            int line = in.readInt();
            int column = in.readInt();
            Problem.Severity severity = Problem.Severity.valueOf(string(in));
            problems.add(new Problem(file == null ? null : Path.of(file), line, column, severity, string(in), string(in)));
        }
        if (in.available() != 0) {
            throw new IOException("trailing bytes");
        }
        return new Entry(files, contents, parts, problems);
    }

    private static byte[] exactly(DataInputStream in, int length) throws IOException {
        if (length < 0 || length > in.available()) {
            throw new IOException("cut short");
        }
        return in.readNBytes(length);
    }

    private static int length(byte[][] parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        return length;
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        return new String(exactly(in, length), StandardCharsets.UTF_8);
    }
}
