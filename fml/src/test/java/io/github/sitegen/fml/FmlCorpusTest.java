package io.github.sitegen.fml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import io.github.sitegen.BuildListener;
import io.github.sitegen.Fixture;
import io.github.sitegen.SiteCheck;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.render.Urls;
import io.github.sitegen.fml.DoxiaIds.Form;
import io.github.sitegen.markdown.Text;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The fifteen real FML files of src/test/resources/fml (see the README there) import, the imported
 * content builds, every {@code <faq>} is on the site, and every anchor Doxia published for it
 * leads to it. The FML is read for the checks with the JDK's DOM parser, not with the importer's
 * own reader.
 */
class FmlCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/fml");

    @TempDir
    Path root;

    static List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(CORPUS)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".fml")).sorted().toList();
        }
    }

    /** A {@code <faq>} as the JDK reads it: its id, its first question as plain text, its answer's text. */
    record Faq(String file, String id, String question, String answerText, org.w3c.dom.Element element) {
    }

    private static List<Faq> faqs(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setIgnoringComments(true);
        factory.setCoalescing(true);
        NodeList nodes = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagNameNS("*", "faq");
        List<Faq> faqs = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            org.w3c.dom.Element faq = (org.w3c.dom.Element) nodes.item(i);
            String question = faq.getElementsByTagNameNS("*", "question").item(0).getTextContent();
            String answer = faq.getElementsByTagNameNS("*", "answer").item(0).getTextContent();
            faqs.add(new Faq(file.getFileName().toString(), faq.getAttribute("id"), Text.oneLine(question), answer, faq));
        }
        return faqs;
    }

    private static Map<String, Document> pages(Path site) throws IOException {
        Map<String, Document> pages = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path page : walk.filter(p -> p.toString().endsWith("/index.html") && !p.getParent().equals(site)).sorted().toList()) {
                pages.put(site.relativize(page).toString(), Fixture.html(page));
            }
        }
        return pages;
    }

    private static String squash(String text) {
        return text.replaceAll("[\\s\\u00A0]+", "");
    }

    /**
     * Checks every faq of {@code faqs} on the site: its question is a question heading there, its
     * answer's text is under it, and each anchor Doxia published (Doxia 2, the Doxia 1 FML parser,
     * Doxia 1.0) is an anchor of that question, or, for a repeated id, of the first question that
     * had it. Returns {anchors that are question ids, anchors that are previous ids}.
     */
    private static int[] checkFaqsAndAnchors(List<Faq> faqs, Map<String, Document> pages) {
        Map<String, Fixture.PageQuestion> headings = new HashMap<>();
        for (Document page : pages.values()) {
            for (Fixture.PageQuestion question : Fixture.questions(page)) {
                headings.putIfAbsent(question.question(), question);
            }
        }
        Map<String, Element> byId = new HashMap<>();
        for (Document page : pages.values()) {
            for (Element element : page.select("section.question [id]")) {
                assertEquals(null, byId.put(element.id(), element), "id " + element.id() + " is unique across the site");
            }
        }
        int direct = 0;
        int previous = 0;
        Map<String, String> firstHolder = new HashMap<>();
        for (Faq faq : faqs) {
            Fixture.PageQuestion heading = headings.get(faq.question());
            assertNotNull(heading, faq.file() + ": question on the site: " + faq.question());
            Element section = heading.section();
            String firstText = faq.answerText().strip().split("\\R", 2)[0];
            String expected = squash(firstText).substring(0, Math.min(20, squash(firstText).length()));
            assertTrue(squash(section.selectFirst(".answer").text()).contains(expected),
                    faq.file() + " " + faq.id() + ": the answer starts with " + expected);
            for (Form form : List.of(Form.DOXIA_2, Form.DOXIA_1_FML, Form.DOXIA_1_0)) {
                String anchor = DoxiaIds.published(faq.id(), form);
                String owner = firstHolder.computeIfAbsent(faq.file() + "#" + anchor, k -> faq.question());
                Element target = byId.get(anchor);
                assertNotNull(target, faq.file() + ": published anchor #" + anchor + " (" + form + ") of " + faq.id());
                Element targetSection = target.closest("section.question");
                assertEquals(owner, targetSection.selectFirst("summary h2").text(), "#" + anchor + " leads to its question");
                if (target.hasClass("previous-id")) {
                    previous++;
                } else {
                    assertEquals("question-anchor", target.className());
                    direct++;
                }
            }
        }
        return new int[] {direct, previous};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void aRealFmlFileImportsAndEveryFaqAndEveryPublishedAnchorIsOnTheSite(String name) throws Exception {
        Path content = root.resolve("content");
        FmlImporter.Result imported = new FmlImporter().importFml(CORPUS.resolve(name), content, BuildListener.SILENT);
        SiteGenerator.Result built = new SiteGenerator().generate(SiteGenConfig.builder(content, root.resolve("site")).build(),
                BuildListener.SILENT);
        assertOnlyLinksToTheMavenSite(built.warnings());
        List<Faq> faqs = faqs(CORPUS.resolve(name));
        assertEquals(faqs.size(), imported.faqs());
        assertEquals(imported.questions(), built.questions());
        assertEquals(imported.parts(), built.topics());
        checkFaqsAndAnchors(faqs, pages(root.resolve("site")));
        assertEquals(List.of(), SiteCheck.brokenLinks(root.resolve("site")));
    }

    /**
     * The imported content builds with no warning but one: FML files link pages of the Maven site
     * they were published in (usage.html, apidocs/...), which the FAQ site does not have.
     */
    private static void assertOnlyLinksToTheMavenSite(List<Problem> warnings) {
        for (Problem warning : warnings) {
            assertTrue(warning.message().matches("(a relative URL points|\\d+ relative URLs point) at no file of the site: .*"),
                    warning.toString());
        }
    }

    @Test
    void allFifteenFilesImportTogetherAndBuildOneValidSite() throws Exception {
        Path content = root.resolve("content");
        FmlImporter.Result imported = new FmlImporter().importFml(CORPUS, content, BuildListener.SILENT);
        Path site = root.resolve("site");
        SiteGenerator.Result built = new SiteGenerator().generate(SiteGenConfig.builder(content, site).build(),
                BuildListener.SILENT);
        assertOnlyLinksToTheMavenSite(built.warnings());
        assertEquals(15, imported.files());
        assertEquals(42, imported.parts());
        assertEquals(246, imported.faqs());
        assertEquals(247, imported.questions(), "commons-exec's faq environment-testing holds two pairs");
        assertEquals(42, built.topics());
        assertEquals(247, built.questions());
        assertEquals(42, imported.written().size(), "42 topic files and no site.yaml: the titles differ");
        assertEquals(315, imported.anchors());
        assertEquals(170, imported.anchorsAsIds());
        assertEquals(145, imported.anchorsAsPrevious());

        List<Faq> faqs = new ArrayList<>();
        for (String name : files()) {
            faqs.addAll(faqs(CORPUS.resolve(name)));
        }
        assertEquals(246, faqs.size());
        Map<String, Document> pages = pages(site);
        int[] anchors = checkFaqsAndAnchors(faqs, pages);
        assertEquals(3 * 246, anchors[0] + anchors[1]);
        assertEquals(List.of(), SiteCheck.brokenLinks(site));
        List<String> problems = new ArrayList<>();
        checkCodeBlocks(faqs, pages, problems);
        checkLinks(faqs, pages, problems);
        assertEquals(List.of(), problems);
        checkTables(pages.get("jackrabbit-pms/index.html"));
        assertEquals(38, checkPartAnchors(pages), "42 parts, 4 of them without a <title>, for which Doxia wrote no section");
        SiteCheck.assertValidHtml(site);
    }

    /**
     * Every line of every {@code <source>} and {@code <pre>} of the FML is code on the site: a
     * {@code <pre>}, or inline code for the two one-line {@code <pre>} written inside a sentence.
     */
    private static void checkCodeBlocks(List<Faq> faqs, Map<String, Document> pages, List<String> problems) {
        StringBuilder all = new StringBuilder();
        int blocks = 0;
        for (Document page : pages.values()) {
            for (Element pre : page.select(".answer pre")) {
                all.append(squash(pre.wholeText())).append('\n');
                blocks++;
            }
            for (Element code : page.select(".answer p code")) {
                all.append(squash(code.wholeText())).append('\n');
            }
        }
        int expected = 0;
        for (Faq faq : faqs) {
            for (String tag : List.of("source", "pre")) {
                NodeList elements = faq.element().getElementsByTagNameNS("*", tag);
                for (int i = 0; i < elements.getLength(); i++) {
                    expected++;
                    for (String line : elements.item(i).getTextContent().strip().split("\\R")) {
                        if (!line.isBlank() && !all.toString().contains(squash(line))) {
                            problems.add(faq.file() + " " + faq.id() + ": <" + tag + "> line not in code: " + line.strip());
                        }
                    }
                }
            }
        }
        assertEquals(65, expected, "49 <source> and 16 <pre> in the corpus");
        // each is a <pre> but the two one-line <pre> inside a sentence; and four <code> became code
        // blocks: two whose lines are separated by <br/> (surefire), two standing on their own lines (jcs)
        assertEquals(expected - 2 + 4, blocks);
    }

    /**
     * Every link of an FML answer is on the site: external links as written (or with their
     * backslashes as slashes), relative ones leading to the same path from the site's root, links
     * to another faq pointing at that faq's question.
     */
    private static void checkLinks(List<Faq> faqs, Map<String, Document> pages, List<String> problems) {
        List<String> siteLinks = new ArrayList<>();
        for (Map.Entry<String, Document> page : pages.entrySet()) {
            for (Element link : page.getValue().select(".answer a[href]")) {
                String href = link.attr("href");
                // a relative URL as the site's root names it (the FML's are from the root of the Maven site)
                String sitePath = Urls.resolve(href, page.getKey()).orElse(href);
                siteLinks.add(URLDecoder.decode(sitePath.replace("+", "%2B"), StandardCharsets.UTF_8));
                if (href.startsWith("#") || href.matches("^\\.\\./[a-z0-9-]+/index\\.html#.*")) { // to another question
                    String path = href.substring(0, href.indexOf('#'));
                    Document target = path.isEmpty() ? page.getValue() : pages.get(Path.of(page.getKey()).getParent()
                            .resolve(path).normalize().toString());
                    if (target == null || target.getElementById(href.substring(href.indexOf('#') + 1)) == null) {
                        problems.add(page.getKey() + ": link to another question does not resolve: " + href);
                    }
                }
            }
        }
        int fmlLinks = 0;
        for (Faq faq : faqs) {
            NodeList links = faq.element().getElementsByTagNameNS("*", "a");
            for (int i = 0; i < links.getLength(); i++) {
                org.w3c.dom.Element link = (org.w3c.dom.Element) links.item(i);
                Node answer = link.getParentNode();
                while (answer != null && !"answer".equals(answer.getLocalName())) {
                    answer = answer.getParentNode();
                }
                if (answer == null || !link.hasAttribute("href") || link.getTextContent().isBlank()) {
                    continue;
                }
                fmlLinks++;
                String href = link.getAttribute("href").strip().replace('\\', '/');
                if (href.startsWith("#")) {
                    continue; // checked above: they lead to the question now
                }
                String sitePath = Urls.resolve(href, Urls.HOME).orElse(href);
                String decoded = URLDecoder.decode(sitePath.replace("+", "%2B"), StandardCharsets.UTF_8);
                if (!siteLinks.contains(decoded)) {
                    problems.add(faq.file() + " " + faq.id() + ": link not on the site: " + href);
                }
            }
        }
        int bareUrls = 0;
        for (Faq faq : faqs) {
            bareUrls += bareUrls(faq.element());
        }
        assertEquals(1, bareUrls, "surefire's [gwt-maven-plugin](https://...), which site-gen's autolinks make a link");
        assertEquals(fmlLinks + bareUrls, siteLinks.size(), "every link of every answer, once");
    }

    /** URLs written as text in an answer, outside links and code. */
    private static int bareUrls(Node node) {
        int count = 0;
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                count += (int) java.util.regex.Pattern.compile("https?://|www\\.").matcher(child.getTextContent()).results().count();
            } else if (child.getNodeType() == Node.ELEMENT_NODE
                    && !List.of("a", "code", "tt", "pre", "source", "question").contains(child.getLocalName())) {
                count += bareUrls(child);
            }
        }
        return count;
    }

    /**
     * The anchor Doxia made from each part's title (Doxia 1's site renderer, Doxia 2's index
     * anchors) is in the heading of the topic made from that part. Returns the parts checked.
     */
    private static int checkPartAnchors(Map<String, Document> pages) throws Exception {
        int checked = 0;
        for (String name : files()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            NodeList parts = factory.newDocumentBuilder().parse(CORPUS.resolve(name).toFile()).getElementsByTagNameNS("*", "part");
            for (int i = 0; i < parts.getLength(); i++) {
                NodeList titles = ((org.w3c.dom.Element) parts.item(i)).getElementsByTagNameNS("*", "title");
                if (titles.getLength() == 0) {
                    continue;
                }
                String title = Text.oneLine(titles.item(0).getTextContent());
                for (Form form : List.of(Form.DOXIA_2, Form.DOXIA_1)) {
                    String anchor = DoxiaIds.published(title, form);
                    // A title that another file's part has too is preceded by the file's title ("Maven – General").
                    assertTrue(pages.values().stream().anyMatch(page -> (page.selectFirst("h1").text().equals(title)
                                    || page.selectFirst("h1").text().endsWith(" – " + title))
                            && page.getElementById(anchor) != null && page.getElementById(anchor).parent().tagName().equals("h1")),
                            name + ": part anchor #" + anchor + " of \"" + title + "\" is in its topic's heading");
                }
                checked++;
            }
        }
        return checked;
    }

    private static void checkTables(Document page) {
        List<Element> tables = page.select(".answer table");
        assertEquals(2, tables.size());
        for (Element table : tables) {
            assertEquals(4, table.select("thead th").size());
            assertTrue(table.select("tbody tr").size() >= 3);
            assertTrue(table.select("tbody td ul li").size() >= 8);
        }
        assertEquals("Persistence manager", tables.get(0).selectFirst("th").text());
    }

}
