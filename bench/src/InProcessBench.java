import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.github.sitegen.BuildListener;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;
import io.github.sitegen.problem.Problem;

/**
 * Builds one site RUNS times in a single JVM through site-gen's core API (no Maven), the way the
 * Maven mojo calls it, and prints one machine-readable line per run plus a summary:
 *
 * <pre>
 * RUN   i  wall_ms  total_ms  validate_ms  markdown_ms  templates_ms  write_ms  pages  questions  heap_used_mib  cpu_ms
 * COLD  wall_ms total_ms cpu_ms
 * WARM  median_wall_ms median_total_ms median_cpu_ms (n)
 * </pre>
 *
 * cpu_ms is the CPU time of the whole JVM (all threads, GC and JIT included) during the run; unlike
 * the wall-clock figures it hardly changes when other work shares the machine.
 *
 * <pre>
 * </pre>
 *
 * The output folder is deleted before every run, outside the timed span (the Maven and Hugo runs of
 * run.sh delete it inside their timing, as the peer benchmark does). Run 1 is the cold JVM; runs 2..n
 * are warm (classes loaded, JIT compiled).
 *
 * usage: java -cp PLUGIN_CLASSPATH:CLASSES InProcessBench CONTENT_DIR OUTPUT_DIR RUNS
 */
public final class InProcessBench {

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: InProcessBench CONTENT_DIR OUTPUT_DIR RUNS");
            System.exit(2);
        }
        Path content = Paths.get(args[0]).toAbsolutePath();
        Path out = Paths.get(args[1]).toAbsolutePath();
        int runs = Integer.parseInt(args[2]);
        List<long[]> rows = new ArrayList<>();
        int[] warnings = {0};
        BuildListener listener = new BuildListener() {
            @Override
            public void info(String message) {
                // the lines the mojo logs; printed once, on the first run
                if (rows.isEmpty()) {
                    System.out.println("INFO " + message);
                }
            }

            @Override
            public void warning(Problem problem) {
                if (warnings[0]++ < 5) {
                    System.out.println("WARNING " + problem.format(content));
                }
            }
        };
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 1; i <= runs; i++) {
            deleteTree(out);
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            SiteGenerator.Result r = new SiteGenerator().generate(SiteGenConfig.builder(content, out).build(), listener);
            long wall = (System.nanoTime() - t0) / 1_000_000;
            long cpuMs = (os.getProcessCpuTime() - cpu0) / 1_000_000;
            Runtime rt = Runtime.getRuntime();
            long heapMiB = (rt.totalMemory() - rt.freeMemory()) >> 20;
            SiteGenerator.Stages s = r.stages();
            long[] row = {i, wall, s.total(), s.validate(), s.markdown(), s.templates(), s.write(), r.pages(), r.questions(), heapMiB, cpuMs};
            rows.add(row);
            StringBuilder line = new StringBuilder("RUN");
            for (long v : row) {
                line.append(' ').append(v);
            }
            System.out.println(line);
        }
        long[] cold = rows.get(0);
        System.out.println("COLD " + cold[1] + " " + cold[2] + " " + cold[10]);
        if (rows.size() > 1) {
            List<long[]> warm = rows.subList(1, rows.size());
            System.out.println("WARM " + median(warm, 1) + " " + median(warm, 2) + " " + median(warm, 10) + " (" + warm.size() + ")");
        }
        System.out.println("WARNINGS " + warnings[0]);
    }

    private static double median(List<long[]> rows, int column) {
        long[] v = rows.stream().mapToLong(r -> r[column]).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
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
