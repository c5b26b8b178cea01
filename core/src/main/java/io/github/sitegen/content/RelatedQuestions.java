package io.github.sitegen.content;

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
 * <p>Words are numbered in alphabetical order, so that a question's vector is two arrays (word
 * numbers, ascending, and weights) and the index is one array of postings per word; the questions
 * are then compared in slices on the build's threads, each slice with its own scores.
 */
final class RelatedQuestions {

    /** How many related questions are found for a question, at most. */
    static final int LIMIT = 3;
    /** How alike (cosine) two questions must be for one to be suggested for the other. */
    static final double THRESHOLD = 0.08;
    private static final int TERMS = 24;
    private static final int COMMON_SHARE = 20;
    private static final double QUESTION = 2;
    private static final double ALIAS = 2;
    private static final double TAG = 2;
    private static final double ANSWER = 1;
    /** How many questions one thread compares at a time. */
    private static final int SLICE = 256;

    private RelatedQuestions() {
    }

    /**
     * The related questions found for each question of {@code questions} (in site order) that
     * does not name its own; {@code candidate} says which questions may be suggested (not drafts).
     */
    static Map<QuestionDraft, List<QuestionDraft>> find(List<QuestionDraft> questions, Predicate<QuestionDraft> candidate,
                                                        Parallel parallel) {
        Vectors vectors = Vectors.of(questions, candidate);
        int n = questions.size();
        List<int[]> slices = IntStream.range(0, (n + SLICE - 1) / SLICE).mapToObj(s -> new int[] {s * SLICE,
                Math.min(n, (s + 1) * SLICE)}).toList();
        List<int[][]> best = parallel.map(slices, RuntimeException.class, RuntimeException.class,
                slice -> vectors.mostAlike(questions, slice[0], slice[1]));
        Map<QuestionDraft, List<QuestionDraft>> found = new IdentityHashMap<>();
        for (int s = 0; s < slices.size(); s++) {
            for (int i = slices.get(s)[0]; i < slices.get(s)[1]; i++) {
                int[] related = best.get(s)[i - slices.get(s)[0]];
                if (related != null) {
                    found.put(questions.get(i), Arrays.stream(related).mapToObj(questions::get).toList());
                }
            }
        }
        return found;
    }

