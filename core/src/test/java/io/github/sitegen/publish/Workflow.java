package io.github.sitegen.publish;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** A GitHub Actions workflow of the repository, read as YAML, for tests that keep it from rotting. */
final class Workflow {

    private Workflow() {
    }

    /** The repository's file at {@code path} (such as {@code .github/workflows/pages.yml}). */
    static Path file(String path) {
        return Path.of(System.getProperty("siteGen.repositoryRoot", "..")).resolve(path);
    }

    /** The workflow {@code .github/workflows/<name>}. */
    static Map<String, Object> read(String name) throws IOException {
        try (Reader reader = Files.newBufferedReader(file(".github/workflows/" + name))) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
    }

    /** The value at {@code keys} below {@code node}. */
    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            current = ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }
}
