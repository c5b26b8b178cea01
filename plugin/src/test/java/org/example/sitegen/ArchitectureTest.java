package org.example.sitegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/org/example/sitegen");

    @Test
    void nothingOutsideTheMojoPackageImportsMaven() throws Exception {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(SOURCES.resolve("maven")))
                    .filter(f -> {
                        try {
                            return Files.readAllLines(f).stream().anyMatch(line -> line.matches(
                                    "\\s*import\\s+(static\\s+)?org\\.(apache\\.maven|codehaus\\.plexus|eclipse\\.aether)\\..*"));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString).sorted().toList();
            assertEquals(List.of(), offenders);
        }
    }

    @Test
    void theMojoPackageHoldsOnlyTheAdapter() throws Exception {
        try (Stream<Path> files = Files.list(SOURCES.resolve("maven"))) {
            assertEquals(List.of("AbstractSiteMojo.java", "CheckMojo.java", "EjectMojo.java", "GenerateMojo.java", "ImportFmlMojo.java", "ProblemLog.java", "ServeMojo.java", "VerifyMojo.java"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }
}
