package io.github.sitegen.serve;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import io.methvin.watcher.visitor.FileTreeVisitor;
import org.slf4j.helpers.NOPLogger;

/**
 * Watches folders recursively and calls back once per burst of changes, with the paths that
 * changed (none when that is not known). The operating system's file events come through
 * directory-watcher ({@code io.methvin:directory-watcher}): FSEvents on macOS, where the JDK's own
 * watch service is a poll every 2 to 10 seconds, and the JDK's watch service (inotify, Windows'
 * change notifications) elsewhere. After the first event, the watcher waits until the folders
 * have been quiet for {@code debounce} milliseconds.
 *
 * <p>A light poll compares the folders' file names, sizes and times every {@code poll} milliseconds
 * as well, as a safety net, and reports the files it finds changed: for events lost or never sent (a network drive) and for a folder that
 * did not exist at the start, which is then watched too. Hidden files and folders and editor
 * backups ({@code name~}) are ignored. Symbolic links are not followed into the folders they point
 * at, by the events or the poll.
 */
final class Watcher implements AutoCloseable {

    /** A change of something not known, in the queue of events. */
    private static final Optional<Path> UNKNOWN = Optional.empty();

    private final List<Path> roots;
    private final Consumer<Set<Path>> onChange;
    private final long debounce;
    private final long poll;
    private final BlockingQueue<Optional<Path>> events = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private Set<Path> watched = Set.of();
    private DirectoryWatcher fileEvents;
    private Map<Path, Long> stamps;

    Watcher(List<Path> roots, Consumer<Set<Path>> onChange, long debounce, long poll) throws IOException {
        this.roots = roots.stream().map(root -> root.toAbsolutePath().normalize()).toList();
        this.onChange = onChange;
        this.debounce = debounce;
        this.poll = poll;
        watchRoots();
        this.stamps = stamps();
        this.thread = new Thread(this::run, "site-gen-watcher");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            while (!closed) {
                Optional<Path> event = events.poll(poll, TimeUnit.MILLISECONDS);
                Set<Path> changed = new HashSet<>();
                while (event != null) {
                    changed.add(event.orElse(null));
                    event = events.poll(debounce, TimeUnit.MILLISECONDS); // editors write in several steps
                }
                changed.removeIf(path -> path != null && ignored(path));
                if (!changed.isEmpty() && !closed) {
                    onChange.accept(changed.contains(null) ? Set.of() : changed);
                    stamps = stamps(); // after the build: the events told what changed
                } else if (!closed) {
                    Map<Path, Long> now = stamps();
                    Set<Path> missed = new HashSet<>(now.keySet());
                    missed.removeIf(path -> now.get(path).equals(stamps.get(path)));
                    stamps.keySet().stream().filter(path -> !now.containsKey(path)).forEach(missed::add);
                    if (!missed.isEmpty()) { // changes the events did not report
                        stamps = now;
                        watchRoots();
                        onChange.accept(missed);
                    }
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** Watches the roots that are folders now, with the operating system's events. */
    private void watchRoots() {
        Set<Path> folders = new HashSet<>(roots.stream().filter(Files::isDirectory).toList());
        if (folders.equals(watched) || closed) {
            return;
        }
        stopNative();
        watched = folders;
        if (folders.isEmpty()) {
            return;
        }
        try {
            fileEvents = DirectoryWatcher.builder().paths(List.copyOf(folders)).fileHashing(false)
                    .logger(NOPLogger.NOP_LOGGER) // what fails is seen by the poll
                    .fileTreeVisitor(VISIBLE_FOLDERS)
                    .listener(event -> events.add(event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW
                            || event.path() == null ? UNKNOWN : Optional.of(event.path())))
                    .build();
            fileEvents.watchAsync(task -> {
                Thread events = new Thread(task, "site-gen-file-events");
                events.setDaemon(true);
                events.start();
            });
        } catch (IOException | RuntimeException e) {
            fileEvents = null; // the poll still sees every change, a second later
        }
    }

    /** Walks a folder's visible sub-folders, not following links, for the native watcher. */
    private static final FileTreeVisitor VISIBLE_FOLDERS = (folder, onDirectory, onFile) ->
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    if (!dir.equals(folder) && ignored(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    onDirectory.call(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    onFile.call(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });

    /** Every watched file, with a stamp of its size and modification time. */
    private Map<Path, Long> stamps() {
        Map<Path, Long> found = new HashMap<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
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
                            found.put(file, attributes.size() * 31 + attributes.lastModifiedTime().toMillis());
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                // the folder went away while it was walked: the next poll sees what is left
            }
        }
        return found;
    }

    private static boolean ignored(Path path) {
        Path name = path.getFileName();
        String text = name == null ? "" : name.toString();
        return text.startsWith(".") || text.endsWith("~");
    }

    private void stopNative() {
        if (fileEvents != null) {
            try {
                fileEvents.close();
            } catch (IOException e) {
                // nothing left to release
            }
            fileEvents = null;
        }
    }

    @Override
    public void close() {
        closed = true;
        stopNative();
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
