package io.github.sitegen.content;

import org.yaml.snakeyaml.nodes.Node;

/**
 * A 1-based line and column in a content file. Drafts keep positions rather than YAML nodes,
 * because a node's marks hold the whole file's text.
 */
record Position(int line, int column) {

    static final Position START = new Position(1, 1);

    /** SnakeYAML marks are 0-based. */
    static Position of(Node node) {
        return node == null ? START : new Position(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }
}
