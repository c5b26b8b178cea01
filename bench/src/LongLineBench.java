import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.check.ContentCheck;
import io.github.sitegen.content.ContentLoader;
import io.github.sitegen.markdown.MarkdownRenderer;

/**
 * Loads (ContentLoader, as generate does before rendering) and checks (ContentCheck, as site-gen:check
 * does) a topic whose one answer is SIZE MB of text on one line, and prints the speed of each:
 *
 * <pre>
 * load   SIZE MB  wall S s  W MB/s  cpu C s  X MB/s
 * check  SIZE MB  wall S s  W MB/s  cpu C s  X MB/s
 * </pre>
 *
 * The CPU figures (all threads of the JVM) hardly change with the load of the machine; the wall
 * figures do. Each size is measured twice in one JVM; the second, warm, run is printed.
 *
 * usage: java -cp PLUGIN_CLASSPATH:CLASSES LongLineBench SIZE...
 */
public final class LongLineBench {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        Path content = Files.createTempDirectory("long-line");
        Files.writeString(content.resolve("site.yaml"), "title: Long lines\n");
        for (String arg : args) {
            int megabytes = Integer.parseInt(arg);
            StringBuilder topic = new StringBuilder("title: Long\nquestions:\n  - id: long\n"
                    + "    question: What does a long answer cost?\n    answer: ");
            for (int word = 0; topic.length() < megabytes * 1_000_000; word++) {
                topic.append("word").append(word % 1000).append(word % 7 == 6 ? ". " : " ");
            }
            Files.writeString(content.resolve("long.yaml"), topic.append('\n'));
            for (int run = 1; run <= 2; run++) {
                time("load", megabytes, run, () -> new ContentLoader(new MarkdownRenderer(false))
                        .load(content, "Long lines", "https://example.org/"));
                time("check", megabytes, run, () -> ContentCheck.run(
                        SiteGenConfig.builder(content, content.resolveSibling(content.getFileName() + "-site")).build(),
                        LocalDate.now()));
            }
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void time(String what, int megabytes, int run, Work work) throws Exception {
        long cpu = OS.getProcessCpuTime();
        long wall = System.nanoTime();
        work.run();
        double wallS = (System.nanoTime() - wall) / 1e9;
        double cpuS = (OS.getProcessCpuTime() - cpu) / 1e9;
        if (run == 2) {
            System.out.printf("%-6s %3d MB  wall %6.2f s %6.1f MB/s  cpu %6.2f s %6.1f MB/s%n",
                    what, megabytes, wallS, megabytes / wallS, cpuS, megabytes / cpuS);
        }
    }
}
