package io.github.sitegen.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a file's metadata says of its bytes: its size, its modification time and its identity (the
 * inode, where the platform has one, which an editor's save by rename changes). A preview that
 * finds a topic file with the stamp it had when it read it does not read it again. A stamp is kept
 * only for a file last changed well before it was read ({@link #settledBefore}): a file changed
 * twice within the file system's clock step, keeping its size, would otherwise look unchanged.
 */
record FileStamp(long size, long modifiedMillis, Object key) {

    /** How long before its reading a file must have been changed for its stamp to be trusted. */
    static final long SETTLE_MILLIS = 3_000;

    static FileStamp of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileStamp(attributes.size(), attributes.lastModifiedTime().toMillis(), attributes.fileKey());
    }

    /** This stamp, when the file was changed {@link #SETTLE_MILLIS} before {@code readAtMillis}; else {@code null}. */
    FileStamp settledBefore(long readAtMillis) {
        return modifiedMillis < readAtMillis - SETTLE_MILLIS ? this : null;
    }
}
