package io.github.sitegen.cache;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.nio.file.attribute.BasicFileAttributes;
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
import io.github.sitegen.content.ContentLoader;
import io.github.sitegen.content.RelatedMemory;
import io.github.sitegen.input.InputFolder;
import io.github.sitegen.model.Site;
import io.github.sitegen.output.Digest;
import io.github.sitegen.problem.Binary;
import io.github.sitegen.output.OutputFolder;
import io.github.sitegen.output.Renamer;
import io.github.sitegen.render.TopicMemo;
import io.github.sitegen.render.Translations;
import io.github.sitegen.theme.Layer;
import io.github.sitegen.theme.Source;
import io.github.sitegen.theme.Theme;
import io.github.sitegen.input.FileStat;

/**
 * The build cache: what each topic of the last builds made (see {@link EditionMemo}), so that the
 * next build into the same output renders only the topics whose inputs changed. It lives in its own
 * folder below the configured cache directory, one per output folder:
 * <ul>
 * <li>{@code version}: the cache format and the plugin's build; another one empties the cache;</li>
 * <li>{@code entries/<key>}: one topic's files (paths and bytes), its parts of the site-wide files
 * and its problems, named by the digest of everything it was made from;</li>
 * <li>{@code index}: the digest of each entry's bytes, recorded when the entry was written by a
 * build that succeeded; an entry is used only while its bytes have that digest, so an entry
 * changed, cut short, copied under another key or written by a build that failed is rendered
 * again;</li>
 * <li>{@code published}: what the last successful build published (the digest of every file, and
 * the size, times and identity of those it had read back), and the key of everything it was made
 * from (every input file by its bytes, the settings, the plugin): while the key and every file of
 * the output are the same ({@link #current}), a build has nothing to do; otherwise it writes only the
 * files whose bytes change ({@link #written});</li>
 * <li>{@code known}: the digest of every input file read, with its size, times and identity then
 * ({@link KnownFiles}): a file still the same is not read again to key the build;</li>
 * <li>{@code drafts}: every topic file as the last successful build parsed it ({@link #drafts}),
 * by the digest of its bytes, with the cache's version and a digest of the whole: a file whose
 * bytes are the same is not parsed again;</li>
 * <li>{@code building}: present while a build runs; found at the start, it says the last build was
 * killed, and the cache is emptied;</li>
 * <li>{@code related}: the last find of related questions ({@link RelatedMemory}), from which the
 * next build finds again only the lists that can change; one that does not read back means a find
 * from scratch;</li>
 * <li>{@code lock}: locked while a build uses the cache; a second build at the same time builds
 * without it.</li>
 * </ul>
 * Nothing in the folder is followed if it is a symbolic link: a folder that holds anything site-gen
 * does not write there (a link, a folder, a special file) is deleted, links as links, and the
 * build starts with an empty cache. The cache is as trusted as the output folder beside it: the
 * digests prove that the bytes reused are those a build wrote, not who wrote them (see
 * docs/security.md).
 * Input files are keyed by their bytes, so a restored cache whose files all have new times keys the
 * same. A file changed less than
 * {@link FileStat#SETTLE_NANOS} before the build started (or during it) could change again within one tick
 * of the file system's clock without its time changing, so nothing keyed on it is saved.
 * {@code site-gen.clean=true}, or any doubt (a format or plugin build it does not know, a killed
 * build, an entry or index that does not read back), means a full build.
 */
public final class BuildCache implements AutoCloseable {

    static final int FORMAT = 2;
    static final String VERSION = "version";
    static final String ENTRIES = "entries";
    static final String INDEX = "index";
    static final String PUBLISHED = "published";
    static final String KNOWN = "known";
    static final String DRAFTS = "drafts";
    static final String BUILDING = "building";
    static final String LOCK = "lock";
    static final String RELATED = "related";

