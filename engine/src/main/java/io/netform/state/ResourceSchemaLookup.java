package io.netform.state;

import io.netform.addrs.ProviderSource;
import io.netform.addrs.Resource;
import io.netform.addrs.ResourceMode;
import io.netform.wire.ProviderSchema;
import io.netform.wire.Schema;
import java.util.Map;
import java.util.Optional;

/** Finds the schema of a resource or data source type among the schemas of the providers in use. */
public final class ResourceSchemaLookup {

    private ResourceSchemaLookup() {}

    /** The schema of {@code resource}'s type in the provider {@code source}, if that provider and type are known. */
    public static Optional<Schema> find(
            Map<ProviderSource, ProviderSchema> schemas, ProviderSource source, Resource resource) {
        ProviderSchema provider = schemas.get(source);
        if (provider == null) {
            return Optional.empty();
        }
        Map<String, Schema> types =
                resource.mode() == ResourceMode.DATA ? provider.dataSources() : provider.resources();
        return Optional.ofNullable(types.get(resource.type()));
    }
}
