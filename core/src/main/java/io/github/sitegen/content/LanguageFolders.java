package io.github.sitegen.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.sitegen.input.InputFolder;
import io.github.sitegen.input.PortableNames;
import io.github.sitegen.problem.Problem;

/**
 * A multilingual content directory holds one folder per language ({@code en/}, {@code de/},
 * {@code zh_CN/}) and no topic files of its own. Each folder is a content directory of its own.
 */
public final class LanguageFolders {

    /** One language of a multilingual site: its content folder, its tag, and its folder in the output. */
    public record LanguageFolder(Path content, String tag, String outputFolder) {
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*");
    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

    private LanguageFolders() {
    }

    /**
     * The language folders of {@code contentDirectory}, sorted by name; empty when it is a
     * single-language directory (it has topic files, or no folder named as a language). Two
     * folders that name one language ({@code zh_CN} and {@code zh-CN}, {@code en} and {@code EN})
     * are an error naming both; beside language folders, any other folder is reported as ignored.
     */
    public static List<LanguageFolder> detect(Path contentDirectory, Consumer<Problem> problems) throws IOException {
        if (!Files.isDirectory(contentDirectory)) {
            return List.of();
        }
        List<Path> entries;
        try (Stream<Path> listing = Files.list(contentDirectory)) {
            // In the order of their names' characters: a Path sorts regardless of case on Windows,
            // and the first folder is the default language.
            entries = listing.filter(entry -> !entry.getFileName().toString().startsWith("."))
                    .sorted(PortableNames.BY_NAME).toList();
        }
        if (entries.stream().anyMatch(LanguageFolders::isTopicFile)) {
            return List.of();
        }
        InputFolder folder = InputFolder.of(contentDirectory, "content folder");
        Map<String, LanguageFolder> byOutput = new LinkedHashMap<>();
        List<Path> others = new ArrayList<>();
        for (Path entry : entries) {
            if (!Files.isDirectory(entry)) {
                continue;
            }
            Optional<String> tag = tag(entry.getFileName().toString());
            Optional<String> unportable = tag.flatMap(t -> PortableNames.problem(t.toLowerCase(Locale.ROOT)));
            if (tag.isEmpty()) {
                others.add(entry);
            } else if (unportable.isPresent()) {
                problems.accept(Problem.error(entry, 0, 0, "folder '" + entry.getFileName() + "' cannot be a language's"
                        + " folder: " + unportable.get(), "name the language by another of its tags"));
            } else if (folder.admits(entry, problems)) {
                LanguageFolder language = new LanguageFolder(entry, tag.get(), tag.get().toLowerCase(Locale.ROOT));
                LanguageFolder same = byOutput.putIfAbsent(language.outputFolder(), language);
                if (same != null) {
                    problems.accept(Problem.error(entry, 0, 0, "folders '" + same.content().getFileName() + "' and '"
                            + entry.getFileName() + "' name the same language, " + tag.get(),
                            "keep one of them; language folders are compared regardless of case and of '_' or '-'"));
                }
            }
        }
        if (!byOutput.isEmpty()) {
            for (Path other : others) {
                problems.accept(Problem.warning(other, 0, 0, "folder ignored: '" + other.getFileName()
                        + "' is not a language tag", "name each language's folder by its tag, such as en, de or pt-BR"));
            }
        }
        return List.copyOf(byOutput.values());
    }

    /**
     * The site's default language, whose page is the root language chooser and the root 404 page:
     * the one named by {@code defaultLanguage} in a {@code site.yaml} at the top of the content
     * directory, else the first language folder by name. A {@code defaultLanguage} that names none
     * of the folders is an error at its value, listing them (and the first folder stands in).
     *
     * @param folders the directory's language folders, as {@link #detect} returns them; not empty
     */
    public static LanguageFolder defaultLanguage(Path contentDirectory, List<LanguageFolder> folders,
                                                 Consumer<Problem> problems) throws IOException {
        LanguageFolder first = folders.get(0);
        Path file = rootSiteFile(contentDirectory);
        if (file == null || !InputFolder.of(contentDirectory, "content folder").admits(file, problems)) {
            return first;
        }
        Problems found = new Problems();
        LanguageFolder chosen = first;
        Optional<Fields> fields = YamlSource.read(file, found)
                .flatMap(root -> Fields.of(file, root, "the site.yaml of a multilingual site", ROOT_KEYS, found));
        Optional<String> named = fields.flatMap(f -> f.text("defaultLanguage")).map(String::strip);
        if (named.isPresent()) {
            String wanted = named.get().replace('_', '-').toLowerCase(Locale.ROOT);
            Optional<LanguageFolder> match = folders.stream().filter(f -> f.outputFolder().equals(wanted)).findFirst();
            if (match.isPresent()) {
                chosen = match.get();
            } else {
                found.error(file, fields.get().at("defaultLanguage"), "defaultLanguage '" + named.get()
                        + "' names none of the language folders", "use one of: "
                        + String.join(", ", folders.stream().map(f -> f.content().getFileName().toString()).toList()));
            }
        }
        found.all().forEach(problems);
        return chosen;
    }

    /** The keys of the site.yaml at the top of a multilingual content directory. */
    static final Set<String> ROOT_KEYS = Set.of("defaultLanguage");

    private static Path rootSiteFile(Path contentDirectory) {
        for (String name : List.of("site.yaml", "site.yml")) {
            Path file = contentDirectory.resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }

    private static boolean isTopicFile(Path entry) {
        String lower = entry.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(entry) && (lower.endsWith(".yaml") || lower.endsWith(".yml")) && !lower.startsWith("site.");
    }

    /** The language tag a folder name stands for: two letters of ISO 639-1, or three, with subtags. */
    private static Optional<String> tag(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(name.replace('_', '-')).build();
            if (locale.getLanguage().length() == 2 && !ISO_LANGUAGES.contains(locale.getLanguage())) {
                return Optional.empty();
            }
            return Optional.of(locale.toLanguageTag());
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }
}
