package io.github.sitegen.content;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.sitegen.markdown.Text;
import io.github.sitegen.render.Urls;

/**
 * The checks that keep an FAQ healthy beyond its format: answers that say nothing, questions that
 * do not read as questions, repeated and near-repeated questions, links between questions that
 * point nowhere, and answers overdue for review. They are warnings: {@code site-gen:check} with
 * {@code site-gen.strict} turns them into a failure.
 */
final class Lint {

    /** How alike two questions' words must be (Jaccard) to be reported as near-duplicates. */
    static final double NEAR_DUPLICATE = 0.7;

    /** A question mark (of any script) near the end: at most two characters may follow it. */
    private static final Pattern QUESTION_END = Pattern.compile("(?s).*[?？؟;⸮]\\s*\\S{0,2}$");
    private static final Pattern SHORT_LINK = Pattern.compile("([a-z0-9]+(?:-[a-z0-9]+)*)?#(.+)");
    private static final Pattern TOPIC_LINK = Pattern.compile("(?:\\.\\./)?([a-z0-9]+(?:-[a-z0-9]+)*)/(?:index\\.html)?#(.+)");

    private Lint() {
    }

    /** The checks of one question on its own. */
    static void question(QuestionDraft question, String answerText, Period reviewEvery, LocalDate today, Problems problems) {
        // Scripts without spaces between words count their pairs of characters as words.
        if (answerText.isBlank() || !hasTwoWords(answerText)) {
            problems.warning(question.file(), question.answerAt(), "the answer is " + (answerText.isBlank() ? "empty" : "one word"),
                    "write an answer a reader can act on");
        }
        if (!QUESTION_END.matcher(question.question()).matches()) {
            problems.warning(question.file(), question.at(), "'" + Text.abbreviate(question.question(), 60)
                    + "' does not read as a question", "end it with a question mark, or rephrase it as a question");
        }
        QuestionDraft.Review review = question.review();
        if (overdue(review, reviewEvery, today)) {
            String owner = review.owner().isEmpty() ? "no owner" : "owner: " + review.owner();
            if (review.reviewed() == null) {
                problems.warning(question.file(), question.at(), "the answer has never been reviewed (" + owner + ")",
                        "review it and add 'reviewed: " + today + "'");
            } else {
                problems.warning(question.file(), question.at(), "the answer was last reviewed on " + review.reviewed()
                        + " and was due on " + review.reviewed().plus(reviewEvery) + " (" + owner + ")",
                        "review it and update 'reviewed:'");
            }
        }
    }

    /** When the next review of an answer is due: {@code null} without an interval or a first review. */
    static LocalDate due(QuestionDraft.Review review, Period reviewEvery) {
        return reviewEvery == null || review.reviewed() == null ? null : review.reviewed().plus(reviewEvery);
    }

    /** Whether an answer under a review interval was never reviewed, or is past its due date. */
    static boolean overdue(QuestionDraft.Review review, Period reviewEvery, LocalDate today) {
        return reviewEvery != null && (review.reviewed() == null || review.reviewed().plus(reviewEvery).isBefore(today));
    }

    /**
     * Resolves a Markdown link of an answer. {@code #question-id} and {@code topic-id#question-id}
     * are short links to a question anywhere on the site and become its site path (which the page
     * then writes relative to itself); links to a question of a topic page ({@code billing/#pay},
     * and {@code ../billing/#pay} as written before relative URLs started at the site's root) are
     * checked. A link that points nowhere is reported.
     */
    static String resolveLink(String destination, QuestionDraft from, Map<String, QuestionDraft> byId, boolean drafts,
                              Problems problems) {
        Matcher shortLink = SHORT_LINK.matcher(destination);
        Matcher topicLink = TOPIC_LINK.matcher(destination);
        String topic;
        String id;
        if (shortLink.matches()) {
            topic = shortLink.group(1);
            id = shortLink.group(2);
        } else if (topicLink.matches()) {
            topic = topicLink.group(1);
            id = topicLink.group(2);
        } else {
            return destination;
        }
        QuestionDraft target = byId.get(id);
        if (target == null || topic != null && !topic.equals(target.topicId()) || target.review().draft() && !drafts) {
            String hint = Suggestions.nearest(id, byId.keySet()).map(s -> "did you mean '#" + s + "'?")
                    .orElse("link questions as #question-id or topic-id#question-id");
            problems.warning(from.file(), from.answerAt(), "the link '" + destination + "' points to no question"
                    + (target != null && target.review().draft() ? " that is published (it is a draft)" : ""), hint);
            return destination;
        }
        return Urls.questionPath(target.topicId(), id);
    }

