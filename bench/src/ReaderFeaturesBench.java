import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.sitegen.BuildListener;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;

/**
 * What the page with every question (allOnOnePage) and the related questions found for you
 * (findRelated) add to a build, in one JVM through the core API: clean builds with each feature
 * off and on, in turn, RUNS times after one warm-up round, then incremental builds with the build
 * cache (one answer edited before each). Prints one line per variant:
 *
 * <pre>
 * BUILD round variant ms cpu_ms load      (each clean build; round 0 warms up; load: 1-minute average)
 * EDIT i variant ms cpu_ms load          (each incremental build; 0 warms up)
 * CLEAN variant median_ms median_cpu_ms (n)
 * INCREMENTAL variant median_ms median_cpu_ms (n)
 * SIZE all.html bytes
 * </pre>
 *
 * usage: java -cp PLUGIN_CLASSPATH:CLASSES ReaderFeaturesBench CONTENT_DIR WORK_DIR RUNS
 * CONTENT_DIR is copied to WORK_DIR; its site.yaml is rewritten for each variant.
 */
public final class ReaderFeaturesBench {

    private static final Map<String, String> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("neither", "allOnOnePage: false\nfindRelated: false\n");
        VARIANTS.put("all-on-one-page", "allOnOnePage: true\nfindRelated: false\n");
        VARIANTS.put("find-related", "allOnOnePage: false\nfindRelated: true\n");
        VARIANTS.put("both", "allOnOnePage: true\nfindRelated: true\n");
    }

    public static void main(String[] args) throws Exception {
        Path source = Paths.get(args[0]).toAbsolutePath();
        Path work = Paths.get(args[1]).toAbsolutePath();
        int runs = Integer.parseInt(args[2]);
        deleteTree(work);
        Path content = work.resolve("content");
        copy(source, content);
        String siteYaml = Files.readString(content.resolve("site.yaml"));
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        Map<String, List<long[]>> clean = new LinkedHashMap<>();
        for (int round = 0; round <= runs; round++) {
            for (Map.Entry<String, String> variant : VARIANTS.entrySet()) {
                Files.writeString(content.resolve("site.yaml"), siteYaml + variant.getValue());
                Path out = work.resolve("out");
                deleteTree(out);
                long cpu = os.getProcessCpuTime();
                long start = System.nanoTime();
                new SiteGenerator().generate(SiteGenConfig.builder(content, out).build(), BuildListener.SILENT);
                long[] row = {(System.nanoTime() - start) / 1_000_000, (os.getProcessCpuTime() - cpu) / 1_000_000};
                System.out.println("BUILD " + round + " " + variant.getKey() + " " + row[0] + " " + row[1] + " "
                        + os.getSystemLoadAverage());
                if (round > 0) {
                    clean.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(row);
                }
                if (round == 0 && Files.exists(out.resolve("all.html"))) {
                    System.out.println("SIZE all.html " + Files.size(out.resolve("all.html")));
                }
            }
        }
        clean.forEach((name, rows) -> System.out.println("CLEAN " + name + " " + median(rows, 0) + " " + median(rows, 1)
                + " (" + rows.size() + ")"));
        Path topic;
        try (Stream<Path> files = Files.list(content)) {
            List<Path> topics = files.filter(f -> !f.getFileName().toString().equals("site.yaml")).sorted().toList();
            topic = topics.get(topics.size() / 2);
        }
        for (String name : List.of("neither", "both")) {
            Files.writeString(content.resolve("site.yaml"), siteYaml + VARIANTS.get(name));
            Path out = work.resolve("out-" + name);
            Path cache = work.resolve("cache-" + name);
            SiteGenConfig config = SiteGenConfig.builder(content, out).cacheDirectory(cache).build();
            Thread.sleep(2100); // the cache saves nothing while an input (site.yaml) changed in the last 2 s
            new SiteGenerator().generate(config, BuildListener.SILENT);
            List<long[]> rows = new ArrayList<>();
            for (int i = 0; i <= runs; i++) {
                String yaml = Files.readString(topic, StandardCharsets.UTF_8);
                // One answer edited: a word added to the first answer of the middle topic.
                Files.writeString(topic, yaml.replaceFirst("(?m)^(    answer: \\|-?\\n      )", "$1Updated" + i + " "));
                long cpu = os.getProcessCpuTime();
                long start = System.nanoTime();
                new SiteGenerator().generate(config, BuildListener.SILENT);
                long[] row = {(System.nanoTime() - start) / 1_000_000, (os.getProcessCpuTime() - cpu) / 1_000_000};
                System.out.println("EDIT " + i + " " + name + " " + row[0] + " " + row[1] + " " + os.getSystemLoadAverage());
                if (i > 0) {
                    rows.add(row);
                }
            }
            System.out.println("INCREMENTAL " + name + " " + median(rows, 0) + " " + median(rows, 1) + " (" + rows.size() + ")");
        }
    }

    private static double median(List<long[]> rows, int column) {
        long[] v = rows.stream().mapToLong(r -> r[column]).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
