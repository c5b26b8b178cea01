package io.github.sitegen.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class IdsTest {

    /** The rule for question ids as docs/content-format.md states it, written as a regular expression. */
    private static final String WORD = "[\\p{Ll}\\p{Lm}\\p{Lo}\\p{Nd}][\\p{Ll}\\p{Lm}\\p{Lo}\\p{Nd}\\p{M}]*";
    private static final Pattern RULE = Pattern.compile(WORD + "(?:-" + WORD + ")*");

    @Test
    void questionIdsAreLowercaseWordsOfAnyScriptJoinedBySingleHyphens() {
        for (String id : new String[] {"refunds", "how-do-i-pay-2", "환불-정책", "返金", "café", "नमस्ते", "ß-straße",
                "٣-أسئلة", "x"}) {
            assertTrue(Ids.isQuestionId(id), id);
        }
        for (String id : new String[] {"", "-a", "a-", "a--b", "Refunds", "a b", "a_b", "a.b", "#a", "\u0301a",
                "a-\u0301b", "😀", "Ǆ"}) {
            assertFalse(Ids.isQuestionId(id), id);
        }
    }

    @Test
    void theQuestionIdCheckAgreesWithTheRuleOnEveryCharacterAloneAndAfterALetter() {
        for (int cp = 0; cp <= 0x2FFFF; cp++) {
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                continue;
            }
            String alone = new String(Character.toChars(cp));
            String after = "a" + alone;
            String name = "U+" + Integer.toHexString(cp);
            assertEquals(RULE.matcher(alone).matches(), Ids.isQuestionId(alone), name);
            assertEquals(RULE.matcher(after).matches(), Ids.isQuestionId(after), "a " + name);
        }
    }

    /**
     * Found by IdsAndUrlsFuzzTest (seed idsAndUrls/apostrophe-between-combining-marks): the apostrophe was taken
     * out after normalising, leaving U+036D before U+034D, so the id was not in normal form and changed when derived
     * again from itself.
     */
    @Test
    void aDerivedIdIsNormalisedAndDerivesToItself() {
        String id = Ids.derive("Ka\u036d'\u034d");
        assertEquals("ka\u034d\u036d", id);
        assertEquals(id, Ids.derive(id));
        assertTrue(Ids.isQuestionId(id));
    }
}
