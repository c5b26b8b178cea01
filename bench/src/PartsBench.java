import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.SiteGenerator;
import io.github.sitegen.content.ContentLoader;
import io.github.sitegen.model.Site;
import io.github.sitegen.model.Topic;
import io.github.sitegen.publish.Publisher;

/**
 * The CPU time of one stage of a build on one thread: each topic's parts of faq.json, the search
 * index, its Markdown and llms-full.txt ({@code Publisher.parts}), made for every topic of a site
 * loaded as a build loads it. The first pass runs on a cold JVM, as a build's does; the passes after
 * it are warm. Prints one line per pass:
 *
 * <pre>
 * PARTS pass cpu_ms bytes
 * </pre>
 *
 * usage: java -cp SITE_GEN_CLASSPATH:CLASSES PartsBench CONTENT_DIR PASSES
 */
public final class PartsBench {

    public static void main(String[] args) throws Exception {
        Path content = Paths.get(args[0]).toAbsolutePath();
        int passes = Integer.parseInt(args[1]);
        SiteGenConfig config = SiteGenConfig.builder(content, content.resolveSibling("parts-bench-out")).build();
        Site site = SiteGenerator.content(config, new ContentLoader.Memo()).editions().get(0).site();
        List<Topic> topics = new ArrayList<>();
        for (Topic topic : site.topics()) {
            topics.add(topic.rendered(problem -> { }));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int pass = 1; pass <= passes; pass++) {
            long bytes = 0;
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < topics.size(); i++) {
                for (byte[] part : Publisher.parts(site, topics.get(i), i)) {
                    bytes += part.length;
                }
            }
            System.out.println("PARTS " + pass + " " + (threads.getCurrentThreadCpuTime() - start) / 1_000_000 + " " + bytes);
        }
    }
}
