package io.github.sitegen.input;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a file's metadata says of its bytes, as git's index reads it: its size, its modification
 * time, its change time and its identity. A change to any of these makes it another file.
 * {@code changed} is the POSIX ctime, which no program can set back (copying with {@code cp -p} or
 * restoring a modification time moves it), or -1 where the file system has none (Windows);
 * {@code key} is the device and inode, which an editor's save by rename changes. The build cache and
 * the preview trust a file they read before, without reading it again, only while its stat is the
 * same and it had been still for {@link #SETTLE_NANOS} when that stat was taken ({@link #settledAt}).
 */
public record FileStat(Path path, long size, long modified, long changed, String key) {

    /**
     * How long before its stat was taken a file must have been still for its times to tell a
     * change: a file changed twice within one tick of the file system's clock, keeping its size,
     * would otherwise look unchanged.
     */
    public static final long SETTLE_NANOS = 2_000_000_000L;

    private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    public static FileStat of(Path path) throws IOException {
        if (UNIX) {
            Map<String, Object> unix = Files.readAttributes(path, "unix:size,lastModifiedTime,ctime,dev,ino");
            return new FileStat(path, (Long) unix.get("size"), nanos(unix.get("lastModifiedTime")),
                    nanos(unix.get("ctime")), unix.get("dev") + ":" + unix.get("ino"));
        }
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        return new FileStat(path, attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), -1,
                String.valueOf(attributes.fileKey()));
    }

    /** Whether both are the same file, unchanged (compared field by field, without the record's equals). */
    public boolean sameAs(FileStat other) {
        return path.equals(other.path) && size == other.size && modified == other.modified
                && changed == other.changed && key.equals(other.key);
    }

    /**
     * Whether a stat taken at {@code takenNanos} (since the epoch) can be trusted to tell the next
     * change: the file system has a change time and the file had been still for {@link #SETTLE_NANOS}.
     */
    public boolean settledAt(long takenNanos) {
        return settled(modified, changed, takenNanos);
    }

    /** {@link #settledAt} for a stat kept as its numbers. */
    public static boolean settled(long modified, long changed, long takenNanos) {
        return changed >= 0 && Math.max(changed, modified) < takenNanos - SETTLE_NANOS;
    }

    /** Now, in nanoseconds since the epoch, as file times are compared. */
    public static long now() {
        return System.currentTimeMillis() * 1_000_000;
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }
}
