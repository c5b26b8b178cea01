package io.github.sitegen.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.github.sitegen.render.SiteRenderer;
import io.github.sitegen.verify.PagesServer;

/**
 * One build of the preview, held in memory: every file by its site path. While it is being built it
 * is a {@link SiteRenderer.Sink}; once {@link #seal() sealed} it is served as it is.
 *
 * <p>The files made of one part per topic ({@code faq.json}, the search index, the sitemap) are
 * made only when one of them, or a file the site does not have, is first asked for: a save that
 * changed one answer renders its topic and no more, and the reader who searches gets them a moment
 * later. Each is made once per build, from the parts the topics left.
 */
final class MemorySite implements SiteRenderer.Sink, PagesServer.Files {

    /** Writes the files that are made on demand into a sink. */
    @FunctionalInterface
    interface Deferred {
        void writeTo(SiteRenderer.Sink sink) throws IOException;
    }

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, List<byte[]>> pieces = new ConcurrentHashMap<>();
    private final List<Deferred> deferred = new ArrayList<>();
    private Set<String> folders = Set.of();
    private volatile boolean made;

    @Override
    public void write(String sitePath, byte[] content) {
        if (pieces.containsKey(sitePath) || files.putIfAbsent(sitePath, content) != null) {
            throw new IllegalStateException(sitePath + " was written twice");
        }
    }

    /**
     * A file written in pieces, kept as they are and joined when it is first read: the page with
     * every question is one piece per topic, most of them the last build's, and is seldom asked for.
     * A piece written whole ({@code write(byte[])}) is kept, not copied: the build hands over arrays
     * it never changes (a page, a topic's section); other writes are copied.
     */
    @Override
    public OutputStream open(String sitePath) {
        return new OutputStream() {
            private final List<byte[]> written = new ArrayList<>();
            private boolean closed;

            @Override
            public void write(int b) {
                written.add(new byte[] {(byte) b});
            }

            @Override
            public void write(byte[] b) {
                written.add(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                written.add(Arrays.copyOfRange(b, off, off + len));
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    if (files.containsKey(sitePath) || pieces.putIfAbsent(sitePath, List.copyOf(written)) != null) {
                        throw new IllegalStateException(sitePath + " was written twice");
                    }
                }
            }
        };
    }

    /** The file at {@code sitePath}, its pieces joined if it was written in pieces; {@code null} when there is none. */
    private byte[] joined(String sitePath) {
        byte[] file = files.get(sitePath);
        if (file != null) {
            return file;
        }
        List<byte[]> parts = pieces.get(sitePath);
        if (parts == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(parts.stream().mapToInt(part -> part.length).sum());
        parts.forEach(out::writeBytes);
        byte[] joined = out.toByteArray();
        files.putIfAbsent(sitePath, joined);
        return joined;
    }

    /** Makes {@code files} when they are first needed, in the order given. */
    void defer(Deferred files) {
        deferred.add(files);
    }

    /** Makes the files deferred so far now. */
    synchronized void makeDeferred() throws IOException {
        if (!made) {
            for (Deferred files : deferred) {
                files.writeTo(this);
            }
            made = true;
            seal();
        }
    }

    /** Whether a file is at {@code sitePath} (of those made so far). */
    boolean contains(String sitePath) {
        return files.containsKey(sitePath) || pieces.containsKey(sitePath);
    }

    /** The paths of the files made so far. */
    Set<String> paths() {
        Set<String> paths = new HashSet<>(files.keySet());
        paths.addAll(pieces.keySet());
        return Set.copyOf(paths);
    }

    /** Ends the build: the folders are known from here on. */
    void seal() {
        Set<String> found = new HashSet<>();
        for (String path : paths()) {
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                found.add(path.substring(0, slash));
            }
        }
        folders = found;
    }

    @Override
    public byte[] file(String relative) throws IOException {
        byte[] file = joined(relative);
        if (file == null && !made) {
            makeDeferred();
            file = joined(relative);
        }
        return file;
    }

    @Override
    public boolean folder(String relative) {
        if (!made && !folders.contains(relative)) {
            try {
                makeDeferred();
            } catch (IOException e) {
                return false;
            }
        }
        return folders.contains(relative);
    }

    /** Every file, deferred ones made, in path order. */
    Map<String, byte[]> all() throws IOException {
        makeDeferred();
        Map<String, byte[]> all = new TreeMap<>();
        paths().forEach(path -> all.put(path, joined(path)));
        return all;
    }

    /** The file at {@code sitePath} as made, without making the deferred ones; {@code null} when there is none. */
    byte[] made(String sitePath) {
        return joined(sitePath);
    }

    /** The bytes held: those of every file made so far (a file shared with an earlier build counts in both). */
    long bytes() {
        return paths().stream().mapToLong(path -> pieces.containsKey(path)
                ? pieces.get(path).stream().mapToLong(piece -> piece.length).sum() : files.get(path).length).sum();
    }
}
