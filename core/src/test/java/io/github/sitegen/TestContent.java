package io.github.sitegen;

import java.nio.file.Path;

/** Where the tests find content they did not write inline. */
public final class TestContent {

    /** The real corpora copied into the tests' resources (see corpus/README.md there). */
    public static final String[] CORPORA = {"osc-gov", "geyser-wiki", "wsl-faq", "bitcoin-org", "cc-korea"};

    private TestContent() {
    }

    /** The repository's example content, through the path surefire passes in. */
    public static Path example() {
        return Path.of(System.getProperty("siteGen.repositoryRoot", "..")).resolve("content");
    }

    /** The content folder of one real corpus (English for bitcoin-org). */
    public static Path corpus(String name) {
        Path base = Path.of("src/test/resources/corpus", name, "content");
        return name.equals("bitcoin-org") ? base.resolve("en") : base;
    }

    /** bitcoin-org in all six languages, one folder each: a multilingual content directory. */
    public static Path multilingual() {
        return Path.of("src/test/resources/corpus/bitcoin-org/content");
    }
}
