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
 * Given what the output already holds ({@link Written}), only the files whose bytes change go into
 * the folder, and {@link #commit()} moves each of them into the output, removes the files the site
 * no longer has, and puts everything back as it was if a step fails
 * ({@link OutputFolder#update}).
 */
public final class Staging implements SiteRenderer.Sink, AutoCloseable {

    private final Path root;
    private final OutputFolder output;
    private final BuildLock lock;
    private final Set<String> written = Collections.synchronizedSet(new TreeSet<>());
    private final AtomicLong bytes = new AtomicLong();
    private final Map<String, String> digests = new ConcurrentHashMap<>();
    /** What the output holds already; {@code null}: the staging folder becomes the output. */
    private final Written present;
    /** The files in the staging folder, in an update: those whose bytes change. */
    private final Set<String> changed = Collections.synchronizedSet(new TreeSet<>());
    private OutputFolder.Update update;
    private boolean committed;

    Staging(Path root, OutputFolder output, BuildLock lock, Written present) {
        this.root = root;
        this.output = output;
        this.lock = lock;
        this.present = present;
    }

    @Override
    public void write(String sitePath, byte[] content) throws IOException {
        Path file = register(sitePath);
        String digest = Digest.of(content);
        bytes.addAndGet(content.length);
        digests.put(sitePath, digest);
        if (present == null || !present.holds(sitePath, digest)) {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            changed.add(sitePath);
        }
    }

    @Override
    public OutputStream open(String sitePath) throws IOException {
        Digest digest = new Digest();
        Path file = register(sitePath);
        Files.createDirectories(file.getParent());
        changed.add(sitePath);
        return new FilterOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
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

            private boolean closed;

            @Override
            public void close() throws IOException {
                super.close();
                if (closed) {
                    return;
                }
                closed = true;
                String hex = digest.hex();
                digests.put(sitePath, hex);
                if (present != null && present.holds(sitePath, hex)) {
                    Files.delete(file);
                    changed.remove(sitePath);
                }
            }
        };
    }

    private Path register(String sitePath) {
        if (!written.add(sitePath)) {
            throw new IllegalStateException(sitePath + " was written twice");
        }
        return root.resolve(sitePath);
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
        String digest = Digest.of(nojekyll);
        digests.put(OutputFolder.NOJEKYLL, digest);
        if (present != null) {
            if (!present.holds(OutputFolder.NOJEKYLL, digest)) {
                Files.write(root.resolve(OutputFolder.NOJEKYLL), nojekyll);
                changed.add(OutputFolder.NOJEKYLL);
            }
            Set<String> site = new TreeSet<>(written);
            site.add(OutputFolder.NOJEKYLL);
            update = output.update(root, List.copyOf(changed), site);
            committed = true;
            return;
        }
        Files.write(root.resolve(OutputFolder.NOJEKYLL), nojekyll);
        lock.close(); // the marker is never published
        output.replaceWith(root);
        committed = true;
    }

    /** What an update in place changed in the output; {@code null} when the output was replaced whole, or not yet. */
    public OutputFolder.Update update() {
        return update;
    }

    @Override
    public void close() throws IOException {
        if (!committed || update != null) {
            try (lock) {
                OutputFolder.deleteTree(root, lock.file());
            }
            Files.deleteIfExists(root);
        }
    }
}
