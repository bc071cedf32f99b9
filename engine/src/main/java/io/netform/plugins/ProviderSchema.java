package io.netform.plugins;

import java.util.Map;

/**
 * What a provider told the engine about itself: its configuration block, the schema and version
 * of each resource and data source type, and the functions it offers.
 */
public record ProviderSchema(
        BlockSchema provider,
        Map<String, ResourceSchema> resources,
        Map<String, ResourceSchema> dataSources,
        Map<String, FunctionSignature> functions) {

    /** The schema of one resource or data source type, with the version its state is written in. */
    public record ResourceSchema(long version, BlockSchema block) {}

    public ProviderSchema {
        resources = Map.copyOf(resources);
        dataSources = Map.copyOf(dataSources);
        functions = Map.copyOf(functions);
    }

    /** A provider that offers no functions. */
    public ProviderSchema(
            BlockSchema provider, Map<String, ResourceSchema> resources, Map<String, ResourceSchema> dataSources) {
        this(provider, resources, dataSources, Map.of());
    }
}
