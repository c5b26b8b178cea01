package io.github.sitegen.cache;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.sitegen.concurrent.Parallel;
import io.github.sitegen.model.Site;
import io.github.sitegen.output.Renamer;
import io.github.sitegen.render.TopicMemo;
import io.github.sitegen.render.Translations;
import io.github.sitegen.theme.Layer;
import io.github.sitegen.theme.Source;
import io.github.sitegen.theme.Theme;

/**
 * The build cache: what each topic of the last builds made (see {@link EditionMemo}), so that the
 * next build into the same output renders only the topics whose inputs changed. It lives in its own
 * folder below the configured cache directory, one per output folder:
 * <ul>
 * <li>{@code version}: the cache format and the plugin's build; another one empties the cache;</li>
 * <li>{@code entries/<key>}: one topic's files (by name), its parts of the site-wide files and its
 * problems, named by the digest of everything it was made from, with a checksum;</li>
 * <li>{@code outputs}: which entry made each file of the output the last successful build
 * published, with the file's size, time and identity, so that a file is taken from the output
 * only while it is exactly the one that entry made;</li>
 * <li>{@code building}: present while a build runs; found at the start, it says the last build was
 * killed, and the cache is emptied;</li>
 * <li>{@code lock}: locked while a build uses the cache; a second build at the same time builds
 * without it.</li>
 * </ul>
 * Files are keyed by their size, time and identity, not their bytes. A file changed less than
 * {@link #RECENT_NANOS} before the build started (or during it) could change again within one tick
 * of the file system's clock without its time changing, so nothing keyed on it is saved.
 * {@code site-gen.clean=true}, or any doubt (a format or plugin build it does not know, a killed
 * build, an entry or index that does not read back), means a full build.
 */
public final class BuildCache implements AutoCloseable {

    static final int FORMAT = 1;
    static final String VERSION = "version";
    static final String ENTRIES = "entries";
    static final String OUTPUTS = "outputs";
    static final String BUILDING = "building";
    static final String LOCK = "lock";
    static final long RECENT_NANOS = 2_000_000_000L;

    /** The cache when a build has none: every topic is rendered. */
    private static final BuildCache NONE = new BuildCache(null, null, null, null, null, 0, Map.of(), List.of(), false, null);

    private final Path folder;
    private final Path output;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final String key;
    private final long startNanos;
    private final Map<String, Output> previous;
    private final List<Fingerprint.Stat> inputs;
    /** Whether this build may save entries: none of the inputs of every page changed lately. */
    private final boolean saving;
    private final Consumer<String> info;
    /** What made each file of this build's output that an entry can make again: site path to entry key. */
    private final Map<String, String> produced = new ConcurrentHashMap<>();
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    final AtomicInteger reused = new AtomicInteger();
    final AtomicInteger rendered = new AtomicInteger();
    private volatile boolean doubt;
    private boolean committed;

    /** A file of the last output, as the entry {@code key} made it. */
    record Output(String key, long size, long modified, String fileKey) {
    }

    private BuildCache(Path folder, Path output, FileChannel lockChannel, FileLock lock, String key, long startNanos,
                       Map<String, Output> previous, List<Fingerprint.Stat> inputs, boolean saving, Consumer<String> info) {
        this.folder = folder;
        this.output = output;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.key = key;
        this.startNanos = startNanos;
        this.previous = previous;
        this.inputs = inputs;
        this.saving = saving;
        this.info = info;
    }

    /**
     * What a build is made from, as far as the cache is concerned.
     *
     * @param cacheDirectory where caches are kept; {@code null} for none
     * @param output         the output folder: each has its own cache
     * @param content        the content folder (its topic files are keyed one by one)
     * @param folders        every other folder the build reads (templates, static files), keyed by
     *                       every file in it; entries may be {@code null}
     * @param settings       the build's settings, less where it writes and how many threads it uses
     * @param theme          the build's theme: the files of the chosen theme and of those it
     *                       extends are keyed by their bytes (the built-in theme by the plugin's build,
     *                       the template folder among {@code folders})
     * @param clean          empty the cache first
     */
    public record Inputs(Path cacheDirectory, Path output, Path content, List<Path> folders, Record settings,
                         Theme theme, boolean clean) {
    }

