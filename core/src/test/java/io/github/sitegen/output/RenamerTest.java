package io.github.sitegen.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.sitegen.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renames that Windows refuses while a program holds a file open, played on any platform by a
 * {@link Renamer.Move} that refuses the first renames of a folder as Windows does.
 */
class RenamerTest {

    @TempDir
    Path root;

    /** The waits asked for, in milliseconds; nothing really waits. */
    private final List<Long> waits = new ArrayList<>();

    /** Refuses the first {@code refusals} renames from {@code held} as Windows does, then renames. */
    private Renamer refusing(Path held, int refusals) {
        int[] left = {refusals};
        return new Renamer((from, to, options) -> {
            if (from.equals(held) && left[0]-- > 0) {
                throw new FileSystemException(from.toString(), to.toString(),
                        "The process cannot access the file because it is being used by another process");
            }
            Files.move(from, to, options);
        }, waits::add);
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(root.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void aRenameRefusedWhileAFileIsInUseIsTriedAgainUntilItPasses() throws Exception {
        Path from = file("a.tmp", "new");
        Path to = file("a", "old");
        refusing(from, 3).move(from, to, StandardCopyOption.REPLACE_EXISTING);
        assertEquals("new", Files.readString(to));
        assertFalse(Files.exists(from));
        assertEquals(List.of(10L, 20L, 50L), waits);
    }

    @Test
    void aRenameStillRefusedAfterTheLastWaitNamesBothPathsAndTheLikelyCause() throws Exception {
        Path from = file("a.tmp", "new");
        Path to = root.resolve("a");
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> refusing(from, Integer.MAX_VALUE).move(from, to));
        assertEquals(from + " -> " + to + ": still refused after 9 attempts over 2180 ms (" + from + " -> " + to
                + ": The process cannot access the file because it is being used by another process). A program"
                + " probably holds one of them, or a file in it, open: an editor, a file explorer window, the search"
                + " indexer or antivirus. Nothing was replaced; close it, or wait for it, and run the build again",
                e.getMessage());
        assertEquals(Arrays.stream(Renamer.WAITS).boxed().toList(), waits);
        assertEquals("new", Files.readString(from));
    }

    @Test
    void anAccessDeniedRenameIsTriedAgainAndOtherFailuresAreNot() throws Exception {
        Path from = file("a.tmp", "new");
        Path to = root.resolve("a");
        int[] calls = {0};
        new Renamer((f, t, options) -> {
            if (calls[0]++ == 0) {
                throw new AccessDeniedException(f.toString());
            }
            Files.move(f, t, options);
        }, waits::add).move(from, to);
        assertEquals(2, calls[0]);
        assertThrows(NoSuchFileException.class, () -> Renamer.SYSTEM.move(root.resolve("missing"), to));
        assertEquals(List.of(10L), waits);
    }

    @Test
    void aFileSystemWithoutAtomicRenamesGetsAPlainOne() throws Exception {
        Path from = file("a.tmp", "new");
        Path to = root.resolve("a");
        List<String> tried = new ArrayList<>();
        new Renamer((f, t, options) -> {
            tried.add(Arrays.toString(options));
            if (Arrays.asList(options).contains(StandardCopyOption.ATOMIC_MOVE)) {
                throw new AtomicMoveNotSupportedException(f.toString(), t.toString(), "another file system");
            }
            Files.move(f, t, options);
        }, waits::add).move(from, to, StandardCopyOption.REPLACE_EXISTING);
        assertEquals(List.of("[REPLACE_EXISTING, ATOMIC_MOVE]", "[REPLACE_EXISTING]"), tried);
        assertEquals("new", Files.readString(to));
    }

    @Test
    void anOutputFolderInUseIsSwappedOnceItsFilesAreLetGo() throws Exception {
        Path out = root.resolve("out");
        publish(OutputFolder.check(out, root, List.of()), "old");
        publish(OutputFolder.check(out, root, List.of()).renamingWith(refusing(out, 4)), "new");
        assertEquals("new", Files.readString(out.resolve("index.html")));
        assertEquals(4, waits.size());
        assertEquals(List.of("out"), siblings());
    }

    @Test
    void anOutputFolderThatStaysInUseKeepsThePreviousSiteAndTheMessageNamesIt() throws Exception {
        Path out = root.resolve("out");
        publish(OutputFolder.check(out, root, List.of()), "old");
        Map<String, byte[]> before = Fixture.contents(out);
        OutputFolder held = OutputFolder.check(out, root, List.of()).renamingWith(refusing(out, Integer.MAX_VALUE));
        FileSystemException e = assertThrows(FileSystemException.class, () -> publish(held, "new"));
        assertTrue(e.getMessage().startsWith(out + " -> "), e.getMessage());
        assertTrue(e.getMessage().contains("A program probably holds one of them, or a file in it, open"), e.getMessage());
        Fixture.assertSameFiles(before, Fixture.contents(out));
        assertEquals(List.of("out"), siblings(), "the staging folder is removed");
    }

    @Test
    void aNewSiteThatCannotBeMovedInPutsThePreviousOneBack() throws Exception {
        Path out = root.resolve("out");
        publish(OutputFolder.check(out, root, List.of()), "old");
        Map<String, byte[]> before = Fixture.contents(out);
        // Windows Defender scans the files just written: the staging folder is the one held.
        Renamer stagingHeld = new Renamer((from, to, options) -> {
            if (from.getFileName().toString().startsWith(".out-staging-")) {
                throw new AccessDeniedException(from.toString());
            }
            Files.move(from, to, options);
        }, waits::add);
        OutputFolder folder = OutputFolder.check(out, root, List.of()).renamingWith(stagingHeld);
        assertThrows(FileSystemException.class, () -> publish(folder, "new"));
        Fixture.assertSameFiles(before, Fixture.contents(out));
        assertEquals(List.of("out"), siblings());
    }

    @Test
    void anUpdateInPlaceThatFailsHalfwayPutsBackEveryFileItReplacedOrRemoved() throws Exception {
        Path out = root.resolve("out");
        try (Staging staging = OutputFolder.check(out, root, List.of()).stage(message -> { })) {
            for (String path : List.of("index.html", "a/index.html", "b/index.html", "gone/index.html", "kept.css")) {
                staging.write(path, ("old " + path).getBytes(StandardCharsets.UTF_8));
            }
            staging.commit();
        }
        Map<String, byte[]> before = Fixture.contents(out);
        for (int failAt = 1; failAt <= 8; failAt++) {
            int[] moves = {0};
            int fail = failAt;
            Renamer failing = new Renamer((from, to, options) -> {
                if (++moves[0] == fail) {
                    throw new NoSuchFileException(from.toString(), to.toString(), "the disk went away");
                }
                Files.move(from, to, options);
            }, waits::add);
            OutputFolder folder = OutputFolder.check(out, root, List.of()).renamingWith(failing);
            // The output holds every old file as written: only new bytes are staged.
            Written present = (path, digest) -> Files.isRegularFile(out.resolve(path))
                    && Digest.of(Files.readAllBytes(out.resolve(path))).equals(digest);
            assertThrows(NoSuchFileException.class, () -> {
                try (Staging staging = folder.stage(message -> { }, present)) {
                    staging.write("index.html", "new index".getBytes(StandardCharsets.UTF_8));
                    staging.write("a/index.html", "old a/index.html".getBytes(StandardCharsets.UTF_8));
                    staging.write("b/index.html", "new b".getBytes(StandardCharsets.UTF_8));
                    staging.write("kept.css", "old kept.css".getBytes(StandardCharsets.UTF_8));
                    staging.write("c/index.html", "a new page".getBytes(StandardCharsets.UTF_8));
                    staging.commit();
                }
            }, "move " + failAt + " fails");
            Fixture.assertSameFiles(before, Fixture.contents(out));
            assertEquals(List.of("out"), siblings(), "nothing is left beside the output after failing at move " + failAt);
        }
    }

    @Test
    void anUpdateInPlaceWritesOnlyTheFilesWhoseBytesChangeAndRemovesTheOnesThatWent() throws Exception {
        Path out = root.resolve("out");
        try (Staging staging = OutputFolder.check(out, root, List.of()).stage(message -> { })) {
            staging.write("index.html", "old".getBytes(StandardCharsets.UTF_8));
            staging.write("same/index.html", "same".getBytes(StandardCharsets.UTF_8));
            staging.write("gone/index.html", "gone".getBytes(StandardCharsets.UTF_8));
            staging.write("page", "a file that becomes a folder".getBytes(StandardCharsets.UTF_8));
            staging.commit();
        }
        Object same = Files.readAttributes(out.resolve("same/index.html"), java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey();
        Written present = (path, digest) -> Files.isRegularFile(out.resolve(path))
                && Digest.of(Files.readAllBytes(out.resolve(path))).equals(digest);
        OutputFolder.Update update;
        try (Staging staging = OutputFolder.check(out, root, List.of()).stage(message -> { }, present)) {
            staging.write("index.html", "new".getBytes(StandardCharsets.UTF_8));
            staging.write("same/index.html", "same".getBytes(StandardCharsets.UTF_8));
            staging.write("page/index.html", "now a folder".getBytes(StandardCharsets.UTF_8));
            staging.commit();
            update = staging.update();
        }
        assertEquals(List.of(".nojekyll", "index.html", "page/index.html"), update.written());
        assertEquals(List.of("gone/index.html", "page"), update.removed());
        assertEquals(same, Files.readAttributes(out.resolve("same/index.html"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey(), "a file whose bytes are the same is left as it is");
        assertEquals("new", Files.readString(out.resolve("index.html")));
        assertEquals("now a folder", Files.readString(out.resolve("page/index.html")));
        assertFalse(Files.exists(out.resolve("gone")), "a folder left empty goes too");
        assertEquals(List.of("out"), siblings());
        assertTrue(Files.readString(out.resolve(".nojekyll")).contains("\npage/index.html\n"));
    }

    private void publish(OutputFolder folder, String text) throws Exception {
        try (Staging staging = folder.stage(message -> { })) {
            staging.write("index.html", text.getBytes(StandardCharsets.UTF_8));
            staging.commit();
        }
    }

    private List<String> siblings() throws Exception {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
