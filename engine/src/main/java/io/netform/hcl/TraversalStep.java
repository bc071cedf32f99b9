package io.netform.hcl;

import java.math.BigDecimal;

/** One step of a {@link Traversal}: an attribute name or a constant index key. */
public sealed interface TraversalStep {

    /** Where the step is written. */
    SourceRange range();

    /** {@code .name}. */
    record Attribute(String name, SourceRange range) implements TraversalStep {
    }

    /** {@code ["key"]}. */
    record StringKey(String key, SourceRange range) implements TraversalStep {
    }

    /** {@code [0]} or the legacy {@code .0}. */
    record NumberKey(BigDecimal key, SourceRange range) implements TraversalStep {
    }
}
