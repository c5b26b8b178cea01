package io.github.sitegen.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Related questions found for the questions that name none: up to {@link #LIMIT} questions from the
 * whole site that share the most telling words with it. Each question is a vector of its words
 * (question, aliases, tags and answer, weighted in that order), each word weighted by its inverse
 * document frequency, so that words every answer has count for little; questions are compared by
 * cosine similarity through an inverted index, word by word, never pair by pair. Only a question's
 * {@link #TERMS} most telling words are looked up, and none that more than a {@link #COMMON_SHARE}th of
 * the questions have, so a large site stays fast. Ties go to the question that comes first on the
 * site; the same content gives the same lists.
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

    private RelatedQuestions() {
    }

    /**
     * The related questions found for each question of {@code questions} (in site order) that
     * does not name its own; {@code candidate} says which questions may be suggested (not drafts).
     */
    static Map<QuestionDraft, List<QuestionDraft>> find(List<QuestionDraft> questions, Predicate<QuestionDraft> candidate) {
        int n = questions.size();
        List<Map<String, Double>> raw = new ArrayList<>(n);
        Map<String, Integer> documents = new HashMap<>();
        for (QuestionDraft question : questions) {
            Map<String, Double> words = words(question);
            raw.add(words);
            words.keySet().forEach(word -> documents.merge(word, 1, Integer::sum));
        }
        // Weighted vectors, their norms, and the index of the candidates' words.
        List<String[]> terms = new ArrayList<>(n);
        List<double[]> weights = new ArrayList<>(n);
        double[] norms = new double[n];
        Map<String, Postings> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String[] t = raw.get(i).keySet().toArray(new String[0]);
            Arrays.sort(t);
            double[] w = new double[t.length];
            double norm = 0;
            for (int k = 0; k < t.length; k++) {
                w[k] = raw.get(i).get(t[k]) * Math.log(1 + (n - documents.get(t[k]) + 0.5) / (documents.get(t[k]) + 0.5));
                norm += w[k] * w[k];
            }
            terms.add(t);
            weights.add(w);
            norms[i] = Math.sqrt(norm);
            if (candidate.test(questions.get(i))) {
                for (int k = 0; k < t.length; k++) {
                    index.computeIfAbsent(t[k], x -> new Postings()).add(i, w[k]);
                }
            }
        }
        int common = Math.max(50, n / COMMON_SHARE);
        double[] scores = new double[n];
        int[] touched = new int[n];
        Map<QuestionDraft, List<QuestionDraft>> found = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            QuestionDraft question = questions.get(i);
            if (question.relatedGiven() || norms[i] == 0) {
                continue;
            }
            String[] t = terms.get(i);
            double[] w = weights.get(i);
            Integer[] order = new Integer[t.length];
            Arrays.setAll(order, k -> k);
            Arrays.sort(order, (a, b) -> w[a] != w[b] ? Double.compare(w[b], w[a]) : t[a].compareTo(t[b]));
            int count = 0;
            for (int o = 0; o < Math.min(TERMS, order.length); o++) {
                int k = order[o];
                Postings postings = index.get(t[k]);
                if (postings == null || postings.size > common) {
                    continue;
                }
                for (int p = 0; p < postings.size; p++) {
                    int j = postings.questions[p];
                    if (j != i) {
                        if (scores[j] == 0) {
                            touched[count++] = j;
                        }
                        scores[j] += w[k] * postings.weights[p];
                    }
                }
            }
            // The LIMIT most alike, by cosine, the first on the site among equals: one pass, no sort.
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
            List<QuestionDraft> related = new ArrayList<>(kept);
            for (int k = 0; k < kept; k++) {
                related.add(questions.get(best[k]));
            }
            found.put(question, related);
        }
        return found;
    }

    /** The questions that have a word, in site order, with the word's weight in each. */
    private static final class Postings {
        int[] questions = new int[4];
        double[] weights = new double[4];
        int size;

        void add(int question, double weight) {
            if (size == questions.length) {
                questions = Arrays.copyOf(questions, size * 2);
                weights = Arrays.copyOf(weights, size * 2);
            }
            questions[size] = question;
            weights[size++] = weight;
        }
    }

    /** A question's words, each with the weight of the most telling field it is in. */
    private static Map<String, Double> words(QuestionDraft question) {
        Map<String, Double> words = new HashMap<>();
        add(words, question.question(), QUESTION);
        question.review().aliases().forEach(alias -> add(words, alias.value(), ALIAS));
        question.tags().forEach(tag -> add(words, tag, TAG));
        add(words, question.answer(), ANSWER);
        return words;
    }

    private static void add(Map<String, Double> words, String text, double weight) {
        for (String word : Lint.tokens(text)) {
            if (word.length() > 1 || !Character.isLetterOrDigit(word.charAt(0)) || word.codePointAt(0) > 0x2E80) {
                words.merge(word, weight, Math::max);
            }
        }
    }
}
