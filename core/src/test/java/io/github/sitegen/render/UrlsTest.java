package io.github.sitegen.render;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import io.github.sitegen.model.QuestionLink;
import org.junit.jupiter.api.Test;

class UrlsTest {

    @Test
    void linksBetweenPagesAreRelativeToThePageTheyAreOn() {
        Urls home = Urls.relativeFrom("index.html");
        Urls topic = Urls.relativeFrom("billing/index.html");
        QuestionLink refund = new QuestionLink("refund", "billing", "Refund?");
        assertEquals("billing/index.html#refund", home.link(Urls.questionPath(refund)));
        assertEquals("#refund", topic.link(Urls.questionPath(refund)), "same page: the fragment alone");
        assertEquals("../index.html", topic.link(Urls.HOME));
        assertEquals("../assets/site-gen.css", topic.link("assets/site-gen.css"));
        assertEquals("../start/index.html#a", topic.link(Urls.questionPath(new QuestionLink("a", "start", "A"))));
    }

    @Test
    void absoluteLinksStartWithTheBasePath() {
        assertEquals("/repo/billing/index.html", Urls.absolute("https://o.github.io/repo/").link("billing/index.html"));
        assertEquals("/assets/x.css", Urls.absolute("").link("assets/x.css"));
    }

    @Test
    void canonicalUrlsDropIndexHtml() {
        assertEquals("https://o.github.io/repo/", Urls.canonical("https://o.github.io/repo/", "index.html"));
        assertEquals("https://o.github.io/repo/billing/", Urls.canonical("https://o.github.io/repo/", "billing/index.html"));
        assertEquals("", Urls.canonical("", "billing/index.html"));
    }

    @Test
    void baseUrlsAreNormalisedWithOneTrailingSlash() {
        assertEquals(Optional.of("https://o.github.io/repo/"), normalise("https://O.github.io/repo"));
        assertEquals(Optional.of("https://o.github.io/repo/"), normalise("https://o.github.io/repo//"));
        assertEquals(Optional.of("https://faq.example.org/"), normalise("https://faq.example.org"));
        assertEquals(Optional.of("http://localhost:8080/x/"), normalise(" http://localhost:8080/x "));
        assertEquals(Optional.of(""), normalise(""));
        assertEquals(Optional.of(""), normalise(null));
    }

    @Test
    void anythingButAnAbsoluteHttpUrlIsRefusedWithAReason() {
        for (String bad : new String[] {"o.github.io/repo", "/repo/", "ftp://o.example/", "https://o.example/?a=1",
                "https://o.example/#x", "https://exa mple.org/"}) {
            StringBuilder error = new StringBuilder();
            assertEquals(Optional.empty(), Urls.normaliseBaseUrl(bad, error), bad);
            assertTrue(error.toString().contains(bad.strip()), error.toString());
        }
    }

    private static Optional<String> normalise(String value) {
        return Urls.normaliseBaseUrl(value, new StringBuilder());
    }

    @Test
    void aRelativeUrlIsRebasedFromThePageItWasWrittenForToThePageThatShowsIt() {
        assertEquals("billing/index.html#pay", Urls.rebase("#pay", "billing/index.html", Urls.HOME));
        assertEquals("img/a%20b.png", Urls.rebase("../img/a%20b.png", "billing/index.html", Urls.HOME));
        assertEquals("billing/faq.pdf?v=2", Urls.rebase("faq.pdf?v=2", "billing/index.html", Urls.HOME));
        assertEquals("./", Urls.rebase("../", "billing/index.html", Urls.HOME));
        assertEquals("#pay", Urls.rebase("#pay", "billing/index.html", "billing/index.html"));
        assertEquals("billing/a%20b%3Cc%3E", Urls.rebase("a b<c>", "billing/index.html", Urls.HOME),
                "characters a URL may not hold are escaped, as a renderer writes them");
        for (String unchanged : List.of("https://example.org/x", "mailto:a@example.org", "/root.html", "//cdn.example/x",
                "../../outside.html", "a%zz")) {
            assertEquals(unchanged, Urls.rebase(unchanged, "billing/index.html", Urls.HOME), unchanged);
        }
    }
}
