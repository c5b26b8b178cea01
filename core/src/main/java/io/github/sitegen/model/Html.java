package io.github.sitegen.model;

import java.util.Objects;

/**
 * A fragment of trusted markup: HTML that site-gen produced from Markdown and passed through its
 * allowlist. Templates print it as markup; every other string is escaped.
 */
public record Html(String markup) {

    public static final Html EMPTY = new Html("");

    public Html {
        Objects.requireNonNull(markup, "markup");
    }

    public boolean isEmpty() {
        return markup.isEmpty();
    }

    @Override
    public String toString() {
        return markup;
    }
}
