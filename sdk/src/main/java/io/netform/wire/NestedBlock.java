package io.netform.wire;

import io.netform.value.Type;
import java.util.Objects;

/**
 * A block type nested in a schema block, e.g. {@code item { key = "a" }}: how its blocks nest
 * and how many the user may write.
 *
 * @param maxItems the most blocks allowed, 0 for no limit
 * @param isForceNew whether any change to these blocks replaces the object: the provider
 *     framework's own, never sent over the wire, so false in a schema read from tfplugin6
 */
public record NestedBlock(
        String typeName, Nesting nesting, SchemaBlock block, int minItems, int maxItems, boolean isForceNew) {

    public NestedBlock {
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(nesting, "nesting");
        Objects.requireNonNull(block, "block");
        if (minItems < 0 || maxItems < 0 || (maxItems > 0 && minItems > maxItems)) {
            throw new IllegalArgumentException(
                    "block " + typeName + ": item limits " + minItems + ".." + maxItems + " are not a range");
        }
    }

    /** Blocks whose changes update the object in place (unless an attribute in them is force-new). */
    public NestedBlock(String typeName, Nesting nesting, SchemaBlock block, int minItems, int maxItems) {
        this(typeName, nesting, block, minItems, maxItems, false);
    }

    /** A list of blocks without item limits. */
    public static NestedBlock list(String typeName, SchemaBlock block) {
        return new NestedBlock(typeName, Nesting.LIST, block, 0, 0);
    }

    /** A set of blocks without item limits. */
    public static NestedBlock set(String typeName, SchemaBlock block) {
        return new NestedBlock(typeName, Nesting.SET, block, 0, 0);
    }

    /** At most one block. */
    public static NestedBlock single(String typeName, SchemaBlock block) {
        return new NestedBlock(typeName, Nesting.SINGLE, block, 0, 0);
    }

    /** The same block type with item limits. */
    public NestedBlock withItems(int min, int max) {
        return new NestedBlock(typeName, nesting, block, min, max, isForceNew);
    }

    /** The same block type, any change to which replaces the object. */
    public NestedBlock forceNew() {
        return new NestedBlock(typeName, nesting, block, minItems, maxItems, true);
    }

    /** The type of the value these blocks make. */
    public Type impliedType() {
        return nesting.collect(block.impliedType());
    }
}
