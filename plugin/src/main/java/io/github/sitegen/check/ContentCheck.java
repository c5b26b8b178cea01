package io.github.sitegen.check;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.concurrent.Parallel;
import io.github.sitegen.content.ContentLoader;
import io.github.sitegen.content.LanguageFolders;
import io.github.sitegen.markdown.MarkdownRenderer;
import io.github.sitegen.output.StaticFiles;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;
import io.github.sitegen.render.Messages;
import io.github.sitegen.theme.Theme;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every content check, without writing a site (for pull requests): the errors a build would stop
 * on, the editorial warnings (weak answers, duplicates and near-duplicates across topics, links
 * that point nowhere, overdue reviews), and ids that the previous build published (its
 * {@code faq.json}) and that are gone without being kept in {@code previousIds}.
 */
public final class ContentCheck {

    /** What a check found, and over how much content. */
    public record Report(List<Problem> problems, int topics, int questions) {

        public long errors() {
            return problems.stream().filter(Problem::isError).count();
        }

        public long warnings() {
            return problems.size() - errors();
        }

        public String summary() {
            return "check: " + errors() + (errors() == 1 ? " error, " : " errors, ") + warnings()
                    + (warnings() == 1 ? " warning" : " warnings") + " in " + topics + " topics and " + questions + " questions";
        }
    }

    private ContentCheck() {
    }

    /**
     * Checks the content of {@code config}, comparing with the site in its output directory.
     *
     * @param today the day reviews are due against
     */
    public static Report run(SiteGenConfig config, LocalDate today) throws IOException {
        List<Problem> problems = new ArrayList<>();
        // What generate would refuse in the other folders, such as a link out of the static folder,
        // and in the theme, such as an unknown theme or one written for another data model.
        StaticFiles statics = StaticFiles.scan(config.staticDirectory(), problems);
        Theme theme = Theme.resolve(config.templateDirectory(), config.theme(), config.themeClassPath(), problems::add);
        ContentLoader loader = new ContentLoader(new MarkdownRenderer(config.trustRawHtml()),
                new ContentLoader.Options(false, today, true), new Parallel(config.threads()))
                .withFolders(config.contentDirectory(), statics).withTheme(theme);
        List<LanguageFolders.LanguageFolder> folders = LanguageFolders.detect(config.contentDirectory(), problems::add);
        folders.forEach(folder -> statics.checkFolder(folder.content(), folder.outputFolder(), problems::add));
        int topics = 0;
        int questions = 0;
        if (folders.isEmpty()) {
            folders = List.of(new LanguageFolders.LanguageFolder(config.contentDirectory(), "en", ""));
        } else {
            LanguageFolders.defaultLanguage(config.contentDirectory(), folders, problems::add);
        }
        for (LanguageFolders.LanguageFolder folder : folders) {
            try {
                // Errors do not end the check: the site-wide findings are reported with them.
                ContentLoader.Inspected loaded = loader.inspect(folder.content(), config.defaultTitle(), "", folder.tag());
                problems.addAll(loaded.problems());
                problems.addAll(loader.answerProblems(loaded.site().topics()));
                Messages.untranslated(theme, loaded.site().info(), folder.content()).ifPresent(problems::add);
                topics += loaded.site().topics().size();
                questions += loaded.site().questionCount();
                if (loaded.everyFile()) {
                    Path previous = config.outputDirectory().resolve(folder.outputFolder()).resolve("faq.json");
                    problems.addAll(removedIds(previous, loaded.ids()));
                }
            } catch (SiteGenException e) {
                problems.addAll(e.problems());
            }
        }
        return new Report(problems.stream().sorted(Problem.READING_ORDER).toList(), topics, questions);
    }

    /** Ids in the previous build's faq.json that no question has now, not even as a previous id. */
    @SuppressWarnings("unchecked")
    static List<Problem> removedIds(Path faqJson, Set<String> known) throws IOException {
        if (!Files.isRegularFile(faqJson)) {
            return List.of();
        }
        Map<String, Object> published;
        try (Reader reader = Files.newBufferedReader(faqJson)) {
            published = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (RuntimeException e) {
            return List.of(Problem.warning(faqJson, 0, 0, "the previous build's faq.json cannot be read, so removed ids"
                    + " are not checked: " + e.getMessage(), null));
        }
        List<Problem> problems = new ArrayList<>();
        for (Map<String, Object> topic : (List<Map<String, Object>>) published.getOrDefault("topics", List.of())) {
            for (Map<String, Object> question : (List<Map<String, Object>>) topic.getOrDefault("questions", List.of())) {
                String id = String.valueOf(question.get("id"));
                if (!known.contains(id)) {
                    problems.add(Problem.error(faqJson, 0, 0, "the previous build published the question id '" + id
                            + "' (\"" + question.get("question") + "\"), and no question has it now",
                            "links to it would break: add it to the 'previousIds' of the question that replaces it"));
                }
            }
        }
        return problems;
    }
}
