package io.github.sitegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/io/github/sitegen");
    private static final String ROOT = "io.github.sitegen";

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
    void packagesDependOnEachOtherWithoutACycle() throws Exception {
        Map<String, Set<String>> uses = new TreeMap<>();
        Pattern imported = Pattern.compile("import\\s+(?:static\\s+)?io\\.github\\.sitegen\\.(?:([a-z]+)\\.)?[A-Z].*");
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = file.getParent().equals(SOURCES) ? ROOT
                        : SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                for (String line : Files.readAllLines(file)) {
                    Matcher m = imported.matcher(line.strip());
                    String to = m.matches() ? (m.group(1) == null ? ROOT : m.group(1)) : null;
                    if (to != null && !to.equals(from)) {
                        uses.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                    }
                }
            }
        }
        for (String start : uses.keySet()) {
            Deque<List<String>> paths = new ArrayDeque<>(List.of(List.of(start)));
            Set<String> seen = new HashSet<>();
            while (!paths.isEmpty()) {
                List<String> path = paths.pop();
                for (String next : uses.getOrDefault(path.get(path.size() - 1), Set.of())) {
                    List<String> longer = new ArrayList<>(path);
                    longer.add(next);
                    assertNotEquals(start, next, () -> "package cycle: " + String.join(" -> ", longer));
                    if (seen.add(next)) {
                        paths.push(longer);
                    }
                }
            }
        }
    }

    @Test
    void theMojoPackageHoldsOnlyTheAdapter() throws Exception {
        try (Stream<Path> files = Files.list(SOURCES.resolve("maven"))) {
            assertEquals(List.of("AbstractSiteMojo.java", "AbstractThemeMojo.java", "CheckMojo.java", "EjectMojo.java", "GenerateMojo.java", "ImportFmlMojo.java", "ProblemLog.java", "ServeMojo.java", "VerifyMojo.java"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }
}
