package io.github.sitegen.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.sitegen.input.InputFolder;
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

    private LanguageFolders() {
    }

    /**
     * The language folders of {@code contentDirectory}, sorted by name; empty when it is a
     * single-language directory (it has topic files, or no folder named as a language).
     */
    public static List<LanguageFolder> detect(Path contentDirectory, Consumer<Problem> problems) throws IOException {
        List<LanguageFolder> folders = new ArrayList<>();
        if (!Files.isDirectory(contentDirectory)) {
            return folders;
        }
        InputFolder folder = InputFolder.of(contentDirectory, "content folder");
        try (Stream<Path> entries = Files.list(contentDirectory)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (Files.isRegularFile(entry) && (lower.endsWith(".yaml") || lower.endsWith(".yml"))
                        && !lower.startsWith("site.")) {
                    return List.of();
                }
                if (Files.isDirectory(entry) && NAME.matcher(name).matches() && folder.admits(entry, problems)) {
                    try {
                        String tag = new Locale.Builder().setLanguageTag(name.replace('_', '-')).build().toLanguageTag();
                        folders.add(new LanguageFolder(entry, tag, tag.toLowerCase(Locale.ROOT)));
                    } catch (IllformedLocaleException e) {
                        // not a language folder; the loader reports it as ignored
                    }
                }
            }
        }
        return folders;
    }
}