    /** The cache when a build has none: every topic is rendered. */
    private static final BuildCache NONE = new BuildCache(null, null, null, null, null, 0, Map.of(), List.of(), false,
            null, KnownFiles.NONE);
    /** The files the cache folder holds besides {@link #ENTRIES} (and their temporary files, {@code *.tmp-*}). */
    private static final Set<String> FILES = Set.of(VERSION, INDEX, PUBLISHED, KNOWN, BUILDING, LOCK, DRAFTS, RELATED);
    /** The first bytes of the cache's own framed files ({@link #framed}): "SGC1". */
    private static final int FRAME_MARK = 0x53474331;

    private final Path folder;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final String key;
    /** The cache format and the plugin's build, as the {@code version} file holds them. */
    private final String version;
    private final long startNanos;
    /** The digest of each entry's bytes, as the last successful build recorded it. */
    private final Map<String, String> recorded;
    private final List<FileStat> inputs;
    /** Whether this build may save entries: none of the inputs of every page changed lately. */
    private final boolean saving;
    private final Consumer<String> info;
    /** The entries this build used or saved, with their digests: the next index. */
    private final Map<String, String> kept = new ConcurrentHashMap<>();
    final AtomicInteger reused = new AtomicInteger();
    final AtomicInteger rendered = new AtomicInteger();
    private volatile boolean doubt;
    private boolean committed;
    /** The key of everything the whole site is made from; {@code null} when a file changed too lately to say. */
    private String siteKey;
    /** The content folder's files, as {@link #siteKey} saw them. */
    private List<FileStat> contentFiles = List.of();
    /** The input files as the last builds read them, and as this one does. */
    private final KnownFiles known;
    /** What the last build published, read once; {@code null} when there is no record. */
    private Last last;
    private boolean lastRead;
    /** How many files of the output {@link #current} checked, and how many of them it read. */
    private int checked;
    private int checkedRead;
    /** The topic files this build parsed or took from the cache ({@link #drafts}); {@code null} when not asked for. */
    private ContentLoader.Memo drafts;
    /** The last find of related questions, read once; {@code null} until asked for. */
    private RelatedMemory related;

    /**
     * What a build published: the {@link Digest} of each file by site path, and its figures and
     * warnings, which a build that finds the output {@link #current} reports again.
     */
    public record Published(Map<String, String> files, int pages, int topics, int questions, long bytes,
                            List<io.github.sitegen.problem.Problem> warnings) {

        /** This record, made for {@code key} (empty when the output cannot be found current by it), with {@code stats}. */
        private Entry entry(String key, byte[] stats) {
            List<String> paths = new ArrayList<>(new java.util.TreeSet<>(files.keySet()));
            List<byte[]> digests = paths.stream().map(path -> files.get(path).getBytes(StandardCharsets.UTF_8)).toList();
            String figures = pages + " " + topics + " " + questions + " " + bytes;
            return new Entry(paths, digests, new byte[][] {key.getBytes(StandardCharsets.UTF_8),
                    figures.getBytes(StandardCharsets.UTF_8), stats}, warnings);
        }
    }

    /** The record of the last build: what it published, the key it was made for, and its files' stats. */
    private record Last(String key, Published published, KnownFiles stats) {

        /** The record in {@code entry}; {@code null} when it is not one. */
        static Last of(Entry entry) {
            if (entry.parts().length != 3) {
                return null;
            }
            Map<String, String> files = new HashMap<>();
            for (int i = 0; i < entry.files().size(); i++) {
                files.put(entry.files().get(i), new String(entry.contents().get(i), StandardCharsets.UTF_8));
            }
            String[] figures = new String(entry.parts()[1], StandardCharsets.UTF_8).split(" ");
            return new Last(new String(entry.parts()[0], StandardCharsets.UTF_8), new Published(files,
                    Integer.parseInt(figures[0]), Integer.parseInt(figures[1]), Integer.parseInt(figures[2]),
                    Long.parseLong(figures[3]), entry.problems()), KnownFiles.read(entry.parts()[2]));
        }
    }

