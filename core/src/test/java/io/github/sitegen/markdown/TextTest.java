package io.github.sitegen.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void oneLineTurnsEachRunOfWhiteSpaceIntoOneSpaceAndStripsTheEnds() {
        assertEquals("a b c d", Text.oneLine("  a\n\n b\t\tc \r\n\f\u000Bd \n"));
        assertEquals("already one line", Text.oneLine("already one line"));
        assertEquals("", Text.oneLine(" \n\t "));
    }

    @Test
    void oneLineKeepsNoBreakAndIdeographicSpacesInsideTheTextAsARegularExpressionWould() {
        for (String text : new String[] {"a\u00A0 b", "質問\u3000です", " x\u2003\n y ", "\u3000lead and trail\u3000",
                "tab\tthen\u0085next", ""}) {
            assertEquals(text.replaceAll("\\s+", " ").strip(), Text.oneLine(text), text);
        }
    }

    @Test
    void theFirstSentenceIsCutAtAWordBoundaryBelowTwoHundredCharacters() {
        assertEquals("One.", Text.firstSentence("One. Two."));
        String first = Text.firstSentence("word ".repeat(60).strip() + ".");
        assertEquals("word ".repeat(39) + "word…", first);
    }
}
