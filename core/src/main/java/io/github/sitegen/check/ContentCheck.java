package io.github.sitegen.check;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.concurrent.Parallel;
import io.github.sitegen.content.ContentLoader;
import io.github.sitegen.content.LanguageFolders;
import io.github.sitegen.markdown.MarkdownRenderer;
import io.github.sitegen.output.StaticFiles;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;
import io.github.sitegen.render.Messages;
import io.github.sitegen.render.Urls;
import io.github.sitegen.theme.Theme;

/**
 * Every content check, without writing a site (for pull requests): the errors a build would stop
 * on, the editorial warnings (weak answers, duplicates and near-duplicates across topics, links
 * that point nowhere, overdue reviews), and the published links the change would break: pages
 * and question ids of the published site's {@code faq.json} (or the previous build's) that no
 * topic or question has now, nor lists in {@code previousPages} or {@code previousIds}.
 */
public final class ContentCheck {

    /**
     * What a check found, and over how much content.
     *
     * @param compared what the published links were compared with ("the published site's faq.json
     *                 (https://…)"); empty when nothing was
     */
    public record Report(List<Problem> problems, int topics, int questions, String compared) {

        public long errors() {
            return problems.stream().filter(Problem::isError).count();
        }

        public long warnings() {
            return problems.size() - errors();
        }

        public String summary() {
            return "check: " + errors() + (errors() == 1 ? " error, " : " errors, ") + warnings()
                    + (warnings() == 1 ? " warning" : " warnings") + " in " + topics + " topics and " + questions + " questions"
                    + (compared.isEmpty() ? "" : "; published links compared with " + compared);
        }
    }

    private ContentCheck() {
    }

    /**
     * Checks the content of {@code config}, comparing with the previous build in its output directory.
     *
     * @param today the day reviews are due against
     */
    public static Report run(SiteGenConfig config, LocalDate today) throws IOException {
        return run(config, today, "");
    }

    /**
     * Checks the content of {@code config}, comparing with {@code baseline}: the published site's
     * {@code faq.json} (a file, a relative path resolved against the project folder, or an https
     * URL), or when empty the previous build's in the output directory.
     *
     * @param today the day reviews are due against
     */
    public static Report run(SiteGenConfig config, LocalDate today, String baseline) throws IOException {
        return run(config, today, baseline, Fetch.DEFAULT);
    }

    static Report run(SiteGenConfig config, LocalDate today, String baselineValue, Fetch fetch) throws IOException {
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
        Map<String, PublishedFaq> published = Map.of();
        Baseline baseline = null;
        try {
            baseline = baselineValue == null || baselineValue.isBlank() ? Baseline.previousBuild(config.outputDirectory())
                    : Baseline.of(baselineValue, config.projectDirectory(), fetch);
            published = baseline.read(folders.stream().map(LanguageFolders.LanguageFolder::outputFolder).toList(), problems);
        } catch (SiteGenException e) {
            problems.addAll(e.problems());
        }
        // Paths from the host's root are read against the base path, as generate reads them.
        String baseUrl;
        try {
            baseUrl = Urls.checkedBaseUrl(config.baseUrl());
        } catch (SiteGenException e) {
            problems.addAll(e.problems());
            baseUrl = "";
        }
        for (LanguageFolders.LanguageFolder folder : folders) {
            try {
                // Errors do not end the check: the site-wide findings are reported with them.
                String editionUrl = baseUrl.isEmpty() || folder.outputFolder().isEmpty() ? baseUrl
                        : baseUrl + folder.outputFolder() + "/";
                ContentLoader.Inspected loaded = loader.inspect(folder.content(), config.defaultTitle(), editionUrl,
                        folder.tag());
                problems.addAll(loaded.problems());
                problems.addAll(loader.answerProblems(loaded.site().topics()));
                Messages.untranslated(theme, loaded.site().info(), folder.content()).ifPresent(problems::add);
                topics += loaded.site().topics().size();
                questions += loaded.site().questionCount();
                PublishedFaq before = published.get(folder.outputFolder());
                if (before != null && loaded.everyFile()) {
                    problems.addAll(PublishedLinks.compare(before, baseline, loaded.places(), folder.content()));
                }
            } catch (SiteGenException e) {
                problems.addAll(e.problems());
            }
        }
        return new Report(problems.stream().sorted(Problem.READING_ORDER).toList(), topics, questions,
                published.isEmpty() ? "" : baseline.name());
    }
}
