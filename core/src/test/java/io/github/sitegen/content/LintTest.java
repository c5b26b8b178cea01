package io.github.sitegen.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sitegen.markdown.Text;
import org.junit.jupiter.api.Test;

class LintTest {

    @Test
    void theOneWordCheckReadsOnlyTheStartOfALongAnswer() {
        // 10,000,000 characters of different words: a one-line answer of a 15 MB file.
        CharSequence answer = new CountingText(10_000_000);
        CountingText counted = (CountingText) answer;

        assertTrue(Lint.hasTwoWords(answer));
        assertTrue(counted.read <= 2L * Lint.PIECE, "characters read: " + counted.read);
    }

    @Test
    void theOneWordCheckCountsWordsAsTheWholeTextWouldAcrossPieces() {
        String longWord = "x".repeat(Lint.PIECE + 10);
        String[] texts = {"", "yes", "yes yes", "Yes, yes!", "yes no", "café cafe\u0301", "返金", "返", longWord,
                longWord + " " + longWord, longWord + " y", " ".repeat(Lint.PIECE) + "a b",
                "a".repeat(Lint.PIECE - 1) + "返金", ("word ").repeat(3 * Lint.PIECE), ("word ").repeat(3 * Lint.PIECE) + "other"};
        for (String text : texts) {
            assertEquals(Lint.tokens(text).size() >= 2, Lint.hasTwoWords(text), Text.abbreviate(text, 40));
        }
    }

    /** Words w0 w1 w2 ... up to a length, counting the characters read. */
    private static final class CountingText implements CharSequence {
        private final int length;
        long read;

        CountingText(int length) {
            this.length = length;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            read++;
            return at(index);
        }

        private static char at(int index) {
            return index % 8 == 7 ? ' ' : (char) ('a' + index / 8 % 26);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            StringBuilder piece = new StringBuilder(end - start);
            for (int i = start; i < end; i++) {
                piece.append(charAt(i));
            }
            return piece;
        }
    }
}
