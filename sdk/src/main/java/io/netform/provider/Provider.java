package io.netform.provider;

import io.netform.value.Value;
import io.netform.wire.Schema;
import java.util.Map;

/**
 * A provider: its name, its own configuration schema and configure step, its resource types and
 * data sources by type name (e.g. {@code testing_object}), and the functions it offers by name.
 */
public interface Provider {

    /** The provider's local name, e.g. {@code testing}; its type names start with it. */
    String name();

    Schema schema();

    /** Receives the provider configuration once, before any resource call. */
    void configure(Value config);

    Map<String, ResourceType> resources();

    Map<String, DataSource> dataSources();

    /** Checks the provider configuration, which may still hold unknown values. */
    default void validate(Value config) {}

    /** The functions configurations call as {@code provider::NAME::FUNCTION(...)}, by function name. */
    default Map<String, ProviderFunction> functions() {
        return Map.of();
    }

    /**
     * Releases what {@link #configure} opened (connections, an embedded store) once the host is done
     * with the provider. A plugin process releases them by exiting; a provider served in the host's JVM
     * would otherwise keep them for the next command to trip over.
     */
    default void close() {}
}
