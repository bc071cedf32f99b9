package io.netform.addrs;

import java.util.Objects;

/** A resource in a particular module instance, all of its instances together. */
public record AbsResource(ModuleInstance module, Resource resource) implements Comparable<AbsResource> {

    public AbsResource {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(resource, "resource");
    }

    /** One instance of this resource. */
    public ResourceInstance instance(InstanceKey key) {
        return new ResourceInstance(this, key);
    }

    @Override
    public int compareTo(AbsResource other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return module.isRoot() ? resource.toString() : module + "." + resource;
    }
}
