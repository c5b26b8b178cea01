package io.github.sitegen.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.sitegen.output.Digest;
import io.github.sitegen.input.FileStat;

/**
 * The {@link Digest} of files a build read, each with the file's size, modification time, change
 * time and identity (device and inode) as they were just before its bytes were read, as git's index
 * keeps them: a later build takes the digest from here, without reading the file, only when all
 * four are still the same. A hand edit changes the change time even when the editor keeps the size
 * and puts the modification time back, since no program can set the change time; so does a file
 * replaced by another (a new inode). A file that had changed less than {@link FileStat#SETTLE_NANOS}
 * before its digest was taken could change again within one tick of the file system's clock without
 * its times changing, so its record is not trusted: it is read again, and recorded anew. Where the
 * file system has no change time (Windows), every file is read.
 */
final class KnownFiles {

    /** A file as a build saw it: its stat and the digest of its bytes. */
    record Seen(FileStat stat, String digest) {
    }

    /** A file's stat and digest, and when the stat was taken (nanoseconds since the epoch). */
    private record Known(long size, long modified, long changed, String key, String digest, long taken) {

        static Known of(FileStat stat, String digest, long taken) {
            return new Known(stat.size(), stat.modified(), stat.changed(), stat.key(), digest, taken);
        }

        /** Whether the file had been still for long enough, when its stat was taken, for its times to tell a change. */
        boolean trusted() {
            return FileStat.settled(modified, changed, taken);
        }

        boolean matches(FileStat stat) {
            return size == stat.size() && modified == stat.modified() && changed == stat.changed() && key.equals(stat.key());
        }
    }

    /** Reads every file and records nothing. */
    static final KnownFiles NONE = new KnownFiles(Map.of(), false);

    private static final int MAGIC = 0x53474b31; // "SGK1"

    private final Map<String, Known> recorded;
    private final boolean recording;
    /** What this build saw, by name: the next record. */
    private final Map<String, Known> seen = new ConcurrentHashMap<>();
    private final AtomicInteger read = new AtomicInteger();

    private KnownFiles(Map<String, Known> recorded, boolean recording) {
        this.recorded = recorded;
        this.recording = recording;
    }

    /** Nothing known yet; what a build sees is recorded. */
    static KnownFiles empty() {
        return new KnownFiles(Map.of(), true);
    }

    /**
     * The stat of {@code file}, named {@code name} in the record, and the digest of its bytes: the
     * recorded one when the file is as recorded, otherwise read. Links are followed, as the build
     * reading the file follows them.
     */
    Seen digest(String name, Path file) throws IOException {
        long taken = FileStat.now();
        FileStat stat = FileStat.of(file);
        Known known = recorded.get(name);
        if (known != null && known.trusted() && known.matches(stat)) {
            note(name, known);
            return new Seen(stat, known.digest());
        }
        String digest = Digest.of(Files.readAllBytes(file));
        read.incrementAndGet();
        note(name, Known.of(stat, digest, taken));
        return new Seen(stat, digest);
    }

    private void note(String name, Known known) {
        if (recording) {
            seen.put(name, known);
        }
    }

    /** How many files {@link #digest} read. */
    int read() {
        return read.get();
    }

    /** Whether this build saw a file otherwise than the record says, or saw fewer or more files. */
    boolean changed() {
        return !seen.equals(recorded);
    }

    /** The record of what this build saw, for the next build: only the files named in {@code names} with those digests. */
    byte[] bytes(Map<String, String> digests) throws IOException {
        Map<String, Known> kept = new TreeMap<>();
        seen.forEach((name, known) -> {
            if (digests == null || known.digest().equals(digests.get(name))) {
                kept.put(name, known);
            }
        });
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeInt(MAGIC);
        out.writeInt(kept.size());
        for (Map.Entry<String, Known> entry : kept.entrySet()) {
            Known known = entry.getValue();
            out.writeUTF(entry.getKey());
            out.writeLong(known.size());
            out.writeLong(known.modified());
            out.writeLong(known.changed());
            out.writeUTF(known.key());
            out.writeUTF(known.digest());
            out.writeLong(known.taken());
        }
        out.flush();
        return buffer.toByteArray();
    }

    /** The record of every file this build saw. */
    byte[] bytes() throws IOException {
        return bytes(null);
    }

    /** The files recorded in {@code bytes}; none when they do not read back (every file is then read). */
    static KnownFiles read(byte[] bytes) {
        if (bytes == null) {
            return empty();
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (in.readInt() != MAGIC) {
                return empty();
            }
            Map<String, Known> recorded = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                recorded.put(in.readUTF(), new Known(in.readLong(), in.readLong(), in.readLong(), in.readUTF(),
                        in.readUTF(), in.readLong()));
            }
            return in.available() == 0 ? new KnownFiles(recorded, true) : empty();
        } catch (IOException e) {
            return empty();
        }
    }
}
