package io.netform.addrs;

import java.util.Objects;

/** A resource within one module: {@code nsxt_policy_segment.web} or {@code data.nsxt_policy_tier0_gateway.t0}. */
public record Resource(ResourceMode mode, String type, String name) {

    public Resource {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }

    /** A managed resource. */
    public static Resource managed(String type, String name) {
        return new Resource(ResourceMode.MANAGED, type, name);
    }

    /** A data resource. */
    public static Resource data(String type, String name) {
        return new Resource(ResourceMode.DATA, type, name);
    }

    /** This resource placed in a module instance. */
    public AbsResource in(ModuleInstance module) {
        return new AbsResource(module, this);
    }

    @Override
    public String toString() {
        return (mode == ResourceMode.DATA ? "data." : "") + type + "." + name;
    }
}
