package io.netform.hcl;

import java.util.List;

/** The attributes and blocks of a file or of a block, in source order. */
public record Body(List<BodyItem> items, SourceRange range) {
    /** Copies {@code items} so the node is immutable. */
    public Body {
        items = List.copyOf(items);
    }

    /** The attribute definitions, in source order. */
    public List<Attribute> attributes() {
        return items.stream()
                .filter(Attribute.class::isInstance)
                .map(Attribute.class::cast)
                .toList();
    }

    /** The nested blocks, in source order. */
    public List<Block> blocks() {
        return items.stream()
                .filter(Block.class::isInstance)
                .map(Block.class::cast)
                .toList();
    }
}
