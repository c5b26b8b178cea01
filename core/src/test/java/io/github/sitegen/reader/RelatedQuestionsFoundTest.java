package io.github.sitegen.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.sitegen.BuildListener;
import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;
import io.github.sitegen.TestContent;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Related questions found by shared words for a question that names none. */
class RelatedQuestionsFoundTest {

    private static final String SITE = """
            -- content/site.yaml --
            title: Acme
            -- content/billing.yaml --
            title: Billing
            order: 1
            questions:
              - id: card
                question: Can I pay an invoice by credit card?
                answer: Yes, every credit card works for an invoice.
              - id: invoice-copy
                question: Where do I find a copy of my invoice?
                answer: Every invoice is in the billing section of your account.
                tags: [invoice]
              - id: refund
                question: Can I get a refund for an invoice I paid by credit card?
                answer: Yes, a refund goes back to the credit card within five days.
              - id: secret
                question: Is there a secret invoice discount for credit card payments?
                answer: Not yet, the credit card discount is a draft.
                draft: true
            -- content/account.yaml --
            title: Account
            order: 2
            questions:
              - id: password
                question: How do I reset my password?
                answer: Use the reset link on the sign-in page.
              - id: sign-in
                question: Why can I not sign in?
                answer: Reset your password on the sign-in page, or ask support.
              - id: invoice-address
                question: How do I change the address on my invoice?
                answer: Change it in your account; the next invoice shows it.
                aliases: [invoice address wrong]
              - id: weather
                question: What is the weather like?
                answer: Sunny.
              - id: language
                question: Can I change the language of the app?
                answer: Yes, in the settings of the app.
              - id: delete
                question: How do I delete my account?
                answer: Write to support and we delete it within a week.
              - id: export
                question: Can I export my data?
                answer: Yes, the settings page has an export button.
              - id: team
                question: Can I add my team to the account?
                answer: Yes, an owner can invite them from the settings.
              - id: mobile
                question: How do I use the mobile app?
                answer: Install it from the store and sign in with an account.
              - id: hours
                question: When can I call support?
                answer: Yes, you can call us on working days, the whole day.
              - id: trial
                question: Can I try it for free?
                answer: Yes, for an evaluation of thirty days.
            """;

    @TempDir
    Path root;

    private List<String> related(String topic, String id) throws Exception {
        return related(root.resolve("out"), topic, id);
    }

    private static List<String> related(Path site, String topic, String id) throws Exception {
        Document page = Fixture.html(site.resolve(topic + "/index.html"));
        return page.select("#" + id).first().parent().select(".related a").eachAttr("href");
    }

    @Test
    void aQuestionThatNamesNoneGetsUpToThreeThatShareItsWordsFromTheWholeSiteDraftsLeftOut() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(root);
        List<String> card = related("billing", "card");
        assertEquals(3, card.size(), card.toString());
        assertEquals("#refund", card.get(0), "the question that shares the most telling words first");
        assertTrue(card.contains("#invoice-copy"), card.toString());
        assertFalse(card.contains("#secret"), "the draft shares the most words, but is not published");
        assertEquals("#card", related("billing", "refund").get(0));
        assertEquals("#sign-in", related("account", "password").get(0));
        assertEquals(List.of(), related("account", "weather"), "nothing in common, nothing suggested");
    }

    @Test
    void anEmptyRelatedListTurnsItOffForOneQuestionAndFindRelatedFalseTurnsItOffForTheSite() throws Exception {
        Fixture.write(root, SITE.replace("    answer: Use the reset link on the sign-in page.\n",
                "    answer: Use the reset link on the sign-in page.\n    related: []\n"));
        Fixture.build(root);
        assertEquals(List.of(), related("account", "password"));
        assertEquals("#password", related("account", "sign-in").get(0));
        Fixture.write(root, SITE.replace("title: Acme\n", "title: Acme\nfindRelated: false\n"));
        Fixture.build(root);
        assertEquals(List.of(), related("billing", "card"));
    }

    @Test
    void authoredRelatedQuestionsAreKeptAsWrittenAndNothingIsAddedToThem() throws Exception {
        Fixture.write(root, SITE.replace("    answer: Sunny.\n", "    answer: Sunny.\n    related: [card]\n"));
        Fixture.build(root);
        assertEquals(List.of("../billing/index.html#card"), related("account", "weather"));
    }

    @Test
    void amongEquallyAlikeQuestionsTheFirstOnTheSiteWins() throws Exception {
        Fixture.write(root, """
                -- content/site.yaml --
                title: Acme
                -- content/a.yaml --
                title: A
                questions:
                  - id: backup
                    question: How do I restore a backup?
                    answer: Open the backup list.
                  - id: weather
                    question: What is the weather like today?
                    answer: Sunny and warm.
                -- content/b.yaml --
                title: B
                questions:
                  - id: restore-one
                    question: Restore a backup, first copy?
                    answer: Open the backup list.
                  - id: restore-two
                    question: Restore a backup, first copy?
                    answer: Open the backup list.
                """);
        Fixture.build(root);
        assertEquals(List.of("../b/index.html#restore-one", "../b/index.html#restore-two"), related("a", "backup"));
    }

    @Test
    void onRealContentByDefaultTheQuestionsFoundAreOnTheSameSubjectAndTwoBuildsFindTheSame() throws Exception {
        Path content = TestContent.corpus("wsl-faq");
        for (String out : List.of("first", "second")) {
            new SiteGenerator().generate(SiteGenConfig.builder(content, root.resolve(out)).build(), BuildListener.SILENT);
        }
        Path site = root.resolve("first");
        assertEquals("#how-can-i-transfer-my-wsl-files-from-one-machine-to-another",
                related(site, "general", "how-can-i-back-up-my-wsl-distributions").get(0), "backing up, and moving files");
        assertEquals("#how-can-i-back-up-my-wsl-distributions",
                related(site, "general", "how-can-i-transfer-my-wsl-files-from-one-machine-to-another").get(0));
        assertEquals("../general/index.html#how-do-i-access-a-port-from-wsl-in-windows",
                related(site, "wsl-2", "can-wsl-2-use-networking-applications").get(0), "networking, and ports");
        assertTrue(related(site, "wsl-2", "does-wsl-2-use-hyper-v").contains("#can-i-run-wsl-2-in-a-virtual-machine"),
                "Hyper-V, and virtual machines");
        for (String topic : List.of("general", "wsl-2")) {
            assertEquals(Files.readString(site.resolve(topic + "/index.html")),
                    Files.readString(root.resolve("second/" + topic + "/index.html")), topic);
        }
    }
}
