package io.github.sitegen.content;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.github.sitegen.concurrent.Parallel;

/**
 * The time to find the related questions after one answer is edited, in one warm JVM on one
 * thread: from scratch (every list, as before issue 25's incremental find), from the last find kept
 * in memory (the preview: the topics not edited are the same drafts), and from the last find read
 * back from the build cache's bytes (generate: every draft is new, so every question's text is
 * digested), in turn for each edit, so that the machine's load weighs on all three alike. Checks
 * that the three give the same lists. Prints:
 *
 * <pre>
 * EDIT i scratch_us memory_us cache_us found_of_all load   (thread CPU, microseconds; cache_us includes
 *                                                          reading the bytes back; 0 warms up)
 * MEDIAN scratch_us memory_us cache_us (n)
 * STATE bytes write_us read_us                             (the cache file; medians)
 * </pre>
 *
 * It reads the topic files with the loader's own (private) reader, by reflection, so that only
 * the find is timed. usage: java -cp CORE_CLASSPATH:CLASSES io.github.sitegen.content.RelatedBench CONTENT_DIR EDITS
 */
public final class RelatedBench {

    private static final Predicate<QuestionDraft> CANDIDATE = q -> !q.review().draft();

    public static void main(String[] args) throws Exception {
        Path content = Paths.get(args[0]);
        int edits = Integer.parseInt(args[1]);
        Method read = ContentLoader.class.getDeclaredMethod("readTopic", Path.class, String.class, byte[].class,
                Problems.class);
        read.setAccessible(true);
        Method assign = ContentLoader.class.getDeclaredMethod("assignIds", List.class, Problems.class);
        assign.setAccessible(true);
        List<Path> files;
        try (Stream<Path> list = Files.list(content)) {
            files = list.filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString().equals("site.yaml"))
                    .sorted().toList();
        }
        List<TopicDraft> topics = new ArrayList<>();
        for (Path file : files) {
            topics.add(topic(read, file, Files.readAllBytes(file)));
        }
        topics.sort(Comparator.comparingInt(TopicDraft::order).thenComparing(TopicDraft::title, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(TopicDraft::id));
        assign.invoke(null, topics, new Problems());
        int middle = topics.size() / 2;
        Path edited = topics.get(middle).file();
        String yaml = Files.readString(edited, StandardCharsets.UTF_8);
        Parallel one = new Parallel(1);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        RelatedMemory memory = new RelatedMemory();
        memory.find(content, questions(topics), CANDIDATE, one);
        List<long[]> rows = new ArrayList<>();
        List<long[]> state = new ArrayList<>();
        for (int i = 0; i <= edits; i++) {
            // One answer edited: a word added to the first answer of the middle topic.
            byte[] bytes = yaml.replaceFirst("(?m)^(    answer: \\|-?\\n      )", "$1Updated" + i + " ")
                    .getBytes(StandardCharsets.UTF_8);
            topics.set(middle, topic(read, edited, bytes));
            assign.invoke(null, topics, new Problems());
            List<QuestionDraft> questions = questions(topics);
            long t0 = threads.getCurrentThreadCpuTime();
            Map<QuestionDraft, List<QuestionDraft>> scratch = RelatedQuestions.find(questions, CANDIDATE, one);
            long t1 = threads.getCurrentThreadCpuTime();
            byte[] saved = memory.bytes();
            long t2 = threads.getCurrentThreadCpuTime();
            RelatedMemory back = RelatedMemory.read(saved);
            long t3 = threads.getCurrentThreadCpuTime();
            Map<QuestionDraft, List<QuestionDraft>> cache = back.find(content, questions, CANDIDATE, one);
            long t4 = threads.getCurrentThreadCpuTime();
            Map<QuestionDraft, List<QuestionDraft>> kept = memory.find(content, questions, CANDIDATE, one);
            long t5 = threads.getCurrentThreadCpuTime();
            if (!new HashMap<>(scratch).equals(new HashMap<>(kept)) || !new HashMap<>(scratch).equals(new HashMap<>(cache))
                    || !back.lastFinds().equals(memory.lastFinds()) || bytes.length == yaml.length()) {
                throw new AssertionError("the lists differ after edit " + i);
            }
            long[] row = {(t1 - t0) / 1000, (t5 - t4) / 1000, (t4 - t2) / 1000};
            System.out.printf("EDIT %d %d %d %d %s %.1f%n", i, row[0], row[1], row[2], memory.lastFinds().replace(" ", ""),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            if (i > 0) {
                rows.add(row);
                state.add(new long[] {saved.length, (t2 - t1) / 1000, (t3 - t2) / 1000});
            }
        }
        System.out.printf("MEDIAN %d %d %d (%d)%n", median(rows, 0), median(rows, 1), median(rows, 2), rows.size());
        System.out.printf("STATE %d %d %d%n", median(state, 0), median(state, 1), median(state, 2));
    }

    private static TopicDraft topic(Method read, Path file, byte[] bytes) throws Exception {
        String id = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        @SuppressWarnings("unchecked")
        Optional<TopicDraft> topic = (Optional<TopicDraft>) read.invoke(null, file, id, bytes, new Problems());
        return topic.orElseThrow();
    }

    private static List<QuestionDraft> questions(List<TopicDraft> topics) {
        return topics.stream().flatMap(t -> t.questions().stream()).filter(q -> q.complete() && q.id() != null).toList();
    }

    private static long median(List<long[]> rows, int column) {
        long[] v = rows.stream().mapToLong(r -> r[column]).sorted().toArray();
        return v[v.length / 2];
    }
}
