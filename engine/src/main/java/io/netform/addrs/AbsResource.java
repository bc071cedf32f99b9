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

    /** Terraform's state order: by module, then data before managed, then type, then name. */
    @Override
    public int compareTo(AbsResource other) {
        int c = module.toString().compareTo(other.module.toString());
        if (c == 0) {
            c = other.resource.mode().compareTo(resource.mode());
        }
        if (c == 0) {
            c = resource.type().compareTo(other.resource.type());
        }
        return c != 0 ? c : resource.name().compareTo(other.resource.name());
    }

    @Override
    public String toString() {
        return module.isRoot() ? resource.toString() : module + "." + resource;
    }
}
