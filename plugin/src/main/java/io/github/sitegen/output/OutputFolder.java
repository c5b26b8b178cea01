package io.github.sitegen.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;

/**
 * The folder a site is published into, and the rules that keep the user's files safe:
 * <ul>
 * <li>it may not be the project folder or one of its parents, nor be, contain or lie inside the
 * content, template or static folder;</li>
 * <li>an existing folder is replaced only when it is empty or every file in it was written by
 * site-gen (listed in its {@code .nojekyll}); anything else is refused, never emptied;</li>
 * <li>a new site is written into a fresh staging folder beside it and moved into place only when
 * complete, so a failed build leaves the previous output untouched.</li>
 * </ul>
 */
public final class OutputFolder {

    /** The first line of the {@code .nojekyll} that site-gen writes; the rest lists its files. */
    static final String SIGNATURE = "site-gen: this folder is generated and replaced on every build."
            + " Put your own files in the static directory. Files written:";
    static final String NOJEKYLL = ".nojekyll";

    private final Path directory;

    private OutputFolder(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Checks that {@code output} may be written.
     *
     * @param project the project folder, or {@code null}
     * @param inputs  the content, template and static folders (entries may be {@code null})
     */
    public static OutputFolder check(Path output, Path project, List<Path> inputs) throws SiteGenException, IOException {
        Path target = real(output);
        if (project != null && real(project).startsWith(target)) {
            throw refuse(output, "the output directory is the project directory or one of its parents",
                    "write the site into a folder of its own, such as target/site-gen");
        }
        for (Path input : inputs) {
            if (input == null) {
                continue;
            }
            Path source = real(input);
            if (source.startsWith(target) || target.startsWith(source)) {
                throw refuse(output, "the output directory overlaps the input folder " + input,
                        "keep the output apart from content, templates and static files");
            }
        }
        if (Files.exists(output)) {
            if (!Files.isDirectory(output)) {
                throw refuse(output, "the output directory is a file", "remove it or choose another folder");
            }
            List<String> foreign = filesNotWrittenBySiteGen(output);
            if (!foreign.isEmpty()) {
                String shown = String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
                        + (foreign.size() > 5 ? " and " + (foreign.size() - 5) + " more" : "");
                throw refuse(output, "the output directory holds files site-gen did not write: " + shown,
                        "site-gen never deletes files it did not write; move them into the static directory,"
                                + " or choose an empty or new output folder");
            }
        }
        return new OutputFolder(output);
    }

    /** Starts a staging folder beside the output; nothing is visible until {@link Staging#commit()}. */
    public Staging stage() throws IOException {
        Path parent = directory.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path root = Files.createTempDirectory(parent, "." + directory.getFileName() + "-staging-");
        // Temporary folders are private (0700); a published site must be readable by the web server.
        if (Files.getFileStore(root).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return new Staging(root, this);
    }

    /** Replaces the output with the staged folder. */
    void replaceWith(Path staged) throws IOException {
        if (!Files.exists(directory)) {
            move(staged, directory);
            return;
        }
        Path old = Files.createTempDirectory(directory.toAbsolutePath().getParent(), "." + directory.getFileName() + "-old-");
        Files.delete(old);
        move(directory, old);
        try {
            move(staged, directory);
        } catch (IOException e) {
            move(old, directory);
            throw e;
        }
        deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static List<String> filesNotWrittenBySiteGen(Path output) throws IOException {
        Set<String> written = new TreeSet<>();
        Path marker = output.resolve(NOJEKYLL);
        if (Files.isRegularFile(marker)) {
            List<String> lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && lines.get(0).equals(SIGNATURE)) {
                written.add(NOJEKYLL);
                written.addAll(lines.subList(1, lines.size()));
            }
        }
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(output)) {
            for (Path file : walk.filter(p -> !Files.isDirectory(p)).sorted().toList()) {
                String relative = output.relativize(file).toString().replace('\\', '/');
                if (!written.contains(relative)) {
                    foreign.add(relative);
                }
            }
        }
        return foreign;
    }

    private static Path real(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        // Resolve links of the part that exists, so that two spellings of one folder compare equal.
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? absolute : existing.toRealPath().resolve(existing.relativize(absolute));
    }

    private static SiteGenException refuse(Path output, String message, String hint) {
        return SiteGenException.of(Problem.error(output, 0, 0, message, hint));
    }
}
