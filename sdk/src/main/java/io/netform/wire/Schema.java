package io.netform.wire;

import io.netform.value.Type;
import java.util.Objects;

/**
 * The schema of a provider's configuration, a resource type or a data source: a root block and a
 * version that increases whenever stored state must be upgraded.
 */
public record Schema(long version, SchemaBlock block) {

    public Schema {
        Objects.requireNonNull(block, "block");
        if (version < 0) {
            throw new IllegalArgumentException("a schema version cannot be negative: " + version);
        }
    }

    /** Version 0 of this block. */
    public static Schema of(SchemaBlock block) {
        return new Schema(0, block);
    }

    /** The same schema at another version. */
    public Schema withVersion(long newVersion) {
        return new Schema(newVersion, block);
    }

    /** The type of the objects this schema describes. */
    public Type impliedType() {
        return block.impliedType();
    }
}
