package io.github.sitegen.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sitegen.BuildListener;
import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;
import io.github.sitegen.problem.Problem;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

class PublishingTest {

    private static final String SITE = """
            -- content/site.yaml --
            title: Acme FAQ
            description: Answers about Acme.
            image: img/preview.png
            -- content/billing.yaml --
            title: Billing
            summary: Paying for Acme.
            order: 1
            questions:
              - id: pay
                question: How do I pay?
                answer: |
                  With a card. See [refunds](#refund) and <em>the</em> [docs](start/index.html).
                tags: [money]
                related: [begin]
              - id: refund
                question: Can I get a refund?
                answer: Yes, within **30 days**.
            -- content/start.yaml --
            title: Getting started
            order: 2
            questions:
              - id: begin
                question: Where do I begin?
                answer: Here.
            """;

    @TempDir
    Path root;

    private final ObjectMapper json = new ObjectMapper();

    private Path out() {
        return root.resolve("out");
    }

    private SiteGenConfig.Builder config() {
        return SiteGenConfig.builder(root.resolve("content"), out()).projectDirectory(root);
    }

    @Test
    void faqJsonHoldsTheWholeFaqWithAbsoluteUrlsWhenTheBaseUrlIsKnown() throws Exception {
        Fixture.write(root, SITE.replace("    related: [begin]\n", "    related: [begin]\n    previousIds: [how-to-pay]\n")
                .replace("order: 1\n", "order: 1\npreviousPages: [payments, faq.html]\n"));
        Fixture.build(config().baseUrl("https://acme.github.io/faq"));
        JsonNode faq = json.readTree(out().resolve("faq.json").toFile());
        assertEquals(2, faq.get("version").asInt());
        assertEquals("Acme FAQ", faq.at("/site/title").asText());
        assertEquals("en", faq.at("/site/language").asText());
        assertEquals("https://acme.github.io/faq/", faq.at("/site/url").asText());
        JsonNode billing = faq.at("/topics/0");
        assertEquals("billing", billing.get("id").asText());
        assertEquals("Paying for Acme.", billing.get("summary").asText());
        assertEquals("https://acme.github.io/faq/billing/", billing.get("url").asText());
        assertEquals("billing/", billing.get("page").asText());
        assertEquals("[\"payments/\",\"faq.html\"]", billing.get("previousPages").toString());
        assertEquals("[]", billing.get("previousIds").toString());
        JsonNode pay = billing.at("/questions/0");
        assertEquals("pay", pay.get("id").asText());
        assertEquals("How do I pay?", pay.get("question").asText());
        assertTrue(pay.get("answerHtml").asText().startsWith("<p>With a card."), pay.toString());
        assertEquals("With a card. See refunds and the docs.", pay.get("answerText").asText());
        assertEquals("money", pay.at("/tags/0").asText());
        assertEquals("begin", pay.at("/related/0").asText());
        assertEquals("https://acme.github.io/faq/billing/#pay", pay.get("url").asText());
        assertEquals("billing/", pay.get("page").asText());
        assertEquals("[\"how-to-pay\"]", pay.get("previousIds").toString());
    }

    @Test
    void faqJsonUsesSitePathsWithoutABaseUrlAndThereIsNoSitemap() throws Exception {
        Fixture.write(root, SITE.replace("image: img/preview.png\n", ""));
        Fixture.build(config());
        JsonNode faq = json.readTree(out().resolve("faq.json").toFile());
        assertEquals("index.html", faq.at("/site/url").asText());
        assertEquals("start/index.html#begin", faq.at("/topics/1/questions/0/url").asText());
        assertFalse(Files.exists(out().resolve("sitemap.xml")));
        assertFalse(Files.exists(out().resolve("robots.txt")));
    }

