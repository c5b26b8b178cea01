package io.github.sitegen.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Held for the whole of a build of one output folder, so that builds of one output, in this JVM or
 * in others, run one after the other: the second waits, and says so. Without it, two builds swapped
 * the folder at the same moment, and one failed half-way with {@code Directory not empty}.
 *
 * <p>Between processes it is a lock on {@code .<output>.lock} beside the output, which the build
 * that holds it deletes when it is done, so nothing is left beside the output. A build that was
 * waiting for the lock of a file deleted meanwhile sees that the file at that name is not the one it
 * locked (it writes a token into the file it locked and reads it back by name) and locks the new
 * one. Within this JVM, where a file lock cannot be taken twice, it is a semaphore per output folder.
 */
public final class OutputLock implements AutoCloseable {

    private static final Map<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();
    /**
     * The byte locked: one far past the token, so that reading the token back by name never meets
     * the lock (Windows' locks forbid reading a locked range through another handle).
     */
    private static final long REGION = Long.MAX_VALUE - 1;

    private final Semaphore turn;
    private final FileChannel channel;
    private final Path file;

    private OutputLock(Semaphore turn, FileChannel channel, Path file) {
        this.turn = turn;
        this.channel = channel;
        this.file = file;
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
        Path file = parent.resolve("." + folder.getFileName() + ".lock");
        try {
            while (true) {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                try {
                    if (channel.tryLock(REGION, 1, false) == null) {
                        if (!told) {
                            info.accept(waiting);
                            told = true;
                        }
                        channel.lock(REGION, 1, false);
                    }
                    if (owns(channel, file)) {
                        return new OutputLock(turn, channel, file);
                    }
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
                channel.close(); // the build before deleted the file this one locked: lock the one at its name now
            }
        } catch (IOException | RuntimeException e) {
            turn.release();
            throw e;
        }
    }

    /** Whether {@code file} is still the file {@code channel} locked: a token written through one reads back through the other. */
    private static boolean owns(FileChannel channel, Path file) throws IOException {
        byte[] token = ("site-gen build " + ProcessHandle.current().pid() + " " + System.nanoTime() + " "
                + Thread.currentThread().getId() + "\n").getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(token), 0);
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return Arrays.equals(in.readAllBytes(), token);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Deletes the lock file, still locked, then lets the next build of the output run. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // where an open file cannot be deleted (Windows), it stays; the next build locks it again
        } finally {
            try {
                channel.close();
            } finally {
                turn.release();
            }
        }
    }
}
