package io.github.sitegen.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The marker file that makes a staging or old folder beside the output site-gen's, locked while the
 * build that uses the folder runs. A build that finds such a folder with its marker unlocked knows
 * the build that made it was interrupted, and removes it; a folder without the marker is never
 * touched, and one whose marker is locked belongs to a build still running (in this JVM or another).
 *
 * <p>The marker is written into the folder first and deleted before the folder becomes the output,
 * so it is never published. Its name starts with a dot, and hidden static files are never
 * published, so no site can contain a file of that name.
 */
final class BuildLock implements AutoCloseable {

    static final String NAME = ".site-gen-lock";

    private final Path file;
    private final FileChannel channel;

    private BuildLock(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Writes the marker into the new folder {@code folder} and holds its lock until {@link #close()}. */
    static BuildLock create(Path folder, String role) throws IOException {
        Path file = folder.resolve(NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            channel.lock();
            // Written only once locked: a marker that is empty under the lock is one being created.
            channel.write(StandardCharsets.UTF_8.encode("site-gen " + role + " folder of process "
                    + ProcessHandle.current().pid() + ", started " + Instant.now() + ".\nWhile this file is locked,"
                    + " its build is running; once unlocked, the next build removes this folder.\n"));
            channel.force(false);
            return new BuildLock(file, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Takes the lock of a folder an earlier build left: empty when the folder has no marker, or the
     * build that made it still runs.
     */
    static Optional<BuildLock> ofLeftover(Path folder) throws IOException {
        Path file = folder.resolve(NAME);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        boolean taken = false;
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // a build of this JVM holds it
            }
            // A live build deletes its marker before it lets go of the lock, and a marker's name is never
            // used again: a marker still there under the lock, and complete, is a leftover's.
            taken = lock != null && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && channel.size() > 0
                    && channel.read(ByteBuffer.allocate(1), 0) > 0;
            return taken ? Optional.of(new BuildLock(file, channel)) : Optional.empty();
        } finally {
            if (!taken) {
                channel.close();
            }
        }
    }

    Path file() {
        return file;
    }

    /** Deletes the marker, then lets go of the lock: the folder is no build's any more. */
    @Override
    public void close() throws IOException {
        if (!channel.isOpen()) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } finally {
            channel.close();
        }
    }
}
