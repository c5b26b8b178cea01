import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.github.sitegen.BuildListener;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;

/**
 * One clean build in this JVM through site-gen's core API, as the Maven goal makes it: the output
 * folder and the build cache are deleted first (outside the timing), then the site is built with
 * the cache in CACHE_DIR (the goal's target/site-gen-cache), or with no cache when CACHE_DIR is
 * "-". Prints one line:
 *
 * <pre>
 * CLEAN wall_ms cpu_ms total_ms validate_ms markdown_ms templates_ms write_ms files bytes
 * </pre>
 *
 * cpu_ms is the CPU time of the whole JVM (every thread, the JIT and the collector included) during
 * the build. Used by bench/clean-pair.sh, which runs it against two builds of site-gen in turn.
 *
 * usage: java -cp SITE_GEN_CLASSPATH:CLASSES CleanBuild CONTENT_DIR OUTPUT_DIR CACHE_DIR
 */
public final class CleanBuild {

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: CleanBuild CONTENT_DIR OUTPUT_DIR CACHE_DIR|-");
            System.exit(2);
        }
        Path content = Paths.get(args[0]).toAbsolutePath();
        Path out = Paths.get(args[1]).toAbsolutePath();
        Path cache = args[2].equals("-") ? null : Paths.get(args[2]).toAbsolutePath();
        deleteTree(out);
        if (cache != null) {
            deleteTree(cache);
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        SiteGenerator.Result r = new SiteGenerator().generate(
                SiteGenConfig.builder(content, out).cacheDirectory(cache).build(), BuildListener.SILENT);
        long wall = (System.nanoTime() - t0) / 1_000_000;
        long cpu = (os.getProcessCpuTime() - cpu0) / 1_000_000;
        SiteGenerator.Stages s = r.stages();
        System.out.println("CLEAN " + wall + " " + cpu + " " + s.total() + " " + s.validate() + " " + s.markdown()
                + " " + s.templates() + " " + s.write() + " " + r.files() + " " + r.bytes());
        System.out.println("THREADS " + threads());
    }

    /**
     * The CPU time of the JVM's threads still alive, in ms, by kind (Linux: /proc/self/task): the
     * JIT compiler, the garbage collector, the build's threads and the rest; threads that ended are
     * "ended", the process's time less the live threads'. Empty where there is no /proc.
     */
    private static String threads() throws IOException {
        Path tasks = Paths.get("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return "";
        }
        java.util.Map<String, Long> kinds = new java.util.TreeMap<>();
        long tick = 10; // USER_HZ is 100 on Linux
        long live = 0;
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : list.toList()) {
                String stat = Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick;
                String kind = name.contains("Compiler") ? "jit" : name.startsWith("VM Thread") || name.contains("GC")
                        ? "gc+vm" : name.equals("java") || name.equals("main") ? "main" : name.startsWith("site-gen")
                        ? "workers" : "other";
                kinds.merge(kind, ms, Long::sum);
                live += ms;
            }
        }
        String self = Files.readString(Paths.get("/proc/self/stat"));
        String[] f = self.substring(self.lastIndexOf(')') + 2).split(" ");
        kinds.put("ended", (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick - live);
        return kinds.toString();
    }

    /** Deletes {@code root} and what it holds, deepest first; nothing when it is not there. */
    private static void deleteTree(Path root) throws IOException {
        List<Path> paths = List.of();
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                paths = walk.sorted(Comparator.reverseOrder()).toList();
            }
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