    /**
     * Questions asked twice (the same words, aliases included) anywhere on the site, and questions
     * whose words are nearly the same.
     */
    static void duplicates(List<TopicDraft> topics, Problems problems) {
        List<Phrase> phrases = new ArrayList<>();
        for (TopicDraft topic : topics) {
            for (QuestionDraft question : topic.questions()) {
                if (!question.complete()) {
                    continue;
                }
                phrases.add(new Phrase(question, question.question(), question.at()));
                question.review().aliases().forEach(alias -> phrases.add(new Phrase(question, alias.value(), alias.at())));
            }
        }
        Map<String, Phrase> seen = new HashMap<>();
        for (Phrase phrase : phrases) {
            Phrase first = seen.putIfAbsent(normalise(phrase.text()), phrase);
            if (first != null && first.question() != phrase.question()) {
                problems.warning(phrase.question().file(), phrase.at(), "the same question as " + first.question().position(),
                        "merge the two, or make one an alias of the other");
            }
        }
        nearDuplicates(phrases, problems);
    }

    /** Pairs of questions that share most of their words, found through their rarest words. */
    private static void nearDuplicates(List<Phrase> phrases, Problems problems) {
        List<Set<String>> words = phrases.stream().map(p -> tokens(p.text())).toList();
        Map<String, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            for (String word : words.get(i)) {
                index.computeIfAbsent(word, w -> new ArrayList<>()).add(i);
            }
        }
        Set<Long> reported = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            List<String> rarest = words.get(i).stream()
                    .sorted((a, b) -> Integer.compare(index.get(a).size(), index.get(b).size())).limit(3).toList();
            for (String word : rarest) {
                for (int j : index.get(word)) {
                    QuestionDraft a = phrases.get(i).question();
                    QuestionDraft b = phrases.get(j).question();
                    if (j <= i || a == b || !reported.add((long) Math.min(i, j) << 32 | Math.max(i, j))) {
                        continue;
                    }
                    double similarity = jaccard(words.get(i), words.get(j));
                    if (similarity >= NEAR_DUPLICATE && !normalise(phrases.get(i).text()).equals(normalise(phrases.get(j).text()))) {
                        problems.warning(b.file(), phrases.get(j).at(), String.format(Locale.ROOT,
                                "nearly the same question as %s (%.0f%% of the words)", a.position(), similarity * 100),
                                "merge the two, or make one an alias of the other");
                    }
                }
            }
        }
    }

    /** Lower case, no accents, no punctuation, single spaces. */
    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}\\s]+", " ").strip();
    }

    /** How many characters {@link #hasTwoWords} reads at a time, at least. */
    static final int PIECE = 4096;

    /**
     * Whether {@code text} has two different {@linkplain #tokens words}. It reads the text a piece
     * at a time, cut where a space or line break ends a word, and stops at the second word, so
     * that a long answer costs no more than its first few words.
     */
    static boolean hasTwoWords(CharSequence text) {
        Set<String> words = new HashSet<>();
        int start = 0;
        while (start < text.length() && words.size() < 2) {
            int end = Math.min(text.length(), start + PIECE);
            while (end < text.length() && " \t\n\r".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            words.addAll(tokens(text.subSequence(start, end).toString()));
            start = end;
        }
        return words.size() >= 2;
    }

    /**
     * The words of a text; scripts written without spaces (Chinese, Japanese) and Korean count
     * pairs of neighbouring characters as words.
     */
    static Set<String> tokens(String text) {
        Set<String> tokens = new HashSet<>();
        for (String word : normalise(text).split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (word.codePoints().anyMatch(Lint::isSpacelessScript) && word.codePointCount(0, word.length()) > 1) {
                int[] cps = word.codePoints().toArray();
                for (int k = 0; k + 1 < cps.length; k++) {
                    tokens.add(new String(cps, k, 2));
                }
            } else {
                tokens.add(word);
            }
        }
        return tokens;
    }

    private static boolean isSpacelessScript(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.THAI;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String word : a) {
            if (b.contains(word)) {
                common++;
            }
        }
        return common / (double) (a.size() + b.size() - common);
    }

    /** A question's text or one of its aliases. */
    private record Phrase(QuestionDraft question, String text, Position at) {
    }
}
