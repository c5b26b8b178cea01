package io.github.sitegen.serve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview's watcher hears saves from the operating system's file events, not from its poll. */
class WatcherTest {

    /** A poll so rare that only a file event can report a change within a test. */
    private static final long NO_POLL = TimeUnit.HOURS.toMillis(1);

    @TempDir
    Path root;

    private final BlockingQueue<Set<Path>> changes = new LinkedBlockingQueue<>();

    private Set<Path> next() throws InterruptedException {
        Set<Path> change = changes.poll(30, TimeUnit.SECONDS);
        assertNotNull(change, "no change reported within 30 s");
        return change;
    }

    @Test
    void aSaveIsHeardByItsFileEventWithItsPathWithoutWaitingForThePoll() throws Exception {
        Path content = Files.createDirectories(root.resolve("content"));
        Path topic = Files.writeString(content.resolve("general.yaml"), "title: General\n");
        try (Watcher watcher = new Watcher(List.of(content), changes::add, 20, NO_POLL)) {
            watcher.start();
            Files.writeString(topic, "title: Edited\n");
            assertTrue(next().contains(topic.toAbsolutePath().normalize()));

            Path nested = Files.createDirectories(content.resolve("de"));
            Path german = nested.resolve("general.yaml");
            Files.writeString(german, "title: Allgemein\n");
            Set<Path> seen = next();
            while (!seen.contains(german.toAbsolutePath().normalize())) {
                seen = next(); // the new folder first, then the file in it
            }
        }
    }

    @Test
    void aLinkToAFolderOutsideIsNotFollowed() throws Exception {
        Path content = Files.createDirectories(root.resolve("content"));
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.createSymbolicLink(content.resolve("link"), outside);
        Path topic = Files.writeString(content.resolve("general.yaml"), "title: General\n");
        try (Watcher watcher = new Watcher(List.of(content), changes::add, 20, NO_POLL)) {
            watcher.start();
            Files.writeString(outside.resolve("secret.yaml"), "title: Outside\n");
            Files.writeString(topic, "title: Edited\n");
            Set<Path> seen = next();
            while (!seen.contains(topic.toAbsolutePath().normalize())) {
                assertFalse(seen.stream().anyMatch(path -> path.toString().contains("secret")), seen.toString());
                seen = next();
            }
            assertFalse(seen.stream().anyMatch(path -> path.toString().contains("secret")), seen.toString());
        }
    }
}
