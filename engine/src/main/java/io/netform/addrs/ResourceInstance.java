package io.netform.addrs;

import java.util.Objects;

/** One instance of a resource: {@code module.a["x"].nsxt_policy_segment.web[0]}. */
public record ResourceInstance(AbsResource resource, InstanceKey key) implements Comparable<ResourceInstance> {

    public ResourceInstance {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(key, "key");
    }

    /** The module instance this resource instance lives in. */
    public ModuleInstance module() {
        return resource.module();
    }

    @Override
    public int compareTo(ResourceInstance other) {
        int byResource = resource.compareTo(other.resource);
        return byResource != 0 ? byResource : key.compareTo(other.key);
    }

    @Override
    public String toString() {
        return resource + key.suffix();
    }
}
