package io.github.sitegen.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;
import io.github.sitegen.problem.SiteGenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens to paths a build did not write: inside the output folder, and beside it. */
class OutputFolderTest {

    private static final String SITE = """
            -- content/general.yaml --
            title: General
            questions:
              - id: first
                question: First?
                answer: The first answer.
            """;

    /** The name site-gen's marker file has in its staging and old folders. */
    private static final String MARKER = ".site-gen-lock";

    @TempDir
    Path root;

    private final List<String> info = new ArrayList<>();

    private Path out() {
        return root.resolve("out");
    }

    private void build() throws Exception {
        new SiteGenerator().generate(SiteGenConfig.builder(root.resolve("content"), out()).projectDirectory(root).build(),
                Fixture.recording(info, root));
    }

    /** A folder outside the output with a file in it, and a link to it at {@code link}. */
    private Path linkToAFolderOutside(Path link) throws Exception {
        Path elsewhere = Fixture.write(root, """
                -- elsewhere/keep.txt --
                keep me
                """).resolve("elsewhere");
        Files.createSymbolicLink(link, elsewhere);
        return elsewhere;
    }

    @Test
    void aUserFolderFileAndLinkInTheOutputAreEachNamedAndNothingIsDeleted() throws Exception {
        Fixture.write(root, SITE);
        build();
        Fixture.write(out(), """
                -- drafts/a.txt --
                a
                -- drafts/b.txt --
                b
                -- notes.txt --
                my notes
                """);
        Path elsewhere = linkToAFolderOutside(out().resolve("shared"));

        List<String> errors = Fixture.failures(root);
        assertEquals(1, errors.size(), errors.toString());
        Fixture.assertHasLine(errors, "out: error: the output directory holds files site-gen did not write:"
                + " drafts/ (a folder of 2 files), notes.txt, shared (a symbolic link to " + elsewhere + ")");
        assertTrue(Files.exists(out().resolve("drafts/a.txt")));
        assertTrue(Files.exists(out().resolve("notes.txt")));
        assertTrue(Files.isSymbolicLink(out().resolve("shared")));
        assertEquals("keep me\n", Files.readString(elsewhere.resolve("keep.txt")));
    }

    @Test
    void anOutputFolderThatIsASymbolicLinkIsRefusedWithTheLinkAndItsTargetNamed() throws Exception {
        Fixture.write(root, SITE);
        Path elsewhere = linkToAFolderOutside(out());

        List<String> errors = Fixture.failures(root);
        assertEquals(List.of("out: error: the output directory is a symbolic link (to " + elsewhere + ")"
                + " (site-gen replaces the folder as a whole: name the folder the link points to, or remove the link)"),
                errors);
        assertEquals("keep me\n", Files.readString(elsewhere.resolve("keep.txt")));
    }

    @Test
    void anEmptyFolderOrALinkInTheOutputStopsTheBuildInsteadOfBeingDeletedWithoutAWord() throws Exception {
        Fixture.write(root, SITE);
        build();
        Files.createDirectories(out().resolve("general/empty"));
        Path elsewhere = linkToAFolderOutside(out().resolve("general/shared"));

        List<String> errors = Fixture.failures(root);
        Fixture.assertHasLine(errors, "did not write: general/empty/ (an empty folder), general/shared (a symbolic link to "
                + elsewhere + ")");
        assertTrue(Files.isDirectory(out().resolve("general/empty")));
        assertTrue(Files.isSymbolicLink(out().resolve("general/shared")));
        assertEquals("keep me\n", Files.readString(elsewhere.resolve("keep.txt")));
    }