    @Test
    void theSitemapListsEveryPageOnceWithAbsoluteUrlsUnderTheBasePathAndNoBuildTime() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(config().baseUrl("https://acme.github.io/faq/"));
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var xml = factory.newDocumentBuilder().parse(out().resolve("sitemap.xml").toFile());
        assertEquals("http://www.sitemaps.org/schemas/sitemap/0.9", xml.getDocumentElement().getNamespaceURI());
        NodeList locs = xml.getElementsByTagName("loc");
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < locs.getLength(); i++) {
            urls.add(locs.item(i).getTextContent());
        }
        assertEquals(List.of("https://acme.github.io/faq/", "https://acme.github.io/faq/billing/",
                "https://acme.github.io/faq/start/"), urls);
        assertEquals(0, xml.getElementsByTagName("lastmod").getLength(), "no real dates in this content");
        assertEquals("User-agent: *\nAllow: /\n\nSitemap: https://acme.github.io/faq/sitemap.xml\n",
                Files.readString(out().resolve("robots.txt")));
    }

    @Test
    void aProjectSiteIsToldThatRobotsTxtOnlyWorksAtTheHostRoot() throws Exception {
        Fixture.write(root, SITE);
        List<String> info = new ArrayList<>();
        new SiteGenerator().generate(config().baseUrl("https://acme.github.io/faq").build(), listener(info));
        assertTrue(info.stream().anyMatch(m -> m.startsWith("robots.txt is written, but crawlers read it only at the"
                + " root of a host, not under /faq/")), info.toString());
        info.clear();
        new SiteGenerator().generate(config().baseUrl("https://faq.acme.example").build(), listener(info));
        assertTrue(info.stream().noneMatch(m -> m.startsWith("robots.txt")), info.toString());
    }

    @Test
    void everyPageHasTitleDescriptionCanonicalAndOpenGraphTags() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(config().baseUrl("https://acme.github.io/faq"));
        Document topic = Fixture.html(out().resolve("billing/index.html"));
        assertEquals("Billing | Acme FAQ", topic.title());
        assertEquals("Paying for Acme.", meta(topic, "name", "description"));
        assertEquals("https://acme.github.io/faq/billing/", topic.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("Billing", meta(topic, "property", "og:title"));
        assertEquals("website", meta(topic, "property", "og:type"));
        assertEquals("https://acme.github.io/faq/billing/", meta(topic, "property", "og:url"));
        assertEquals("Paying for Acme.", meta(topic, "property", "og:description"));
        assertEquals("https://acme.github.io/faq/img/preview.png", meta(topic, "property", "og:image"));
        Document start = Fixture.html(out().resolve("start/index.html"));
        assertEquals("Here.", meta(start, "name", "description"), "without a summary: the first answer's first sentence");
        Document home = Fixture.html(out().resolve("index.html"));
        assertEquals("Answers about Acme.", meta(home, "property", "og:description"));
    }

    @Test
    void anImageWithoutABaseUrlIsLeftOutOfPreviewsWithAWarning() throws Exception {
        Fixture.write(root, SITE);
        SiteGenerator.Result result = Fixture.build(config());
        assertTrue(Fixture.html(out().resolve("index.html")).select("meta[property=og:image]").isEmpty());
        assertEquals("content/site.yaml:3:8: warning: 'image' is left out of link previews: they need an absolute URL"
                + " (set site-gen.baseUrl, or give the image as an absolute URL)", result.warnings().get(0).format(root));
    }

    @Test
    void structuredDataIsOffByDefault() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(config());
        assertTrue(Fixture.html(out().resolve("billing/index.html")).select("script[type=application/ld+json]").isEmpty());
    }

    @Test
    void faqPageStructuredDataMarksEachQuestionOnceWithTheTextThePageShows() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(config().baseUrl("https://acme.github.io/faq").structuredData(true));
        Set<String> marked = new HashSet<>();
        assertTrue(Fixture.html(out().resolve("index.html")).select("script[type=application/ld+json]").isEmpty());
        for (String page : List.of("billing/index.html", "start/index.html")) {
            Document doc = Fixture.html(out().resolve(page));
            List<Element> scripts = doc.select("script[type=application/ld+json]");
            assertEquals(1, scripts.size(), page);
            JsonNode data = json.readTree(scripts.get(0).data());
            assertEquals("https://schema.org", data.get("@context").asText());
            assertEquals("FAQPage", data.get("@type").asText());
            for (JsonNode question : data.get("mainEntity")) {
                assertEquals("Question", question.get("@type").asText());
                String name = question.get("name").asText();
                assertTrue(marked.add(name), "marked up once across the site: " + name);
                Element heading = doc.select("section.question h2").stream().filter(h -> h.text().equals(name))
                        .findFirst().orElseThrow(() -> new AssertionError("question not visible: " + name));
                JsonNode answer = question.get("acceptedAnswer");
                assertEquals("Answer", answer.get("@type").asText());
                String visible = heading.closest("section").selectFirst(".answer").text();
                assertEquals(visible, org.jsoup.Jsoup.parse(answer.get("text").asText()).text());
            }
        }
        assertEquals(3, marked.size());
        JsonNode pay = json.readTree(Fixture.html(out().resolve("billing/index.html"))
                .selectFirst("script[type=application/ld+json]").data()).at("/mainEntity/0/acceptedAnswer/text");
        assertTrue(pay.asText().contains("href=\"https://acme.github.io/faq/start/index.html\""), pay.asText());
    }

    @Test
    void aCustomDomainWritesCnameAndBecomesTheBaseUrl() throws Exception {
        Fixture.write(root, SITE);
        Fixture.build(config().cname("FAQ.Acme.example"));
        assertEquals("faq.acme.example\n", Files.readString(out().resolve("CNAME")));
        assertEquals("https://faq.acme.example/billing/",
                Fixture.html(out().resolve("billing/index.html")).selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("/index.html", Fixture.html(out().resolve("404.html")).selectFirst(".site-title").attr("href"));
    }

    @Test
    void aCnameThatIsNotADomainOrDisagreesWithTheBaseUrlIsAnError() throws Exception {
        Fixture.write(root, SITE);
        assertEquals(List.of("error: site-gen.cname: 'https://faq.acme.example/' is not a domain name (give the host"
                + " alone, such as faq.example.org, without https:// or a path)"),
                Fixture.failures(root, config().cname("https://faq.acme.example/")));
        assertEquals(List.of("error: site-gen.baseUrl https://acme.github.io/faq/ is not on the custom domain"
                + " site-gen.cname faq.acme.example (with a custom domain the site is served at"
                + " https://faq.acme.example/)"),
                Fixture.failures(root, config().cname("faq.acme.example").baseUrl("https://acme.github.io/faq")));
    }

    private static String meta(Document doc, String attribute, String name) {
        Element meta = doc.selectFirst("meta[" + attribute + "=" + name + "]");
        return meta == null ? null : meta.attr("content");
    }

    private static BuildListener listener(List<String> info) {
        return new BuildListener() {
            @Override
            public void info(String message) {
                info.add(message);
            }

            @Override
            public void warning(Problem problem) {
            }
        };
    }
}
