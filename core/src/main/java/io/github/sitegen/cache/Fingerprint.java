package io.github.sitegen.cache;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.sitegen.input.FileStat;
import io.github.sitegen.input.InputFolder;
import io.github.sitegen.model.Answer;
import io.github.sitegen.model.Html;
import io.github.sitegen.output.Digest;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.model.Question;
import io.github.sitegen.model.Topic;

/**
 * A 128-bit digest (MurmurHash3, x64 variant) of what a part of the site is made from, written in a
 * form that cannot be read two ways (every value is tagged and its length given). Not a
 * cryptographic hash: the cache guards against accidents, not against someone who forges a topic
 * file to collide with another, and SHA-256 took a sixth of a rebuild's CPU on the first JIT tier,
 * where the JVM has no fast SHA code. Values are the model's records, walked
 * component by component with sets and maps in sorted order, so the same content gives the same
 * digest in every JVM; answers are left out (see {@link #model}). A value of a kind it does not know
 * makes the digest {@link Unknown}: the caller then builds without the cache.
 */
final class Fingerprint {

    /** A value whose content cannot be told from its type: nothing may be cached on it. */
    static final class Unknown extends Exception {
        Unknown(String message) {
            super(message);
        }
    }

    /** Where {@link #file} finds the digests of files it read before; {@link KnownFiles#NONE} reads every file. */
    private final KnownFiles known;

    Fingerprint() {
        this(KnownFiles.NONE);
    }

    Fingerprint(KnownFiles known) {
        this.known = known;
    }

    private final Bytes digest = new Bytes();
    /** The files this digest was made from, to see afterwards whether one changed while the build ran. */
    private final List<FileStat> files = new ArrayList<>();

