package io.github.sitegen.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.markdown.MarkdownRenderer;
import io.github.sitegen.model.Question;
import io.github.sitegen.model.Site;
import io.github.sitegen.model.Topic;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {

    @TempDir
    Path root;

    private ContentLoader.Loaded load(String spec) throws Exception {
        Fixture.write(root, spec);
        return new ContentLoader(new MarkdownRenderer(false)).load(root.resolve("content"), SiteGenConfig.DEFAULT_TITLE, "");
    }

    private List<String> errors(String spec) throws Exception {
        SiteGenException e = assertThrows(SiteGenException.class, () -> load(spec));
        return e.problems().stream().map(p -> p.format(root)).toList();
    }

    private static void assertHas(List<String> lines, String expected) {
        Fixture.assertHasLine(lines, expected);
    }

    @Test
    void aTopicFileBecomesATopicWithItsQuestionsInOrder() throws Exception {
        Site site = load("""
                -- content/site.yaml --
                title: Acme help
                language: de
                introduction: Welcome to **Acme**.
                -- content/billing.yaml --
                title: Billing
                summary: Money *matters*.
                questions:
                  - question: How do I pay?
                    answer: By card.
                    tags: [payment, card]
                  - id: refunds
                    question: Can I get a refund?
                    answer: |
                      Yes, within 30 days.
                    related: [how-do-i-pay]
                """).site();
        assertEquals("Acme help", site.info().title());
        assertEquals("de", site.info().language());
        assertEquals("<p>Welcome to <strong>Acme</strong>.</p>", site.info().introduction().markup());
        assertEquals("Welcome to Acme.", site.info().description());
        Topic billing = site.topics().get(0);
        assertEquals("billing", billing.id());
        assertEquals("<p>Money <em>matters</em>.</p>", billing.summary().markup());
        assertEquals(List.of("how-do-i-pay", "refunds"), billing.questions().stream().map(Question::id).toList());
        assertEquals(List.of("payment", "card"), billing.questions().get(0).tags());
        assertEquals("how-do-i-pay", billing.questions().get(1).related().get(0).id());
        assertEquals("billing", billing.questions().get(1).related().get(0).topicId());
    }

    @Test
    void siteYamlIsOptionalAndEveryKeyHasADefault() throws Exception {
        Site site = load("""
                -- content/faq.yml --
                title: FAQ
                questions:
                  - question: Why?
                    answer: Because.
                """).site();
        assertEquals(SiteGenConfig.DEFAULT_TITLE, site.info().title());
        assertEquals("en", site.info().language());
        assertTrue(site.info().introduction().isEmpty());
    }

    @Test
    void topicsSortByOrderThenTitle() throws Exception {
        Site site = load("""
                -- content/zeta.yaml --
                title: Zeta
                order: 1
                questions: [{question: "a?", answer: a}]
                -- content/beta.yaml --
                title: beta
                questions: [{question: "b?", answer: b}]
                -- content/alpha.yaml --
                title: Alpha
                questions: [{question: "c?", answer: c}]
                """).site();
        assertEquals(List.of("zeta", "alpha", "beta"), site.topics().stream().map(Topic::id).toList());
    }

    @Test
    void derivedIdsUseTheWordsOfTheQuestionInAnyScript() throws Exception {
        Site site = load("""
                -- content/mixed.yaml --
                title: Mixed
                questions:
                  - question: "What's new in version 2.0?"
                    answer: a
                  - question: "CC 라이선스는 무엇인가요?"
                    answer: b
                  - question: "Почему биткойн?"
                    answer: c
                  - question: "???"
                    answer: d
                """).site();
        assertEquals(List.of("whats-new-in-version-2-0", "cc-라이선스는-무엇인가요", "почему-биткойн", "question"),
                site.topics().get(0).questions().stream().map(Question::id).toList());
    }

    @Test
    void aDerivedIdThatCollidesGetsASuffixAndAWarningThatSaysToSetId() throws Exception {
        ContentLoader.Loaded loaded = load("""
                -- content/a.yaml --
                title: A
                order: 1
                questions:
                  - question: How do I start?
                    answer: one
                -- content/b.yaml --
                title: B
                order: 2
                questions:
                  - question: How do I start?
                    answer: two
                """);
        assertEquals("how-do-i-start-2", loaded.site().topics().get(1).questions().get(0).id());
        List<String> warnings = loaded.warnings().stream().map(p -> p.format(root)).toList();
        assertHas(warnings, "content/b.yaml:4:5: warning: the id derived from this question, 'how-do-i-start', is taken"
                + " (by a.yaml:4), so it became 'how-do-i-start-2' (set 'id:' on this question");
    }

    @Test
    void aDerivedIdNeverTakesAnExplicitIdWrittenLater() throws Exception {
        Site site = load("""
                -- content/a.yaml --
                title: A
                order: 1
                questions:
                  - question: Start
                    answer: derived
                -- content/b.yaml --
                title: B
                order: 2
                questions:
                  - id: start
                    question: Begin
                    answer: explicit
                """).site();
        assertEquals("start-2", site.topics().get(0).questions().get(0).id());
        assertEquals("start", site.topics().get(1).questions().get(0).id());
    }

    @Test
    void anExplicitIdUsedTwiceIsAnErrorAtTheSecondUse() throws Exception {
        List<String> errors = errors("""
                -- content/a.yaml --
                title: A
                questions:
                  - id: same
                    question: One?
                    answer: one
                  - id: same
                    question: Two?
                    answer: two
                """);
        assertHas(errors, "content/a.yaml:6:9: error: question id 'same' is already used at a.yaml:3");
    }

    @Test
    void anInvalidExplicitIdIsAnErrorThatSuggestsAValidOne() throws Exception {
        assertHas(errors("""
                -- content/a.yaml --
                title: A
                questions:
                  - id: How_To Start
                    question: One?
                    answer: one
                """), "content/a.yaml:3:9: error: 'How_To Start' is not a valid question id: use lowercase letters and digits"
                + " joined by '-' (for example: id: how-to-start)");
    }

    @Test
    void unknownKeysAreErrorsThatSuggestTheNearestKnownKey() throws Exception {
        List<String> errors = errors("""
                -- content/a.yaml --
                titel: A
                questions:
                  - question: One?
                    anwser: one
                """);
        assertHas(errors, "content/a.yaml:1:1: error: unknown key 'titel' in the topic (did you mean 'title'?)");
        assertHas(errors, "content/a.yaml:4:5: error: unknown key 'anwser' in question 1 (did you mean 'answer'?)");
        assertHas(errors, "content/a.yaml:1:1: error: the topic has no 'title'");
        assertHas(errors, "content/a.yaml:3:5: error: question 1 has no 'answer'");
    }

    @Test
    void allProblemsOfAllFilesAreReportedInOneRun() throws Exception {
        List<String> errors = errors("""
                -- content/site.yaml --
                language: "not a language!"
                -- content/one.yaml --
                title: One
                questions:
                  - question: Q?
                    answer: A
                    related: [nowhere]
                -- content/two.yaml --
                title: ""
                order: first
                questions: []
                """);
        assertHas(errors, "content/site.yaml:1:11: error: 'not a language!' is not a language tag");
        assertHas(errors, "content/one.yaml:5:15: error: related question 'nowhere' does not exist");
        assertHas(errors, "content/two.yaml:1:8: error: 'title' of the topic is empty");
        assertHas(errors, "content/two.yaml:2:8: error: 'order' of the topic must be a whole number, not 'first'");
        assertHas(errors, "content/two.yaml:3:12: error: the topic has no questions");
    }

    @Test
    void relatedIdsMustExistAndMayNotPointToTheQuestionItself() throws Exception {
        List<String> errors = errors("""
                -- content/a.yaml --
                title: A
                questions:
                  - id: first
                    question: One?
                    answer: one
                    related: [first, secnd]
                  - id: second
                    question: Two?
                    answer: two
                """);
        assertHas(errors, "content/a.yaml:6:15: error: a question cannot be related to itself");
        assertHas(errors, "content/a.yaml:6:22: error: related question 'secnd' does not exist (did you mean 'second'?)");
    }

    @Test
    void topicFileNamesMustBeValidIds() throws Exception {
        List<String> errors = errors("""
                -- content/Getting Started.yaml --
                title: A
                questions: [{question: q, answer: a}]
                -- content/assets.yaml --
                title: B
                questions: [{question: q2, answer: a}]
                """);
        assertHas(errors, "content/Getting Started.yaml: error: 'Getting Started.yaml' is not a valid topic file name");
        assertHas(errors, "rename it to getting-started.yaml");
        assertHas(errors, "content/assets.yaml: error: 'assets' cannot be a topic id");
    }

    @Test
    void wrongTypesAreReportedWithTheirPosition() throws Exception {
        List<String> errors = errors("""
                -- content/a.yaml --
                title: [not, text]
                questions:
                  - question: Q?
                    answer:
                      nested: map
                    tags: single
                  - just a string
                """);
        assertHas(errors, "content/a.yaml:1:8: error: 'title' of the topic must be text, not a list");
        assertHas(errors, "content/a.yaml:5:7: error: 'answer' of question 1 must be text, not a mapping");
        assertHas(errors, "content/a.yaml:6:11: error: 'tags' of question 1 must be a list, not 'single'");
        assertHas(errors, "content/a.yaml:7:5: error: question 2 must be a mapping of keys to values, not 'just a string'");
    }

    @Test
    void duplicateKeysAreErrors() throws Exception {
        assertHas(errors("""
                -- content/a.yaml --
                title: A
                questions:
                  - question: Q?
                    answer: first
                    answer: second
                """), "content/a.yaml:5:5: error: duplicate key 'answer' (first at line 4)");
    }

    @Test
    void yamlTagsThatWouldConstructObjectsAreRefusedNeverExecuted() throws Exception {
        List<String> errors = errors("""
                -- content/a.yaml --
                title: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://127.0.0.1:1/x.jar"]]]]
                questions:
                  - question: Q?
                    answer: A
                """);
        assertHas(errors, "content/a.yaml:1:8: error: YAML tag '!!javax.script.ScriptEngineManager' is not allowed"
                + " (site-gen reads plain data only; remove the tag)");
    }

    @Test
    void anAliasBombFailsFastWithAClearMessage() throws Exception {
        List<String> errors = errors("""
                -- content/a.yaml --
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                title: A
                questions: [{question: q, answer: a}]
                """);
        assertHas(errors, "content/a.yaml:4:14: error: too many aliases: this is alias number 21 to a list or mapping,"
                + " and the limit is 20 (write the repeated content out, or use fewer anchors)");
    }

    @Test
    void nestingPastTheLimitIsReportedWhereItHappens() throws Exception {
        List<String> errors = errors("-- content/a.yaml --\ntitle: A\nquestions: " + "[".repeat(25) + "x"
                + "]".repeat(25) + "\n");
        assertHas(errors, "content/a.yaml:2:32: error: lists and mappings nest more than 20 levels deep here");
    }

    @Test
    void aMisnamedTopicFileIsStillReadSoItsMistakesShowInTheSameRun() throws Exception {
        List<String> errors = errors("""
                -- content/Account_Help.yaml --
                title: Account help
                questions:
                  - question: How do I sign in?
                    answr: With your email address.
                """);
        assertHas(errors, "content/Account_Help.yaml: error: 'Account_Help.yaml' is not a valid topic file name");
        assertHas(errors, "content/Account_Help.yaml:4:5: error: unknown key 'answr'");
    }

    @Test
    void filesThatAreNotUtf8AreRejectedWithTheirPosition() throws Exception {
        Fixture.write(root, "-- content/ok.yaml --\ntitle: OK\nquestions: [{question: q, answer: a}]\n");
        Files.write(root.resolve("content/latin1.yaml"),
                "title: Caf\u00e9\nquestions: [{question: q2, answer: a}]\n".getBytes(StandardCharsets.ISO_8859_1));
        List<String> errors = errors("");
        assertHas(errors, "content/latin1.yaml:1:11: error: file is not valid UTF-8 (byte 0xE9) (save it as UTF-8");
    }

    @Test
    void aByteOrderMarkAndCrlfLineEndingsAreFine() throws Exception {
        Files.createDirectories(root.resolve("content"));
        Files.write(root.resolve("content/win.yaml"), ("\uFEFFtitle: Windows\r\nquestions:\r\n  - question: Works?\r\n"
                + "    answer: |\r\n      Yes.\r\n      Really.\r\n").getBytes(StandardCharsets.UTF_8));
        Site site = load("").site();
        assertEquals("Windows", site.topics().get(0).title());
        assertEquals("<p>Yes.\nReally.</p>", site.topics().get(0).questions().get(0).answer().html().markup());
    }

    @Test
    void anEmptyTopicFileIsAnError() throws Exception {
        assertHas(errors("-- content/empty.yaml --\n"), "content/empty.yaml: error: the topic file is empty");
    }

    @Test
    void aMissingContentDirectoryIsAnErrorThatSaysWhatToDo() {
        SiteGenException e = assertThrows(SiteGenException.class, () ->
                new ContentLoader(new MarkdownRenderer(false)).load(root.resolve("nope"), "T", ""));
        assertEquals("nope: error: the content directory does not exist (create it with one <topic-id>.yaml file per"
                + " topic, or point site-gen.contentDirectory at your content)", e.problems().get(0).format(root));
    }

    @Test
    void aContentDirectoryWithoutTopicsIsAnError() throws Exception {
        assertHas(errors("-- content/site.yaml --\ntitle: Empty\n"), "content: error: the content directory has no topic files");
    }

    @Test
    void filesThatAreTooLargeAreRejectedByName() throws Exception {
        Files.createDirectories(root.resolve("content"));
        byte[] big = new byte[YamlSource.MAX_FILE_BYTES + 1];
        java.util.Arrays.fill(big, (byte) '#');
        Files.write(root.resolve("content/huge.yaml"), big);
        assertHas(errors(""), "content/huge.yaml: error: file is " + big.length + " bytes, more than the limit");
    }

    @Test
    void questionTextIsTrimmedToOneLineAndAnswersKeepTheirMarkdown() throws Exception {
        Site site = load("""
                -- content/a.yaml --
                title: A
                questions:
                  - question: |
                      Is this
                      one line?
                    answer: |


                      Leading blank lines are fine.

                      - a list
                """).site();
        Question q = site.topics().get(0).questions().get(0);
        assertEquals("Is this one line?", q.question());
        assertEquals("<p>Leading blank lines are fine.</p>\n<ul>\n<li>a list</li>\n</ul>", q.answer().html().markup());
        assertEquals("Leading blank lines are fine. a list", q.answerText());
    }

    @Test
    void rawHtmlThatTheAllowlistRemovesIsReportedAsAWarningWhenTheAnswerIsRendered() throws Exception {
        ContentLoader.Loaded loaded = load("""
                -- content/a.yaml --
                title: A
                questions:
                  - question: Q?
                    answer: |
                      Click <a href="javascript:alert(1)" onclick="x()">here</a><script>alert(2)</script>.
                """);
        assertEquals(List.of(), loaded.warnings(), "answers are rendered when a page needs them");
        List<Problem> found = new ArrayList<>();
        Question q = loaded.site().topics().get(0).rendered(found::add).questions().get(0);
        assertFalse(q.answer().html().markup().contains("script"), q.answer().html().markup());
        assertFalse(q.answer().html().markup().contains("javascript"), q.answer().html().markup());
        assertFalse(q.answer().html().markup().contains("onclick"), q.answer().html().markup());
        Problem warning = found.get(0);
        assertEquals("content/a.yaml:4:13: warning: raw HTML removed: <script>, a href=\"javascript:alert(1)\","
                + " a onclick=\"x()\" (use Markdown or allowed tags, or set site-gen.trustRawHtml if every author is"
                + " trusted)", warning.format(root));
    }

    /** Found by ContentFuzzTest (seed topicFile/simple-key-not-first-on-its-line.yaml): no mark either. */
    @Test
    void aSimpleKeyThatIsNotFirstOnItsLineIsAPositionedError() throws Exception {
        List<String> errors = errors("""
                -- content/a.yaml --
                title: A
                questions:
                  - question: Q?
                    tags: [a
                 ]d  answer: b
                """);
        assertEquals(List.of("content/a.yaml:5:3: error: cannot read YAML: A simple key is required only if it is the"
                + " first token in the current line"), errors);
    }

    @Test
    void anAnswerWhoseLinkReferencesExpandTooFarIsAnError() throws Exception {
        ContentLoader.Loaded loaded = load("-- content/a.yaml --\ntitle: A\nquestions:\n  - question: Q?\n    answer: |\n"
                + "      [a]: /" + "x".repeat(2000) + "\n\n      " + "[a] ".repeat(200) + "\n");
        List<Problem> found = new ArrayList<>();
        loaded.site().topics().get(0).rendered(found::add);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).isError());
        assertTrue(found.get(0).format(root).startsWith("content/a.yaml:4:13: error: link references repeat "),
                found.get(0).format(root));
    }

    @Test
    void aLinkWithoutTextIsAWarningAtItsAnswer() throws Exception {
        ContentLoader.Loaded loaded = load("""
                -- content/a.yaml --
                title: A
                questions:
                  - question: Q?
                    answer: See [](https://x.example/a).
                """);
        List<Problem> found = new ArrayList<>();
        loaded.site().topics().get(0).rendered(found::add);
        assertEquals(List.of("content/a.yaml:4:13: warning: the link to 'https://x.example/a' has no text, so a screen"
                + " reader announces nothing; it shows its address instead (write the words a reader clicks: [text](url))"),
                found.stream().map(p -> p.format(root)).toList());
    }

    @Test
    void foldersInTheContentDirectoryAreReportedAsIgnored() throws Exception {
        ContentLoader.Loaded loaded = load("""
                -- content/a.yaml --
                title: A
                questions: [{question: q, answer: a}]
                -- content/drafts/b.yaml --
                title: B
                """);
        assertEquals(1, loaded.site().topics().size());
        assertEquals("content/drafts: warning: folder ignored: topics are read from the top level of the content"
                + " directory only", loaded.warnings().get(0).format(root));
    }

    @Test
    void aTopicWithItsQuestionsAsAMappingIsAClearError() throws IOException {
        Fixture.write(root, """
                -- content/a.yaml --
                title: A
                questions:
                  question: q
                  answer: a
                """);
        List<String> errors = Fixture.failures(root);
        assertHas(errors, "content/a.yaml:3:3: error: 'questions' of the topic must be a list, not a mapping");
    }

    @Test
    void utf16WithoutAByteOrderMarkIsNamedAsSuchNotAsAStrayCharacter() throws Exception {
        Files.createDirectories(root.resolve("content"));
        Files.write(root.resolve("content/le.yaml"), "title: A\nquestions: []\n".getBytes(StandardCharsets.UTF_16LE));
        Files.write(root.resolve("content/be.yaml"), "title: B\nquestions: []\n".getBytes(StandardCharsets.UTF_16BE));
        List<String> errors = errors("");
        assertHas(errors, "content/be.yaml:1:1: error: file is encoded as UTF-16BE without a byte order mark (save it as UTF-8)");
        assertHas(errors, "content/le.yaml:1:1: error: file is encoded as UTF-16LE without a byte order mark (save it as UTF-8)");
    }

    @Test
    void aNulByteOrAnotherControlCharacterInTheFileIsAnErrorAtItsPosition() throws Exception {
        Files.createDirectories(root.resolve("content"));
        Files.writeString(root.resolve("content/nul.yaml"), "title: A\nquestions:\n  - question: Why\u0000?\n    answer: a\n");
        Files.writeString(root.resolve("content/bell.yaml"), "title: \u00e9\u0007\nquestions: []\n");
        List<String> errors = errors("");
        assertHas(errors, "content/nul.yaml:3:18: error: character U+0000 (null) is not allowed in content");
        assertHas(errors, "content/bell.yaml:1:9: error: character U+0007 (bel) is not allowed in content");
    }

    @Test
    void controlCharactersAndLoneSurrogatesWrittenAsEscapesAreErrorsAtTheirString() throws Exception {
        List<String> errors = errors("""
                -- content/a.yaml --
                title: A
                questions:
                  - question: "Nul\\0 in an id?"
                    answer: a
                  - question: Bell?
                    answer: "ding \\a"
                  - question: Escape?
                    answer: "\\e[31m red"
                  - question: Half an emoji?
                    answer: "\\ud800"
                  - question: A whole emoji?
                    answer: "\\ud83d\\ude00 and \\U0001F600 are fine"
                """);
        assertHas(errors, "content/a.yaml:3:15: error: character U+0000 (null) is not allowed in content (remove it;");
        assertHas(errors, "content/a.yaml:6:13: error: character U+0007 (bel) is not allowed in content");
        assertHas(errors, "content/a.yaml:8:13: error: character U+001B (escape) is not allowed in content");
        assertHas(errors, "content/a.yaml:10:13: error: character U+D800 (lone surrogate) is not allowed in content");
        assertEquals(4, errors.size(), String.join("\n", errors));
    }

    @Test
    void aLongTextRepeatedThroughAliasesIsRefusedAtItsAnchor() throws Exception {
        String longText = "word ".repeat(100_000); // 500 KB, named 40 times: 20 MB of text
        StringBuilder topic = new StringBuilder("title: A\nlong: &long " + longText.strip() + "\nquestions:\n");
        for (int i = 0; i < 40; i++) {
            topic.append("  - question: Q").append(i).append("?\n    answer: a\n    aliases: [*long]\n");
        }
        Files.createDirectories(root.resolve("content"));
        Files.writeString(root.resolve("content/a.yaml"), topic);
        assertHas(errors(""), "content/a.yaml:2:7: error: aliases repeat the text anchored here to more than");
    }

    @Test
    void aFewAliasesToShortTextStayAllowed() throws Exception {
        Site site = load("""
                -- content/a.yaml --
                title: A
                questions:
                  - question: Where is the manual?
                    answer: &manual See the [manual](https://example.com/manual).
                  - question: Where is the guide?
                    answer: *manual
                """).site();
        assertEquals(2, site.topics().get(0).questions().size());
    }

    @Test
    void aListThatContainsItselfIsRefusedInsteadOfExpandedForever() throws Exception {
        List<String> errors = errors("""
                -- content/a.yaml --
                title: A
                loop: &loop [a, *loop]
                questions: [{question: q, answer: a}]
                """);
        assertHas(errors, "content/a.yaml:2:7: error: aliases repeat the text anchored here to more than");
    }

    @Test
    void utf16FilesAreRejectedByName() throws Exception {
        Files.createDirectories(root.resolve("content"));
        Files.write(root.resolve("content/wide.yaml"), "title: A".getBytes(StandardCharsets.UTF_16));
        assertHas(errors(""), "content/wide.yaml:1:1: error: file is encoded as UTF-16 (save it as UTF-8)");
    }

    @Test
    void aTopicDefinedTwiceOrTwoSiteFilesAreErrors() throws Exception {
        List<String> errors = errors("""
                -- content/site.yaml --
                title: One
                -- content/site.yml --
                title: Two
                -- content/a.yaml --
                title: A
                questions: [{question: q, answer: a}]
                -- content/a.yml --
                title: A again
                questions: [{question: q2, answer: a}]
                """);
        assertHas(errors, "content/site.yml: error: both site.yaml and site.yml exist (keep one of them)");
        assertHas(errors, "content/a.yml: error: topic 'a' is also defined by a.yaml (keep one file per topic)");
    }

    @Test
    void repeatedTagsAreListedOnce() throws Exception {
        Site site = load("""
                -- content/a.yaml --
                title: A
                questions: [{question: q, answer: a, tags: [x, y, x]}]
                """).site();
        assertEquals(List.of("x", "y"), site.topics().get(0).questions().get(0).tags());
    }

    @Test
    void theIntroductionsHeadingsSitRightBelowTheHomePageTitle() throws Exception {
        Site site = load("""
                -- content/site.yaml --
                introduction: |
                  # Welcome
                  Hello.
                -- content/a.yaml --
                title: A
                summary: "# Overview"
                questions: [{question: q, answer: "# Part"}]
                """).site();
        assertTrue(site.info().introduction().markup().startsWith("<h2>Welcome</h2>"));
        assertEquals("<h2>Overview</h2>", site.topics().get(0).summary().markup(), "below the topic page's h1");
        assertEquals("<h3>Overview</h3>", site.topics().get(0).homeSummary().markup(), "below the topic's h2 on the home page");
        assertEquals("<h3>Part</h3>", site.topics().get(0).questions().get(0).answer().html().markup());
    }
}
