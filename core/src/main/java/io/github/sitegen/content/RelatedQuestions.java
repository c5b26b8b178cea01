package io.github.sitegen.content;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import io.github.sitegen.concurrent.Parallel;

/**
 * Related questions found for the questions that name none: up to {@link #LIMIT} questions from the
 * whole site that share the most telling words with it. Each question is a vector of its words
 * (question, aliases, tags and answer, weighted in that order), each word weighted by its inverse
 * document frequency, so that words every answer has count for little; questions are compared by
 * cosine similarity through an inverted index, word by word, never pair by pair. Only a question's
 * {@link #TERMS} most telling words are looked up, and none that more than a {@link #COMMON_SHARE}th of
 * the questions have, so a large site stays fast. Ties go to the question that comes first on the
 * site; the same content gives the same lists.
 *
 * <p>A word's document frequency is rounded down to one of the {@link #STEPS} (every number up to 32,
 * then each a sixteenth more than the last: 34, 36, 38, ...); for a word more than half the questions
 * have, the number of questions without it is rounded instead ({@link #rounded}). So one edit changes
 * the weight of a word only when it crosses a step. That lets a find start from the last one ({@link RelatedState}) and find again only the
 * lists that can change ({@link #find(List, Predicate, Parallel, RelatedState)}): those of the
 * questions whose vector changed (their words, or the step of one of their words), of those that
 * looked up a word whose count crossed the common-word cut, and of those whose list held a question
 * that changed or became or stopped being a draft; every other list can only take in such a question,
 * so it is merged with their new scores. The lists are exactly those of a find from scratch; with a different
 * number of questions, or too much changed, the find is from scratch (the words of the questions
 * whose text is the same are not read again).
 *
 * <p>A question's words are in alphabetical order, so that its vector is two arrays (word numbers
 * and weights) summed in the same order whatever the build path, and the index is one array of
 * postings per word; the questions are compared in slices on the build's threads, each slice with
 * its own scores.
 */
final class RelatedQuestions {

    /** How many related questions are found for a question, at most. */
    static final int LIMIT = 3;
    /** How alike (cosine) two questions must be for one to be suggested for the other. */
    static final double THRESHOLD = 0.08;
    private static final int TERMS = 24;
    private static final int COMMON_SHARE = 20;
    private static final byte QUESTION = 2;
    private static final byte ALIAS = 2;
    private static final byte TAG = 2;
    private static final byte ANSWER = 1;
    /** How many questions one thread compares at a time. */
    private static final int SLICE = 256;
    /** A find from scratch rather than from the last one when more than this share of the lists must be found again. */
    private static final int AGAIN_SHARE = 4;
    /** Document frequencies up to this are steps of their own; above, the steps are a {@code 1/EXACT}th apart. */
    private static final int EXACT = 16;
    /** The document frequencies weights are made of: each frequency is rounded down to one of these. */
    private static final int[] STEPS = steps();

    private RelatedQuestions() {
    }

    /**
     * The related questions found for each question of {@code questions} (in site order) that
     * does not name its own; {@code candidate} says which questions may be suggested (not drafts).
     */
    static Map<QuestionDraft, List<QuestionDraft>> find(List<QuestionDraft> questions, Predicate<QuestionDraft> candidate,
                                                        Parallel parallel) {
        return find(questions, candidate, parallel, null).lists();
    }

    /**
     * What a find gave: the lists, the state the next find may start from, and how many lists it
     * found (the others were merged from the last find's).
     */
    record Found(Map<QuestionDraft, List<QuestionDraft>> lists, RelatedState state, int foundAgain) {
    }

