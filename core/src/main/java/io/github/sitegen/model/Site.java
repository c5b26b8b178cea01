package io.github.sitegen.model;

import java.util.List;
import java.util.Objects;

/** The whole FAQ after loading and validation: immutable, in display order. */
public record Site(SiteInfo info, List<Topic> topics) {

    public Site {
        Objects.requireNonNull(info, "info");
        topics = List.copyOf(topics);
    }

    public int questionCount() {
        return topics.stream().mapToInt(Topic::questionCount).sum();
    }
}