    Fingerprint text(String text) {
        if (text == null) {
            digest.update((byte) 0);
            return this;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) 1);
        number(bytes.length);
        digest.update(bytes);
        return this;
    }

    Fingerprint bytes(byte[] bytes) {
        digest.update((byte) 2);
        number(bytes.length);
        digest.update(bytes);
        return this;
    }

    Fingerprint number(long value) {
        digest.update(value);
        return this;
    }

    /**
     * A file's path and the {@link Digest} of its bytes, not its time: a checkout or a restored cache
     * that gives every file a new time keys the same. Its size, times and identity are noted too, to
     * see whether it changed while the build ran ({@link BuildCache} on recent files), and the bytes
     * are read only when they are not what {@link KnownFiles} recorded.
     */
    Fingerprint file(Path file) throws IOException {
        KnownFiles.Seen seen = known.digest(file.toString(), file);
        files.add(seen.stat());
        return text(file.toString()).text(seen.digest());
    }

    /**
     * Every file below {@code folder}, in path order; nothing when it does not exist. Links are
     * followed only as the build follows them ({@link InputFolder}): one it refuses makes the digest
     * {@link Unknown}, and the build reports the link where it reads the folder.
     */
    Fingerprint tree(Path folder) throws IOException, Unknown {
        text("tree").text(folder == null ? null : folder.toString());
        if (folder == null || !Files.exists(folder)) {
            return text("absent");
        }
        List<Problem> refused = new ArrayList<>();
        List<Path> paths = InputFolder.of(folder, "folder").files(refused::add);
        for (Problem problem : refused) {
            if (problem.isError()) {
                throw new Unknown(problem.file() + ": " + problem.message());
            }
        }
        for (Path path : paths) {
            file(path);
        }
        return this;
    }

    /**
     * A value of the model: records component by component, lists in order, sets and maps sorted.
     * An answer is written as the word {@code answer}: a topic's own answers are keyed by its file,
     * and reads of other topics' answers are watched ({@link EditionMemo}).
     */
    Fingerprint model(Object value) throws Unknown {
        if (value == null) {
            return text(null);
        }
        if (value instanceof String s) {
            return text(s);
        }
        if (value instanceof Answer) {
            return text("answer");
        }
        if (value instanceof Html html) {
            return text("html").text(html.markup());
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Character || value instanceof Enum
                || value instanceof TemporalAccessor || value instanceof Path) {
            return text(value.getClass().getName()).text(value.toString());
        }
        if (value instanceof List<?> list) {
            text("list").number(list.size());
            for (Object item : list) {
                model(item);
            }
            return this;
        }
        if (value instanceof Set<?> set) {
            return sorted("set", set);
        }
        if (value instanceof Map<?, ?> map) {
            text("map").number(map.size());
            List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
            entries.sort((a, b) -> String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())));
            for (Map.Entry<?, ?> entry : entries) {
                model(entry.getKey()).model(entry.getValue());
            }
            return this;
        }
        if (value instanceof Record record) {
            return components(record, Set.of());
        }
        throw new Unknown("cannot fingerprint a " + value.getClass().getName());
    }

    /**
     * A topic less its questions' related lists, which can be found from other topics' answers:
     * each topic's entry keys its own ({@link EditionMemo}), so that a changed answer renders again
     * only the topics whose related questions it changes.
     */
    Fingerprint outline(Topic topic) throws Unknown {
        components(topic, Set.of("questions")).text("questions").number(topic.questions().size());
        for (Question question : topic.questions()) {
            components(question, Set.of("related"));
        }
        return this;
    }

    /** Each record class's component names and accessors, looked up once. */
    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Component[] found = new Component[components.length];
            for (int i = 0; i < components.length; i++) {
                found[i] = new Component(components[i].getName(), components[i].getAccessor());
            }
            return found;
        }
    };

    private record Component(String name, java.lang.reflect.Method accessor) {
    }

    /** A record's components except {@code skipped}, by name. */
    Fingerprint components(Record record, Set<String> skipped) throws Unknown {
        text(record.getClass().getName());
        for (Component component : COMPONENTS.get(record.getClass())) {
            if (skipped.contains(component.name())) {
                continue;
            }
            try {
                text(component.name()).model(component.accessor().invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new Unknown("cannot read " + record.getClass().getName() + "." + component.name() + ": " + e);
            }
        }
        return this;
    }

    private Fingerprint sorted(String kind, Collection<?> items) throws Unknown {
        List<String> sorted = new ArrayList<>();
        for (Object item : items) {
            sorted.add(new Fingerprint().model(item).hex());
        }
        sorted.sort(null);
        text(kind).number(sorted.size());
        sorted.forEach(this::text);
        return this;
    }

    /** The files read so far. */
    List<FileStat> files() {
        return files;
    }

    /** The digest, in hexadecimal. */
    String hex() {
        return digest.murmur3();
    }

    /** The bytes written so far, and MurmurHash3 x64 128 of them. */
    private static final class Bytes {
        private byte[] buffer = new byte[256];
        private int length;

        void update(byte b) {
            reserve(1);
            buffer[length++] = b;
        }

        void update(long value) {
            reserve(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[length++] = (byte) (value >>> shift);
            }
        }

        void update(byte[] bytes) {
            reserve(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
        }

        private void reserve(int more) {
            if (length + more > buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }

        String murmur3() {
            return Fingerprint.murmur3(buffer, length);
        }
    }

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    /** MurmurHash3 x64 128 of the first {@code length} bytes of {@code buffer}, in hexadecimal. */
    private static String murmur3(byte[] buffer, int length) {
        java.nio.ByteBuffer data = java.nio.ByteBuffer.wrap(buffer, 0, length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long h1 = 0;
        long h2 = 0;
        int blocks = length / 16;
        for (int i = 0; i < blocks; i++) {
            long k1 = data.getLong(i * 16);
            long k2 = data.getLong(i * 16 + 8);
            h1 ^= mixK1(k1);
            h1 = Long.rotateLeft(h1, 27) + h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2(k2);
            h2 = Long.rotateLeft(h2, 31) + h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        long k1 = 0;
        long k2 = 0;
        int tail = blocks * 16;
        for (int i = length - tail - 1; i >= 8; i--) {
            k2 = (k2 << 8) | (buffer[tail + i] & 0xFFL);
        }
        for (int i = Math.min(length - tail, 8) - 1; i >= 0; i--) {
            k1 = (k1 << 8) | (buffer[tail + i] & 0xFFL);
        }
        h1 ^= mixK1(k1);
        h2 ^= mixK2(k2);
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        h2 += h1;
        return String.format("%016x%016x", h1, h2);
    }

    private static long mixK1(long k1) {
        return Long.rotateLeft(k1 * C1, 31) * C2;
    }

    private static long mixK2(long k2) {
        return Long.rotateLeft(k2 * C2, 33) * C1;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9a53fe1a85bL;
        k ^= k >>> 33;
        return k;
    }
}
