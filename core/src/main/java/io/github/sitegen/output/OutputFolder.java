package io.github.sitegen.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;

/**
 * The folder a site is published into, and the rules that keep the user's files safe:
 * <ul>
 * <li>it may not be the project folder or one of its parents, nor be, contain or lie inside the
 * content, template or static folder;</li>
 * <li>an existing folder is replaced only when it is empty or every file in it was written by
 * site-gen (listed in its {@code .nojekyll}); anything else is refused, never emptied. That holds
 * for folders and symbolic links too: site-gen writes neither a link nor an empty folder, so any
 * is the user's, and deleting it silently (even only a link) would lose something they made.
 * The refusal names each: a folder by its name and how many files it holds, a link with its
 * target. The output is checked again the moment it is moved aside, for what arrived during the
 * build;</li>
 * <li>a new site is written into a fresh staging folder beside it and moved into place only when
 * complete, so a failed build leaves the previous output untouched;</li>
 * <li>staging and old folders carry a locked marker ({@link BuildLock}) while their build runs;
 * the next build removes those an interrupted build left, and never a folder without the marker;</li>
 * <li>deleting never follows a symbolic link.</li>
 * </ul>
 */
public final class OutputFolder {

    /** The first line of the {@code .nojekyll} that site-gen writes; the rest lists its files. */
    static final String SIGNATURE = "site-gen: this folder is generated and replaced on every build."
            + " Put your own files in the static directory. Files written:";
    static final String NOJEKYLL = ".nojekyll";

    private final Path directory;
    private final Renamer renamer;

    private OutputFolder(Path directory, Renamer renamer) {
        this.directory = directory;
        this.renamer = renamer;
    }

    /** This folder, swapped through {@code renamer}: a test's that refuses as Windows does. */
    OutputFolder renamingWith(Renamer renamer) {
        return new OutputFolder(directory, renamer);
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
        place(output, project, inputs);
        if (Files.exists(output)) {
            if (!Files.isDirectory(output)) {
                throw refuse(output, "the output directory is a file", "remove it or choose another folder");
            }
            List<String> foreign = notWrittenBySiteGen(output);
            if (!foreign.isEmpty()) {
                throw refusal(output, foreign);
            }
        }
        return new OutputFolder(output, Renamer.SYSTEM);
    }

    /**
     * The rules on where {@code output} may be, checked without looking into it: a build checks them
     * before it writes anything beside the output (its {@link OutputLock}).
     */
    public static void place(Path output, Path project, List<Path> inputs) throws SiteGenException, IOException {
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
        if (Files.isSymbolicLink(output)) {
            throw refuse(output, "the output directory is a symbolic link (to " + Files.readSymbolicLink(output) + ")",
                    "site-gen replaces the folder as a whole: name the folder the link points to, or remove the link");
        }
    }

    private static SiteGenException refusal(Path output, List<String> foreign) {
        String shown = String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
                + (foreign.size() > 5 ? " and " + (foreign.size() - 5) + " more" : "");
        return refuse(output, "the output directory holds files site-gen did not write: " + shown,
                "site-gen never deletes files it did not write; move them into the static directory,"
                        + " or choose an empty or new output folder");
    }

    /**
     * Starts a staging folder beside the output; nothing is visible until {@link Staging#commit()}.
     * First removes the staging and old folders that interrupted builds left beside it, telling
     * {@code info} about each.
     */
    public Staging stage(Consumer<String> info) throws IOException {
        return stage(info, null);
    }

    /**
     * Starts a staging folder beside the output, for a build that writes only the files whose bytes
     * are not those {@code present} says the output holds; {@link Staging#commit()} then updates the
     * output in place ({@link #update}). With {@code present} {@code null}, as {@link #stage(Consumer)}.
     */
    public Staging stage(Consumer<String> info, Written present) throws IOException {
        Path parent = directory.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        removeLeftovers(parent, info);
        Path root = Files.createTempDirectory(parent, "." + directory.getFileName() + "-staging-");
        BuildLock lock = marked(root, "staging");
        // Temporary folders are private (0700); a published site must be readable by the web server.
        if (Files.getFileStore(root).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return new Staging(root, this, lock, present != null && Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)
                ? present : null);
    }

