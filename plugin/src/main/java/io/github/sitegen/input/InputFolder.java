package io.github.sitegen.input;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
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
     * {@code problems} as an error positioned at the link.
     */
    public boolean admits(Path entry, Consumer<Problem> problems) throws IOException {
        if (!Files.isSymbolicLink(entry)) {
            return true;
        }
        Path target;
        try {
            target = entry.toRealPath();
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
     * are followed, folders included; the others are reported and left out, as are special files
     * such as pipes and devices, which could block or never end.
     */
    public List<Path> files(Consumer<Problem> problems) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(path, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                return dir.equals(path) || admits(dir, problems) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!admits(file, problems)) {
                    return FileVisitResult.CONTINUE;
                }
                if (attributes.isRegularFile()) {
                    files.add(file);
                } else {
                    problems.accept(Problem.warning(file, 0, 0, "not a regular file (a pipe, socket or device), so it is not read",
                            "remove it from the " + role));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                problems.accept(e instanceof FileSystemLoopException
                        ? refused(file, "symbolic link leads back into a folder above it, so it is not followed",
                                "remove the link; a folder cannot contain itself")
                        : refused(file, "cannot be read: " + e.getClass().getSimpleName(), "check its permissions"));
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    private static Problem refused(Path entry, String message, String hint) {
        return Problem.error(entry, 0, 0, message, hint);
    }
}
