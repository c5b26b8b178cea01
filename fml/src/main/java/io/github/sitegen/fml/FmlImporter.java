package io.github.sitegen.fml;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.github.sitegen.BuildListener;
import io.github.sitegen.SiteGenConfig;
import io.github.sitegen.content.ContentLoader;
import io.github.sitegen.content.Ids;
import io.github.sitegen.content.PreviousPages;
import io.github.sitegen.input.PortableNames;
import io.github.sitegen.markdown.MarkdownRenderer;
import io.github.sitegen.markdown.Text;
import io.github.sitegen.model.Question;
import io.github.sitegen.model.Topic;
import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;
import io.github.sitegen.render.Urls;

/**
 * Imports Maven Doxia FML files ({@code faq.fml}) as site-gen topic files: one topic per
 * {@code <part>}, one question per {@code <faq>}, answers converted from XHTML to Markdown (see
 * {@link AnswerConverter}). Every anchor Doxia published for a faq keeps working: as the question's
 * id when it is a valid one, otherwise through {@code previousIds}.
 *
 * <p>Nothing is written unless the whole import succeeds, and no existing file is ever replaced.
 */
public final class FmlImporter {

    private final MarkdownRenderer markdown = new MarkdownRenderer(false);
    /** The old Maven site's address, against which answers' links to its other pages are made absolute; or null. */
    private final URI oldSite;

    /** An importer that keeps answers' relative links as they are (generate reports those that point nowhere). */
    public FmlImporter() {
        this.oldSite = null;
    }

    private FmlImporter(URI oldSite) {
        this.oldSite = oldSite;
    }

