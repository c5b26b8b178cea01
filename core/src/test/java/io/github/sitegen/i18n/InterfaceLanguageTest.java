package io.github.sitegen.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;
import io.github.sitegen.render.Messages;
import io.github.sitegen.theme.Layer;
import io.github.sitegen.theme.Theme;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterfaceLanguageTest {

    private static final String TOPIC = """
            -- content/a.yaml --
            title: A
            questions:
              - question: One?
                answer: Yes.
                tags: [x]
              - question: Two?
                answer: No.
            -- content/b.yaml --
            title: B
            questions: [{question: "Three?", answer: Maybe.}]
            """;

    @TempDir
    Path root;

    private Path out() {
        return root.resolve("out");
    }

    private SiteGenerator.Result build(String site) throws Exception {
        Fixture.write(root, "-- content/site.yaml --\n" + site + "\n" + TOPIC);
        return Fixture.build(root);
    }

    @Test
    void everyShippedLanguageTranslatesEveryStringWithValidPatterns() throws Exception {
        Path bundles = Path.of(System.getProperty("siteGen.repositoryRoot", "..")).resolve("templates/messages");
        Set<String> keys = Messages.keys(Theme.builtIn());
        Set<String> languages = new TreeSet<>();
        try (Stream<Path> files = Files.list(bundles)) {
            for (Path file : files.sorted().toList()) {
                Properties strings = new Properties();
                strings.load(Files.newBufferedReader(file));
                assertEquals(keys, strings.stringPropertyNames(), file.getFileName().toString());
                for (String key : keys) {
                    assertEquals("", Layer.checkPattern(strings.getProperty(key)), file.getFileName() + " " + key);
                }
                languages.add(file.getFileName().toString().replace(".properties", ""));
            }
        }
        assertTrue(languages.containsAll(List.of("en", "de", "fr", "es", "pt", "ar", "zh", "ja", "ko", "ru")), languages.toString());
    }

    @Test
    void theInterfaceSpeaksTheSiteLanguage() throws Exception {
        build("language: de");
        Document topic = Fixture.html(out().resolve("a/index.html"));
        assertEquals("de", topic.selectFirst("html").attr("lang"));
        assertEquals("ltr", topic.selectFirst("html").attr("dir"));
        assertEquals("Zum Inhalt springen", topic.selectFirst(".skip-link").text());
        assertEquals("2 Fragen", topic.selectFirst(".count").text());
        assertEquals("Fragen durchsuchen", topic.selectFirst("#sg_search").attr("placeholder"));
        assertEquals(List.of("Alle aufklappen", "Alle zuklappen"), topic.select(".topic-tools button").eachText());
        assertEquals("Link kopieren", topic.selectFirst(".copy-link").text());
        assertEquals("Nächstes Thema B", topic.selectFirst("a[rel=next]").text());
        assertEquals("1 Frage", Fixture.html(out().resolve("index.html")).select(".count").get(1).text());
        assertEquals("Seite nicht gefunden", Fixture.html(out().resolve("404.html")).selectFirst("h1").text());
    }

    @Test
    void rightToLeftLanguagesGetDirRtl() throws Exception {
        build("language: ar");
        Document home = Fixture.html(out().resolve("index.html"));
        assertEquals("rtl", home.selectFirst("html").attr("dir"));
        assertEquals("انتقل إلى المحتوى", home.selectFirst(".skip-link").text());
        assertEquals("سؤالان", home.selectFirst(".count").text());
    }

    @Test
    void aRegionalVariantUsesItsLanguagesStrings() throws Exception {
        build("language: pt-BR");
        assertEquals("Ir para o conteúdo", Fixture.html(out().resolve("index.html")).selectFirst(".skip-link").text());
    }

    @Test
    void aSiteCanOverrideAnyStringInSiteYaml() throws Exception {
        build("""
                language: en
                messages:
                  search.placeholder: Ask us anything
                  topic.count: "{0} answers"
                """);
        Document home = Fixture.html(out().resolve("index.html"));
        assertEquals("Ask us anything", home.selectFirst("#sg_search").attr("placeholder"));
        assertEquals("2 answers", home.selectFirst(".count").text());
    }

    @Test
    void aLanguageWithoutTranslationFallsBackToEnglishAndSaysWhichStrings() throws Exception {
        SiteGenerator.Result result = build("language: it\nmessages:\n  nav.topics: Argomenti");
        Document home = Fixture.html(out().resolve("index.html"));
        assertEquals("Argomenti", home.selectFirst(".topic-nav-title").text());
        assertEquals("Skip to content", home.selectFirst(".skip-link").text());
        String warning = result.warnings().get(0).format(root);
        assertTrue(warning.startsWith("content/site.yaml: warning: " + (Messages.keys(Theme.builtIn()).size() - 1)
                + " interface strings have no 'it' translation and show in English: alert.caution, "), warning);
        assertTrue(warning.endsWith("(translate them under 'messages:' in site.yaml)"), warning);
    }

    @Test
    void anUnknownOrBrokenStringIsAnErrorAtItsPosition() throws Exception {
        Fixture.write(root, "-- content/site.yaml --\nmessages:\n  search.placeholdr: x\n  topic.count: \"{0 answers\"\n" + TOPIC);
        List<String> errors = Fixture.failures(root);
        assertTrue(errors.contains("content/site.yaml:2:3: error: unknown key 'search.placeholdr' in messages (did you"
                + " mean 'search.placeholder'?)"), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("content/site.yaml:3:16: error: message 'topic.count' is"
                + " not a valid pattern: ")), errors.toString());
    }

    @Test
    void theJsonSchemaOffersExactlyTheKeysTheThemeUses() throws Exception {
        Path schema = Path.of(System.getProperty("siteGen.repositoryRoot", "..")).resolve("schema/site.schema.json");
        var names = new com.fasterxml.jackson.databind.ObjectMapper().readTree(schema.toFile())
                .at("/properties/messages/propertyNames/enum");
        Set<String> keys = new TreeSet<>();
        names.forEach(name -> keys.add(name.asText()));
        assertEquals(Messages.keys(Theme.builtIn()), keys);
    }

    @Test
    void aKoreanFaqWithoutSiteYamlIsPublishedInKoreanWithKoreanInterfaceStrings() throws Exception {
        Path out = root.resolve("korean");
        SiteGenerator.Result result = Fixture.build(SiteGenConfig.builder(io.github.sitegen.TestContent.corpus("cc-korea"), out));
        Document home = Fixture.html(out.resolve("index.html"));
        assertEquals("ko", home.selectFirst("html").attr("lang"));
        assertEquals("본문으로 건너뛰기", home.selectFirst(".skip-link").text());
        assertEquals("질문 검색", home.selectFirst("#sg_search").attr("placeholder"));
        assertTrue(result.warnings().stream().anyMatch(w -> w.message().startsWith("site.yaml sets no language; the text is"
                + " written in a script of 'ko'")), result.warnings().toString());
    }

    @Test
    void aLatinScriptSiteWithoutALanguageStaysEnglishWithoutAWarning() throws Exception {
        SiteGenerator.Result result = build("title: Plain");
        assertEquals("en", Fixture.html(out().resolve("index.html")).selectFirst("html").attr("lang"));
        assertTrue(result.warnings().stream().noneMatch(w -> w.message().contains("sets no language")));
    }
}
