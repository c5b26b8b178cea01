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

    private static final Path REPOSITORY = Path.of(System.getProperty("siteGen.repositoryRoot", ".."));
    /** The Maven plugin's sources: the adapter, and nothing else. */
    private static final Path SOURCES = REPOSITORY.resolve("plugin/src/main/java/io/github/sitegen");
    /** One package tree spread over the modules; the core is the only one every other needs. */
    private static final List<String> MODULES = List.of("core", "fml", "plugin", "cli");
    private static final String ROOT = "io.github.sitegen";

    /** Every main source file of every module, by its package ({@code io.github.sitegen} or the sub-package's name). */
    private static Map<Path, String> sources() throws java.io.IOException {
        Map<Path, String> packages = new TreeMap<>();
        for (String module : MODULES) {
            Path base = REPOSITORY.resolve(module).resolve("src/main/java/io/github/sitegen");
            if (!Files.isDirectory(base)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(base)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> packages.put(f,
                        f.getParent().equals(base) ? ROOT : base.relativize(f.getParent()).toString().replace('/', '.')));
            }
        }
        return packages;
    }

    @Test
    void nothingOutsideTheMojoPackageImportsMaven() throws Exception {
        try (Stream<Path> files = sources().keySet().stream()) {
            List<String> offenders = files
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
        for (Map.Entry<Path, String> file : sources().entrySet()) {
            String from = file.getValue();
            for (String line : Files.readAllLines(file.getKey())) {
                Matcher m = imported.matcher(line.strip());
                String to = m.matches() ? (m.group(1) == null ? ROOT : m.group(1)) : null;
                if (to != null && !to.equals(from)) {
                    uses.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
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

    @Test
    void eachModuleHoldsOnlyItsOwnPackages() throws Exception {
        Map<String, Set<String>> byModule = new TreeMap<>();
        for (Map.Entry<Path, String> file : sources().entrySet()) {
            String module = REPOSITORY.relativize(file.getKey()).getName(0).toString();
            byModule.computeIfAbsent(module, k -> new TreeSet<>()).add(file.getValue());
        }
        assertEquals(Set.of("fml"), byModule.get("fml"));
        assertEquals(Set.of("maven"), byModule.get("plugin"));
        assertEquals(Set.of("cli"), byModule.get("cli"));
        assertEquals(Set.of(), intersection(byModule.get("core"), Set.of("maven", "fml", "cli")),
                "the core holds neither the Mojos, the FML importer nor the command line");
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }
}
