package io.github.sitegen.output;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.sitegen.problem.SiteGenException;
import io.github.sitegen.render.SiteRenderer;

/**
 * A site being written: files go into a hidden folder beside the output. {@link #commit()} moves it
 * into place; {@link #close()} without a commit deletes it, leaving the previous output as it was.
 */
public final class Staging implements SiteRenderer.Sink, AutoCloseable {

    private final Path root;
    private final OutputFolder output;
    private final BuildLock lock;
    private final Set<String> written = Collections.synchronizedSet(new TreeSet<>());
    private final AtomicLong bytes = new AtomicLong();
    private final Map<String, String> digests = new ConcurrentHashMap<>();
    private boolean committed;

    Staging(Path root, OutputFolder output, BuildLock lock) {
        this.root = root;
        this.output = output;
        this.lock = lock;
    }

    @Override
    public void write(String sitePath, byte[] content) throws IOException {
        Files.write(register(sitePath), content);
        bytes.addAndGet(content.length);
        digests.put(sitePath, Digest.of(content));
    }

    @Override
    public OutputStream open(String sitePath) throws IOException {
        Digest digest = new Digest();
        return new FilterOutputStream(new BufferedOutputStream(Files.newOutputStream(register(sitePath)), 1 << 16)) {
            @Override
            public void write(byte[] data, int offset, int length) throws IOException {
                out.write(data, offset, length);
                digest.update(data, offset, length);
                bytes.addAndGet(length);
            }

            @Override
            public void write(int data) throws IOException {
                out.write(data);
                digest.update(data);
                bytes.incrementAndGet();
            }

            @Override
            public void close() throws IOException {
                super.close();
                digests.put(sitePath, digest.hex());
            }
        };
    }

    private Path register(String sitePath) throws IOException {
        if (!written.add(sitePath)) {
            throw new IllegalStateException(sitePath + " was written twice");
        }
        Path file = root.resolve(sitePath);
        Files.createDirectories(file.getParent());
        return file;
    }

    /** Whether a file was written at {@code sitePath}. */
    public boolean contains(String sitePath) {
        return written.contains(sitePath);
    }

    /** The site paths written so far, in path order. */
    public List<String> paths() {
        synchronized (written) {
            return List.copyOf(written);
        }
    }

    public int fileCount() {
        return written.size();
    }

    public long byteCount() {
        return bytes.get();
    }

    /** The {@link Digest} of every file written so far (and, once committed, of {@code .nojekyll}), by site path. */
    public Map<String, String> digests() {
        return Map.copyOf(digests);
    }

    /**
     * Writes {@code .nojekyll} (GitHub Pages then publishes files as they are; it also lists what
     * site-gen wrote, so the next build knows what it may replace), deletes the staging folder's
     * marker, and moves the site into place.
     *
     * @throws SiteGenException when files, folders or links site-gen did not write were put into the
     *                          output during the build; the output is then left as it was
     */
    public void commit() throws IOException, SiteGenException {
        StringBuilder marker = new StringBuilder(OutputFolder.SIGNATURE).append('\n');
        synchronized (written) {
            for (String path : written) {
                marker.append(path).append('\n');
            }
        }
        byte[] nojekyll = marker.toString().getBytes(StandardCharsets.UTF_8);
        Files.write(root.resolve(OutputFolder.NOJEKYLL), nojekyll);
        digests.put(OutputFolder.NOJEKYLL, Digest.of(nojekyll));
        lock.close(); // the marker is never published
        output.replaceWith(root);
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            try (lock) {
                OutputFolder.deleteTree(root, lock.file());
            }
            Files.deleteIfExists(root);
        }
    }
}
