package io.github.sitegen.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import io.github.sitegen.concurrent.Parallel;

/**
 * The last find of related questions of each content folder, so that the next load finds again only
 * the lists that can change ({@link RelatedQuestions}): kept in memory by the live preview, and
 * written to the build cache by {@code generate} ({@link #bytes}, {@link #read}). A memory that is
 * empty, of another folder, or read from bytes that are not what {@link #bytes} wrote (by this
 * version and this Java build) gives a find from scratch; the lists are the same either way.
 */
public final class RelatedMemory {

    /** The format, and the Java build whose arithmetic made the cosines kept (another may differ in the last bit). */
    private static final String FORMAT = "site-gen related memory 1 " + System.getProperty("java.vm.vendor") + " "
            + System.getProperty("java.vm.version");

    private final Map<String, RelatedState> states = new TreeMap<>();
    /** For each folder found this way: how many lists its last find found, and of how many questions. */
    private final Map<String, int[]> found = new TreeMap<>();

    /** A memory with no find yet: the first load of each folder finds every list. */
    public RelatedMemory() {
    }

    /** The lists of {@code questions} of {@code folder}, found from this memory's last find of it, which it then keeps. */
    synchronized Map<QuestionDraft, List<QuestionDraft>> find(Path folder, List<QuestionDraft> questions,
                                                             Predicate<QuestionDraft> candidate, Parallel parallel) {
        String key = folder.toAbsolutePath().normalize().toString();
        RelatedQuestions.Found found = RelatedQuestions.find(questions, candidate, parallel, states.get(key));
        states.put(key, found.state());
        this.found.put(key, new int[] {found.foundAgain(), questions.size()});
        return found.lists();
    }

    /**
     * How many lists the last finds (one per folder) found, of how many questions, as "3 of 10,000"
     * (the others were the find before's); empty when none was found.
     */
    public synchronized String lastFinds() {
        int lists = found.values().stream().mapToInt(f -> f[0]).sum();
        int questions = found.values().stream().mapToInt(f -> f[1]).sum();
        return found.isEmpty() ? "" : String.format(java.util.Locale.ROOT, "%,d of %,d", lists, questions);
    }

    /**
     * This memory as bytes, for {@link #read} (the build cache frames them with its version and a
     * digest of their bytes): the finds of the folders this memory found lists for since it was
     * made or read, so that a folder no longer built, or a site that stopped finding related
     * questions, leaves nothing behind in the build cache.
     */
    public synchronized byte[] bytes() {
        List<byte[]> parts = new ArrayList<>();
        parts.add(FORMAT.getBytes(StandardCharsets.UTF_8));
        states.forEach((folder, state) -> {
            if (found.containsKey(folder)) {
                parts.add(folder.getBytes(StandardCharsets.UTF_8));
                parts.add(state.bytes());
            }
        });
        ByteBuffer body = ByteBuffer.allocate(parts.stream().mapToInt(part -> 4 + part.length).sum());
        parts.forEach(part -> body.putInt(part.length).put(part));
        return body.array();
    }

    /**
     * The memory {@link #bytes} wrote; an empty one when {@code bytes} is {@code null}. Bytes that are
     * not that (of another format or Java build, or not a memory at all) are an {@link IOException}
     * saying so: the caller then finds every list from scratch.
     */
    public static RelatedMemory read(byte[] bytes) throws IOException {
        RelatedMemory memory = new RelatedMemory();
        if (bytes == null) {
            return memory;
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (!FORMAT.equals(text(in))) {
                throw new IOException("it was written by another build of site-gen or of Java");
            }
            while (in.hasRemaining()) {
                String folder = text(in);
                int length = in.getInt();
                RelatedState state = RelatedState.read(in.slice(in.position(), length));
                in.position(in.position() + length);
                memory.states.put(folder, state);
            }
        } catch (RuntimeException e) {
            throw new IOException("it does not hold what the build cache writes (" + e + ")");
        }
        return memory;
    }

    private static String text(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("a text of " + length + " bytes where " + in.remaining() + " are left");
        }
        byte[] text = new byte[length];
        in.get(text);
        return new String(text, StandardCharsets.UTF_8);
    }
}
