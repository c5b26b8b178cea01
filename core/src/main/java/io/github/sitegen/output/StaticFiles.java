package io.github.sitegen.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.github.sitegen.input.InputFolder;
import io.github.sitegen.input.PortableNames;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.render.SiteRenderer;
import io.github.sitegen.render.Urls;

/**
 * The user's static files (images, downloads, a favicon), copied into the site as they are. Names
 * that GitHub Pages would not publish are reported: hidden files are left out with a warning (the
 * Pages upload action drops them), names starting with {@code _} are errors. Symbolic links are
 * followed only inside the folder ({@link InputFolder}).
 */
public final class StaticFiles {

    private final Path directory;
    private final List<Path> files;
    private final Set<String> sitePaths = new HashSet<>();
    private final PortableNames.Folder names = new PortableNames.Folder();

    private StaticFiles(Path directory, List<Path> files) {
        this.directory = directory;
        this.files = files;
        files.forEach(file -> sitePaths.add(PortableNames.relative(directory, file)));
        sitePaths.forEach(names::add);
    }

    /** The folder scanned; {@code null} when none was named. */
    public Path directory() {
        return directory;
    }

    /**
     * Whether the site publishes a static file at {@code sitePath} (as written in a URL, so with
     * {@code %XX} escapes, without query or fragment): a file, or a folder with an
     * {@code index.html}, which a host serves at {@code folder/} (and redirects {@code folder} to).
     */
    public boolean publishes(String sitePath) {
        String path;
        try {
            path = Urls.decodePath(sitePath);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (path.isEmpty()) {
            return false;
        }
        return path.endsWith("/") ? sitePaths.contains(path + Urls.HOME)
                : sitePaths.contains(path) || sitePaths.contains(path + "/" + Urls.HOME);
    }

    /**
     * Reports, at {@code source}, a folder the site writes ({@code name}, a topic's or a language's)
     * from which a static file's folder differs only in case: on macOS and Windows they would be one.
     */
    public void checkFolder(Path source, String name, Consumer<Problem> problems) {
        names.clash(name).ifPresent(why -> problems.accept(Problem.error(source, 0, 0, "the site's folder " + name
                + "/ and a folder of static files would be one folder on macOS and Windows: " + why,
                "rename the static folder, or " + source.getFileName())));
    }

    /** Scans {@code directory} (may be {@code null} or missing: no static files). */
    public static StaticFiles scan(Path directory, List<Problem> problems) throws IOException {
        List<Path> files = new ArrayList<>();
        if (directory == null || !Files.isDirectory(directory)) {
            return new StaticFiles(directory, files);
        }
        PortableNames.Folder names = new PortableNames.Folder();
        for (Path file : InputFolder.of(directory, "static folder").files(problems::add)) {
            String relative = PortableNames.relative(directory, file);
            Optional<String> unportable;
            if (relative.startsWith(".") || relative.contains("/.")) {
                problems.add(Problem.warning(file, 0, 0, "hidden file not copied into the site",
                        "GitHub Pages' upload action leaves hidden files out; rename it if it should be published"));
            } else if (relative.startsWith("_") || relative.contains("/_")) {
                problems.add(Problem.error(file, 0, 0, "static file names may not start with '_'",
                        "Jekyll and several hosts leave such paths out, so site-gen publishes none; rename it"));
            } else if ((unportable = names.add(relative)).isPresent()) {
                problems.add(Problem.error(file, 0, 0, "static file '" + relative + "' cannot be published on every"
                        + " platform: " + unportable.get(), "rename it, so that the site builds and opens on Windows and"
                        + " macOS too"));
            } else {
                files.add(file);
            }
        }
        return new StaticFiles(directory, files);
    }

    /**
     * Copies every file into {@code staging}. A static file may not replace a generated one, nor
     * differ from one (or from its folder) only in case; each clash is added to {@code problems} and
     * the file is skipped.
     */
    public void copyInto(Staging staging, List<Problem> problems) throws IOException {
        copyInto(staging, staging::contains, staging.paths(), problems);
    }

    /**
     * Copies every file into {@code sink}, as {@link #copyInto(Staging, List)}; {@code generated}
     * tells the files already there, {@code written} lists them (for clashes of case).
     */
    public void copyInto(SiteRenderer.Sink sink, Predicate<String> generated, Collection<String> written,
                         List<Problem> problems) throws IOException {
        PortableNames.Folder folder = new PortableNames.Folder();
        written.forEach(folder::add);
        for (Path file : files) {
            String path = PortableNames.relative(directory, file);
            boolean replaces = generated.test(path);
            Optional<String> clash = replaces ? Optional.empty() : folder.clash(path);
            if (replaces || clash.isPresent()) {
                problems.add(Problem.error(file, 0, 0, replaces ? "static file would replace the generated "
                                + path : "static file would replace a generated file on macOS and Windows: " + clash.get(),
                        "rename or move it; generated pages and theme assets cannot be replaced this way"
                                + " (override templates and assets in the template directory instead)"));
            } else {
                sink.write(path, Files.readAllBytes(file));
            }
        }
    }
}
