package io.github.sitegen.output;

import java.io.IOException;

/**
 * What the output folder holds as the last build wrote it, as far as can be told without doubt: a
 * build given this writes only the files whose bytes change, and updates the output in place
 * ({@link OutputFolder#stage(java.util.function.Consumer, Written)}). The build cache implements it.
 */
@FunctionalInterface
public interface Written {

    /** Whether the output's file at {@code sitePath} is a file with exactly the bytes whose {@link Digest} is {@code digest}. */
    boolean holds(String sitePath, String digest) throws IOException;
}
