package io.netform.provider;

import io.netform.value.Value;
import io.netform.wire.Schema;

/** A data source: its schema and how to read it from a configuration. */
public interface DataSource {

    Schema schema();

    /** As {@link ResourceType#deprecationMessage()}: a deprecated data source's validation warns with it. */
    default String deprecationMessage() {
        return "";
    }

    /** Reads the data: the configuration with every computed attribute filled in. */
    Value read(Value config);

    /** Checks a configuration, which may still hold unknown values. */
    default void validate(Value config) {}
}
