package io.github.sitegen.content;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a find of related questions ({@link RelatedQuestions}) left for the next one, per question in
 * site order: the draft it was (a load that kept the file gives the same object), the digest of the
 * text its words were read from, its words (numbers in {@link #dictionary}, alphabetical) with their
 * fields' weights, whether it could be suggested and named its own related questions, its weighted
 * vector, norm and most telling words, and its list with the cosines; with how many questions, and
 * how many candidates, have each word. Written as bytes ({@link #bytes}) for the build cache ({@link RelatedMemory}): the
 * words, the flags and the lists; the rest is computed again when read.
 */
record RelatedState(Dictionary dictionary, QuestionDraft[] drafts, String[] digests, int[][] terms, byte[][] fields,
                    boolean[] candidates, boolean[] given, int[] documents, int[] counts, double[][] weights,
                    double[] norms, int[][] telling, int[][] lists, double[][] cosines) {

    private static final int DIGEST = 32;

    /** The words of the site, numbered as first met (numbers are kept between finds). */
    static final class Dictionary {
        private final Map<String, Integer> numbers = new HashMap<>();
        private final List<String> words = new ArrayList<>();

        int number(String word) {
            Integer number = numbers.get(word);
            if (number == null) {
                number = words.size();
                numbers.put(word, number);
                words.add(word);
            }
            return number;
        }

        String word(int number) {
            return words.get(number);
        }

        int size() {
            return words.size();
        }
    }

    int size() {
        return drafts.length;
    }

    /** The place of each question by the digest of its text (the last, when two have the same). */
    Map<String, Integer> byDigest() {
        Map<String, Integer> places = new HashMap<>(digests.length * 2);
        for (int i = 0; i < digests.length; i++) {
            places.put(digests[i], i);
        }
        return places;
    }

    /** This state as bytes: the words used, then each question's digest, flags, words and list. */
    byte[] bytes() {
        int[] renumbered = new int[dictionary.size()];
        List<byte[]> used = new ArrayList<>();
        int size = 8;
        for (int i = 0; i < size(); i++) {
            for (int w : terms[i]) {
                if (renumbered[w] == 0) {
                    used.add(dictionary.word(w).getBytes(StandardCharsets.UTF_8));
                    renumbered[w] = used.size();
                    size += 4 + used.get(used.size() - 1).length;
                }
            }
            size += DIGEST + 6 + terms[i].length * 5 + (lists[i] == null ? 0 : lists[i].length * 12);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(used.size());
        for (byte[] word : used) {
            out.putInt(word.length).put(word);
        }
        out.putInt(size());
        for (int i = 0; i < size(); i++) {
            out.put(digests[i].getBytes(StandardCharsets.ISO_8859_1));
            out.put((byte) ((candidates[i] ? 1 : 0) | (given[i] ? 2 : 0) | (lists[i] != null ? 4 : 0)));
            out.putInt(terms[i].length);
            for (int k = 0; k < terms[i].length; k++) {
                out.putInt(renumbered[terms[i][k]] - 1).put(fields[i][k]);
            }
            out.put((byte) (lists[i] == null ? 0 : lists[i].length));
            for (int m = 0; lists[i] != null && m < lists[i].length; m++) {
                out.putInt(lists[i][m]).putDouble(cosines[i][m]);
            }
        }
        return out.array();
    }

    /**
     * The state {@link #bytes} wrote, from {@code in}'s position on; the vectors are computed again
     * from the words, as the find that wrote it computed them.
     *
     * @throws java.nio.BufferUnderflowException when the bytes are cut short
     * @throws IllegalArgumentException when they are not such a state (numbers out of range)
     */
    static RelatedState read(ByteBuffer in) {
        Dictionary dictionary = new Dictionary();
        int words = in.getInt();
        for (int w = 0; w < words; w++) {
            byte[] word = new byte[in.getInt()];
            in.get(word);
            check(dictionary.number(new String(word, StandardCharsets.UTF_8)) == w);
        }
        int n = in.getInt();
        check(n >= 0 && n <= in.remaining());
        String[] digests = new String[n];
        int[][] terms = new int[n][];
        byte[][] fields = new byte[n][];
        boolean[] candidates = new boolean[n];
        boolean[] given = new boolean[n];
        int[][] lists = new int[n][];
        double[][] cosines = new double[n][];
        byte[] digest = new byte[DIGEST];
        for (int i = 0; i < n; i++) {
            in.get(digest);
            digests[i] = new String(digest, StandardCharsets.ISO_8859_1);
            int flags = in.get();
            candidates[i] = (flags & 1) != 0;
            given[i] = (flags & 2) != 0;
            int size = in.getInt();
            check(size >= 0 && size <= in.remaining());
            terms[i] = new int[size];
            fields[i] = new byte[size];
            for (int k = 0; k < size; k++) {
                terms[i][k] = in.getInt();
                fields[i][k] = in.get();
                check(terms[i][k] >= 0 && terms[i][k] < words);
            }
            int length = in.get();
            check(length >= 0 && length <= RelatedQuestions.LIMIT && (length == 0 || (flags & 4) != 0));
            if ((flags & 4) != 0) {
                lists[i] = new int[length];
                cosines[i] = new double[length];
                for (int m = 0; m < length; m++) {
                    lists[i][m] = in.getInt();
                    cosines[i][m] = in.getDouble();
                    check(lists[i][m] >= 0 && lists[i][m] < n);
                }
            }
        }
        check(!in.hasRemaining());
        int[] documents = new int[words];
        int[] counts = new int[words];
        RelatedQuestions.count(terms, candidates, documents, counts);
        double[] idf = RelatedQuestions.idf(n);
        double[][] weights = new double[n][];
        double[] norms = new double[n];
        int[][] telling = new int[n][];
        for (int i = 0; i < n; i++) {
            weights[i] = RelatedQuestions.weights(terms[i], fields[i], documents, idf);
            norms[i] = RelatedQuestions.norm(weights[i]);
            telling[i] = RelatedQuestions.telling(weights[i]);
        }
        boolean[] asks = RelatedQuestions.asks(given, norms);
        for (int i = 0; i < n; i++) {
            check(asks[i] == (lists[i] != null));
        }
        return new RelatedState(dictionary, new QuestionDraft[n], digests, terms, fields, candidates, given, documents,
                counts, weights, norms, telling, lists, cosines);
    }

    private static void check(boolean holds) {
        if (!holds) {
            throw new IllegalArgumentException("not a state of related questions");
        }
    }
}