    /**
     * The cache of a build that starts now (call this before the content is read); without a cache
     * directory, one that renders everything.
     */
    public static BuildCache open(Inputs inputs, Consumer<String> info) throws IOException {
        if (inputs.cacheDirectory() == null) {
            return NONE;
        }
        long start = System.currentTimeMillis() * 1_000_000;
        Path output = inputs.output().toAbsolutePath().normalize();
        Path folder = inputs.cacheDirectory().toAbsolutePath().normalize()
                .resolve(output.getFileName() + "-" + new Fingerprint().text(output.toString()).hex().substring(0, 12));
        List<Path> others = new ArrayList<>(inputs.folders());
        others.add(output);
        others.add(inputs.content());
        for (Path other : others) {
            if (other != null && folder.startsWith(other.toAbsolutePath().normalize())) {
                info.accept("The build cache " + folder + " would be inside " + other + ": building without it");
                return NONE;
            }
        }
        Files.createDirectories(folder.resolve(ENTRIES));
        FileChannel channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            info.accept("Another build is using the build cache " + folder + ": building without it");
            return NONE;
        }
        try {
            return open(inputs, info, folder, channel, lock, start);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static BuildCache open(Inputs inputs, Consumer<String> info, Path folder, FileChannel channel,
                                   FileLock lock, long start) throws IOException {
        Fingerprint global = new Fingerprint();
        String version = "site-gen build cache " + FORMAT + "\n" + plugin() + "\n";
        try {
            global.text(version).text(System.getProperty("java.version")).text(LocalDate.now(ZoneOffset.UTC).toString())
                    .text(Locale.getDefault().toLanguageTag());
            global.model(inputs.settings());
            for (Layer layer : inputs.theme().layers()) {
                if (!layer.name().isEmpty()) {
                    global.text(layer.name());
                    for (Map.Entry<String, Source> file : layer.files().entrySet()) {
                        global.text(file.getKey()).bytes(file.getValue().read());
                    }
                }
            }
            for (Path path : inputs.folders()) {
                global.tree(path);
            }
            siteFiles(inputs.content(), global);
        } catch (Fingerprint.Unknown e) {
            info.accept("The build cache cannot key this build (" + e.getMessage() + "): building without it");
            release(channel);
            return NONE;
        }
        String found = read(folder.resolve(VERSION));
        String why = inputs.clean() ? "site-gen.clean is set"
                : Files.exists(folder.resolve(BUILDING)) ? "the last build that used it did not finish"
                : found != null && !found.equals(version) ? "it was made by another build of site-gen" : null;
        Map<String, Output> previous = why == null && found != null ? outputs(folder.resolve(OUTPUTS)) : null;
        if (why == null && found != null && previous == null) {
            why = "its list of outputs does not read back";
        }
        if (previous == null) {
            if (why != null) {
                info.accept("Full build: the build cache is emptied, because " + why);
            }
            empty(folder);
            write(folder.resolve(VERSION), version);
            previous = Map.of();
        }
        write(folder.resolve(BUILDING), "a build using this cache started at " + java.time.Instant.now() + "\n");
        List<Fingerprint.Stat> read = List.copyOf(global.files());
        boolean saving = read.stream().noneMatch(stat -> recent(stat, start));
        return new BuildCache(folder, inputs.output(), channel, lock, global.hex(), start, previous, read, saving, info);
    }

    /** The memo of one language's topics (the only one on a single-language site). */
    public TopicMemo edition(String outputFolder, Path contentDirectory, Site site, Translations translations,
                             Parallel parallel) {
        if (this == NONE) {
            return TopicMemo.NONE;
        }
        try {
            return new EditionMemo(this, outputFolder, contentDirectory, output, site, translations, parallel);
        } catch (Fingerprint.Unknown e) {
            info.accept("The build cache cannot key the site (" + e.getMessage() + "): its topics are all rendered");
            return TopicMemo.NONE;
        }
    }

    String key() {
        return key;
    }

    /** Whether {@code stat} could still change within one tick of the file clock without its time changing. */
    boolean recent(Fingerprint.Stat stat) {
        return recent(stat, startNanos);
    }

    private static boolean recent(Fingerprint.Stat stat, long startNanos) {
        return stat.modified() >= startNanos - RECENT_NANOS;
    }

    boolean saving() {
        return saving && !doubt;
    }

    /** The last output's file at {@code sitePath}, if the entry {@code entryKey} made it and it is unchanged. */
    boolean unchanged(String sitePath, String entryKey, Path file) {
        Output output = previous.get(sitePath);
        if (output == null || !output.key().equals(entryKey)) {
            return false;
        }
        try {
            Fingerprint.Stat stat = Fingerprint.Stat.of(file);
            return stat.sameAs(new Fingerprint.Stat(file, output.size(), output.modified(), output.fileKey()));
        } catch (IOException e) {
            return false;
        }
    }

    /** The entry saved as {@code entryKey}, or {@code null}; an entry that does not read back is deleted. */
    Entry entry(String entryKey) {
        Path file = folder.resolve(ENTRIES).resolve(entryKey);
        try {
            return Entry.read(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            info.accept("The build cache entry " + file + " does not read back (" + e.getMessage() + "): it is rendered again");
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // it is not used either way
            }
            return null;
        }
    }

    /** Saves {@code entry} as {@code entryKey}, atomically. */
    void save(String entryKey, Entry entry) throws IOException {
        Path target = folder.resolve(ENTRIES).resolve(entryKey);
        Path temporary = folder.resolve(ENTRIES).resolve(entryKey + ".tmp-" + Thread.currentThread().getId());
        Files.write(temporary, entry.bytes());
        move(temporary, target);
    }

    /** Notes that the entry {@code entryKey} made (or made again) the output files {@code sitePaths}. */
    void produced(String entryKey, List<String> sitePaths, boolean saved) {
        used.add(entryKey);
        if (saved) {
            sitePaths.forEach(path -> produced.put(path, entryKey));
        }
    }

    /**
     * The build was published into {@code outputDirectory}: records which entry made which of its
     * files, and deletes the entries this build did not use. A build that fails never gets here,
     * and leaves the cache as the last successful build left it.
     */
    public void committed(Path outputDirectory) throws IOException {
        if (this == NONE) {
            return;
        }
        for (Fingerprint.Stat input : inputs) {
            Fingerprint.Stat now;
            try {
                now = Fingerprint.Stat.of(input.path());
            } catch (IOException e) {
                now = null;
            }
            if (now == null || !now.sameAs(input)) {
                doubt = true; // a template or static file changed while the build ran: keep nothing of it
            }
        }
        if (!doubt) {
            StringBuilder index = new StringBuilder();
            for (Map.Entry<String, String> file : new java.util.TreeMap<>(produced).entrySet()) {
                Path published = outputDirectory.resolve(file.getKey());
                if (!Files.isRegularFile(published, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Fingerprint.Stat stat = Fingerprint.Stat.of(published);
                index.append(file.getValue()).append('\t').append(stat.size()).append('\t').append(stat.modified())
                        .append('\t').append(stat.key()).append('\t').append(file.getKey()).append('\n');
            }
            write(folder.resolve(OUTPUTS), index.toString());
            try (Stream<Path> entries = Files.list(folder.resolve(ENTRIES))) {
                for (Path entry : entries.toList()) {
                    if (!used.contains(entry.getFileName().toString())) {
                        Files.deleteIfExists(entry);
                    }
                }
            }
        }
        committed = true;
        Files.deleteIfExists(folder.resolve(BUILDING));
    }

    /** How many topics this build took from the cache and how many it rendered. */
    public String summary() {
        return this == NONE ? "" : "the build cache " + folder + " gave " + reused.get() + " of "
                + (reused.get() + rendered.get()) + " topics";
    }

    /** Lets go of the cache; a build that did not commit leaves the entries and the last outputs as they were. */
    @Override
    public void close() throws IOException {
        if (this == NONE) {
            return;
        }
        try {
            if (!committed) {
                Files.deleteIfExists(folder.resolve(BUILDING));
            }
        } finally {
            release(lockChannel);
        }
    }

    private static void release(FileChannel channel) throws IOException {
        channel.close();
    }

    /** The jar (or classes folder) this code is from, by size, time and identity. */
    private static String plugin() throws IOException {
        try {
            Path code = Path.of(BuildCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Fingerprint plugin = new Fingerprint();
            return (Files.isDirectory(code) ? plugin.tree(code) : plugin.file(code)).hex();
        } catch (URISyntaxException | RuntimeException e) {
            return "unknown " + System.nanoTime(); // never the same twice: no entry is ever reused
        }
    }

    /** The {@code site.yaml} (or {@code site.yml}) of the content folder and of each language folder. */
    private static void siteFiles(Path content, Fingerprint into) throws IOException {
        List<Path> folders = new ArrayList<>();
        folders.add(content);
        if (Files.isDirectory(content)) {
            try (Stream<Path> entries = Files.list(content)) {
                entries.filter(Files::isDirectory).sorted().forEach(folders::add);
            }
        }
        for (Path folder : folders) {
            for (String name : List.of("site.yaml", "site.yml")) {
                Path file = folder.resolve(name);
                into.text(name);
                if (Files.isRegularFile(file)) {
                    into.file(file);
                }
            }
        }
    }

    private static Map<String, Output> outputs(Path file) throws IOException {
        Map<String, Output> outputs = new HashMap<>();
        if (!Files.exists(file)) {
            return outputs;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t", 5);
            if (fields.length != 5) {
                return null;
            }
            try {
                outputs.put(fields[4], new Output(fields[0], Long.parseLong(fields[1]), Long.parseLong(fields[2]), fields[3]));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return outputs;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    private static void write(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        move(temporary, file);
    }

    private static void move(Path from, Path to) throws IOException {
        Renamer.SYSTEM.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Deletes every entry and the list of outputs; the lock stays. */
    private static void empty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder.resolve(ENTRIES))) {
            for (Path entry : entries.toList()) {
                Files.deleteIfExists(entry);
            }
        }
        Files.deleteIfExists(folder.resolve(OUTPUTS));
        Files.deleteIfExists(folder.resolve(VERSION));
    }
}
