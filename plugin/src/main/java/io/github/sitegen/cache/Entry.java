package io.github.sitegen.cache;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import io.github.sitegen.problem.Problem;

/**
 * What one topic made: the site paths of its files (the files themselves stay in the output), its
 * parts of the site-wide files, and the problems its answers had. Stored with a magic number and a
 * checksum, so that an entry that was cut short or changed never reads back.
 *
 * @param files    site paths, below the language's folder on a multilingual site
 * @param parts    as {@link io.github.sitegen.render.SiteRenderer.TopicParts#of} made them
 * @param problems in the order they were found
 */
record Entry(List<String> files, byte[][] parts, List<Problem> problems) {

    private static final int MAGIC = 0x53474331; // "SGC1"

    byte[] bytes() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024 + length(parts));
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeInt(MAGIC);
        out.writeInt(files.size());
        for (String file : files) {
            string(out, file);
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
        CRC32C crc = new CRC32C();
        crc.update(buffer.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        return buffer.toByteArray();
    }

    /** The entry in {@code bytes}; an {@link IOException} when they are not a whole entry. */
    static Entry read(byte[] bytes) throws IOException {
        if (bytes.length < 12) {
            throw new IOException("too short");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 8);
        if (crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong()) {
            throw new IOException("checksum mismatch");
        }
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes, 0, bytes.length - 8));
        if (in.readInt() != MAGIC) {
            throw new IOException("not an entry");
        }
        List<String> files = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            files.add(string(in));
        }
        byte[][] parts = new byte[in.readInt()][];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = in.readNBytes(in.readInt());
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
        return new Entry(files, parts, problems);
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
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("cut short");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
