package io.netform.nsxt.resource;

import io.netform.provider.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every Policy API resource type of the provider, by type name; the provider adds
 * {@code nsxt_k8s_network_policy}, which is built on them.
 */
public final class ResourceCatalog {

    private ResourceCatalog() {}

    /** The Policy API resource types, in the provider's context. */
    public static Map<String, ResourceType> all(ResourceContext context) {
        Map<String, ResourceType> all = new TreeMap<>();
        for (PolicyResource resource : List.of(
                new ExcludeListMember(context),
                new Group(context),
                new IpAddressAllocation(context),
                new IpBlock(context),
                new IpPool(context),
                new IpPoolBlockSubnet(context),
                new IpPoolStaticSubnet(context),
                new LbPool(context),
                new LbService(context),
                new LbVirtualServer(context),
                new NatRule(context),
                new SecurityPolicy(context),
                new Segment(context),
                new SegmentPort(context),
                new Service(context),
                new Tier1Gateway(context))) {
            all.put(resource.type().typeName(), resource);
        }
        return all;
    }
}