    /**
     * Removes the {@code .<name>-staging-*} and {@code .<name>-old-*} folders beside the output that
     * an interrupted build left: those whose marker is there and unlocked, and, since no other build
     * of this output runs ({@link OutputLock}), those without a marker that hold only what site-gen
     * wrote (a build killed while it moved the output aside or before it marked a new folder). One
     * that holds anything else is reported and left alone; one whose marker is locked is a running
     * build's.
     */
    private void removeLeftovers(Path parent, Consumer<String> info) throws IOException {
        String name = directory.getFileName().toString();
        List<Path> candidates;
        try (Stream<Path> siblings = Files.list(parent)) {
            candidates = siblings.filter(p -> {
                String sibling = p.getFileName().toString();
                return sibling.startsWith("." + name + "-staging-") || sibling.startsWith("." + name + "-old-");
            }).filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path folder : candidates) {
            Optional<BuildLock> leftover = BuildLock.ofLeftover(folder);
            int files;
            if (leftover.isPresent()) {
                try (BuildLock lock = leftover.get()) {
                    files = deleteTree(folder, lock.file());
                }
            } else if (Files.exists(folder.resolve(BuildLock.NAME), LinkOption.NOFOLLOW_LINKS)) {
                continue;
            } else {
                List<String> foreign = notWrittenBySiteGen(folder);
                if (!foreign.isEmpty()) {
                    info.accept("Left alone " + folder + ", left by a site-gen build that was interrupted: it holds files"
                            + " site-gen did not write (" + String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
                            + "); look through it and delete it");
                    continue;
                }
                files = deleteTree(folder, null);
            }
            Files.deleteIfExists(folder);
            info.accept("Removed " + folder + " (" + files + (files == 1 ? " file" : " files")
                    + "), left by a site-gen build that was interrupted");
        }
    }