    /**
     * An importer that turns answers' relative links to other pages of the old Maven site
     * ({@code usage.html}, {@code apidocs/index.html}) into absolute links to it, at
     * {@code siteUrl} ({@code site-gen.fmlSiteUrl}); an empty or null value keeps them as they are.
     *
     * @throws SiteGenException when {@code siteUrl} is not an absolute http(s) URL
     */
    public static FmlImporter withOldSite(String siteUrl) throws SiteGenException {
        if (siteUrl == null || siteUrl.isBlank()) {
            return new FmlImporter();
        }
        String value = siteUrl.strip();
        try {
            URI uri = new URI(value.endsWith("/") ? value : value + "/");
            if (uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                return new FmlImporter(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw SiteGenException.of(Problem.error(null, 0, 0, "site-gen.fmlSiteUrl is not an absolute http(s) URL: '"
                + value + "'", "give the address the Maven site was published at, such as"
                + " https://maven.apache.org/plugins/maven-foo-plugin/"));
    }

    /** The address {@code file}'s page had on the old Maven site; {@code null} when that is not known. */
    private URI oldPage(Path file) {
        if (oldSite == null) {
            return null;
        }
        try {
            return oldSite.resolve(new URI(null, null, pagePath(file), null)); // a space in a file name is quoted
        } catch (URISyntaxException e) {
            return oldSite;
        }
    }

    /**
     * What an import did.
     *
     * @param written           the files written, in order
     * @param files             FML files read
     * @param parts             parts imported (one topic each)
     * @param faqs              {@code <faq>} elements imported
     * @param questions         questions written (more than faqs when a faq holds several pairs)
     * @param anchors           distinct anchors Doxia published for the faqs
     * @param anchorsAsIds      of those, the ones that are a question's id
     * @param anchorsAsPrevious of those, the ones kept through {@code previousIds}
     * @param warnings          everything not converted exactly, positioned in the FML files
     * @param notes             what was derived (topic ids, titles), one line each
     */
    public record Result(List<Path> written, int files, int parts, int faqs, int questions, int anchors,
                         int anchorsAsIds, int anchorsAsPrevious, List<Problem> warnings, List<String> notes) {

        public Result {
            written = List.copyOf(written);
            warnings = List.copyOf(warnings);
            notes = List.copyOf(notes);
        }

        /** The one-line summary the goal prints last. */
        public String summary() {
            return String.format(Locale.ROOT, "import-fml: %s, %s, %s converted into %s (%s); %d of %d published anchors"
                            + " kept (%d as question ids, %d through previousIds); %s not converted exactly",
                    count(files, "file"), count(parts, "part"), count(faqs, "faq"), count(written.size(), "file"),
                    count(questions, "question"), anchorsAsIds + anchorsAsPrevious, anchors, anchorsAsIds,
                    anchorsAsPrevious, count(warnings.size(), "item"));
        }
    }

    /**
     * Imports {@code input} (an FML file, or a folder whose {@code .fml} files are all imported)
     * into {@code contentDirectory}, which is created if needed.
     *
     * @throws SiteGenException when an FML file cannot be read or converted, or a target file exists
     *                          (then nothing is written)
     * @throws IOException      when reading or writing fails
     */
    public Result importFml(Path input, Path contentDirectory, BuildListener listener) throws SiteGenException, IOException {
        Report report = new Report();
        List<Path> files = inputFiles(input, report);
        if (Files.exists(contentDirectory) && !Files.isDirectory(contentDirectory)) {
            report.error(contentDirectory, 0, 0, "the content directory is a file", "point site-gen.contentDirectory at a folder");
        }
        failOnErrors(report);

        List<FmlDocument> documents = new ArrayList<>();
        for (Path file : files) {
            Optional<Xml.Element> root = XmlReader.read(file, Files.readAllBytes(file), report);
            root.flatMap(r -> FmlDocument.of(file, r, report)).ifPresent(documents::add);
        }
        failOnErrors(report);

        Existing existing = Existing.of(contentDirectory, report);
        boolean prefix = documents.size() > 1;
        List<PlannedTopic> topics = distinctTitles(planTopics(documents, prefix, existing, report), report);
        Plan plan = planQuestions(documents, topics, existing, report);

        List<Output> outputs = new ArrayList<>();
        Set<FmlDocument> pagesGiven = new HashSet<>();
        int questionCount = 0;
        for (PlannedTopic topic : topics) {
            FmlDocument document = topic.document();
            AnswerConverter converter = new AnswerConverter(document.file(), report, markdown,
                    anchor -> plan.link(document, anchor), pageName(document.file()), oldPage(document.file()));
            YamlWriter yaml = new YamlWriter()
                    .comment("Imported from " + document.file().getFileName() + " (part \"" + nullToEmpty(topic.part().id())
                            + "\") by site-gen:import-fml.")
                    .text(0, "title", topic.title())
                    .number(0, "order", topic.order());
            List<String> partAnchors = plan.topicPreviousIds.getOrDefault(topic, List.of());
            if (!partAnchors.isEmpty()) {
                yaml.list(0, "previousIds", partAnchors);
            }
            String page = pagePath(document.file());
            if (pagesGiven.add(document)) {
                String wrong = page.equals(Urls.HOME) || page.equals(Urls.NOT_FOUND)
                        ? "is a page the new site has itself" : PreviousPages.problem(page);
                if (!wrong.isEmpty()) {
                    report.warning(document.file(), document.root(), "the old page '" + page + "' is not kept as a"
                            + " previous page: it " + wrong, "links to it will not lead to the new site");
                } else {
                    // The old page's address leads to the file's first topic; the site's map of moved
                    // questions takes a fragment on to a question of the file's other topics.
                    yaml.list(0, "previousPages", List.of(page));
                }
            }
            yaml.raw("questions:");
            for (FmlDocument.Faq faq : topic.part().faqs()) {
                String question = converter.question(faq.question());
                String answer = converter.answer(faq.answer());
                if (question.isEmpty()) {
                    report.error(document.file(), faq.question(), "the question is empty", "write the question");
                }
                if (answer.isEmpty()) {
                    report.error(document.file(), faq.answer(), "the answer is empty: nothing in it is visible",
                            "write the answer");
                }
                yaml.item(2, "id", plan.ids.get(faq)).text(4, "question", question).text(4, "answer", answer);
                List<String> previous = plan.previousIds.getOrDefault(faq, List.of());
                if (!previous.isEmpty()) {
                    yaml.list(4, "previousIds", previous);
                }
                questionCount++;
            }
            outputs.add(new Output(contentDirectory.resolve(topic.id() + ".yaml"), yaml.toString()));
            report.note(topic.id() + ".yaml: \"" + topic.title() + "\", " + count(topic.part().faqs().size(), "question")
                    + ", from " + document.file().getFileName() + " part \"" + nullToEmpty(topic.part().id()) + "\""
                    + (topic.derivation().isEmpty() ? "" : " (" + topic.derivation() + ")"));
        }
        siteFile(documents, contentDirectory, existing, report).ifPresent(outputs::add);
        for (Output output : outputs) {
            Path file = output.file();
            String name = file.getFileName().toString();
            Path other = file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".yml");
            for (Path target : List.of(file, other)) {
                if (Files.exists(target)) {
                    report.error(target, 0, 0, "the file exists: site-gen:import-fml never replaces a file",
                            "move or remove it, or import into another site-gen.contentDirectory");
                }
            }
        }
        failOnErrors(report);

        Files.createDirectories(contentDirectory);
        List<Path> written = new ArrayList<>();
        for (Output output : outputs) {
            Files.writeString(output.file(), output.content(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            written.add(output.file());
        }
        Result result = new Result(written, documents.size(), topics.size(),
                (int) documents.stream().flatMap(d -> d.faqs().stream()).filter(f -> f.pair() == 1).count(),
                questionCount, plan.anchors, plan.anchorsAsIds, plan.anchorsAsPrevious, report.warnings(), report.notes());
        result.notes().forEach(listener::info);
        result.warnings().forEach(listener::warning);
        listener.info(result.summary());
        return result;
    }

    private static List<Path> inputFiles(Path input, Report report) throws IOException {
        if (!Files.exists(input)) {
            report.error(input, 0, 0, "the FML input does not exist",
                    "set site-gen.input to an FML file, such as src/site/fml/faq.fml, or a folder of them");
            return List.of();
        }
        if (!Files.isDirectory(input)) {
            return List.of(input);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(input)) {
            files = list.filter(f -> Files.isRegularFile(f) && !f.getFileName().toString().startsWith(".")
                    && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".fml")).sorted().toList();
        }
        if (files.isEmpty()) {
            report.error(input, 0, 0, "the folder holds no .fml file", "point site-gen.input at an FML file or a folder of them");
        }
        return files;
    }

    private static void failOnErrors(Report report) throws SiteGenException {
        if (report.hasErrors()) {
            throw new SiteGenException(report.problems());
        }
    }

    // ------------------------------------------------------------------ topics

    private record PlannedTopic(FmlDocument document, FmlDocument.Part part, String id, String title, int order,
                                String derivation) {
    }

    private static List<PlannedTopic> planTopics(List<FmlDocument> documents, boolean prefix, Existing existing,
                                                 Report report) {
        List<PlannedTopic> topics = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int f = 0; f < documents.size(); f++) {
            FmlDocument document = documents.get(f);
            List<FmlDocument.Part> parts = document.parts().stream().filter(p -> !p.faqs().isEmpty()).toList();
            for (int p = 0; p < parts.size(); p++) {
                FmlDocument.Part part = parts.get(p);
                List<String> why = new ArrayList<>();
                String raw = part.id() == null ? "" : part.id().strip();
                String base;
                if (raw.isEmpty()) {
                    base = Ids.suggestTopicId(part.title());
                    report.warning(document.file(), part.element(), "the <part> has no id: the topic id comes from its title", null);
                    why.add("the part has no id");
                } else if (Ids.isTopicId(raw)) {
                    base = raw;
                } else {
                    base = Ids.suggestTopicId(raw);
                    why.add("part id \"" + raw + "\" is not a valid topic id");
                }
                if (base.isEmpty()) {
                    base = "part-" + (p + 1);
                }
                if (prefix) {
                    String stem = Ids.suggestTopicId(stem(document.file()));
                    base = (stem.isEmpty() ? "faq" : stem) + "-" + base;
                    why.add("prefixed with the file name, as several files are imported");
                }
                if (Ids.RESERVED_TOPIC_IDS.contains(base)) {
                    base = base + "-faq";
                    why.add("the site uses that name itself");
                } else if (PortableNames.problem(base).isPresent()) {
                    base = base + "-faq";
                    why.add("Windows cannot hold a folder of that name");
                }
                String id = base;
                for (int n = 2; taken.contains(id); n++) {
                    id = base + "-" + n;
                }
                if (!id.equals(base)) {
                    why.add("'" + base + "' is taken");
                }
                taken.add(id);
                String title = part.title();
                if (title.isEmpty()) {
                    title = parts.size() == 1 && !document.title().isEmpty() ? document.title() : humanize(raw.isEmpty() ? id : raw);
                    why.add("title from the " + (parts.size() == 1 && !document.title().isEmpty() ? "<faqs title>" : "part id")
                            + ", as the part has none");
                }
                int order = prefix ? (f + 1) * 1000 + (p + 1) * 10 : (p + 1) * 10;
                topics.add(new PlannedTopic(document, part, id, title, order,
                        why.isEmpty() ? "" : "topic id " + id + ": " + String.join("; ", why)));
            }
        }
        return topics;
    }

    /**
     * Topics from several files with the same title ("General" in each) could not be told apart in
     * the navigation: each such title is preceded by its file's title ("Maven – General"), or by
     * the file's name when the file has no title or shares it, with a warning at the part.
     */
    private static List<PlannedTopic> distinctTitles(List<PlannedTopic> topics, Report report) {
        Map<String, List<PlannedTopic>> byTitle = new HashMap<>();
        topics.forEach(topic -> byTitle.computeIfAbsent(titleKey(topic.title()), k -> new ArrayList<>()).add(topic));
        List<PlannedTopic> renamed = new ArrayList<>();
        for (PlannedTopic topic : topics) {
            List<PlannedTopic> same = byTitle.get(titleKey(topic.title()));
            if (same.size() == 1) {
                renamed.add(topic);
                continue;
            }
            String document = topic.document().title().strip();
            boolean shared = document.isEmpty() || document.equalsIgnoreCase(topic.title()) || same.stream()
                    .filter(other -> other.document() != topic.document())
                    .anyMatch(other -> other.document().title().strip().equalsIgnoreCase(document));
            String title = (shared ? stem(topic.document().file()) : document) + " – " + topic.title();
            List<String> files = same.stream().map(other -> other.document().file().getFileName().toString()).distinct().toList();
            report.warning(topic.document().file(), topic.part().element(), same.size() + " imported topics are titled '"
                    + topic.title() + "' (from " + String.join(", ", files) + "): this one is titled '" + title + "'",
                    "change 'title' in " + topic.id() + ".yaml if another title suits it better");
            String derivation = (topic.derivation().isEmpty() ? "" : topic.derivation() + "; ")
                    + "title preceded by the " + (shared ? "file name" : "<faqs title>") + ", as another topic has the same";
            renamed.add(new PlannedTopic(topic.document(), topic.part(), topic.id(), title, topic.order(), derivation));
        }
        return renamed;
    }

    private static String titleKey(String title) {
        return title.strip().toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ question ids

    /** Question ids, previous ids and where every published anchor of every file now leads. */
    private static final class Plan {
        final Map<FmlDocument.Faq, String> ids = new HashMap<>();
        final Map<FmlDocument.Faq, String> topicOf = new HashMap<>();
        final Map<FmlDocument.Faq, List<String>> previousIds = new HashMap<>();
        final Map<FmlDocument, Map<String, FmlDocument.Faq>> anchorsByDocument = new HashMap<>();
        final Map<FmlDocument, Map<String, PlannedTopic>> partAnchorsByDocument = new HashMap<>();
        final Map<PlannedTopic, List<String>> topicPreviousIds = new HashMap<>();
        int anchors;
        int anchorsAsIds;
        int anchorsAsPrevious;

        /**
         * Where {@code anchor} of {@code document} now leads: a question's short link
         * ({@code #id}, which finds it in any topic), or a topic page's path from the site's root.
         */
        Optional<String> link(FmlDocument document, String anchor) {
            FmlDocument.Faq faq = anchorsByDocument.getOrDefault(document, Map.of()).get(anchor);
            if (faq == null) {
                PlannedTopic part = partAnchorsByDocument.getOrDefault(document, Map.of()).get(anchor);
                return part == null ? Optional.empty() : Optional.of(Urls.topicPath(part.id()));
            }
            return Optional.of("#" + ids.get(faq));
        }
    }

    private static Plan planQuestions(List<FmlDocument> documents, List<PlannedTopic> topics, Existing existing,
                                      Report report) {
        Plan plan = new Plan();
        Map<String, String> taken = new HashMap<>(existing.ids()); // id -> what holds it
        List<FmlDocument.Faq> all = new ArrayList<>();
        for (PlannedTopic topic : topics) {
            for (FmlDocument.Faq faq : topic.part().faqs()) {
                all.add(faq);
                plan.topicOf.put(faq, topic.id());
            }
        }
        Map<FmlDocument.Faq, FmlDocument> documentOf = new HashMap<>();
        for (FmlDocument document : documents) {
            document.faqs().forEach(faq -> documentOf.put(faq, document));
        }
        // 1. faq ids that are valid question ids are kept as they are, first come first served
        for (FmlDocument.Faq faq : all) {
            String raw = faq.id() == null ? "" : faq.id().strip();
            if (faq.pair() == 1 && Ids.isQuestionId(raw) && !taken.containsKey(raw)) {
                plan.ids.put(faq, raw);
                taken.put(raw, where(documentOf.get(faq), faq));
            }
        }
        // 2. the others get a valid id derived from theirs
        for (FmlDocument.Faq faq : all) {
            if (plan.ids.containsKey(faq)) {
                continue;
            }
            Path file = documentOf.get(faq).file();
            String raw = faq.id() == null ? "" : faq.id().strip();
            String base;
            if (raw.isEmpty()) {
                base = Ids.derive(Text.oneLine(faq.question().text()));
                if (faq.pair() == 1) {
                    report.warning(file, faq.element(), "the <faq> has no id: its id '" + base + "' comes from the question", null);
                }
            } else {
                base = Ids.isQuestionId(raw) ? raw : Ids.derive(raw);
            }
            if (faq.pair() > 1) {
                base = base + "-" + faq.pair();
            }
            String id = base;
            for (int n = 2; taken.containsKey(id); n++) {
                id = base + "-" + n;
            }
            if (faq.pair() > 1) {
                report.warning(file, faq.question(), "question and answer number " + faq.pair() + " of the <faq "
                        + "id=\"" + raw + "\"> became the question '" + id + "'",
                        "FML allows one pair per <faq>; Doxia showed only the last pair under the faq's anchor");
            } else if (!id.equals(base) && !raw.isEmpty()) {
                report.warning(file, faq.element(), "the id '" + raw + "' is already used (by " + taken.get(base)
                        + "): this question's id became '" + id + "'", "its published anchor leads to the first one, as on the old page");
            }
            plan.ids.put(faq, id);
            taken.put(id, where(documentOf.get(faq), faq));
        }
        // 3. every anchor Doxia may have published, kept as the id or a previous id
        Set<String> previousTaken = new HashSet<>(existing.previousIds());
        for (FmlDocument document : documents) {
            Map<String, FmlDocument.Faq> anchors = new LinkedHashMap<>();
            plan.anchorsByDocument.put(document, anchors);
            for (FmlDocument.Faq faq : document.faqs()) {
                if (faq.pair() > 1 || !plan.ids.containsKey(faq)) {
                    continue;
                }
                String id = plan.ids.get(faq);
                String raw = faq.id() == null ? "" : faq.id();
                List<String> published = raw.isBlank() ? List.of() : DoxiaIds.publishedAnchors(raw);
                Set<String> previous = new LinkedHashSet<>();
                for (String anchor : published) {
                    FmlDocument.Faq first = anchors.putIfAbsent(anchor, faq);
                    if (first != null) {
                        continue; // on the old page too, the anchor led to the first faq that had it
                    }
                    plan.anchors++;
                    if (anchor.equals(id)) {
                        plan.anchorsAsIds++;
                    } else if (taken.containsKey(anchor) || previousTaken.contains(anchor)) {
                        report.warning(document.file(), faq.element(), "the published anchor '#" + anchor
                                + "' cannot be kept: it is already an id on the site (" + taken.getOrDefault(anchor, "a previous id") + ")", null);
                    } else {
                        previous.add(anchor);
                        previousTaken.add(anchor);
                        plan.anchorsAsPrevious++;
                    }
                }
                anchors.putIfAbsent(id, faq);
                if (!raw.isBlank()) {
                    anchors.putIfAbsent(raw.strip(), faq); // Doxia encoded links to the raw id the same way
                }
                if (!previous.isEmpty()) {
                    plan.previousIds.put(faq, List.copyOf(previous));
                }
            }
        }
        planPartAnchors(topics, plan, report);
        return plan;
    }

    /**
     * The anchors Doxia published for each part with a title, kept as the topic's previous ids: the
     * anchor the site renderer made from the title text ({@code HtmlTools.encodeId}, Doxia
     * Sitetools 1.x {@code SiteRendererSink}, and the index anchors of Doxia 2), and the part id
     * Doxia 2's FML parser wrote before the title. An anchor a faq of the file has stays the faq's.
     */
    private static void planPartAnchors(List<PlannedTopic> topics, Plan plan, Report report) {
        for (PlannedTopic topic : topics) {
            FmlDocument.Part part = topic.part();
            if (part.title().isEmpty()) {
                continue; // Doxia wrote no section, so no anchor, for a part without a title
            }
            Set<String> published = new LinkedHashSet<>();
            for (DoxiaIds.Form form : List.of(DoxiaIds.Form.DOXIA_2, DoxiaIds.Form.DOXIA_1, DoxiaIds.Form.DOXIA_1_0)) {
                String anchor = DoxiaIds.published(part.title(), form);
                if (anchor != null && !anchor.isEmpty()) {
                    published.add(anchor);
                }
            }
            if (part.id() != null && !part.id().isBlank()) {
                String anchor = DoxiaIds.published(part.id(), DoxiaIds.Form.DOXIA_2);
                if (anchor != null && !anchor.isEmpty()) {
                    published.add(anchor);
                }
            }
            Map<String, FmlDocument.Faq> faqAnchors = plan.anchorsByDocument.getOrDefault(topic.document(), Map.of());
            Map<String, PlannedTopic> partAnchors = plan.partAnchorsByDocument.computeIfAbsent(topic.document(),
                    d -> new LinkedHashMap<>());
            Set<String> onPage = new HashSet<>();
            for (FmlDocument.Faq faq : part.faqs()) {
                onPage.add(plan.ids.get(faq));
                onPage.addAll(plan.previousIds.getOrDefault(faq, List.of()));
            }
            List<String> kept = new ArrayList<>();
            for (String anchor : published) {
                if (faqAnchors.containsKey(anchor)) {
                    report.warning(topic.document().file(), part.element(), "the part's anchor '#" + anchor + "' is also a"
                            + " faq's: links to it lead to that question", null);
                } else if (partAnchors.putIfAbsent(anchor, topic) == null && !onPage.contains(anchor)) {
                    kept.add(anchor);
                }
            }
            if (!kept.isEmpty()) {
                plan.topicPreviousIds.put(topic, List.copyOf(kept));
            }
        }
    }

    private static String where(FmlDocument document, FmlDocument.Faq faq) {
        return document.file().getFileName() + ":" + faq.element().line();
    }

    // ------------------------------------------------------------------ the rest

    private record Output(Path file, String content) {
    }

    /** site.yaml with the FAQ's title, for a fresh content folder; otherwise the title is reported. */
    private static Optional<Output> siteFile(List<FmlDocument> documents, Path contentDirectory, Existing existing,
                                             Report report) {
        Set<String> titles = new LinkedHashSet<>();
        documents.forEach(d -> titles.add(d.title()));
        titles.remove("");
        if (titles.isEmpty()) {
            return Optional.empty();
        }
        if (titles.size() == 1 && !existing.hasYaml()) {
            String title = titles.iterator().next();
            return Optional.of(new Output(contentDirectory.resolve("site.yaml"), new YamlWriter()
                    .comment("Imported by site-gen:import-fml.").text(0, "title", title).toString()));
        }
        for (FmlDocument document : documents) {
            if (!document.title().isEmpty()) {
                report.warning(document.file(), document.root(), "the FAQ title '" + document.title() + "' is not imported",
                        existing.hasYaml() ? "the content folder already has content; set title in site.yaml"
                                : "the files have different titles; set one in site.yaml");
            }
        }
        return Optional.empty();
    }

    /** What the content folder holds already: ids the import must not take. */
    private record Existing(Map<String, String> ids, Set<String> previousIds, boolean hasYaml) {

        static Existing of(Path contentDirectory, Report report) throws IOException {
            if (!Files.isDirectory(contentDirectory)) {
                return new Existing(Map.of(), Set.of(), false);
            }
            boolean hasYaml;
            try (Stream<Path> list = Files.list(contentDirectory)) {
                hasYaml = list.anyMatch(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.ya?ml"));
            }
            if (!hasYaml) {
                return new Existing(Map.of(), Set.of(), false);
            }
            Map<String, String> ids = new HashMap<>();
            Set<String> previous = new HashSet<>();
            try {
                ContentLoader.Loaded loaded = new ContentLoader(new MarkdownRenderer(false))
                        .load(contentDirectory, SiteGenConfig.DEFAULT_TITLE, "");
                for (Topic topic : loaded.site().topics()) {
                    for (Question question : topic.questions()) {
                        ids.put(question.id(), "topic " + topic.id());
                        previous.addAll(question.previousIds());
                    }
                }
            } catch (SiteGenException e) {
                report.note("the content folder's existing topics have errors, so their question ids were not checked"
                        + " against the imported ones; site-gen:generate will report any clash");
            }
            return new Existing(ids, previous, true);
        }
    }

    /**
     * Where the Maven site published an FML file, from its root: {@code src/site/fml/faq.fml} became
     * {@code faq.html}, {@code src/site/fml/sub/faq.fml} {@code sub/faq.html}. A file outside an
     * {@code fml} folder is taken to have been at the root.
     */
    static String pagePath(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        for (Path folder = absolute.getParent(); folder != null; folder = folder.getParent()) {
            if (folder.getFileName() != null && folder.getFileName().toString().equals("fml")) {
                Path relative = folder.relativize(absolute);
                String parent = relative.getParent() == null ? "" : relative.getParent().toString().replace('\\', '/') + "/";
                return parent + pageName(file);
            }
        }
        return pageName(file);
    }

    /** The name Doxia published an FML file under: {@code faq.fml} became {@code faq.html}. */
    private static String pageName(Path file) {
        return stem(file) + ".html";
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String humanize(String id) {
        String words = id.replaceAll("[-_.\\s]+", " ").strip();
        return words.isEmpty() ? "Questions" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
