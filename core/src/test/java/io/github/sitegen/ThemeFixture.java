package io.github.sitegen;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Themes written inline, as a build finds them: in a jar, or a folder, on a class path. The
 * spec is {@link Fixture}'s, with paths such as {@code site-gen/themes/harbor/theme.properties}.
 */
public final class ThemeFixture {

    private ThemeFixture() {
    }

    /** Writes the files of {@code spec} into a new jar at {@code jar}, with their folders' entries as Maven writes them. */
    public static Path jar(Path jar, String spec) throws IOException {
        Path folder = Fixture.write(Files.createTempDirectory(jar.getParent(), "jar-"), spec);
        Map<String, byte[]> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = folder.relativize(file).toString().replace('\\', '/');
                entries.put(name, Files.readAllBytes(file));
                for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                    entries.put(name.substring(0, slash + 1), null);
                }
            }
        }
        return jar(jar, entries);
    }

    /**
     * A jar with one theme, {@code name}: the files of {@code spec}, whose paths are in the
     * theme's folder ({@code -- theme.properties --}, {@code -- assets/extra.css --}).
     */
    public static Path theme(Path jar, String name, String spec) throws IOException {
        return jar(jar, spec.replaceAll("(?m)^-- (.+) --$", "-- site-gen/themes/" + name + "/$1 --"));
    }

    /** A jar of {@code entries} as they are named (a folder's entry ends in {@code /} and has no content). */
    public static Path jar(Path jar, Map<String, byte[]> entries) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                if (entry.getValue() != null) {
                    out.write(entry.getValue());
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A class path of {@code entries} (jars and folders), as the plugin's holds its dependencies. */
    public static URLClassLoader classPath(Path... entries) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (Path entry : entries) {
            urls.add(entry.toUri().toURL());
        }
        // Only these entries: what else is on the tests' class path holds no theme for them.
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