    /** Replaces the output with the staged folder. */
    void replaceWith(Path staged) throws IOException, SiteGenException {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            move(staged, directory);
            return;
        }
        Path old = Files.createTempDirectory(directory.toAbsolutePath().getParent(), "." + directory.getFileName() + "-old-");
        Files.delete(old);
        move(directory, old);
        // What the user put into the output while this build ran: once moved aside, nothing more arrives.
        List<String> foreign;
        BuildLock lock;
        try {
            foreign = notWrittenBySiteGen(old);
            lock = foreign.isEmpty() ? BuildLock.create(old, "old") : null;
        } catch (IOException | RuntimeException e) {
            move(old, directory);
            throw e;
        }
        if (lock == null) {
            move(old, directory);
            throw refusal(directory, foreign);
        }
        try (lock) {
            try {
                move(staged, directory);
            } catch (IOException e) {
                lock.close();
                move(old, directory);
                throw e;
            }
            deleteTree(old, lock.file());
        }
        Files.deleteIfExists(old);
    }

    /** What an update in place did: the files it wrote and those it removed, by site path. */
    public record Update(List<String> written, List<String> removed) {
    }

    /**
     * Updates the output in place from {@code staged}, which holds the files of {@code changed}: the
     * output's files that are not in {@code site} are removed, then each changed file is moved in
     * (the one it replaces moved aside first). The files moved aside wait in a marked folder beside
     * the output ({@link BuildLock}) until every step has succeeded; when one fails, every step done
     * is undone in reverse, so the output is the previous site again, and the failure is thrown.
     *
     * @throws SiteGenException when files, folders or links site-gen did not write were put into the
     *                          output during the build; nothing is changed then
     */
    Update update(Path staged, List<String> changed, Set<String> site) throws IOException, SiteGenException {
        List<String> foreign = notWrittenBySiteGen(directory);
        if (!foreign.isEmpty()) {
            throw refusal(directory, foreign);
        }
        List<String> removed = new java.util.ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                String path = relative(directory, file);
                if (!site.contains(path)) {
                    removed.add(path);
                }
            }
        }
        removed.sort(null);
        Path old = Files.createTempDirectory(directory.toAbsolutePath().getParent(), "." + directory.getFileName() + "-old-");
        BuildLock lock = marked(old, "old");
        List<String> writtenLast = new java.util.ArrayList<>(changed);
        // .nojekyll lists what the output holds: it goes last, so that it is the old list until the rest is in.
        if (writtenLast.remove(NOJEKYLL)) {
            writtenLast.add(NOJEKYLL);
        }
        java.util.Deque<Path[]> done = new java.util.ArrayDeque<>();
        boolean whole = true;
        try (lock) {
            for (String path : removed) {
                moveInto(directory.resolve(path), old.resolve(path), done);
            }
            deleteEmptyFolders(directory);
            for (String path : writtenLast) {
                Path target = directory.resolve(path);
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    moveInto(target, old.resolve(path), done);
                }
                moveInto(staged.resolve(path), target, done);
            }
        } catch (IOException | RuntimeException e) {
            whole = undo(done, e);
            throw e;
        } finally {
            if (whole) { // else the files moved aside stay there, and the next build reports the folder
                deleteTree(old, null);
            }
        }
        return new Update(List.copyOf(changed), List.copyOf(removed));
    }

    /** The marker of the new folder {@code folder} beside the output; the folder is deleted if it cannot be marked. */
    private static BuildLock marked(Path folder, String role) throws IOException {
        try {
            return BuildLock.create(folder, role);
        } catch (IOException | RuntimeException e) {
            deleteTree(folder, null);
            throw e;
        }
    }

    /** Moves {@code from} to {@code to}, making {@code to}'s folders, and notes the move in {@code done}. */
    private void moveInto(Path from, Path to, java.util.Deque<Path[]> done) throws IOException {
        Files.createDirectories(to.getParent());
        move(from, to);
        done.push(new Path[] {from, to});
    }

    /**
     * Undoes the moves of {@code done}, last first, and removes the folders made for them; what
     * cannot be undone is added to {@code failure}. Returns whether everything was undone.
     */
    private boolean undo(java.util.Deque<Path[]> done, Exception failure) {
        boolean whole = true;
        for (Path[] step : done) {
            try {
                Files.createDirectories(step[0].getParent());
                move(step[1], step[0]);
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
                whole = false;
            }
        }
        try {
            deleteEmptyFolders(directory);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
        return whole;
    }

    /** Deletes the folders below {@code root} (not {@code root}) that hold nothing, deepest first. */
    private static void deleteEmptyFolders(Path root) throws IOException {
        List<Path> folders;
        try (Stream<Path> walk = Files.walk(root)) {
            folders = walk.filter(p -> !p.equals(root) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted(java.util.Comparator.reverseOrder()).toList();
        }
        for (Path folder : folders) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isEmpty()) {
                    Files.delete(folder);
                }
            }
        }
    }

    private void move(Path from, Path to) throws IOException {
        renamer.move(from, to);
    }

    /**
     * Deletes {@code root} and everything below it, except {@code keep} (and then {@code root}
     * itself); a symbolic link is deleted as a link, never followed. Paths that vanish meanwhile are
     * fine.
     *
     * @return how many files and links there were
     */
    public static int deleteTree(Path root, Path keep) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int[] files = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                files[0]++;
                if (!file.equals(keep)) {
                    Files.deleteIfExists(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path folder, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                if (keep == null || !folder.equals(root)) {
                    Files.deleteIfExists(folder);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files[0];
    }

    /**
     * What is in {@code output} that site-gen did not write, in path order: files not listed in its
     * {@code .nojekyll}, folders that hold no listed file (named once, with how many files they
     * hold), and every symbolic link (site-gen writes none), with its target. Links are not followed.
     */
    private static List<String> notWrittenBySiteGen(Path output) throws IOException {
        Set<String> written = new TreeSet<>();
        Path marker = output.resolve(NOJEKYLL);
        if (Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            List<String> lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && lines.get(0).equals(SIGNATURE)) {
                written.add(NOJEKYLL);
                written.addAll(lines.subList(1, lines.size()));
            }
        }
        Set<String> folders = new HashSet<>();
        for (String path : written) {
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                folders.add(path.substring(0, slash));
            }
        }
        Map<String, String> foreign = new TreeMap<>();
        Files.walkFileTree(output, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) throws IOException {
                String relative = relative(output, folder);
                if (relative.isEmpty() || folders.contains(relative)) {
                    return FileVisitResult.CONTINUE;
                }
                int files = fileCount(folder);
                foreign.put(relative, relative + "/ (" + (files == 0 ? "an empty folder"
                        : "a folder of " + files + (files == 1 ? " file" : " files")) + ")");
                return FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String relative = relative(output, file);
                if (attributes.isSymbolicLink()) {
                    foreign.put(relative, relative + " (a symbolic link to " + Files.readSymbolicLink(file) + ")");
                } else if (!attributes.isRegularFile() || !written.contains(relative)) {
                    foreign.put(relative, relative);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return List.copyOf(foreign.values());
    }

    /** How many files and links are below {@code folder}, links not followed. */
    private static int fileCount(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return (int) walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).count();
        }
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
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
