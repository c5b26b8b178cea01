package io.github.sitegen.content;

import static io.github.sitegen.Fixture.assertHasLine;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageFoldersTest {

    private static final String TOPIC = """
            title: FAQ
            questions:
              - question: Does it work?
                answer: Yes.
            """;

    @TempDir
    Path root;

    private void write(String... folders) throws Exception {
        for (String folder : folders) {
            Fixture.write(root, "-- content/" + folder + "/faq.yaml --\n" + TOPIC);
        }
    }

    @Test
    void twoFoldersThatNameOneLanguageAreAnErrorNamingBothInsteadOfAnInternalOne() throws Exception {
        write("en", "zh-CN", "zh_CN");
        List<String> errors = Fixture.failures(root);
        assertHasLine(errors, "content/zh_CN: error: folders 'zh-CN' and 'zh_CN' name the same language, zh-CN (keep one of them;");
        assertEquals(1, errors.size(), String.join("\n", errors));
    }

    @Test
    void foldersThatDifferOnlyInCaseNameOneLanguageToo() throws Exception {
        write("EN", "de", "en");
        assertHasLine(Fixture.failures(root), "content/en: error: folders 'EN' and 'en' name the same language, en");
    }

    @Test
    void aFolderThatIsNotALanguageBesideLanguageFoldersIsAWarningNotSilentlyDropped() throws Exception {
        write("en", "klingon", "de", "xx");
        List<Problem> warnings = Fixture.build(SiteGenConfig.builder(root.resolve("content"), root.resolve("out"))
                .projectDirectory(root)).warnings();
        List<String> lines = warnings.stream().map(p -> p.format(root)).toList();
        assertHasLine(lines, "content/klingon: warning: folder ignored: 'klingon' is not a language tag");
        assertHasLine(lines, "content/xx: warning: folder ignored: 'xx' is not a language tag");
    }
}
