package io.github.sitegen.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
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
    private final List<Deferred> deferred = new ArrayList<>();
    private Set<String> folders = Set.of();
    private volatile boolean made;

    @Override
    public void write(String sitePath, byte[] content) {
        if (files.putIfAbsent(sitePath, content) != null) {
            throw new IllegalStateException(sitePath + " was written twice");
        }
    }

    @Override
    public OutputStream open(String sitePath) {
        return new ByteArrayOutputStream(1 << 16) {
            private boolean closed;

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    MemorySite.this.write(sitePath, toByteArray());
                }
            }
        };
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
        return files.containsKey(sitePath);
    }

    /** The paths of the files made so far. */
    Set<String> paths() {
        return Set.copyOf(files.keySet());
    }

    /** Ends the build: the folders are known from here on. */
    void seal() {
        Set<String> found = new HashSet<>();
        for (String path : files.keySet()) {
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                found.add(path.substring(0, slash));
            }
        }
        folders = found;
    }

    @Override
    public byte[] file(String relative) throws IOException {
        byte[] file = files.get(relative);
        if (file == null && !made) {
            makeDeferred();
            file = files.get(relative);
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
        return new TreeMap<>(files);
    }

    /** The file at {@code sitePath} as made, without making the deferred ones; {@code null} when there is none. */
    byte[] made(String sitePath) {
        return files.get(sitePath);
    }

    /** The bytes held: those of every file made so far (a file shared with an earlier build counts in both). */
    long bytes() {
        return files.values().stream().mapToLong(file -> file.length).sum();
    }
}
