package io.netform.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a provider says about itself in GetProviderSchema: its configuration's schema, the schema of
 * each resource and data source type, and the functions it offers, each by name.
 */
public record ProviderSchema(
        Schema provider,
        Map<String, Schema> resources,
        Map<String, Schema> dataSources,
        Map<String, FunctionSignature> functions) {

    public ProviderSchema {
        resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
        dataSources = Collections.unmodifiableMap(new LinkedHashMap<>(dataSources));
        functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    }

    /** A provider that offers no functions. */
    public ProviderSchema(Schema provider, Map<String, Schema> resources, Map<String, Schema> dataSources) {
        this(provider, resources, dataSources, Map.of());
    }
}
