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

    /**
     * Where a diagnostic about the body as a whole, or about an argument it does not set, points, as hcl's
     * {@code MissingItemRange}: the empty range at the opening brace of a native block, the closing brace of
     * a JSON object; null when the body has no position.
     */
    public SourceRange missingItemRange() {
        if (range == null) {
            return null;
        }
        if (range.file().endsWith(".json") && range.endByte() > range.startByte()) {
            return new SourceRange(
                    range.file(),
                    range.endLine(),
                    range.endColumn() - 1,
                    range.endByte() - 1,
                    range.endLine(),
                    range.endColumn(),
                    range.endByte());
        }
        return new SourceRange(range.file(), range.start(), range.start());
    }

    /** The nested blocks, in source order. */
    public List<Block> blocks() {
        return items.stream()
                .filter(Block.class::isInstance)
                .map(Block.class::cast)
                .toList();
    }
}
