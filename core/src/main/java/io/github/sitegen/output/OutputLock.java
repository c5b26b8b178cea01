package io.github.sitegen.output;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Held for the whole of a build of one output folder, so that builds of one output, in this JVM or
 * in others, run one after the other: the second waits, and says so. Without it, two builds swapped
 * the folder at the same moment, and one failed half-way with {@code Directory not empty}.
 *
 * <p>Between processes it is a lock on {@code .<output>.lock} beside the output. That file stays:
 * deleting it would let a build that waits on the deleted file and one that creates it anew both
 * run (and on POSIX, reading it back by name through another descriptor would drop the lock).
 * Within this JVM, where a file lock cannot be taken twice, it is a semaphore per output folder.
 */
public final class OutputLock implements AutoCloseable {

    private static final Map<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Semaphore turn;
    private final FileChannel channel;

    private OutputLock(Semaphore turn, FileChannel channel) {
        this.turn = turn;
        this.channel = channel;
    }

    /** Waits until no other build of {@code output} runs, telling {@code info} when it has to wait. */
    public static OutputLock take(Path output, Consumer<String> info) throws IOException {
        Path parent = output.toAbsolutePath().normalize().getParent();
        Files.createDirectories(parent);
        Path folder = parent.toRealPath().resolve(output.toAbsolutePath().normalize().getFileName());
        Semaphore turn = IN_THIS_JVM.computeIfAbsent(folder, key -> new Semaphore(1));
        String waiting = "Waiting for another site-gen build of " + output + " to finish";
        boolean told = false;
        try {
            if (!turn.tryAcquire()) {
                info.accept(waiting);
                told = true;
                turn.acquire();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for another build of " + output);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(parent.resolve("." + folder.getFileName() + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            if (channel.tryLock() == null) {
                if (!told) {
                    info.accept(waiting);
                }
                channel.lock();
            }
            return new OutputLock(turn, channel);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            turn.release();
            throw e;
        }
    }

    /** Lets the next build of the output run. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            turn.release();
        }
    }
}
