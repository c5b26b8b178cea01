package io.github.sitegen.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.problem.Problem;

/**
 * Not a test: measures how long the preview takes to rebuild a 1,000-question site (20 topics of 50
 * questions) after one edit, in a warm JVM. Run it by hand with the test class path:
 * {@code java -cp target/classes:target/test-classes:<dependencies> io.github.sitegen.serve.RebuildTiming}.
 * It prints the time of {@link PreviewServer#rebuild()} alone (a full build, as every rebuild is), and from saving a file until the new
 * build number is served (watcher, debounce and build).
 */
public final class RebuildTiming {

    private RebuildTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("site-gen-timing");
        Path content = Files.createDirectories(root.resolve("content"));
        for (int t = 0; t < 20; t++) {
            Files.writeString(content.resolve("topic-" + t + ".yaml"), topic(t, ""));
        }
        PreviewServer.Listener quiet = new PreviewServer.Listener() {
            @Override
            public void info(String message) {
                if (message.startsWith("site-gen wrote") && System.getProperty("stages") != null) {
                    System.out.println(message);
                }
            }

            @Override
            public void warning(Problem problem) {
            }

            @Override
            public void failed(List<Problem> problems) {
                problems.forEach(p -> System.err.println(p.format(root)));
            }
        };
        SiteGenConfig config = SiteGenConfig.builder(content, root.resolve("preview")).projectDirectory(root).build();
        try (PreviewServer preview = new PreviewServer(config, 0, root, quiet).start()) {
            for (int i = 0; i < 15; i++) { // warm up
                preview.rebuild();
            }
            long[] direct = new long[10];
            for (int i = 0; i < direct.length; i++) {
                long seen = preview.build();
                Files.writeString(content.resolve("topic-7.yaml"), topic(7, " (edit " + i + ")"));
                while (preview.build() == seen) { // let the watcher take the edit, so it does not build alongside
                    Thread.sleep(2);
                }
                Thread.sleep(300);
                long start = System.nanoTime();
                preview.rebuild();
                direct[i] = (System.nanoTime() - start) / 1_000_000;
            }
            long[] watched = new long[10];
            for (int i = 0; i < watched.length; i++) {
                Thread.sleep(1200);
                long before = preview.build();
                long start = System.nanoTime();
                Files.writeString(content.resolve("topic-7.yaml"), topic(7, " (watched edit " + i + ")"));
                while (preview.build() == before) {
                    Thread.sleep(2);
                }
                watched[i] = (System.nanoTime() - start) / 1_000_000;
            }
            System.out.println("rebuild() after one edit, ms: " + java.util.Arrays.toString(direct)
                    + " median " + median(direct));
            System.out.println("save to new build served (incl. " + PreviewServer.DEBOUNCE_MILLIS
                    + " ms debounce), ms: " + java.util.Arrays.toString(watched) + " median " + median(watched));
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String topic(int t, String edit) {
        StringBuilder yaml = new StringBuilder("title: Topic " + t + "\nsummary: Questions of topic " + t + ".\nquestions:\n");
        for (int q = 0; q < 50; q++) {
            yaml.append("  - id: q-").append(t).append('-').append(q).append('\n')
                    .append("    question: How does thing ").append(q).append(" of topic ").append(t).append(" work?\n")
                    .append("    answer: |\n")
                    .append("      It works **well**, see [the docs](https://example.org/").append(q).append(")").append(edit).append(".\n\n")
                    .append("      - one point\n      - another point with `code`\n\n")
                    .append("      | a | b |\n      |---|---|\n      | 1 | 2 |\n")
                    .append("    tags: [tag-").append(q % 7).append(", common]\n");
        }
        return yaml.toString();
    }
}
