package io.github.sitegen.theme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One file of a {@link Layer}: the name problems give it, and its bytes. */
public interface Source {

    /**
     * The file as problems name it: a path of the user's template folder, or a name such as
     * {@code built-in theme/topic.ftlh} or {@code site-gen-theme-harbor-1.0.jar!/site-gen/themes/harbor/topic.ftlh}.
     */
    Path shownAs();

    byte[] read() throws IOException;

    /** A file of the user's template folder, read when it is needed. */
    record OnDisk(Path shownAs) implements Source {
        @Override
        public byte[] read() throws IOException {
            return Files.readAllBytes(shownAs);
        }
    }

    /** A file of a theme on the class path, read (within limits) when the theme was. */
    record InMemory(Path shownAs, byte[] bytes) implements Source {
        @Override
        public byte[] read() {
            return bytes;
        }
    }
}