    /**
     * The lists {@link #find(List, Predicate, Parallel)} gives, found again only where they can
     * change since {@code previous} (a find's state, or {@code null}).
     */
    static Found find(List<QuestionDraft> questions, Predicate<QuestionDraft> candidate, Parallel parallel,
                      RelatedState previous) {
        int n = questions.size();
        RelatedState.Dictionary dictionary = previous == null ? new RelatedState.Dictionary() : previous.dictionary();
        QuestionDraft[] drafts = questions.toArray(QuestionDraft[]::new);
        String[] digests = new String[n];
        int[][] terms = new int[n][];
        byte[][] fields = new byte[n][];
        boolean[] candidates = new boolean[n];
        boolean[] given = new boolean[n];
        Words words = new Words(dictionary);
        MessageDigest sha256 = sha256();
        Map<String, Integer> before = null;
        for (int i = 0; i < n; i++) {
            QuestionDraft q = drafts[i];
            candidates[i] = candidate.test(q);
            given[i] = q.relatedGiven();
            if (previous != null && i < previous.size() && previous.drafts()[i] == q) {
                digests[i] = previous.digests()[i];
                terms[i] = previous.terms()[i];
                fields[i] = previous.fields()[i];
                continue;
            }
            digests[i] = digest(q, sha256);
            if (previous != null && before == null) {
                before = previous.byDigest();
            }
            Integer old = before == null ? null : before.get(digests[i]);
            if (old != null) {
                terms[i] = previous.terms()[old];
                fields[i] = previous.fields()[old];
            } else {
                words.of(q);
                terms[i] = words.terms();
                fields[i] = words.fields();
            }
        }
        int[] documents = new int[dictionary.size()];
        int[] counts = new int[dictionary.size()];
        count(terms, candidates, documents, counts);
        boolean same = previous != null && previous.size() == n;
        // The words whose weight changed: their document frequency crossed a step.
        boolean[] reweighed = new boolean[documents.length];
        if (same) {
            for (int w = 0; w < documents.length; w++) {
                reweighed[w] = rounded(documents[w], n)
                        != rounded(w < previous.documents().length ? previous.documents()[w] : 0, n);
            }
        }
        double[] idf = idf(n);
        double[][] weights = new double[n][];
        double[] norms = new double[n];
        int[][] telling = new int[n][];
        boolean[] changed = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (same && digests[i].equals(previous.digests()[i]) && !any(terms[i], reweighed)) {
                weights[i] = previous.weights()[i];
                norms[i] = previous.norms()[i];
                telling[i] = previous.telling()[i];
            } else {
                changed[i] = true;
                weights[i] = weights(terms[i], fields[i], documents, idf);
                norms[i] = norm(weights[i]);
                telling[i] = telling(weights[i]);
            }
        }
        int common = Math.max(50, n / COMMON_SHARE);
        Vectors vectors = new Vectors(terms, weights, norms, telling, asks(given, norms), candidates, counts, common);
        int[][] lists = new int[n][];
        double[][] cosines = new double[n][];
        int again = same ? vectors.again(previous, changed) : -1;
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (vectors.asks()[i] && (again < 0 || vectors.again[i])) {
                found.add(i);
            }
        }
        Index index = Index.of(vectors, dictionary.size());
        List<List<Integer>> slices = IntStream.range(0, (found.size() + SLICE - 1) / SLICE)
                .mapToObj(s -> found.subList(s * SLICE, Math.min(found.size(), (s + 1) * SLICE))).toList();
        List<List<Ranked>> ranked = parallel.map(slices, RuntimeException.class, RuntimeException.class,
                slice -> index.mostAlike(slice));
        for (int s = 0; s < slices.size(); s++) {
            for (int k = 0; k < slices.get(s).size(); k++) {
                int i = slices.get(s).get(k);
                lists[i] = ranked.get(s).get(k).ids();
                cosines[i] = ranked.get(s).get(k).cosines();
            }
        }
        if (again >= 0) {
            vectors.merge(previous, lists, cosines);
        }
        Map<QuestionDraft, List<QuestionDraft>> result = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            if (lists[i] != null) {
                result.put(drafts[i], Arrays.stream(lists[i]).mapToObj(j -> drafts[j]).toList());
            }
        }
        RelatedState state = new RelatedState(dictionary, drafts, digests, terms, fields, candidates, given, documents,
                counts, weights, norms, telling, lists, cosines);
        return new Found(result, state, found.size());
    }

    /** How many questions have each word ({@code documents}), and how many of the candidates ({@code counts}). */
    static void count(int[][] terms, boolean[] candidates, int[] documents, int[] counts) {
        for (int i = 0; i < terms.length; i++) {
            for (int t : terms[i]) {
                documents[t]++;
                if (candidates[i]) {
                    counts[t]++;
                }
            }
        }
    }

    /** Whether a question is given related questions: it names none and has a word. */
    static boolean[] asks(boolean[] given, double[] norms) {
        boolean[] asks = new boolean[given.length];
        for (int i = 0; i < given.length; i++) {
            asks[i] = !given[i] && norms[i] != 0;
        }
        return asks;
    }

    /** The weight of each word of a question: its field's weight times the inverse frequency of its rounded count. */
    static double[] weights(int[] terms, byte[] fields, int[] documents, double[] idf) {
        double[] w = new double[terms.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = fields[k] * idf[documents[terms[k]]];
        }
        return w;
    }

    static double norm(double[] w) {
        double norm = 0;
        for (double x : w) {
            norm += x * x;
        }
        return Math.sqrt(norm);
    }

    /**
     * The inverse document frequency of a word that {@code d} of {@code n} questions have, for
     * each {@code d}, from its {@link #rounded} count ({@link StrictMath#log}, the same bits on every
     * processor and JVM, so that the scores a kept state holds are those a find from scratch makes).
     */
    static double[] idf(int n) {
        double[] idf = new double[n + 1];
        for (int d = 0; d <= n; d++) {
            int r = rounded(d, n);
            idf[d] = StrictMath.log(1 + (n - r + 0.5) / (r + 0.5));
        }
        return idf;
    }

    /**
     * How many questions a word that {@code d} of {@code n} have counts as: {@code d} rounded down to
     * a step, or for a word most questions have, {@code n - d} rounded down (its weight depends on
     * both).
     */
    static int rounded(int d, int n) {
        return 2 * d <= n ? STEPS[step(d)] : n - STEPS[step(n - d)];
    }

    /** The place of the step a count is rounded down to. */
    private static int step(int documents) {
        int at = Arrays.binarySearch(STEPS, documents);
        return at >= 0 ? at : -at - 2;
    }

    private static int[] steps() {
        List<Integer> steps = new ArrayList<>(List.of(0));
        for (long d = 1; d <= Integer.MAX_VALUE; d = Math.max(d + 1, d + d / EXACT)) {
            steps.add((int) d);
        }
        return steps.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean any(int[] terms, boolean[] words) {
        for (int t : terms) {
            if (words[t]) {
                return true;
            }
        }
        return false;
    }

    /** The digest of the text a question's words are read from, with {@code sha256} (reset after). */
    static String digest(QuestionDraft q, MessageDigest sha256) {
        update(sha256, 'q', q.question());
        q.review().aliases().forEach(alias -> update(sha256, 'a', alias.value()));
        q.tags().forEach(tag -> update(sha256, 't', tag));
        update(sha256, 'r', q.answer());
        return new String(sha256.digest(), StandardCharsets.ISO_8859_1);
    }

    private static void update(MessageDigest sha256, char field, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        sha256.update((byte) field);
        sha256.update(ByteBuffer.allocate(4).putInt(0, bytes.length));
        sha256.update(bytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The questions a find compares, up to {@link #LIMIT} of them with their cosines. */
    record Ranked(int[] ids, double[] cosines) {
    }

    /**
     * The questions' weighted words, their {@link #TERMS} most telling words, whether each asks
     * for related questions and may be suggested, and how many candidates have each word.
     */
    private record Vectors(int[][] terms, double[][] weights, double[] norms, int[][] telling, boolean[] asks,
                           boolean[] candidates, int[] counts, int common, boolean[] again, boolean[] target) {

        Vectors(int[][] terms, double[][] weights, double[] norms, int[][] telling, boolean[] asks, boolean[] candidates,
                int[] counts, int common) {
            this(terms, weights, norms, telling, asks, candidates, counts, common, new boolean[terms.length],
                    new boolean[terms.length]);
        }

        /**
         * Marks the lists that must be found again since {@code previous} ({@link #again}) and the
         * questions that may enter other lists ({@link #target}): how many lists, or -1 when so many
         * that a find from scratch is as quick.
         */
        int again(RelatedState previous, boolean[] changed) {
            int n = terms.length;
            int targets = 0;
            for (int i = 0; i < n; i++) {
                target[i] = changed[i] || candidates[i] != previous.candidates()[i];
                targets += target[i] ? 1 : 0;
            }
            boolean[] crossed = new boolean[counts.length];
            int[] before = previous.counts();
            for (int w = 0; w < counts.length; w++) {
                crossed[w] = (counts[w] > common) != ((w < before.length ? before[w] : 0) > common);
            }
            int count = 0;
            for (int i = 0; i < n; i++) {
                again[i] = asks[i] && (changed[i] || previous.lists()[i] == null || looksUpAny(i, crossed)
                        || anyOf(previous.lists()[i], target));
                count += again[i] ? 1 : 0;
            }
            return (count + targets) * AGAIN_SHARE > n ? -1 : count;
        }

        private boolean looksUpAny(int i, boolean[] words) {
            for (int k : telling[i]) {
                if (words[terms[i][k]]) {
                    return true;
                }
            }
            return false;
        }

        private static boolean anyOf(int[] ids, boolean[] marked) {
            for (int j : ids) {
                if (marked[j]) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The lists not found again: the last find's, with the {@link #target}s that now score
         * above its last (every other question's score with it is as it was, and below).
         */
        void merge(RelatedState previous, int[][] lists, double[][] cosines) {
            int n = terms.length;
            // The changed candidates' words, as postings: question and weight, chained by word.
            int[] head = new int[counts.length];
            Arrays.fill(head, -1);
            int size = 0;
            for (int j = 0; j < n; j++) {
                if (target[j] && candidates[j]) {
                    size += terms[j].length;
                }
            }
            int[] next = new int[size];
            int[] question = new int[size];
            double[] weight = new double[size];
            int at = 0;
            for (int j = n - 1; j >= 0; j--) {
                if (target[j] && candidates[j]) {
                    for (int k = 0; k < terms[j].length; k++) {
                        next[at] = head[terms[j][k]];
                        question[at] = j;
                        weight[at] = weights[j][k];
                        head[terms[j][k]] = at++;
                    }
                }
            }
            double[] scores = new double[n];
            int[] touched = new int[n];
            for (int i = 0; i < n; i++) {
                if (!asks[i] || again[i]) {
                    continue;
                }
                int count = 0;
                for (int k : telling[i]) {
                    int t = terms[i][k];
                    if (counts[t] > common) {
                        continue;
                    }
                    for (int p = head[t]; p >= 0; p = next[p]) {
                        int j = question[p];
                        if (j != i) {
                            if (scores[j] == 0) {
                                touched[count++] = j;
                            }
                            scores[j] += weights[i][k] * weight[p];
                        }
                    }
                }
                Best best = new Best();
                int[] kept = previous.lists()[i];
                for (int m = 0; m < kept.length; m++) {
                    best.offer(kept[m], previous.cosines()[i][m]);
                }
                for (int c = 0; c < count; c++) {
                    int j = touched[c];
                    best.offer(j, scores[j] / (norms[i] * norms[j]));
                    scores[j] = 0;
                }
                lists[i] = best.ids();
                cosines[i] = best.cosines();
            }
        }
    }

    /** The index of the candidates' words: one array of postings (question, weight), word after word. */
    private record Index(Vectors vectors, int[] start, int[] postings, double[] postingWeights) {

        static Index of(Vectors vectors, int words) {
            int n = vectors.terms().length;
            int[] start = new int[words + 1];
            for (int w = 0; w < words; w++) {
                start[w + 1] = start[w] + vectors.counts()[w];
            }
            int[] postings = new int[start[words]];
            double[] postingWeights = new double[postings.length];
            int[] next = Arrays.copyOf(start, words);
            for (int i = 0; i < n; i++) {
                if (vectors.candidates()[i]) {
                    int[] t = vectors.terms()[i];
                    for (int k = 0; k < t.length; k++) {
                        int at = next[t[k]]++;
                        postings[at] = i;
                        postingWeights[at] = vectors.weights()[i][k];
                    }
                }
            }
            return new Index(vectors, start, postings, postingWeights);
        }

        /** For each question of {@code questions}: the most alike. */
        List<Ranked> mostAlike(List<Integer> questions) {
            int n = vectors.terms().length;
            double[] scores = new double[n];
            int[] touched = new int[n];
            List<Ranked> found = new ArrayList<>(questions.size());
            for (int i : questions) {
                int[] t = vectors.terms()[i];
                double[] w = vectors.weights()[i];
                int count = 0;
                for (int k : vectors.telling()[i]) {
                    int first = start[t[k]];
                    int end = start[t[k] + 1];
                    if (end - first > vectors.common()) {
                        continue;
                    }
                    for (int p = first; p < end; p++) {
                        int j = postings[p];
                        if (j != i) {
                            if (scores[j] == 0) {
                                touched[count++] = j;
                            }
                            scores[j] += w[k] * postingWeights[p];
                        }
                    }
                }
                Best best = new Best();
                for (int c = 0; c < count; c++) {
                    int j = touched[c];
                    best.offer(j, scores[j] / (vectors.norms()[i] * vectors.norms()[j]));
                    scores[j] = 0;
                }
                found.add(new Ranked(best.ids(), best.cosines()));
            }
            return found;
        }
    }

    /** The {@link #LIMIT} most alike by cosine, the first on the site among equals: one pass, no sort. */
    private static final class Best {
        private final int[] best = new int[LIMIT];
        private final double[] bestScore = new double[LIMIT];
        private int kept;

        void offer(int j, double cosine) {
            if (cosine < THRESHOLD) {
                return;
            }
            int at = kept;
            while (at > 0 && (cosine > bestScore[at - 1] || cosine == bestScore[at - 1] && j < best[at - 1])) {
                at--;
            }
            if (at < LIMIT) {
                for (int m = Math.min(kept, LIMIT - 1); m > at; m--) {
                    best[m] = best[m - 1];
                    bestScore[m] = bestScore[m - 1];
                }
                best[at] = j;
                bestScore[at] = cosine;
                kept = Math.min(kept + 1, LIMIT);
            }
        }

        int[] ids() {
            return Arrays.copyOf(best, kept);
        }

        double[] cosines() {
            return Arrays.copyOf(bestScore, kept);
        }
    }

    /**
     * The places of the {@link #TERMS} heaviest weights, heaviest first, the first word
     * alphabetically among equals (the weights are in alphabetical order of their words).
     */
    static int[] telling(double[] w) {
        int[] top = new int[Math.min(TERMS, w.length)];
        int kept = 0;
        for (int k = 0; k < w.length; k++) {
            int at = kept;
            while (at > 0 && w[k] > w[top[at - 1]]) {
                at--;
            }
            if (at < top.length) {
                System.arraycopy(top, at, top, at + 1, Math.min(kept, top.length - 1) - at);
                top[at] = k;
                kept = Math.min(kept + 1, top.length);
            }
        }
        return top;
    }

    /** One question's words at a time, numbered in the site's dictionary, with their weights. */
    private static final class Words {
        private final RelatedState.Dictionary numbers;
        private int[] seen = new int[1024];
        private byte[] weight = new byte[1024];
        private int[] question = new int[64];
        private int size;
        private int asked;

        Words(RelatedState.Dictionary numbers) {
            this.numbers = numbers;
        }

        /** Reads the words of {@code draft}, each with the weight of the most telling field it is in. */
        void of(QuestionDraft draft) {
            asked++;
            size = 0;
            add(draft.question(), QUESTION);
            draft.review().aliases().forEach(alias -> add(alias.value(), ALIAS));
            draft.tags().forEach(tag -> add(tag, TAG));
            add(draft.answer(), ANSWER);
            Integer[] order = new Integer[size];
            for (int k = 0; k < size; k++) {
                order[k] = question[k];
            }
            Arrays.sort(order, (a, b) -> numbers.word(a).compareTo(numbers.word(b)));
            for (int k = 0; k < size; k++) {
                question[k] = order[k];
            }
        }

        /** The words read, in alphabetical order. */
        int[] terms() {
            return Arrays.copyOf(question, size);
        }

        byte[] fields() {
            byte[] w = new byte[size];
            for (int k = 0; k < size; k++) {
                w[k] = weight[question[k]];
            }
            return w;
        }

        /**
         * The words of {@link Lint#tokens}, without its cost where the text is plain ASCII: a run
         * of ASCII letters and digits is a word as it is, in lower case; runs with other characters
         * go through {@link Lint#tokens}.
         */
        private void add(String text, byte fieldWeight) {
            int length = text.length();
            int from = 0;
            while (from < length) {
                while (from < length && separates(text.charAt(from))) {
                    from++;
                }
                int to = from;
                boolean ascii = true;
                while (to < length && !separates(text.charAt(to))) {
                    ascii &= text.charAt(to) < 0x80;
                    to++;
                }
                if (to > from) {
                    String run = text.substring(from, to);
                    if (ascii) {
                        word(run.toLowerCase(Locale.ROOT), fieldWeight);
                    } else {
                        Lint.tokens(run).stream().sorted().forEach(token -> word(token, fieldWeight));
                    }
                }
                from = to;
            }
        }

        /** Whether an ASCII character parts words: punctuation, symbols and white space, as in {@link Lint#normalise}. */
        private static boolean separates(char c) {
            return c < 0x80 && !Character.isLetterOrDigit(c)
                    && (c >= 0x20 && c != 0x7F || c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r');
        }

        private void word(String word, byte fieldWeight) {
            if (word.length() == 1 && Character.isLetterOrDigit(word.charAt(0)) && word.codePointAt(0) <= 0x2E80) {
                return;
            }
            int number = numbers.number(word);
            if (number >= seen.length) {
                int length = Math.max(seen.length * 2, number + 1);
                seen = Arrays.copyOf(seen, length);
                weight = Arrays.copyOf(weight, length);
            }
            if (seen[number] != asked) {
                seen[number] = asked;
                weight[number] = fieldWeight;
                if (size == question.length) {
                    question = Arrays.copyOf(question, size * 2);
                }
                question[size++] = number;
            } else {
                weight[number] = (byte) Math.max(weight[number], fieldWeight);
            }
        }
    }
}
