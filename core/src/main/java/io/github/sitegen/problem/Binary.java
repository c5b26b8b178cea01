package io.github.sitegen.problem;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The form in which the build cache keeps texts and problems: a text as its length in UTF-8 bytes
 * (-1 for {@code null}) and the bytes; a problem as its file, line, column, severity, message and
 * hint. Reading checks every length against what is left, so bytes that are not such a form give an
 * {@link IOException}, never a huge allocation.
 */
public final class Binary {

    private Binary() {
    }

    public static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : new String(exactly(in, length), StandardCharsets.UTF_8);
    }

    /** The next {@code length} bytes; an {@link IOException} when fewer are left. */
    public static byte[] exactly(DataInputStream in, int length) throws IOException {
        if (length < 0 || length > in.available()) {
            throw new IOException("cut short");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes); // one copy: InputStream.readNBytes copies through buffers of 8 KB
        return bytes;
    }

    public static void problems(DataOutputStream out, List<Problem> problems) throws IOException {
        out.writeInt(problems.size());
        for (Problem problem : problems) {
            text(out, problem.file() == null ? null : problem.file().toString());
            out.writeInt(problem.line());
            out.writeInt(problem.column());
            text(out, problem.severity().name());
            text(out, problem.message());
            text(out, problem.hint());
        }
    }

    /** Problems as {@link #problems(DataOutputStream, List)} wrote them; an {@link IOException} when they are not. */
    public static List<Problem> problems(DataInputStream in) throws IOException {
        List<Problem> problems = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            try {
                String file = text(in);
                int line = in.readInt();
                int column = in.readInt();
                Problem.Severity severity = Problem.Severity.valueOf(text(in));
                problems.add(new Problem(file == null ? null : Path.of(file), line, column, severity, text(in), text(in)));
            } catch (RuntimeException e) {
                throw new IOException("not a problem: " + e.getMessage());
            }
        }
        return problems;
    }
}
