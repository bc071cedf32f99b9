package io.netform.plugins;

import io.netform.value.Type;
import io.netform.wire.ProviderSchema;
import io.netform.wire.Schema;
import java.util.HashMap;
import java.util.Map;

/**
 * A provider's schema together with the implied type of each of its blocks, computed once because
 * every value sent to or received from the provider is encoded against one of them.
 */
record SchemaTypes(
        ProviderSchema schema, Type providerType, Map<String, Type> resourceTypes, Map<String, Type> dataSourceTypes) {

    static SchemaTypes of(ProviderSchema schema) {
        return new SchemaTypes(
                schema,
                schema.provider().impliedType(),
                impliedTypes(schema.resources()),
                impliedTypes(schema.dataSources()));
    }

    private static Map<String, Type> impliedTypes(Map<String, Schema> schemas) {
        Map<String, Type> types = new HashMap<>();
        schemas.forEach((name, schema) -> types.put(name, schema.block().impliedType()));
        return Map.copyOf(types);
    }
}
