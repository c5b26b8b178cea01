package io.github.sitegen.fml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.github.sitegen.fml.DoxiaIds.Form;
import org.junit.jupiter.api.Test;

/**
 * The anchors Doxia published, checked against the examples in DoxiaUtils' own Javadoc (Doxia 2
 * and Doxia 1) and against ids of the real FML corpus.
 */
class DoxiaIdsTest {

    @Test
    void doxia2EncodesLikeDoxiaUtilsEncodeIdInItsJavadoc() {
        assertNull(DoxiaIds.encodeDoxia2(""));
        assertNull(DoxiaIds.encodeDoxia2("  "));
        assertEquals("_", DoxiaIds.encodeDoxia2(" _ "));
        assertEquals("a1", DoxiaIds.encodeDoxia2("1"));
        assertEquals("a1anchor", DoxiaIds.encodeDoxia2("1anchor"));
        assertEquals("_anchor", DoxiaIds.encodeDoxia2("_anchor"));
        assertEquals("a_b-c123", DoxiaIds.encodeDoxia2("a b-c123 "));
        assertEquals("anchor", DoxiaIds.encodeDoxia2("   anchor"));
        assertEquals("myAnchor", DoxiaIds.encodeDoxia2("myAnchor"));
        assertEquals("a.E2.82.AC", DoxiaIds.encodeDoxia2("€"));
    }

    @Test
    void doxia1EncodesLikeDoxiaUtilsEncodeIdInItsJavadoc() {
        assertEquals("a", DoxiaIds.encodeDoxia1("", false));
        assertEquals("a", DoxiaIds.encodeDoxia1("  ", false));
        assertEquals("a_", DoxiaIds.encodeDoxia1(" _ ", false));
        assertEquals("a1", DoxiaIds.encodeDoxia1("1", false));
        assertEquals("a1anchor", DoxiaIds.encodeDoxia1("1anchor", false));
        assertEquals("a_anchor", DoxiaIds.encodeDoxia1("_anchor", false));
        assertEquals("a_b-c123", DoxiaIds.encodeDoxia1("a b-c123 ", false));
        assertEquals("anchor", DoxiaIds.encodeDoxia1("   anchor", false));
        assertEquals("myAnchor", DoxiaIds.encodeDoxia1("myAnchor", false));
    }

    @Test
    void otherCharactersBecomeDotEscapesNowAndPercentEscapesInDoxia10() {
        assertEquals("Why_.3F", DoxiaIds.published("Why ?", Form.DOXIA_2));
        assertEquals("Why_.3F", DoxiaIds.published("Why ?", Form.DOXIA_1));
        assertEquals("Why_%3f", DoxiaIds.published("Why ?", Form.DOXIA_1_0));
        assertEquals("a%e2%82%ac", DoxiaIds.published("€", Form.DOXIA_1_0));
        assertEquals("caf.C3.A9", DoxiaIds.published("café", Form.DOXIA_2));
        assertEquals("caf%c3%a9", DoxiaIds.published("café", Form.DOXIA_1_0));
        // A character outside the BMP is two lone surrogates for Doxia, each encoded as '?'
        assertEquals("a.3F.3F", DoxiaIds.published("😀", Form.DOXIA_2));
    }

    @Test
    void theFmlParserOfDoxia1DroppedTheCharactersItCouldNotKeep() {
        assertEquals("How_do_I_integrate_static_XHTML_pages", DoxiaIds.published("How do I integrate static (X)HTML pages",
                Form.DOXIA_1_FML));
        assertEquals("tobagomyfaces_extension", DoxiaIds.published("tobago/myfaces extension", Form.DOXIA_1_FML));
    }

    @Test
    void aColonIsKeptByDoxia1AndEscapedByDoxia2() {
        assertEquals("mvn_site.3Asite", DoxiaIds.published("mvn site:site", Form.DOXIA_2));
        assertEquals("mvn_site:site", DoxiaIds.published("mvn site:site", Form.DOXIA_1));
        assertEquals("mvn_site:site", DoxiaIds.published("mvn site:site", Form.DOXIA_1_0));
        assertTrue(DoxiaIds.isValidDoxia1("a:b"));
        assertFalse(DoxiaIds.isValidDoxia2("a:b"));
    }

    @Test
    void validIdsArePublishedUnchanged() {
        for (Form form : Form.values()) {
            assertEquals("whole-path-from-IE", DoxiaIds.published("whole-path-from-IE", form), form.name());
            assertEquals("Can_I_validate_xml", DoxiaIds.published("Can_I_validate_xml", form), form.name());
        }
        assertEquals(List.of("maturity"), DoxiaIds.publishedAnchors("maturity"));
    }

    @Test
    void publishedAnchorsListTheRawIdAndEveryFormOnce() {
        assertEquals(List.of("1.1", "a1.1"), DoxiaIds.publishedAnchors("1.1"));
        assertEquals(List.of("3rd-party-individual-example", "a3rd-party-individual-example"),
                DoxiaIds.publishedAnchors("3rd-party-individual-example"));
        assertEquals(List.of("tobago/RI", "tobago.2FRI", "tobagoRI", "tobago%2fRI"), DoxiaIds.publishedAnchors("tobago/RI"));
        assertEquals(List.of("Adapting_.classpath"), DoxiaIds.publishedAnchors("Adapting .classpath"));
        assertEquals(List.of("How_do_I_integrate_static_.28X.29HTML_pages", "How_do_I_integrate_static_XHTML_pages",
                "How_do_I_integrate_static_%28X%29HTML_pages"), DoxiaIds.publishedAnchors("How do I integrate static (X)HTML pages"));
        assertEquals(List.of("_x", "a_x"), DoxiaIds.publishedAnchors("_x"));
    }

    @Test
    void anHtmlIdIsAnythingWithoutWhitespace() {
        assertTrue(DoxiaIds.isHtmlId("tobago/RI"));
        assertTrue(DoxiaIds.isHtmlId("1.1"));
        assertFalse(DoxiaIds.isHtmlId("a b"));
        assertFalse(DoxiaIds.isHtmlId(""));
    }
}