    private BuildCache(Path folder, FileChannel lockChannel, FileLock lock, String key, String version, long startNanos,
                       Map<String, String> recorded, List<FileStat> inputs, boolean saving, Consumer<String> info,
                       KnownFiles known) {
        this.folder = folder;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.key = key;
        this.version = version;
        this.startNanos = startNanos;
        this.recorded = recorded;
        this.inputs = inputs;
        this.saving = saving;
        this.info = info;
        this.known = known;
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
        long start = FileStat.now();
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
        String odd = notAsWritten(folder);
        if (odd != null) {
            info.accept("The build cache " + folder + " is not as site-gen wrote it (" + odd + "): it is discarded");
            OutputFolder.deleteTree(folder, null);
        }
        Files.createDirectories(folder.resolve(ENTRIES));
        FileChannel channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
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
        KnownFiles known = inputs.clean() ? KnownFiles.empty() : KnownFiles.read(readOrNull(folder.resolve(KNOWN)));
        Fingerprint global = new Fingerprint(known);
        String version = "site-gen build cache " + FORMAT + "\n" + plugin(known) + "\n";
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
                : Files.exists(folder.resolve(BUILDING), LinkOption.NOFOLLOW_LINKS) ? "the last build that used it did not finish"
                : found != null && !found.equals(version) ? "it was made by another build of site-gen" : null;
        Map<String, String> recorded = why == null && found != null ? index(read(folder.resolve(INDEX))) : null;
        if (why == null && found != null && recorded == null) {
            why = "its index does not read back";
        }
        if (recorded == null) {
            if (why != null) {
                info.accept("Full build: the build cache is emptied, because " + why);
            }
            empty(folder);
            write(folder.resolve(VERSION), version);
            recorded = Map.of();
        }
        write(folder.resolve(BUILDING), "a build using this cache started at " + java.time.Instant.now() + "\n");
        List<FileStat> read = List.copyOf(global.files());
        boolean saving = read.stream().noneMatch(stat -> recent(stat, start));
        BuildCache cache = new BuildCache(folder, channel, lock, global.hex(), version, start, recorded, read, saving, info,
                known);
        try {
            Fingerprint site = new Fingerprint(known).text(global.hex()).tree(inputs.content());
            cache.contentFiles = List.copyOf(site.files());
            cache.siteKey = saving && cache.contentFiles.stream().noneMatch(cache::recent) ? site.hex() : null;
        } catch (Fingerprint.Unknown e) {
            cache.siteKey = null; // the build reports the link; its topics are still keyed one by one
        }
        return cache;
    }

    /** The memo of one language's topics (the only one on a single-language site). */
    public TopicMemo edition(String outputFolder, Path contentDirectory, Site site, Translations translations,
                             Parallel parallel) {
        if (this == NONE) {
            return TopicMemo.NONE;
        }
        try {
            return new EditionMemo(this, outputFolder, contentDirectory, site, translations, parallel);
        } catch (Fingerprint.Unknown e) {
            info.accept("The build cache cannot key the site (" + e.getMessage() + "): its topics are all rendered");
            return TopicMemo.NONE;
        }
    }

    /**
     * The topic files as the last successful build parsed them, to load the content with: a file
     * whose bytes are the same is not parsed again, and one whose stat is the same is not read
     * ({@link ContentLoader.Memo#restored}). What this build holds then is saved when it is
     * {@link #committed}. Without drafts, or with drafts not as this build of site-gen writes them
     * (cut short, changed, from another version), every file is parsed; {@code null} without a cache.
     */
    public ContentLoader.Memo drafts() {
        if (this == NONE) {
            return null;
        }
        Path file = folder.resolve(DRAFTS);
        drafts = ContentLoader.Memo.stamping();
        try {
            byte[] bytes = readOrNull(file);
            if (bytes != null) {
                drafts = ContentLoader.Memo.restored(unframed(DRAFTS, version, bytes));
            }
        } catch (IOException | RuntimeException e) {
            info.accept("The build cache's drafts " + file + " do not read back (" + e.getMessage()
                    + "): every topic file is parsed");
        }
        return drafts;
    }

