import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.serve.PreviewServer;

/**
 * Helper of bench/serve.sh: the live preview's edit loop in one JVM, as `site-gen:serve` runs it.
 *
 * <pre>java -cp CLASSPATH ServeBench CONTENT_DIR TOPIC_FILE RUNS SAVES</pre>
 *
 * Starts the preview on CONTENT_DIR (port 0), then RUNS times: waits 1 s, puts a mark into the
 * first block answer of TOPIC_FILE (as bench/edit_answer.py does) and takes the time from the
 * write until the topic page served has the mark. Prints one line per run (RUN, run, ms, the
 * machine's 1-minute load average) and the median. Then makes SAVES more saves, one every 100 ms after the page shows the last, and prints
 * the heap in use after a full GC every 10 saves (MEM, saves, MB), to show whether it stays flat.
 * The preview's own log lines (build N ready in M ms, topics rendered) go to standard error.
 */
public final class ServeBench {

    private static final Pattern ANSWER = Pattern.compile("(answer: \\|-?\\n +)(?:\\[[^\\]\\n]*\\] )?");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]);
        Path topic = content.resolve(args[1]);
        int runs = Integer.parseInt(args[2]);
        int saves = Integer.parseInt(args[3]);
        Path preview = Files.createTempDirectory("site-gen-serve-bench");
        PreviewServer.Listener listener = new PreviewServer.Listener() {
            @Override
            public void info(String message) {
                System.err.println(message);
            }

            @Override
            public void warning(Problem problem) {
            }

            @Override
            public void failed(List<Problem> problems) {
                problems.forEach(p -> System.err.println(p.format(content)));
            }
        };
        SiteGenConfig config = SiteGenConfig.builder(content, preview.resolve("site")).projectDirectory(preview).build();
        try (PreviewServer server = new PreviewServer(config, 0, content, listener).start()) {
            URI page = server.url().resolve(args[1].substring(0, args[1].lastIndexOf('.')) + "/");
            for (int i = 0; i < 5; i++) { // warm up, untimed
                save(topic, page, "warm " + i);
                Thread.sleep(200);
            }
            long[] millis = new long[runs];
            for (int run = 0; run < runs; run++) {
                Thread.sleep(1000);
                millis[run] = save(topic, page, "serve " + run + " " + System.nanoTime() % 1_000_000);
                System.out.println("RUN\t" + (run + 1) + "\t" + millis[run] + "\tload " + String.format("%.1f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            }
            long[] sorted = millis.clone();
            Arrays.sort(sorted);
            System.out.println("MEDIAN\t" + sorted[sorted.length / 2] + "\t" + Arrays.toString(millis));
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            List<Long> heap = new ArrayList<>();
            for (int i = 0; i <= saves; i++) {
                if (i % 10 == 0) {
                    System.gc();
                    long used = memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
                    heap.add(used);
                    System.out.println("MEM\t" + i + "\t" + used);
                }
                if (i < saves) {
                    save(topic, page, "memory " + i);
                    Thread.sleep(100);
                }
            }
        }
    }

    /** Puts {@code mark} into the first block answer of {@code topic}; the milliseconds until {@code page} shows it. */
    private static long save(Path topic, URI page, String mark) throws Exception {
        String text = Files.readString(topic, StandardCharsets.UTF_8);
        Matcher matcher = ANSWER.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no block answer in " + topic);
        }
        String edited = text.substring(0, matcher.start()) + matcher.group(1) + "[" + mark + "] " + text.substring(matcher.end());
        long start = System.nanoTime();
        Files.writeString(topic, edited, StandardCharsets.UTF_8);
        while (!HTTP.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).body()
                .contains("[" + mark + "]")) {
            if (System.nanoTime() - start > 120_000_000_000L) {
                throw new IllegalStateException("the page never showed " + mark);
            }
            Thread.sleep(1);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
