package io.netform.state;

import io.netform.addrs.AbsResource;
import io.netform.addrs.ProviderConfig;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A resource in state: its address, the provider configuration that manages it, and its instance objects. */
public record ResourceState(AbsResource address, ProviderConfig provider, List<InstanceObject> instances) {

    /** The order instances are kept and written in: by key, the current object before deposed ones. */
    static final Comparator<InstanceObject> ORDER = Comparator.comparing(InstanceObject::key)
            .thenComparing(InstanceObject::deposed, Comparator.nullsFirst(Comparator.naturalOrder()));

    public ResourceState {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(provider, "provider");
        instances = instances.stream().sorted(ORDER).toList();
    }
}
