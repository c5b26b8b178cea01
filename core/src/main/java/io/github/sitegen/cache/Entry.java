package io.github.sitegen.cache;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.github.sitegen.problem.Binary;
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
            Binary.text(out, files.get(i));
            out.writeInt(contents.get(i).length);
            out.write(contents.get(i));
        }
        out.writeInt(parts.length);
        for (byte[] part : parts) {
            out.writeInt(part.length);
            out.write(part);
        }
        Binary.problems(out, problems);
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
            files.add(Binary.text(in));
            contents.add(Binary.exactly(in, in.readInt()));
        }
        byte[][] parts = new byte[in.readInt()][];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = Binary.exactly(in, in.readInt());
        }
        List<Problem> problems = Binary.problems(in);
        if (in.available() != 0) {
            throw new IOException("trailing bytes");
        }
        return new Entry(files, contents, parts, problems);
    }

    private static int length(byte[][] parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        return length;
    }
}
