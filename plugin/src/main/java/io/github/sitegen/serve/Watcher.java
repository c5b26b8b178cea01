package io.github.sitegen.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches folders recursively and calls back once per burst of changes. A {@link WatchService}
 * reports changes; after the first one, the watcher waits until the folders have been quiet for
 * {@code debounce} milliseconds. A light poll compares the folders' file names, sizes and times
 * every {@code poll} milliseconds as well, for platforms whose watch service is slow or misses
 * events, and for a folder that did not exist at the start. Hidden files and editor backups
 * ({@code name~}) are ignored.
 */
final class Watcher implements AutoCloseable {

    private final List<Path> roots;
    private final Consumer<Set<Path>> onChange;
    private final long debounce;
    private final long poll;
    private final WatchService service;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;
    private long fingerprint;

    Watcher(List<Path> roots, Consumer<Set<Path>> onChange, long debounce, long poll) throws IOException {
        this.roots = roots.stream().map(root -> root.toAbsolutePath().normalize()).toList();
        this.onChange = onChange;
        this.debounce = debounce;
        this.poll = poll;
        this.service = FileSystems.getDefault().newWatchService();
        registerRoots();
        this.fingerprint = fingerprint();
        this.thread = new Thread(this::run, "site-gen-watcher");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            while (!closed) {
                WatchKey key = service.poll(poll, TimeUnit.MILLISECONDS);
                Set<Path> changed = new HashSet<>();
                if (key != null) {
                    handle(key, changed);
                    while ((key = service.poll(debounce, TimeUnit.MILLISECONDS)) != null) {
                        handle(key, changed); // wait for a quiet moment: editors write in several steps
                    }
                }
                long now = fingerprint();
                if ((!changed.isEmpty() || now != fingerprint) && !closed) {
                    fingerprint = now;
                    registerRoots();
                    // Seen by the poll alone, or an event without a name: what changed is not known.
                    onChange.accept(changed.contains(null) ? Set.of() : changed);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /** Registers new folders; adds what changed to {@code changed} ({@code null} for a change of what is not known). */
    private void handle(WatchKey key, Set<Path> changed) {
        Path folder = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || folder == null) {
                changed.add(null);
                continue;
            }
            Path child = folder.resolve((Path) event.context());
            if (ignored(child)) {
                continue;
            }
            changed.add(child);
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(child)) {
                register(child);
            }
        }
        if (!key.reset()) {
            keys.remove(key);
        }
    }

    private void registerRoots() {
        roots.stream().filter(Files::isDirectory).forEach(this::register);
    }

    private void register(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    if (!dir.equals(folder) && ignored(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (!keys.containsValue(dir)) {
                        keys.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | ClosedWatchServiceException e) {
            // the folder went away, or the watcher closed; the poll notices what matters
        }
    }

    /** A hash of every watched file's path, size and modification time. */
    private long fingerprint() {
        long[] hash = {17};
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                hash[0] = hash[0] * 31 + 1;
                continue;
            }
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                        return !dir.equals(root) && ignored(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (!ignored(file)) {
                            hash[0] = hash[0] * 31 + file.hashCode();
                            hash[0] = hash[0] * 31 + attributes.size();
                            hash[0] = hash[0] * 31 + attributes.lastModifiedTime().toMillis();
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                hash[0] = hash[0] * 31 + 2;
            }
        }
        return hash[0];
    }

    private static boolean ignored(Path path) {
        Path name = path.getFileName();
        String text = name == null ? "" : name.toString();
        return text.startsWith(".") || text.endsWith("~");
    }

    @Override
    public void close() {
        closed = true;
        try {
            service.close();
        } catch (IOException e) {
            // nothing left to release
        }
        thread.interrupt();
        if (thread != Thread.currentThread() && thread.isAlive()) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
