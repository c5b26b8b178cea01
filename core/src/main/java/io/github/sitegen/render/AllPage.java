package io.github.sitegen.render;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;

/**
 * The page with every question and answer ({@code all.html}, {@code all.ftlh}), written as the
 * topics come: the page's frame is rendered once around a marker, and each topic's section
 * ({@code all-topic.ftlh}), made beside the topic's page as one more of its parts, is appended in
 * topic order. So the page never needs the whole site's answers in memory, and a topic the build
 * cache replays brings its section with it.
 */
final class AllPage implements Closeable {

    /** Where the topics go in the frame: the value of {@code allTopics}. */
    static final String MARKER = "<!--site-gen:all-topics-->";

    private final OutputStream out;
    private final byte[] tail;

    private AllPage(OutputStream out, byte[] tail) {
        this.out = out;
        this.tail = tail;
    }

    /** Opens the page at {@code path} and writes its frame up to the topics. */
    static AllPage open(SiteRenderer.Sink sink, String path, String frame) throws SiteGenException, IOException {
        int at = frame.indexOf(MARKER);
        if (at < 0 || frame.indexOf(MARKER, at + 1) >= 0) {
            throw SiteGenException.of(Problem.error(null, 0, 0, "all.ftlh prints ${allTopics} " + (at < 0 ? "nowhere" : "twice"),
                    "print it once, where the topics go"));
        }
        OutputStream out = sink.open(path);
        AllPage page = new AllPage(out, frame.substring(at + MARKER.length()).getBytes(StandardCharsets.UTF_8));
        try {
            out.write(frame.substring(0, at).getBytes(StandardCharsets.UTF_8));
            return page;
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /** {@code parts} with the topic's {@code section} after them. */
    static byte[][] withSection(byte[][] parts, byte[] section) {
        byte[][] all = Arrays.copyOf(parts, parts.length + 1);
        all[parts.length] = section;
        return all;
    }

    /** Appends the section at the end of {@code parts}; returns the other parts. */
    byte[][] append(byte[][] parts) throws IOException {
        out.write(parts[parts.length - 1]);
        return Arrays.copyOf(parts, parts.length - 1);
    }

    /** Writes the rest of the frame and closes the page. */
    void finish() throws IOException {
        out.write(tail);
        close();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
