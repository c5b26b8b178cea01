package io.github.sitegen.output;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Renames the output and cache folders' files, as one step where the file system can. Windows
 * refuses to rename a folder while a program holds a file inside it open (an editor, a file
 * explorer window, the search indexer, antivirus), and to replace a file that one has open; it
 * says so with an {@link AccessDeniedException}, or a plain {@link FileSystemException} ("being
 * used by another process"). Those programs let go within moments, so such a rename is tried
 * again, waiting a little longer each time ({@link #WAITS}, about two seconds in all), and then
 * fails with a message that names the folder and the likely cause.
 */
public final class Renamer {

    /** One attempt at a rename: {@link Files#move}, or a test's that refuses on purpose. */
    @FunctionalInterface
    public interface Move {
        void move(Path from, Path to, CopyOption... options) throws IOException;
    }

    /** Waits between attempts: {@link Thread#sleep}, or a test's that only counts. */
    @FunctionalInterface
    public interface Pause {
        void pause(long millis) throws InterruptedException;
    }

    /** The waits before each new attempt, in milliseconds. */
    static final long[] WAITS = {10, 20, 50, 100, 200, 400, 600, 800};

    /** The platform's renames. */
    public static final Renamer SYSTEM = new Renamer(Files::move, Thread::sleep);

    private final Move move;
    private final Pause pause;

    Renamer(Move move, Pause pause) {
        this.move = move;
        this.pause = pause;
    }

    /**
     * Moves {@code from} to {@code to}, atomically where the file system can; {@code options} may
     * add {@link StandardCopyOption#REPLACE_EXISTING}.
     *
     * @throws FileSystemException naming {@code from} and {@code to} and what probably holds them,
     *                             when the platform still refuses after the last wait
     */
    public void move(Path from, Path to, CopyOption... options) throws IOException {
        CopyOption[] atomic = Stream.concat(Arrays.stream(options), Stream.of(StandardCopyOption.ATOMIC_MOVE))
                .toArray(CopyOption[]::new);
        for (int attempt = 0; ; attempt++) {
            try {
                try {
                    move.move(from, to, atomic);
                } catch (AtomicMoveNotSupportedException e) {
                    move.move(from, to, options);
                }
                return;
            } catch (FileSystemException e) {
                if (!inUse(e)) {
                    throw e;
                }
                if (attempt == WAITS.length) {
                    throw new FileSystemException(from.toString(), to.toString(), "still refused after "
                            + (attempt + 1) + " attempts over " + Arrays.stream(WAITS).sum() + " ms (" + e.getMessage()
                            + "). A program probably holds one of them, or a file in it, open: an editor, a file"
                            + " explorer window, the search indexer or antivirus. Nothing was replaced; close it, or"
                            + " wait for it, and run the build again");
                }
                pause(WAITS[attempt]);
            }
        }
    }

    /**
     * Whether the platform refused because a file is in use: a plain {@link FileSystemException},
     * or one that says access is denied. Its other subclasses (no such file, a file in the way, a
     * folder not empty) do not pass with time.
     */
    private static boolean inUse(FileSystemException e) {
        return e.getClass() == FileSystemException.class || e instanceof AccessDeniedException;
    }

    private void pause(long millis) throws InterruptedIOException {
        try {
            pause.pause(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to rename a file in use");
        }
    }
}