    /** The questions' weighted words and the index of the candidates' words. */
    private record Vectors(int[][] terms, double[][] weights, double[] norms, boolean[] asks, int[] start,
                           int[] postings, double[] postingWeights, int common) {

        static Vectors of(List<QuestionDraft> questions, Predicate<QuestionDraft> candidate) {
            int n = questions.size();
            Words words = new Words();
            int[][] terms = new int[n][];
            double[][] fields = new double[n][];
            for (int i = 0; i < n; i++) {
                words.of(questions.get(i));
                terms[i] = words.terms();
                fields[i] = words.weights();
            }
            // Words numbered in alphabetical order; how many questions have each.
            int[] rank = words.ranks();
            int[] documents = new int[rank.length];
            for (int[] t : terms) {
                for (int k = 0; k < t.length; k++) {
                    t[k] = rank[t[k]];
                    documents[t[k]]++;
                }
            }
            double[] idf = new double[rank.length];
            for (int w = 0; w < idf.length; w++) {
                idf[w] = Math.log(1 + (n - documents[w] + 0.5) / (documents[w] + 0.5));
            }
            double[][] weights = new double[n][];
            double[] norms = new double[n];
            boolean[] asks = new boolean[n];
            int[] start = new int[rank.length + 1];
            boolean[] candidates = new boolean[n];
            for (int i = 0; i < n; i++) {
                sortTogether(terms[i], fields[i]);
                double[] w = fields[i];
                double norm = 0;
                for (int k = 0; k < w.length; k++) {
                    w[k] *= idf[terms[i][k]];
                    norm += w[k] * w[k];
                }
                weights[i] = w;
                norms[i] = Math.sqrt(norm);
                asks[i] = !questions.get(i).relatedGiven() && norms[i] != 0;
                candidates[i] = candidate.test(questions.get(i));
                if (candidates[i]) {
                    for (int t : terms[i]) {
                        start[t + 1]++;
                    }
                }
            }
            for (int w = 0; w < rank.length; w++) {
                start[w + 1] += start[w];
            }
            int[] postings = new int[start[rank.length]];
            double[] postingWeights = new double[postings.length];
            int[] next = Arrays.copyOf(start, rank.length);
            for (int i = 0; i < n; i++) {
                if (candidates[i]) {
                    for (int k = 0; k < terms[i].length; k++) {
                        int at = next[terms[i][k]]++;
                        postings[at] = i;
                        postingWeights[at] = weights[i][k];
                    }
                }
            }
            return new Vectors(terms, weights, norms, asks, start, postings, postingWeights,
                    Math.max(50, n / COMMON_SHARE));
        }

        /** For each question from {@code from} to {@code to}: the most alike, or null when it asks for none. */
        int[][] mostAlike(List<QuestionDraft> questions, int from, int to) {
            int n = questions.size();
            double[] scores = new double[n];
            int[] touched = new int[n];
            int[][] found = new int[to - from][];
            for (int i = from; i < to; i++) {
                if (!asks[i]) {
                    continue;
                }
                int[] t = terms[i];
                double[] w = weights[i];
                int count = 0;
                for (int k : telling(w)) {
                    int first = start[t[k]];
                    int end = start[t[k] + 1];
                    if (end - first > common) {
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
                found[i - from] = best(i, scores, touched, count);
            }
            return found;
        }

        /** The {@link #LIMIT} most alike by cosine, the first on the site among equals: one pass, no sort. */
        private int[] best(int i, double[] scores, int[] touched, int count) {
            int[] best = new int[LIMIT];
            double[] bestScore = new double[LIMIT];
            int kept = 0;
            for (int c = 0; c < count; c++) {
                int j = touched[c];
                double cosine = scores[j] / (norms[i] * norms[j]);
                scores[j] = 0;
                if (cosine < THRESHOLD) {
                    continue;
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
            return Arrays.copyOf(best, kept);
        }
    }

    /**
     * The places of the {@link #TERMS} heaviest weights, heaviest first, the first word
     * alphabetically among equals (the weights are in alphabetical order of their words).
     */
    private static int[] telling(double[] w) {
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

    /** Sorts {@code keys} ascending (they are distinct) and {@code values} along with them. */
    private static void sortTogether(int[] keys, double[] values) {
        long[] pairs = new long[keys.length];
        for (int k = 0; k < keys.length; k++) {
            pairs[k] = (long) keys[k] << 32 | k;
        }
        Arrays.sort(pairs);
        double[] copy = values.clone();
        for (int k = 0; k < keys.length; k++) {
            keys[k] = (int) (pairs[k] >>> 32);
            values[k] = copy[(int) pairs[k]];
        }
    }

    /** The site's words, numbered as first met, and one question's words at a time with their weights. */
    private static final class Words {
        private final Map<String, Integer> numbers = new HashMap<>();
        private final List<String> words = new ArrayList<>();
        private int[] seen = new int[1024];
        private double[] weight = new double[1024];
        private int[] question = new int[64];
        private int size;
        private int asked;

        /** Reads the words of {@code draft}, each with the weight of the most telling field it is in. */
        void of(QuestionDraft draft) {
            asked++;
            size = 0;
            add(draft.question(), QUESTION);
            draft.review().aliases().forEach(alias -> add(alias.value(), ALIAS));
            draft.tags().forEach(tag -> add(tag, TAG));
            add(draft.answer(), ANSWER);
        }

        int[] terms() {
            return Arrays.copyOf(question, size);
        }

        double[] weights() {
            double[] w = new double[size];
            for (int k = 0; k < size; k++) {
                w[k] = weight[question[k]];
            }
            return w;
        }

        /** Each word's place in alphabetical order, by its number. */
        int[] ranks() {
            Integer[] order = new Integer[words.size()];
            Arrays.setAll(order, k -> k);
            Arrays.sort(order, (a, b) -> words.get(a).compareTo(words.get(b)));
            int[] rank = new int[order.length];
            for (int r = 0; r < order.length; r++) {
                rank[order[r]] = r;
            }
            return rank;
        }

        /**
         * The words of {@link Lint#tokens}, without its cost where the text is plain ASCII: a run
         * of ASCII letters and digits is a word as it is, in lower case; runs with other characters
         * go through {@link Lint#tokens}.
         */
        private void add(String text, double fieldWeight) {
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

        private void word(String word, double fieldWeight) {
            if (word.length() == 1 && Character.isLetterOrDigit(word.charAt(0)) && word.codePointAt(0) <= 0x2E80) {
                return;
            }
            int number = numbers.computeIfAbsent(word, w -> {
                words.add(w);
                return words.size() - 1;
            });
            if (number >= seen.length) {
                seen = Arrays.copyOf(seen, seen.length * 2);
                weight = Arrays.copyOf(weight, weight.length * 2);
            }
            if (seen[number] != asked) {
                seen[number] = asked;
                weight[number] = fieldWeight;
                if (size == question.length) {
                    question = Arrays.copyOf(question, size * 2);
                }
                question[size++] = number;
            } else {
                weight[number] = Math.max(weight[number], fieldWeight);
            }
        }
    }
}