    /**
     * The body of one of the cache's own files that {@link #framed} wrote: after a mark, the file's
     * name and the cache's version, before the digest of all that precedes it. A file cut short,
     * changed, of another name or written by another build of site-gen is an {@link IOException}.
     */
    static byte[] unframed(String name, String version, byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes, 0, Math.max(0, bytes.length - 32)));
        if (bytes.length < 8 + 32 || in.readInt() != FRAME_MARK) {
            throw new IOException("not a " + name + " file");
        }
        Digest digest = new Digest();
        digest.update(bytes, 0, bytes.length - 32);
        if (!digest.hex().equals(new String(bytes, bytes.length - 32, 32, StandardCharsets.US_ASCII))) {
            throw new IOException("its bytes are not those the build cache wrote");
        }
        if (!name.equals(Binary.text(in))) {
            throw new IOException("not a " + name + " file");
        }
        if (!version.equals(Binary.text(in))) {
            throw new IOException("they were written by another build of site-gen");
        }
        byte[] body = Binary.exactly(in, in.readInt());
        if (in.available() != 0) {
            throw new IOException("trailing bytes");
        }
        return body;
    }

    /** The cache's file {@code name} holding {@code body}, as {@link #unframed} reads it. */
    static byte[] framed(String name, String version, byte[] body) throws IOException {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(body.length + 1024);
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeInt(FRAME_MARK);
        Binary.text(out, name);
        Binary.text(out, version);
        out.writeInt(body.length);
        out.write(body);
        out.flush();
        Digest digest = new Digest();
        digest.update(buffer.toByteArray(), 0, buffer.size());
        buffer.write(digest.hex().getBytes(StandardCharsets.US_ASCII));
        return buffer.toByteArray();
    }

    /**
     * The related questions the last successful build found, for this build to start from (saved
     * when it commits); {@code null} without a cache.
     */
    public RelatedMemory related() {
        if (this == NONE) {
            return null;
        }
        if (related == null) {
            Path file = folder.resolve(RELATED);
            try {
                byte[] bytes = readOrNull(file);
                related = RelatedMemory.read(bytes == null ? null : unframed(RELATED, version, bytes));
            } catch (IOException | RuntimeException e) {
                info.accept("The build cache's related questions " + file + " do not read back (" + e.getMessage()
                        + "): every list is found again");
                related = new RelatedMemory();
            }
        }
        return related;
    }

    String key() {
        return key;
    }

    /** Whether {@code stat} could still change within one tick of the file clock without its time changing. */
    boolean recent(FileStat stat) {
        return recent(stat, startNanos);
    }

    private static boolean recent(FileStat stat, long startNanos) {
        return stat.modified() >= startNanos - FileStat.SETTLE_NANOS;
    }

    boolean saving() {
        return saving && !doubt;
    }

    /**
     * The entry saved as {@code entryKey}, or {@code null}: one the index does not list, or whose
     * bytes do not have the digest it lists (an entry that does not read back is deleted).
     */
    Entry entry(String entryKey) {
        String digest = recorded.get(entryKey);
        if (digest == null) {
            return null;
        }
        Path file = folder.resolve(ENTRIES).resolve(entryKey);
        try {
            byte[] bytes = readBytes(file);
            if (!Digest.of(bytes).equals(digest)) {
                throw new IOException("its bytes are not those the build cache wrote");
            }
            return Entry.read(bytes);
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

    /** Notes that this build used the entry {@code entryKey} as the index lists it. */
    void reused(String entryKey) {
        kept.put(entryKey, recorded.get(entryKey));
        reused.incrementAndGet();
    }

    /** Saves {@code entry} as {@code entryKey}, atomically, and notes its digest for the index. */
    void save(String entryKey, Entry entry) throws IOException {
        byte[] bytes = entry.bytes();
        write(folder.resolve(ENTRIES).resolve(entryKey), bytes);
        kept.put(entryKey, Digest.of(bytes));
    }

    /**
     * What the last build published into {@code outputDirectory}, if nothing it was made from has
     * changed and the output holds exactly its files, each with the bytes it wrote; otherwise empty,
     * and the site is built. A file whose size, times and identity are those recorded when its bytes
     * were last checked is not read ({@link KnownFiles}); every other file is read and its digest
     * compared. No link is followed.
     */
    public java.util.Optional<Published> current(Path outputDirectory) throws IOException {
        if (this == NONE || siteKey == null || !Files.isDirectory(outputDirectory, LinkOption.NOFOLLOW_LINKS)) {
            return java.util.Optional.empty();
        }
        Last record = last();
        if (record == null || !record.key().equals(siteKey)) {
            return java.util.Optional.empty();
        }
        Published published = record.published();
        Map<String, String> found = new HashMap<>();
        try (Stream<Path> walk = Files.walk(outputDirectory)) {
            for (Path path : walk.toList()) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isRegularFile()) {
                    found.put(outputDirectory.relativize(path).toString().replace('\\', '/'), "");
                } else if (!attributes.isDirectory()) {
                    return java.util.Optional.empty();
                }
            }
        }
        if (!found.keySet().equals(published.files().keySet())) {
            return java.util.Optional.empty();
        }
        for (Map.Entry<String, String> file : new java.util.TreeMap<>(published.files()).entrySet()) {
            if (!record.stats().digest(file.getKey(), outputDirectory.resolve(file.getKey())).digest().equals(file.getValue())) {
                return java.util.Optional.empty();
            }
        }
        checked = published.files().size();
        checkedRead = record.stats().read();
        if (record.stats().changed()) {
            write(folder.resolve(PUBLISHED), published.entry(siteKey, record.stats().bytes(published.files())).bytes());
        }
        if (known.changed()) {
            write(folder.resolve(KNOWN), known.bytes());
        }
        reused.set(published.topics());
        return java.util.Optional.of(published);
    }

    /** How {@link #current} checked the output: how many files, and how many of them it read. */
    public String checked() {
        return checked + " files, " + (checked - checkedRead) + " known by their size, times and identity and "
                + checkedRead + " read";
    }

    /**
     * What the output holds as the last build published it, for a build that writes only the files
     * whose bytes change; empty without a record of the last build or an output folder. A file is
     * held when its bytes have the digest recorded for it: it is read unless its size, times and
     * identity are those recorded when it was last checked.
     */
    public java.util.Optional<io.github.sitegen.output.Written> written(Path outputDirectory) {
        Last record = this == NONE ? null : last();
        if (record == null || !Files.isDirectory(outputDirectory, LinkOption.NOFOLLOW_LINKS)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of((sitePath, digest) -> {
            Path file = outputDirectory.resolve(sitePath);
            if (!digest.equals(record.published().files().get(sitePath))
                    || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            try {
                return record.stats().digest(sitePath, file).digest().equals(digest);
            } catch (NoSuchFileException e) {
                return false;
            }
        });
    }

    /** The record of the last build, read once; {@code null} when there is none or it does not read back. */
    private Last last() {
        if (!lastRead) {
            lastRead = true;
            try {
                last = Last.of(Entry.read(readBytes(folder.resolve(PUBLISHED))));
            } catch (IOException | RuntimeException e) {
                last = null;
            }
        }
        return last;
    }

    /**
     * The build was published: records what it published (with the stats of the output's files it
     * read back, see {@link #written}), the digest of each entry it used or saved in the index, and
     * the input files it read; deletes the entries it did not use. A build that fails never gets
     * here, and leaves the cache as the last successful build left it.
     */
    public void committed(Published published) throws IOException {
        if (this == NONE) {
            return;
        }
        Path record = folder.resolve(PUBLISHED);
        Last previous = last();
        Files.deleteIfExists(record);
        boolean settled = siteKey != null && !doubt && unchanged(contentFiles) && unchanged(inputs);
        KnownFiles stats = previous == null ? KnownFiles.empty() : previous.stats();
        write(record, published.entry(settled ? siteKey : "", stats.bytes(published.files())).bytes());
        if (!unchanged(inputs)) {
            doubt = true; // a template or static file changed while the build ran: keep nothing of it
        }
        write(folder.resolve(KNOWN), known.bytes());
        if (related != null) {
            write(folder.resolve(RELATED), framed(RELATED, version, related.bytes()));
        }
        if (!doubt) {
            StringBuilder index = new StringBuilder();
            new java.util.TreeMap<>(kept).forEach((entry, digest) -> index.append(entry).append('\t').append(digest).append('\n'));
            write(folder.resolve(INDEX), index.toString());
            Path entries = folder.resolve(ENTRIES);
            if (Files.isDirectory(entries, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> files = Files.list(entries)) {
                    for (Path entry : files.toList()) {
                        if (!kept.containsKey(entry.getFileName().toString())) {
                            Files.deleteIfExists(entry);
                        }
                    }
                }
            }
        }
        if (drafts != null && drafts.changed()) {
            write(folder.resolve(DRAFTS), framed(DRAFTS, version, drafts.saved())); // keyed by each file's bytes, whatever else changed
        }
        committed = true;
        Files.deleteIfExists(folder.resolve(BUILDING));
    }

    /** Whether every file of {@code files} is still as it was. */
    private static boolean unchanged(List<FileStat> files) {
        for (FileStat file : files) {
            try {
                if (!FileStat.of(file.path()).sameAs(file)) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** How many topics this build took from the cache and how many it rendered; for how many questions it found related ones. */
    public String summary() {
        String finds = related == null ? "" : related.lastFinds();
        return this == NONE ? "" : "the build cache " + folder + " gave " + reused.get() + " of "
                + (reused.get() + rendered.get()) + " topics" + (drafts == null ? ""
                : ", and " + drafts.parsed() + " of " + drafts.size() + " topic files were parsed, the others' drafts kept")
                + (finds.isEmpty() ? "" : "; related questions found for " + finds + " questions, the others' kept");
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

    /** The jar (or classes folder) this code is from, by its bytes. */
    private static String plugin(KnownFiles known) throws IOException {
        try {
            Path code = Path.of(BuildCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Fingerprint plugin = new Fingerprint(known);
            return (Files.isDirectory(code) ? plugin.tree(code) : plugin.file(code)).hex();
        } catch (URISyntaxException | Fingerprint.Unknown | RuntimeException e) {
            return "unknown " + System.nanoTime(); // never the same twice: no entry is ever reused
        }
    }

    /**
     * The {@code site.yaml} (or {@code site.yml}) of the content folder and of each language folder.
     * A link the build would refuse makes the key {@link Fingerprint.Unknown} before it is followed.
     */
    private static void siteFiles(Path content, Fingerprint into) throws IOException, Fingerprint.Unknown {
        List<Path> folders = new ArrayList<>();
        folders.add(content);
        InputFolder input = Files.isDirectory(content) ? InputFolder.of(content, "content folder") : null;
        if (input != null) {
            try (Stream<Path> entries = Files.list(content)) {
                for (Path entry : entries.sorted().toList()) {
                    if (admitted(input, entry) && Files.isDirectory(entry)) {
                        folders.add(entry);
                    }
                }
            }
        }
        for (Path folder : folders) {
            for (String name : List.of("site.yaml", "site.yml")) {
                Path file = folder.resolve(name);
                into.text(name);
                if (input != null && admitted(input, file) && Files.isRegularFile(file)) {
                    into.file(file);
                }
            }
        }
    }

    /** Whether {@code entry} exists and may be followed; a link the build refuses makes the key unknown. */
    private static boolean admitted(InputFolder folder, Path entry) throws IOException, Fingerprint.Unknown {
        if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        List<io.github.sitegen.problem.Problem> refused = new ArrayList<>();
        if (!folder.admits(entry, refused::add)) {
            throw new Fingerprint.Unknown(entry + ": " + refused.get(0).message());
        }
        return true;
    }

    /** The index's entries and digests; {@code null} when it does not read back. */
    private static Map<String, String> index(String text) {
        Map<String, String> index = new HashMap<>();
        for (String line : text == null ? new String[0] : text.split("\n")) {
            String[] fields = line.split("\t", -1);
            if (fields.length != 2 || fields[0].isEmpty() || fields[1].length() != 32) {
                return null;
            }
            index.put(fields[0], fields[1]);
        }
        return index;
    }

    /**
     * Why {@code folder} is not a cache folder as site-gen writes it, or {@code null} when it is (or
     * does not exist). Nothing is followed: a link is reported as a link.
     */
    static String notAsWritten(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        BasicFileAttributes attributes = Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isDirectory()) {
            return "it is " + kind(attributes);
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                BasicFileAttributes found = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (name.equals(ENTRIES) && found.isDirectory()) {
                    String entry = notAsWritten(file, "entries/");
                    if (entry != null) {
                        return entry;
                    }
                } else if (!found.isRegularFile() || !FILES.contains(name.replaceFirst("\\.tmp-\\d+$", ""))) {
                    return name + " is " + (found.isRegularFile() ? "not a file site-gen writes there" : kind(found));
                }
            }
        }
        return null;
    }

    /** Why an entry in {@code entries} is not one site-gen writes, or {@code null}. */
    private static String notAsWritten(Path entries, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(entries)) {
            for (Path file : files.sorted().toList()) {
                BasicFileAttributes found = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!found.isRegularFile()) {
                    return prefix + file.getFileName() + " is " + kind(found);
                }
            }
        }
        return null;
    }

    private static String kind(BasicFileAttributes attributes) {
        return attributes.isSymbolicLink() ? "a symbolic link" : attributes.isDirectory() ? "a folder"
                : attributes.isRegularFile() ? "a file" : "a special file";
    }

    /** The text of {@code file}, not following a link; {@code null} when it does not exist. */
    private static String read(Path file) throws IOException {
        byte[] bytes = readOrNull(file);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** The bytes of {@code file}, not following a link; {@code null} when it does not exist. */
    private static byte[] readOrNull(Path file) throws IOException {
        try {
            return readBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static byte[] readBytes(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readAllBytes();
        }
    }

    private static void write(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code file} atomically: a new temporary file (never through a link), moved over it. */
    private static void write(Path file, byte[] bytes) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp-" + Thread.currentThread().getId());
        Files.deleteIfExists(temporary);
        Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        move(temporary, file);
    }

    private static void move(Path from, Path to) throws IOException {
        Renamer.SYSTEM.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Deletes every entry and the index; the lock stays. */
    private static void empty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder.resolve(ENTRIES))) {
            for (Path entry : entries.toList()) {
                Files.deleteIfExists(entry);
            }
        }
        Files.deleteIfExists(folder.resolve(INDEX));
        Files.deleteIfExists(folder.resolve(PUBLISHED));
        Files.deleteIfExists(folder.resolve(KNOWN));
        Files.deleteIfExists(folder.resolve(DRAFTS));
        Files.deleteIfExists(folder.resolve(RELATED));
        Files.deleteIfExists(folder.resolve(VERSION));
    }
}