    @Test
    void aLeftoverOfAnInterruptedBuildWithSiteGensMarkerIsRemovedWithoutFollowingItsLinks() throws Exception {
        Fixture.write(root, SITE + """
                -- .out-staging-123/index.html --
                half a site
                -- .out-staging-123/.site-gen-lock --
                site-gen staging folder of process 1
                -- .out-old-456/index.html --
                the site before
                -- .out-old-456/.site-gen-lock --
                site-gen old folder of process 2
                """);
        Path elsewhere = linkToAFolderOutside(root.resolve(".out-staging-123/shared"));

        build();
        assertFalse(Files.exists(root.resolve(".out-staging-123"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(root.resolve(".out-old-456"), LinkOption.NOFOLLOW_LINKS));
        assertEquals("keep me\n", Files.readString(elsewhere.resolve("keep.txt")));
        Fixture.assertHasLine(info, "Removed " + root.resolve(".out-staging-123") + " (3 files), left by a site-gen build"
                + " that was interrupted");
        Fixture.assertHasLine(info, "Removed " + root.resolve(".out-old-456") + " (2 files)");
        assertEquals(List.of(".out.lock", "content", "elsewhere", "out"), siblings());
    }

    @Test
    void aFolderThatLooksLikeALeftoverButHasNoMarkerIsKept() throws Exception {
        Fixture.write(root, SITE + """
                -- .out-staging-789/mine.txt --
                not site-gen's
                -- .out-old-1/.site-gen-lock/x --
                a folder, not site-gen's marker file
                """);
        build();
        assertEquals("not site-gen's\n", Files.readString(root.resolve(".out-staging-789/mine.txt")));
        assertTrue(Files.exists(root.resolve(".out-old-1/.site-gen-lock/x")));
        Fixture.assertHasLine(info, "Left alone " + root.resolve(".out-staging-789") + ", left by a site-gen build that was"
                + " interrupted: it holds files site-gen did not write (mine.txt); look through it and delete it");
    }

    @Test
    void anOldFolderWithoutAMarkerThatHoldsOnlyWhatSiteGenWroteIsRemoved() throws Exception {
        Fixture.write(root, SITE);
        build();
        // A build killed after it moved the output aside, before it marked the folder.
        Files.move(out(), root.resolve(".out-old-123"));
        Files.createDirectories(root.resolve(".out-staging-456")); // killed before it marked its staging folder
        info.clear();
        build();
        Fixture.assertHasLine(info, "Removed " + root.resolve(".out-old-123") + " (");
        Fixture.assertHasLine(info, "Removed " + root.resolve(".out-staging-456") + " (0 files)");
        assertEquals(List.of(".out.lock", "content", "out"), siblings());
    }

    @Test
    void twoBuildsOfOneOutputAtOnceTakeTurnsAndLeaveNothingBesideIt() throws Exception {
        Fixture.write(root, SITE);
        SiteGenConfig config = SiteGenConfig.builder(root.resolve("content"), out()).projectDirectory(root).build();
        java.util.concurrent.CountDownLatch firstPublished = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch secondWaits = new java.util.concurrent.CountDownLatch(1);
        List<String> firstLines = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> secondLines = java.util.Collections.synchronizedList(new ArrayList<>());
        io.github.sitegen.BuildListener first = new io.github.sitegen.BuildListener() {
            @Override
            public void info(String message) {
                firstLines.add(message);
                if (message.startsWith("site-gen wrote")) { // published, the output still this build's
                    firstPublished.countDown();
                    try {
                        firstLines.add("second build waited: " + secondWaits.await(60, java.util.concurrent.TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public void warning(io.github.sitegen.problem.Problem problem) {
                firstLines.add(problem.format(root));
            }
        };
        io.github.sitegen.BuildListener second = new io.github.sitegen.BuildListener() {
            @Override
            public void info(String message) {
                secondLines.add(message);
                if (message.startsWith("Waiting for another site-gen build of " + out())) {
                    secondWaits.countDown();
                }
            }

            @Override
            public void warning(io.github.sitegen.problem.Problem problem) {
                secondLines.add(problem.format(root));
            }
        };
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<?> one = threads.submit(() -> new SiteGenerator().generate(config, first));
            assertTrue(firstPublished.await(60, java.util.concurrent.TimeUnit.SECONDS), firstLines.toString());
            java.util.concurrent.Future<?> two = threads.submit(() -> new SiteGenerator().generate(config, second));
            one.get();
            two.get();
        } finally {
            threads.shutdownNow();
        }
        Fixture.assertHasLine(firstLines, "second build waited: true");
        Fixture.assertHasLine(secondLines, "site-gen wrote");
        assertEquals(List.of(".out.lock", "content", "out"), siblings());
        assertTrue(Files.isRegularFile(out().resolve("index.html")));
    }

    @Test
    void aLeftoverWhoseMarkerALiveBuildHoldsLockedIsKept() throws Exception {
        Fixture.write(root, SITE + """
                -- .out-staging-999/.site-gen-lock --
                site-gen staging folder of a build still running
                -- .out-staging-999/index.html --
                being written
                """);
        try (FileChannel channel = FileChannel.open(root.resolve(".out-staging-999/.site-gen-lock"),
                StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            build();
            assertTrue(lock.isValid());
            assertTrue(Files.exists(root.resolve(".out-staging-999/index.html")));
        }
        assertTrue(Files.exists(root.resolve(".out-staging-999/index.html")));
    }

    @Test
    void aStagingFolderIsLockedWhileItsBuildRunsAndItsMarkerIsNeverPublished() throws Exception {
        Fixture.write(root, SITE);
        OutputFolder output = OutputFolder.check(out(), root, List.of(root.resolve("content")));
        try (Staging staging = output.stage(info::add)) {
            Path marker;
            try (Stream<Path> siblings = Files.list(root)) {
                Path folder = siblings.filter(p -> p.getFileName().toString().startsWith(".out-staging-")).findFirst()
                        .orElseThrow();
                marker = folder.resolve(MARKER);
            }
            assertTrue(Files.readString(marker).contains("process " + ProcessHandle.current().pid()));
            try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                assertThrows(OverlappingFileLockException.class, channel::tryLock, "the build holds the lock");
            }
            staging.write("index.html", "home".getBytes());
            staging.commit();
        }
        assertFalse(Files.exists(out().resolve(MARKER)));
        assertEquals(List.of(".nojekyll", "index.html"), Files.list(out()).map(p -> p.getFileName().toString()).sorted().toList());
        assertEquals(List.of("content", "out"), siblings());
    }

    @Test
    void aFolderAddedToTheOutputDuringTheBuildStopsItAndTheOutputStaysAsItWas() throws Exception {
        Fixture.write(root, SITE);
        build();
        OutputFolder output = OutputFolder.check(out(), root, List.of(root.resolve("content")));
        try (Staging staging = output.stage(info::add)) {
            staging.write("index.html", "home".getBytes());
            Fixture.write(out(), """
                    -- added/while-building.txt --
                    mine
                    """);
            SiteGenException refused = assertThrows(SiteGenException.class, staging::commit);
            assertTrue(refused.problems().get(0).message().contains("added/ (a folder of 1 file)"), refused.toString());
        }
        assertEquals("mine\n", Files.readString(out().resolve("added/while-building.txt")));
        assertTrue(Files.readString(out().resolve("general/index.html")).contains("The first answer."));
        assertEquals(List.of(".out.lock", "content", "out"), siblings());
    }

    private List<String> siblings() throws Exception {
        try (Stream<Path> siblings = Files.list(root)) {
            return siblings.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
