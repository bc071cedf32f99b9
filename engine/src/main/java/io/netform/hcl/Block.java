package io.netform.hcl;

import java.util.List;

/** A block {@code type "label" ... { body }}. */
public record Block(
        String type,
        List<BlockLabel> labels,
        Body body,
        SourceRange typeRange,
        SourceRange openBraceRange,
        SourceRange range)
        implements BodyItem {
    /** Copies {@code labels} so the node is immutable. */
    public Block {
        labels = List.copyOf(labels);
    }
}
