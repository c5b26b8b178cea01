package io.github.sitegen.input;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.github.sitegen.problem.Problem;

/**
 * A folder the user named (content, templates, static files), from which files are read only when
 * they lie inside it. A symbolic link is followed when its target stays in the folder; any other
 * link (one that leads out of it, points at nothing or loops) is an error that names the link, and
 * its target is never read. Without this, {@code ln -s /proc/self/environ static/env.txt} would
 * publish the environment of the build, tokens included.
 */
public final class InputFolder {

    private final Path path;
    private final Path real;
    private final String role;

    private InputFolder(Path path, Path real, String role) {
        this.path = path;
        this.real = real;
        this.role = role;
    }

    /**
     * The folder at {@code path}, which must exist; {@code role} names it in messages ("static
     * folder"). The folder itself may be a link: the user named it.
     */
    public static InputFolder of(Path path, String role) throws IOException {
        return new InputFolder(path, path.toRealPath(), role);
    }

    public Path path() {
        return path;
    }

    /**
     * Whether {@code entry}, a path in this folder found by listing it, may be read: it is not a
     * symbolic link, or the link resolves inside the folder. Otherwise the reason goes to
     * {@code problems} as an error positioned at the link. A link whose target is outside on its
     * face (an absolute path elsewhere, {@code ../..}) is refused before anything at its target is
     * looked at.
     */
    public boolean admits(Path entry, Consumer<Problem> problems) throws IOException {
        if (!Files.isSymbolicLink(entry)) {
            return true;
        }
        Path target;
        try {
            Path named = entry.toAbsolutePath().getParent().toRealPath().resolve(Files.readSymbolicLink(entry)).normalize();
            target = named.startsWith(real) ? entry.toRealPath() : named;
        } catch (NoSuchFileException e) {
            problems.accept(refused(entry, "symbolic link points at nothing", "remove it, or point it at a file inside the " + role));
            return false;
        } catch (FileSystemException e) {
            problems.accept(refused(entry, "symbolic link cannot be followed (it loops, or a folder on its way cannot be read)",
                    "replace it with the file itself"));
            return false;
        }
        if (target.startsWith(real)) {
            return true;
        }
        problems.accept(refused(entry, "symbolic link leads outside the " + role + ", so it is not read",
                "site-gen reads only files inside the folders it is given; copy the file into the " + role
                        + " or make the link point at a file inside it"));
        return false;
    }

    /**
     * Every regular file below the folder, sorted by path. Links that {@link #admits stay inside}
     * are followed, folders included, each checked before anything at its target is read; the
     * others are reported and left out, as is a link to a folder that holds it (it would loop), and
     * special files such as pipes and devices, which could block or never end.
     */
    public List<Path> files(Consumer<Problem> problems) throws IOException {
        List<Path> files = new ArrayList<>();
        walk(path, List.of(real), files, problems);
        files.sort(null);
        return files;
    }

    /**
     * Adds the files below {@code folder}, as paths below it, to {@code files}; {@code followed}
     * holds the real folders being walked (the folder itself and the targets of the links that
     * led here), to refuse a link into one of them or above.
     */
    private void walk(Path folder, List<Path> followed, List<Path> files, Consumer<Problem> problems) throws IOException {
        Path start = followed.get(followed.size() - 1);
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path found, BasicFileAttributes attributes) throws IOException {
                Path file = folder.resolve(start.relativize(found).toString());
                if (attributes.isSymbolicLink()) {
                    link(file, found, followed, files, problems);
                } else if (attributes.isRegularFile()) {
                    files.add(file);
                } else {
                    notRegular(file, problems);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path found, IOException e) {
                problems.accept(refused(folder.resolve(start.relativize(found).toString()),
                        "cannot be read: " + e.getClass().getSimpleName(), "check its permissions"));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A link at {@code file} (found at the real path {@code found}): followed if admitted and not a loop. */
    private void link(Path file, Path found, List<Path> followed, List<Path> files, Consumer<Problem> problems)
            throws IOException {
        if (!admits(found, problem -> problems.accept(Problem.error(file, 0, 0, problem.message(), problem.hint())))) {
            return;
        }
        Path target = found.toRealPath();
        BasicFileAttributes attributes = Files.readAttributes(target, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            Path holder = found.getParent();
            if (holder.startsWith(target) || followed.stream().anyMatch(folder -> folder.startsWith(target))) {
                problems.accept(refused(file, "symbolic link leads back into a folder above it, so it is not followed",
                        "remove the link; a folder cannot contain itself"));
                return;
            }
            List<Path> deeper = new ArrayList<>(followed);
            deeper.add(target);
            walk(file, deeper, files, problems);
        } else if (attributes.isRegularFile()) {
            files.add(file);
        } else {
            notRegular(file, problems);
        }
    }

    private void notRegular(Path file, Consumer<Problem> problems) {
        problems.accept(Problem.warning(file, 0, 0, "not a regular file (a pipe, socket or device), so it is not read",
                "remove it from the " + role));
    }

    private static Problem refused(Path entry, String message, String hint) {
        return Problem.error(entry, 0, 0, message, hint);
    }
}
