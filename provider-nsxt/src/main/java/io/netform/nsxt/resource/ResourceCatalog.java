package io.netform.nsxt.resource;

import io.netform.nsxt.api.PolicyClient;
import io.netform.provider.Resource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Every resource type of the provider, by type name. */
public final class ResourceCatalog {

    private ResourceCatalog() {}

    /** The resource types, each calling NSX through the client the provider configures. */
    public static Map<String, Resource> all(Supplier<PolicyClient> client) {
        Map<String, Resource> all = new TreeMap<>();
        for (PolicyResource resource : List.of(
                new Tier1Gateway(client),
                new Segment(client))) {
            all.put(resource.type().typeName(), resource);
        }
        return all;
    }
}
