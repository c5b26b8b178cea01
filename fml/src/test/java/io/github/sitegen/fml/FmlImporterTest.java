package io.github.sitegen.fml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.sitegen.BuildListener;
import io.github.sitegen.Fixture;
import io.github.sitegen.SiteCheck;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class FmlImporterTest {

    private static final String NS = "http://maven.apache.org/FML/1.0.1";

    @TempDir
    Path root;

    private final List<String> infos = new ArrayList<>();

    private final BuildListener listener = new BuildListener() {
        @Override
        public void info(String message) {
            infos.add(message);
        }

        @Override
        public void warning(Problem problem) {
        }
    };

    private FmlImporter.Result importFml(String fml) throws Exception {
        Fixture.write(root, "-- faq.fml --\n" + fml);
        return importFile(root.resolve("faq.fml"));
    }

    private FmlImporter.Result importFile(Path input) throws Exception {
        return new FmlImporter().importFml(input, root.resolve("content"), listener);
    }

    private String file(String name) throws IOException {
        return Files.readString(root.resolve("content").resolve(name));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> questions(String topic) throws IOException {
        Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(file(topic + ".yaml"));
        return (List<Map<String, Object>>) yaml.get("questions");
    }

    private Map<String, Object> question(String topic, int index) throws IOException {
        return questions(topic).get(index);
    }

    private String answer(String topic, int index) throws IOException {
        return (String) question(topic, index).get("answer");
    }

    private Document page(String topic) throws Exception {
        Fixture.build(root);
        return Fixture.html(root.resolve("out").resolve(topic).resolve("index.html"));
    }

    private static List<String> formatted(List<Problem> problems, Path base) {
        return problems.stream().map(p -> p.format(base)).toList();
    }

    private static void assertHas(List<String> lines, String expected) {
        assertTrue(lines.stream().anyMatch(l -> l.contains(expected)),
                () -> "expected a line containing\n  " + expected + "\nin\n  " + String.join("\n  ", lines));
    }

    private static String faqs(String namespace, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<faqs" + (namespace.isEmpty() ? "" : " xmlns=\"" + namespace + "\"")
                + " title=\"Widget FAQ\">\n" + body + "</faqs>\n";
    }

    private static final String TWO_PARTS = """
            <part id="general">
              <title>General</title>
              <faq id="what-is-it">
                <question>What is
                  the widget?</question>
                <answer><p>A <em>small</em> thing.</p></answer>
              </faq>
              <faq id="cost">
                <question>What does it cost?</question>
                <answer><p>Nothing.</p></answer>
              </faq>
            </part>
            <part id="install">
              <title>Installing</title>
              <faq id="how">
                <question>How do I install it?</question>
                <answer><p>Run <code>make install</code>.</p></answer>
              </faq>
            </part>
            """;

    @Test
    void aPartBecomesATopicAndEachFaqAQuestionWithItsIdInOrder() throws Exception {
        FmlImporter.Result result = importFml(faqs(NS, TWO_PARTS));
        assertEquals(List.of(root.resolve("content/general.yaml"), root.resolve("content/install.yaml"),
                root.resolve("content/site.yaml")), result.written());
        assertEquals("""
                # Imported from faq.fml (part "general") by site-gen:import-fml.
                title: General
                order: 10
                previousIds:
                  - General
                  - general
                previousPages:
                  - faq.html
                questions:
                  - id: what-is-it
                    question: What is the widget?
                    answer: |
                      A *small* thing.
                  - id: cost
                    question: What does it cost?
                    answer: |
                      Nothing.
                """, file("general.yaml"));
        assertTrue(file("install.yaml").contains("order: 20\n"));
        assertEquals("# Imported by site-gen:import-fml.\ntitle: Widget FAQ\n", file("site.yaml"));
        assertEquals(1, result.files());
        assertEquals(2, result.parts());
        assertEquals(3, result.faqs());
        assertEquals(List.of(), result.warnings());
        assertHas(infos, "import-fml: 1 file, 2 parts, 3 faqs converted into 3 files (3 questions); 3 of 3 published"
                + " anchors kept (3 as question ids, 0 through previousIds); 0 items not converted exactly");
        Document general = page("general");
        assertEquals("What is the widget?", general.getElementById("what-is-it").closest("section.question").selectFirst("h2").text());
        assertEquals("Widget FAQ", Fixture.html(root.resolve("out/index.html")).selectFirst("h1").text());
    }

    @Test
    void theOldAndTheNewFmlNamespaceAndNoNamespaceReadTheSame() throws Exception {
        List<String> topics = new ArrayList<>();
        for (String namespace : List.of("http://maven.apache.org/FML/1.0", NS, "")) {
            Path dir = Files.createTempDirectory(root, "ns");
            Files.writeString(dir.resolve("faq.fml"), faqs(namespace, TWO_PARTS));
            new FmlImporter().importFml(dir.resolve("faq.fml"), dir.resolve("content"), BuildListener.SILENT);
            topics.add(Files.readString(dir.resolve("content/general.yaml")) + Files.readString(dir.resolve("content/install.yaml")));
        }
        assertEquals(topics.get(0), topics.get(1));
        assertEquals(topics.get(0), topics.get(2));
        assertTrue(topics.get(0).contains("Run `make install`."));
    }

    @Test
    void anUnknownNamespaceIsReadAsFmlWithAWarning() throws Exception {
        FmlImporter.Result result = importFml(faqs("urn:example:faq", TWO_PARTS));
        assertEquals(3, result.faqs());
        assertEquals(List.of("faq.fml:2:1: warning: unknown namespace 'urn:example:faq': read as FML (FML uses"
                + " http://maven.apache.org/FML/1.0.1 or no namespace)"), formatted(result.warnings(), root));
    }

    @Test
    void cdataIsTextAndSourceBecomesAFencedCodeBlockWithoutTheCommonIndentation() throws Exception {
        importFml(faqs(NS, """
                <part id="p"><title>P</title>
                  <faq id="q">
                    <question>Which <![CDATA[<tags>]]>?</question>
                    <answer>
                      <p>Add this to <code><![CDATA[<build>]]></code>:</p>
                      <source><![CDATA[
                        <plugin>
                          <artifactId>x</artifactId>
                        </plugin>
                      ]]></source>
                      <source>
                        a &lt; b &amp;&amp; c
                      </source>
                    </answer>
                  </faq>
                </part>
                """));
        assertEquals("Which <tags>?", question("p", 0).get("question"));
        assertEquals("""
                Add this to `<build>`:

                ```
                <plugin>
                  <artifactId>x</artifactId>
                </plugin>
                ```

                ```
                a < b && c
                ```
                """, answer("p", 0));
        Document page = page("p");
        assertEquals("<plugin>\n  <artifactId>x</artifactId>\n</plugin>", page.select("pre > code").get(0).wholeText().strip());
        assertEquals("<build>", page.selectFirst(".answer p code").text());
    }

    @Test
    void entitiesAreResolvedIncludingTheHtmlEntitiesDoxiaAccepted() throws Exception {
        importFml(faqs("", """
                <part id="p"><title>P</title>
                  <faq id="q">
                    <question>Is &quot;&lt;x&gt;&quot; a tag?</question>
                    <answer><p>Yes&#8482; &amp; G&#xfc;lc&#252;&nbsp;says&hellip; &copy; &amp;copy;</p></answer>
                  </faq>
                </part>
                """));
        assertEquals("Is \"<x>\" a tag?", question("p", 0).get("question"));
        assertEquals("Yes™ & Gülcü\u00a0says… © \\&copy;\n", answer("p", 0));
        assertEquals("<p>Yes™ &amp; Gülcü&nbsp;says… © &amp;copy;</p>", page("p").selectFirst(".answer p").outerHtml());
    }

    @Test
    void anExternalEntityIsLeftOutWithAWarningAtEachReference() throws Exception {
        String fml = "<?xml version=\"1.0\"?>\n<!DOCTYPE faqs [\n<!ENTITY secret SYSTEM \"file:///etc/hostname\">\n]>\n"
                + "<faqs title=\"F\"><part id=\"p\"><title>P</title>\n"
                + "<faq id=\"q\"><question>Q?</question>\n<answer><p>Host: &secret;.</p><!-- &secret; --></answer></faq>\n"
                + "</part></faqs>\n";
        FmlImporter.Result result = importFml(fml);
        assertEquals(List.of("faq.fml:7:18: warning: the external entity &secret; (SYSTEM \"file:///etc/hostname\") is left"
                + " out: site-gen reads no file or URL that an FML file names (write its text into the file instead)"),
                formatted(result.warnings(), root));
        assertEquals("Host: .\n", answer("p", 0));
    }

    @Test
    void anIso88591FileIsDecodedAsItsDeclarationSays() throws Exception {
        String fml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<faqs title=\"F\"><part id=\"p\"><title>Caf\u00e9</title>"
                + "<faq id=\"q\"><question>Gr\u00fc\u00dfe?</question><answer>Ja, gr\u00fc\u00dfe.</answer></faq></part></faqs>\n";
        Files.write(root.resolve("faq.fml"), fml.getBytes(StandardCharsets.ISO_8859_1));
        importFile(root.resolve("faq.fml"));
        assertTrue(file("p.yaml").contains("title: Café\n"));
        assertEquals("Grüße?", question("p", 0).get("question"));
        assertEquals("Ja, grüße.\n", answer("p", 0));
    }

    @Test
    void bytesThatAreNotInTheDeclaredEncodingAreAnErrorWithTheirPosition() throws Exception {
        byte[] fml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<faqs>\n  caf\u00e9</faqs>".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(root.resolve("faq.fml"), fml);
        SiteGenException e = assertThrows(SiteGenException.class, () -> importFile(root.resolve("faq.fml")));
        assertEquals(List.of("faq.fml:3:6: error: the file is not valid UTF-8 (byte 0xE9) (declare the file's real encoding"
                + " in its XML declaration, or save it as UTF-8)"), formatted(e.problems(), root));
        assertFalse(Files.exists(root.resolve("content")));
    }

    @Test
    void crlfLineEndingsGiveTheSameTopicsAndTheLinesOfTheFile() throws Exception {
        String fml = faqs("", """
                <part id="p"><title>P</title>
                  <faq id="q">
                    <question>Q?</question>
                    <answer>
                      <p>One
                      two</p>
                      <source>
                  line 1
                    line 2
                      </source>
                      <p><blink>Three</blink></p>
                    </answer>
                  </faq>
                </part>
                """);
        Path lf = Files.createDirectories(root.resolve("lf"));
        Files.writeString(lf.resolve("faq.fml"), fml);
        FmlImporter.Result unix = new FmlImporter().importFml(lf.resolve("faq.fml"), lf.resolve("content"), BuildListener.SILENT);
        Files.writeString(root.resolve("faq.fml"), fml.replace("\n", "\r\n"));
        FmlImporter.Result windows = importFile(root.resolve("faq.fml"));
        assertEquals(Files.readString(lf.resolve("content/p.yaml")), file("p.yaml"));
        assertEquals("One two\n\n```\nline 1\n  line 2\n```\n\nThree\n", answer("p", 0));
        assertEquals(formatted(unix.warnings(), lf), formatted(windows.warnings(), root));
        assertEquals(List.of("faq.fml:13:10: warning: <blink> is not kept (not XHTML, or not allowed by site-gen): its text is kept"),
                formatted(windows.warnings(), root));
    }

    @Test
    void aTableIsKeptAsHtmlThatSiteGenRendersAsItIs() throws Exception {
        importFml(faqs("", """
                <part id="p"><title>P</title>
                  <faq id="q">
                    <question>Which?</question>
                    <answer>
                      <p>Compare:</p>
                      <table>
                        <thead><tr><th>Name</th><th>Pros</th></tr></thead>
                        <tbody>
                          <tr><td>A &amp; B</td><td><ul><li>fast</li><li>small</li></ul></td></tr>
                        </tbody>
                      </table>
                    </answer>
                  </faq>
                </part>
                """));
        assertEquals("""
                Compare:

                <table>
                <thead>
                <tr>
                <th>Name</th>
                <th>Pros</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td>A &amp; B</td>
                <td>
                <ul>
                <li>fast</li>
                <li>small</li>
                </ul>
                </td>
                </tr>
                </tbody>
                </table>
                """, answer("p", 0));
        Document page = page("p");
        Element table = page.selectFirst(".answer table");
        assertNotNull(table);
        assertEquals(List.of("Name", "Pros"), table.select("thead th").eachText());
        assertEquals("A & B", table.selectFirst("tbody td").text());
        assertEquals(List.of("fast", "small"), table.select("td ul li").eachText());
    }

    @Test
    void whatCannotBeConvertedIsReportedAtItsLineAndColumn() throws Exception {
        FmlImporter.Result result = importFml(faqs("", """
                <part id="p"><title>P</title>
                  <faq id="q">
                    <question>Q <code>x</code>?</question>
                    <answer>
                      <p>See <a href="http://example.org/" target="_blank">this</a> and
                        <font color="red">that</font>.</p>
                      <p>Go <a href="ftp://example.org/file">here</a>, <a name="inner">there</a> or <a href="#nowhere">nowhere</a>.</p>
                      <macro name="toc"/>
                    </answer>
                  </faq>
                </part>
                <!-- <faq id="old"><question>Old?</question><answer>Gone.</answer></faq> -->
                """));
        List<String> warnings = formatted(result.warnings(), root);
        assertEquals(List.of(
                "faq.fml:5:5: warning: markup in the question became plain text: <code> (site-gen questions are plain text)",
                "faq.fml:7:14: warning: attribute target=\"_blank\" on <a> is not kept (site-gen opens links in the same tab)",
                "faq.fml:8:9: warning: <font> is not kept (not XHTML, or not allowed by site-gen): its text is kept",
                "faq.fml:9:13: warning: site-gen removes links with the scheme 'ftp:' (ftp://example.org/file) (site-gen keeps"
                        + " http, https and mailto links)",
                "faq.fml:9:56: warning: attribute name=\"inner\" on <a> is not kept (anchors inside answers are not kept;"
                        + " link to the question instead)",
                "faq.fml:9:85: warning: no <faq> of this file has the anchor '#nowhere': the link is kept as written",
                "faq.fml:10:7: warning: <macro> is not kept (not XHTML, or not allowed by site-gen): its text is kept",
                "faq.fml:14:1: warning: a commented-out <faq> is not imported (remove the comment marks to import it)"),
                warnings);
        assertEquals("""
                See [this](http://example.org/) and that.

                Go [here](ftp://example.org/file), there or [nowhere](#nowhere).
                """, answer("p", 0));
    }

    @Test
    void faqIdsThatAreNotQuestionIdsKeepEveryPublishedAnchorAsAPreviousId() throws Exception {
        FmlImporter.Result result = importFml(faqs("", """
                <part id="General"><title>General</title>
                  <faq id="How do I (re)start?">
                    <question>How do I (re)start?</question>
                    <answer><p>Press the button.</p></answer>
                  </faq>
                  <faq id="1.1"><question>One?</question><answer>Yes.</answer></faq>
                  <faq id="GWT"><question>GWT?</question><answer>Maybe.</answer></faq>
                  <faq id="mvn site:site"><question>site:site?</question><answer>Sure.</answer></faq>
                </part>
                """));
        assertEquals(List.of("how-do-i-re-start", "1-1", "gwt", "mvn-site-site"),
                questions("general").stream().map(q -> q.get("id")).toList());
        assertEquals(List.of("How_do_I_.28re.29start.3F", "How_do_I_restart", "How_do_I_%28re%29start%3f"),
                question("general", 0).get("previousIds"));
        assertEquals(List.of("1.1", "a1.1"), question("general", 1).get("previousIds"));
        assertEquals(List.of("GWT"), question("general", 2).get("previousIds"));
        assertEquals(List.of("mvn_site.3Asite", "mvn_site:site"), question("general", 3).get("previousIds"));
        assertEquals(8, result.anchors());
        assertEquals(0, result.anchorsAsIds());
        assertEquals(8, result.anchorsAsPrevious());
        assertHas(result.notes(), "general.yaml: \"General\", 4 questions, from faq.fml part \"General\" (topic id general:"
                + " part id \"General\" is not a valid topic id)");
        Document page = page("general");
        for (String anchor : List.of("How_do_I_.28re.29start.3F", "How_do_I_%28re%29start%3f", "How_do_I_restart", "1.1",
                "a1.1", "GWT", "mvn_site:site")) {
            Element target = page.getElementById(anchor);
            assertNotNull(target, anchor);
            assertTrue(target.hasClass("question-anchor"), anchor);
            assertEquals("details", target.parent().tagName(), "the anchor opens its question's answer: " + anchor);
        }
        assertEquals("How do I (re)start?", page.getElementById("how-do-i-re-start").closest("section.question")
                .selectFirst("h2").text());
    }

    @Test
    void theImportNeverReplacesAFileAndThenWritesNothing() throws Exception {
        Fixture.write(root, """
                -- content/install.yml --
                title: Mine
                questions: [{question: "Mine?", answer: Mine.}]
                """);
        SiteGenException e = assertThrows(SiteGenException.class, () -> importFml(faqs("", TWO_PARTS)));
        assertEquals(List.of("content/install.yml: error: the file exists: site-gen:import-fml never replaces a file (move"
                + " or remove it, or import into another site-gen.contentDirectory)"), formatted(e.errors(), root));
        try (var files = Files.list(root.resolve("content"))) {
            assertEquals(List.of("install.yml"), files.map(f -> f.getFileName().toString()).toList());
        }
        assertEquals("title: Mine\nquestions: [{question: \"Mine?\", answer: Mine.}]\n", file("install.yml"));
    }

    @Test
    void importingIntoAFolderWithContentAddsTopicsAndKeepsSiteYamlAndIdsUnique() throws Exception {
        Fixture.write(root, """
                -- content/site.yaml --
                title: Mine
                -- content/mine.yaml --
                title: Mine
                questions:
                  - id: cost
                    question: Mine?
                    answer: Mine.
                """);
        FmlImporter.Result result = importFml(faqs("", TWO_PARTS));
        assertEquals("cost-2", question("general", 1).get("id"));
        assertEquals("title: Mine\n", file("site.yaml"));
        assertHas(formatted(result.warnings(), root), "faq.fml:2:1: warning: the FAQ title 'Widget FAQ' is not imported");
        assertHas(formatted(result.warnings(), root), "warning: the id 'cost' is already used (by topic mine)");
        assertEquals(4, Fixture.build(root).questions());
    }

    @Test
    void simpleListsBecomeMarkdownAndNestedListsStayHtml() throws Exception {
        importFml(faqs("", """
                <part id="p"><title>P</title>
                  <faq id="q">
                    <question>Lists?</question>
                    <answer>
                      <ul><li>one <b>bold</b></li><li><p>two</p></li></ul>
                      <ol start="3"><li>three</li><li>- four</li></ol>
                      <ul><li>outer<ul><li>inner</li></ul></li></ul>
                    </answer>
                  </faq>
                </part>
                """));
        assertEquals("""
                - one **bold**
                - two

                3. three
                4. \\- four

                <ul>
                <li>outer
                <ul>
                <li>inner</li>
                </ul>
                </li>
                </ul>
                """, answer("p", 0));
        Document page = page("p");
        assertEquals(List.of("one bold", "two", "outer inner", "inner"), page.select(".answer ul li").eachText());
        assertEquals("3", page.selectFirst(".answer ol").attr("start"));
        assertEquals("- four", page.select(".answer ol li").get(1).text());
    }

    @Test
    void textThatLooksLikeMarkdownStaysTheTextItWas() throws Exception {
        String text = "5 * 3 = 15, a_b_c, _x_, [not](a link), <b>not bold</b>, `tick`, ~tilde~, &amp; back\\slash \\*";
        importFml(faqs("", """
                <part id="p"><title>P</title>
                  <faq id="q">
                    <question>Literal?</question>
                    <answer><p>TEXT</p><p># not a heading<br/>- not a list<br/>1. not a number<br/>&gt; not a quote</p></answer>
                  </faq>
                </part>
                """.replace("TEXT", text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))));
        assertEquals("\\# not a heading\\\n\\- not a list\\\n1\\. not a number\\\n\\> not a quote\n",
                answer("p", 0).substring(answer("p", 0).indexOf("\n\n") + 2));
        Document page = page("p");
        assertEquals(text, page.select(".answer p").get(0).text());
        Element lines = page.select(".answer p").get(1);
        assertEquals("# not a heading - not a list 1. not a number > not a quote", lines.text());
        assertEquals(3, lines.select("br").size());
        assertEquals(0, page.select(".answer h3, .answer li, .answer blockquote, .answer em, .answer strong").size());
    }

    @Test
    void imagesBecomeMarkdownAndKeepTheirSizeAsHtml() throws Exception {
        importFml(faqs("", """
                <part id="p"><title>P</title>
                  <faq id="q"><question>Images?</question>
                    <answer><p>The repository:</p><p><img alt="Sample repository" src="images/1.jpg"/></p>
                      <p>Small: <img src="images/2.png" alt="Two" width="20" height="10"/>.</p></answer></faq>
                </part>
                """));
        assertEquals("""
                The repository:

                ![Sample repository](images/1.jpg)

                Small: <img src="images/2.png" alt="Two" width="20" height="10">.
                """, answer("p", 0));
        Document page = page("p");
        assertEquals(List.of("Sample repository", "Two"), page.select(".answer img").eachAttr("alt"));
        assertEquals("20", page.select(".answer img").get(1).attr("width"));
    }

    @Test
    void linksToOtherFaqsOfTheFileLeadToTheirNewPlace() throws Exception {
        importFml(faqs("", """
                <part id="a"><title>A</title>
                  <faq id="First one"><question>First?</question>
                    <answer><p>See <a href="#second">the second</a> and <a href="#First_one">this one</a>.</p></answer></faq>
                </part>
                <part id="b"><title>B</title>
                  <faq id="second"><question>Second?</question>
                    <answer><p>Back to <a href="faq.html#First%20one">the first</a>.</p></answer></faq>
                </part>
                """));
        assertEquals("See [the second](#second) and [this one](#first-one).\n", answer("a", 0));
        assertEquals("Back to [the first](#first-one).\n", answer("b", 0));
        Document a = page("a");
        assertEquals("../b/index.html#second", a.selectFirst(".answer a").attr("href"));
    }

    @Test
    void aFaqWithTwoQuestionsBecomesTwoAndARepeatedIdGetsASuffix() throws Exception {
        FmlImporter.Result result = importFml(faqs("", """
                <part id="p"><title>P</title>
                  <faq id="x">
                    <question>First?</question><answer>One.</answer>
                    <question>Second?</question><answer>Two.</answer>
                  </faq>
                  <faq id="y"><question>Y?</question><answer>Y.</answer></faq>
                  <faq id="y"><question>Y again?</question><answer>Y again.</answer></faq>
                </part>
                """));
        assertEquals(List.of("x", "x-2", "y", "y-2"), questions("p").stream().map(q -> q.get("id")).toList());
        assertEquals(3, result.faqs());
        assertEquals(4, result.questions());
        assertEquals(List.of(
                "faq.fml:6:5: warning: question and answer number 2 of the <faq id=\"x\"> became the question 'x-2' (FML"
                        + " allows one pair per <faq>; Doxia showed only the last pair under the faq's anchor)",
                "faq.fml:9:3: warning: the id 'y' is already used (by faq.fml:8): this question's id became 'y-2' (its"
                        + " published anchor leads to the first one, as on the old page)"),
                formatted(result.warnings(), root));
    }

    @Test
    void preformattedTextWithMarkupStaysHtmlAndKeepsItsBlankLines() throws Exception {
        importFml(faqs("", """
                <part id="p"><title>P</title>
                  <faq id="q"><question>Pre?</question>
                    <answer><pre>
                &lt;a <strong>x="1"</strong>&gt;

                &lt;/a&gt;
                </pre><p>After.</p></answer></faq>
                </part>
                """));
        assertEquals("<pre>&lt;a <strong>x=\"1\"</strong>&gt;&#10;\n&lt;/a&gt;</pre>\n\nAfter.\n", answer("p", 0));
        Element pre = page("p").selectFirst(".answer pre");
        assertEquals("<a x=\"1\">\n\n</a>", pre.wholeText());
        assertEquals("x=\"1\"", pre.selectFirst("strong").text());
    }

    @Test
    void codeWithLineBreaksBecomesACodeBlockAndAOneLinePreInASentenceInlineCode() throws Exception {
        importFml(faqs("", """
                <part id="p"><title>P</title>
                  <faq id="q"><question>Code?</question>
                    <answer>
                      <p>Use:<br/>
                        <code><![CDATA[ <a>1</a>]]><br/>
                        <![CDATA[ <b>2</b>]]><br/></code>
                        Then replace <pre>${x}</pre> values.</p>
                      <code>
                        standalone();
                      </code>
                    </answer></faq>
                </part>
                """));
        assertEquals("Use:\n\n```\n<a>1</a>\n<b>2</b>\n```\n\nThen replace `${x}` values.\n\n```\nstandalone();\n```\n",
                answer("p", 0));
    }

    @Test
    void severalFilesGiveTopicIdsThatStartWithTheFileName() throws Exception {
        Fixture.write(root, "-- fml/alpha.fml --\n" + faqs("", TWO_PARTS) + "-- fml/Beta Docs.fml --\n" + faqs(NS, """
                <part id="general"><title>General</title>
                  <faq id="other"><question>Other?</question><answer>Yes.</answer></faq>
                </part>
                """) + "-- fml/notes.txt --\nnot FML\n");
        FmlImporter.Result result = importFile(root.resolve("fml"));
        assertEquals(2, result.files());
        assertEquals(List.of("beta-docs-general.yaml", "alpha-general.yaml", "alpha-install.yaml", "site.yaml"),
                result.written().stream().map(p -> p.getFileName().toString()).toList());
        assertTrue(file("beta-docs-general.yaml").contains("order: 1010\n"));
        assertTrue(file("alpha-install.yaml").contains("order: 2020\n"));
        assertEquals(4, Fixture.build(root).questions());
    }

    @Test
    @Timeout(60) // before the limit, this file took three minutes
    void anEntityThatExpandsToFarMoreTextThanTheFileIsAnErrorAtTheReferenceThatGoesBeyondAndNothingIsWritten() throws Exception {
        String fml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE faqs [\n<!ENTITY big \""
                + "x".repeat(100_000) + "\">\n]>\n<faqs title=\"Widget FAQ\">\n<part id=\"p\"><title>P</title>\n"
                + "<faq id=\"q\"><question>Q?</question>\n<answer><p>" + "&big;".repeat(200) + "</p></answer></faq>\n"
                + "</part>\n</faqs>\n";
        SiteGenException e = assertThrows(SiteGenException.class, () -> importFml(fml));
        List<String> errors = formatted(e.errors(), root);
        assertEquals(1, errors.size(), String.join("\n", errors));
        // at the reference that goes past 1,000,000 characters, the eleventh, not at the declaration (line 3)
        assertTrue(errors.get(0).startsWith("faq.fml:8:62: error: entities expand to more than 1000000 characters"), errors.get(0));
        assertFalse(Files.exists(root.resolve("content")));
    }

    @Test
    void malformedXmlIsAnErrorAtItsPositionAndNothingIsWritten() throws Exception {
        SiteGenException e = assertThrows(SiteGenException.class, () -> importFml(faqs("", """
                <part id="p"><title>P</title>
                  <faq id="q"><question>Q?</question>
                    <answer><p>Unclosed</answer></faq>
                </part>
                """)));
        List<String> errors = formatted(e.errors(), root);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("faq.fml:5:26: error: not well-formed XML: The element type \"p\" must be"
                + " terminated by the matching end-tag \"</p>\"."), errors.get(0));
        assertFalse(Files.exists(root.resolve("content")));
    }

    @Test
    void aPartOrFaqWithoutIdGetsOneFromItsTitleOrQuestion() throws Exception {
        FmlImporter.Result result = importFml(faqs("", """
                <part><title>Getting Started</title>
                  <faq><question>Where do I begin?</question><answer>Here.</answer></faq>
                </part>
                <part id="index"><title>Index</title>
                  <faq id="other"><question>Other?</question><answer>Yes.</answer></faq>
                </part>
                """));
        assertEquals("where-do-i-begin", question("getting-started", 0).get("id"));
        assertEquals(List.of(
                "faq.fml:3:1: warning: the <part> has no id: the topic id comes from its title",
                "faq.fml:4:3: warning: the <faq> has no id: its id 'where-do-i-begin' comes from the question"),
                formatted(result.warnings(), root));
        assertTrue(Files.exists(root.resolve("content/index-faq.yaml")), "index is the home page's name");
        assertEquals(2, Fixture.build(root).questions());
    }

    @Test
    void aPartNamedLikeTheMaintainersReportOrAWindowsDeviceGetsAnotherIdSoTheSiteBuilds() throws Exception {
        importFml(faqs("", """
                <part id="maintainers"><title>Maintainers</title>
                  <faq id="who"><question>Who maintains this?</question><answer>The team.</answer></faq>
                </part>
                <part id="aux"><title>Auxiliary</title>
                  <faq id="what"><question>What is it?</question><answer>A part.</answer></faq>
                </part>
                """));
        assertTrue(Files.exists(root.resolve("content/maintainers-faq.yaml")), "the report is maintainers/index.html");
        assertTrue(Files.exists(root.resolve("content/aux-faq.yaml")), "Windows holds no folder named aux");
        assertEquals(2, Fixture.build(root).questions());
    }

    @Test
    void aMissingInputOrAnEmptyAnswerIsAnError() throws Exception {
        SiteGenException missing = assertThrows(SiteGenException.class, () -> importFile(root.resolve("nope.fml")));
        assertHas(formatted(missing.errors(), root), "nope.fml: error: the FML input does not exist");
        Files.createDirectories(root.resolve("empty"));
        SiteGenException empty = assertThrows(SiteGenException.class, () -> importFile(root.resolve("empty")));
        assertHas(formatted(empty.errors(), root), "empty: error: the folder holds no .fml file");
        SiteGenException blank = assertThrows(SiteGenException.class, () -> importFml(faqs("", """
                <part id="p"><title>P</title>
                  <faq id="q"><question>Q?</question><answer> <!-- later --> </answer></faq>
                </part>
                """)));
        assertEquals(List.of("faq.fml:4:38: error: the answer is empty: nothing in it is visible (write the answer)"),
                formatted(blank.errors(), root));
    }

    @Test
    void anUndeclaredNamespacePrefixInAnAnswerIsReadAsDoxiaReadItAnUnknownElementWhoseTextIsKept() throws Exception {
        FmlImporter.Result result = importFml(faqs(NS, """
                <part id="p"><title>P</title>
                  <faq id="q"><question>Portlets?</question>
                    <answer><p>Declare <x:portlet name="a">the portlet</x:portlet> first.</p></answer></faq>
                </part>
                """));
        assertEquals("Declare the portlet first.\n", answer("p", 0));
        List<String> warnings = formatted(result.warnings(), root);
        assertHas(warnings, "faq.fml:5:24: warning: the namespace prefix 'x' of <x:portlet> is not declared: read as an"
                + " element named <x:portlet>, as Doxia did (declare xmlns:x or remove the prefix)");
        assertHas(warnings, "faq.fml:5:24: warning: <x:portlet> is not kept");
    }

    @Test
    void upperCaseTagsAreReadAsHtmlSoALinkAndLineBreaksStay() throws Exception {
        importFml(faqs("", """
                <part id="p"><title>P</title>
                  <faq id="q"><question>Case?</question>
                    <answer><P>Read the <A HREF="http://example.com/guide">guide</A> or <a Href="http://example.com/faq">faq</a>.</P>
                      <blockquote>Hello,<BR/><BR/>the build is broken.</blockquote></answer></faq>
                </part>
                """));
        assertEquals("Read the [guide](http://example.com/guide) or [faq](http://example.com/faq).\n\n> Hello,\\\n> the build is broken.\n", answer("p", 0));
        Document page = page("p");
        assertEquals("http://example.com/guide", page.selectFirst(".answer a").attr("href"));
        assertEquals(1, page.select(".answer blockquote br").size());
    }

    @Test
    void anUnknownElementAroundListItemsIsLeftOutAndTheItemsStayInAList() throws Exception {
        FmlImporter.Result result = importFml(faqs("", """
                <part id="p"><title>P</title>
                  <faq id="q"><question>Typo?</question>
                    <answer><p>Steps:</p>
                      <ui><li>one</li>
                        <li>two</li></ui>
                      <dd>a lone definition</dd>
                      <dt>term</dt><dd>its definition</dd></answer></faq>
                </part>
                """));
        List<String> warnings = formatted(result.warnings(), root);
        assertHas(warnings, "faq.fml:6:7: warning: <ui> is not kept (not XHTML, or not allowed by site-gen): its text is kept");
        assertHas(warnings, "faq.fml:6:11: warning: <li> outside a list: put in a <ul> (write the items inside <ul> or <ol>)");
        assertHas(warnings, "faq.fml:8:7: warning: <dd> outside a definition list, without a <dt>: its content is kept as a block");
        assertHas(warnings, "faq.fml:9:7: warning: <dt> outside a definition list: put in a <dl> (write them inside <dl>)");
        assertTrue(answer("p", 0).startsWith("Steps:\n\n- one\n- two\n\na lone definition\n\n<dl>"), answer("p", 0));
        Document page = page("p");
        assertEquals(2, page.select(".answer ul > li").size());
        assertEquals(1, page.select(".answer dl > dd").size());
        assertTrue(page.selectFirst(".answer").text().endsWith("term its definition"));
        SiteCheck.assertValidHtml(root.resolve("out"));
    }

    @Test
    void boldInACodeBlockStaysBoldAsDoxiaRenderedItAndXmlThereStaysCodeText() throws Exception {
        FmlImporter.Result result = importFml(faqs("", """
                <part id="p"><title>P</title>
                  <faq id="q"><question>Option?</question>
                    <answer><source>
                &lt;plugin <b>someOption="true"</b>/&gt;
                </source>
                      <pre>
                <configuration><B>fork</B></configuration>
                </pre></answer></faq>
                </part>
                """));
        assertEquals("<pre>&lt;plugin <b>someOption=\"true\"</b>/&gt;</pre>\n\n"
                + "<pre>&lt;configuration&gt;<b>fork</b>&lt;/configuration&gt;</pre>\n", answer("p", 0));
        assertHas(formatted(result.warnings(), root), "faq.fml:8:7: warning: <pre> holds unescaped XML: it is kept as code text");
        Document page = page("p");
        assertEquals("someOption=\"true\"", page.select(".answer pre b").get(0).text());
        assertEquals("<configuration>fork</configuration>", page.select(".answer pre").get(1).wholeText());
    }

    @Test
    void aFileThatDeclaresIso88591ButHoldsUtf8IsReadAsUtf8WithAWarningAtTheFirstSuchCharacter() throws Exception {
        String fml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<faqs title=\"F\"><part id=\"p\"><title>P</title>\n"
                + "<faq id=\"q\"><question>Gr\u00fc\u00dfe?</question><answer>Caf\u00e9 \u2013 ok.</answer></faq></part></faqs>\n";
        Files.write(root.resolve("faq.fml"), fml.getBytes(StandardCharsets.UTF_8));
        FmlImporter.Result result = importFile(root.resolve("faq.fml"));
        assertEquals("Grüße?", question("p", 0).get("question"));
        assertEquals("Café – ok.\n", answer("p", 0));
        assertEquals(List.of("faq.fml:3:25: warning: the file declares ISO-8859-1, but its bytes are UTF-8 (the first character"
                + " that is not ASCII is 'ü'): read as UTF-8 (declare encoding=\"UTF-8\" in the XML declaration)"),
                formatted(result.warnings(), root));
    }

    @Test
    void textThatIsNotCertainlyInTheWrongEncodingIsImportedAsItIsWithAWarningAtItsLine() throws Exception {
        byte[] windows = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<faqs title=\"F\"><part id=\"p\"><title>P</title>\n"
                + "<faq id=\"q\"><question>Quotes?</question><answer>It\u2019s caf\u00e9.</answer></faq></part></faqs>\n")
                .getBytes("windows-1252");
        Files.write(root.resolve("faq.fml"), windows);
        FmlImporter.Result result = importFile(root.resolve("faq.fml"));
        assertEquals("It’s café.\n", answer("p", 0));
        assertEquals(List.of("faq.fml:3:51: warning: the file declares ISO-8859-1, but holds byte 0x92, a control character"
                + " there: read as windows-1252, where it is '’' (declare encoding=\"windows-1252\", or save the file as UTF-8)"),
                formatted(result.warnings(), root));

        Path twice = root.resolve("twice");
        Fixture.write(twice, "-- faq.fml --\n" + faqs("", """
                <part id="p"><title>P</title>
                  <faq id="q"><question>Twice?</question><answer>Caf\u00c3\u00a9 and \ufffd.</answer></faq>
                </part>
                """));
        FmlImporter.Result read = new FmlImporter().importFml(twice.resolve("faq.fml"), twice.resolve("content"), listener);
        assertEquals(List.of("faq.fml:4:53: warning: 'Ã©' looks like UTF-8 text read in another encoding before the file was"
                + " saved: it is imported as it is (fix the text in the FML file)",
                "faq.fml:4:60: warning: the file holds the replacement character '\ufffd', which stands for a character lost"
                + " before: it is imported as it is (fix the text in the FML file)"), formatted(read.warnings(), twice));
    }

    @Test
    void aLinkToAPartsTitleAnchorLeadsToItsTopicWhichKeepsTheAnchor() throws Exception {
        FmlImporter.Result result = importFml(faqs("", """
                <part id="start"><title>Getting Started</title>
                  <faq id="install"><question>Install?</question><answer>Unzip it.</answer></faq>
                </part>
                <part id="usage"><title>Usage</title>
                  <faq id="run"><question>Run?</question>
                    <answer><p>First see <a href="#Getting_Started">getting started</a>, or
                      <a href="faq.html#usage">this part</a>.</p></answer></faq>
                </part>
                """));
        assertEquals(List.of(), formatted(result.warnings(), root));
        assertEquals("First see [getting started](start/index.html), or [this part](usage/index.html).\n", answer("usage", 0));
        assertTrue(file("start.yaml").contains("order: 10\npreviousIds:\n  - Getting_Started\n  - start\npreviousPages:\n  - faq.html\n"
                + "questions:\n"),
                file("start.yaml"));
        assertTrue(file("usage.yaml").contains("previousIds:\n  - Usage\n  - usage\n"), file("usage.yaml"));
        Document page = page("start");
        assertEquals(List.of("Getting_Started", "start"), page.selectFirst("h1").select("span[id]").eachAttr("id"));
    }

    @Test
    void aParagraphThatHoldsAListOrCodeInsideATableBecomesADivSoThePageIsValidHtml() throws Exception {
        importFml(faqs("", """
                <part id="p"><title>P</title>
                  <faq id="q"><question>Table?</question>
                    <answer><table><tr><td><p>Use <pre>mvn site</pre> or:<ul><li>one</li></ul></p></td></tr></table></answer></faq>
                </part>
                """));
        assertTrue(answer("p", 0).contains("<td>\n<div>Use\n<pre>"), answer("p", 0));
        page("p");
        SiteCheck.assertValidHtml(root.resolve("out"));
    }

    @Test
    void boldOrASpanAroundACodeBlockOrAListIsLeftOutSoThePageIsValidHtml() throws Exception {
        FmlImporter.Result result = importFml(faqs("", """
                <part id="p"><title>P</title>
                  <faq id="q"><question>Blocks?</question>
                    <answer><p>Run <b><pre>mvn clean
                mvn site</pre></b> then <span><ul><li>check</li></ul></span></p></answer></faq>
                </part>
                """));
        List<String> warnings = formatted(result.warnings(), root);
        assertHas(warnings, "faq.fml:5:20: warning: <b> around a list, table, paragraph or code block is not kept");
        assertHas(warnings, "faq.fml:6:25: warning: <span> around a list");
        assertEquals("Run\n\n```\nmvn clean\nmvn site\n```\n\nthen\n\n- check\n", answer("p", 0));
        page("p");
        SiteCheck.assertValidHtml(root.resolve("out"));
    }

    private static String titled(String title, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<faqs xmlns=\"" + NS + "\" title=\"" + title + "\">\n" + body
                + "</faqs>\n";
    }

    @Test
    void twoFilesWithAPartOfTheSameTitleGetTitlesThatTellThemApartWithAWarning() throws Exception {
        Fixture.write(root, "-- fml/maven.fml --\n" + titled("Maven", """
                <part id="general"><title>General</title>
                  <faq id="what"><question>What is Maven?</question><answer><p>A build tool.</p></answer></faq>
                </part>
                """) + "-- fml/ant.fml --\n" + titled("Ant", """
                <part id="general"><title>General</title>
                  <faq id="ant"><question>What is Ant?</question><answer><p>Another build tool.</p></answer></faq>
                </part>
                """));
        FmlImporter.Result result = importFile(root.resolve("fml"));
        assertEquals("Maven – General", title("maven-general"));
        assertEquals("Ant – General", title("ant-general"));
        List<String> warnings = formatted(result.warnings(), root);
        assertHas(warnings, "fml/maven.fml:3:1: warning: 2 imported topics are titled 'General' (from ant.fml, maven.fml):"
                + " this one is titled 'Maven – General' (change 'title' in maven-general.yaml if another title suits it"
                + " better)");
        assertHas(warnings, "fml/ant.fml:3:1: warning: 2 imported topics are titled 'General'");
        assertHas(infos, "maven-general.yaml: \"Maven – General\", 1 question, from maven.fml part \"general\"");
        Document home = Fixture.html(buildSite().resolve("index.html"));
        assertEquals(List.of("Ant – General", "Maven – General"), home.select(".topic-nav a:not([href$=all.html])").eachText().stream().sorted().toList());
    }

    @Test
    void twoFilesOfTheSameTitleTellTheirTopicsApartByTheFileName() throws Exception {
        String part = """
                <part id="general"><title>General</title>
                  <faq id="%s"><question>What is it?</question><answer><p>A tool.</p></answer></faq>
                </part>
                """;
        Fixture.write(root, "-- fml/core.fml --\n" + titled("FAQ", part.formatted("a")) + "-- fml/web.fml --\n"
                + titled("FAQ", part.formatted("b")));
        importFile(root.resolve("fml"));
        assertEquals("core – General", title("core-general"));
        assertEquals("web – General", title("web-general"));
    }

    @SuppressWarnings("unchecked")
    private String title(String topic) throws IOException {
        return (String) ((Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(file(topic + ".yaml")))
                .get("title");
    }

    private Path buildSite() throws Exception {
        Fixture.build(root);
        return root.resolve("out");
    }

    @Test
    void theOldPageOfAFileIsAPreviousPageOfItsFirstTopicSoThatItsLinksStillLand() throws Exception {
        Fixture.write(root, "-- src/site/fml/faq.fml --\n" + faqs(NS, TWO_PARTS) + "-- src/site/fml/sub/more.fml --\n"
                + faqs(NS, """
                <part id="more"><title>More</title>
                  <faq id="more-one"><question>One more?</question><answer><p>Yes.</p></answer></faq>
                </part>
                """));
        importFile(root.resolve("src/site/fml"));
        assertEquals(List.of("faq.html"), yaml("general").get("previousPages"));
        assertFalse(yaml("install").containsKey("previousPages"), "the file's page is given to its first topic only");
        Path out = buildSite();
        assertTrue(Files.readString(out.resolve("faq.html")).contains("general/"), "the old page leads on to the first topic");
        new FmlImporter().importFml(root.resolve("src/site/fml/sub/more.fml"), root.resolve("more"), listener);
        assertTrue(Files.readString(root.resolve("more/more.yaml")).contains("previousPages:\n  - sub/more.html\n"),
                Files.readString(root.resolve("more/more.yaml")));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> yaml(String topic) throws IOException {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(file(topic + ".yaml"));
    }

    private static final String LINKS = """
            <part id="general"><title>General</title>
              <faq id="cost"><question>What does it cost?</question>
                <answer><p>See <a href="usage.html">the usage</a>, <a href="apidocs/index.html">the API</a>,
                  <a href="faq.html#cost">this</a>, <a href="#cost">that</a> and <a href="https://example.org/">elsewhere</a>.</p></answer></faq>
            </part>
            """;

    @Test
    void withTheOldSitesAddressLinksToItsOtherPagesBecomeAbsoluteAndWithoutItTheyStayAsWritten() throws Exception {
        Fixture.write(root, "-- src/site/fml/sub/faq.fml --\n" + faqs(NS, LINKS));
        FmlImporter.withOldSite("https://maven.apache.org/plugins/maven-foo-plugin")
                .importFml(root.resolve("src/site/fml/sub/faq.fml"), root.resolve("content"), listener);
        assertEquals("See [the usage](https://maven.apache.org/plugins/maven-foo-plugin/sub/usage.html), [the"
                + " API](https://maven.apache.org/plugins/maven-foo-plugin/sub/apidocs/index.html), [this](#cost), [that](#cost)"
                + " and [elsewhere](https://example.org/).\n", answer("general", 0));
        new FmlImporter().importFml(root.resolve("src/site/fml/sub/faq.fml"), root.resolve("kept"), listener);
        assertTrue(Files.readString(root.resolve("kept/general.yaml")).contains("[the usage](usage.html)"));
        SiteGenException e = assertThrows(SiteGenException.class, () -> FmlImporter.withOldSite("maven.apache.org/foo"));
        assertEquals("error: site-gen.fmlSiteUrl is not an absolute http(s) URL: 'maven.apache.org/foo' (give the address"
                + " the Maven site was published at, such as https://maven.apache.org/plugins/maven-foo-plugin/)",
                e.problems().get(0).format(root));
    }
}
