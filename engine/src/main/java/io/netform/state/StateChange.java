package io.netform.state;

import io.netform.addrs.ProviderConfig;
import io.netform.addrs.ResourceInstance;
import java.util.Objects;

/** One change to state, as the applier makes it and the journal records it. */
public sealed interface StateChange {

    /** Records (or replaces) an instance object: after a create, an update or a refresh. */
    record PutObject(ResourceInstance address, ProviderConfig provider, InstanceObject object) implements StateChange {
        public PutObject {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(object, "object");
            if (!object.key().equals(address.key())) {
                throw new IllegalArgumentException("object key " + object.key() + " does not match " + address);
            }
        }
    }

    /** Forgets an instance object: after a delete. {@code deposed} is null for the current object. */
    record RemoveObject(ResourceInstance address, String deposed) implements StateChange {
        public RemoveObject {
            Objects.requireNonNull(address, "address");
        }
    }

    /** Records a root output. */
    record PutOutput(String name, OutputState output) implements StateChange {
        public PutOutput {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(output, "output");
        }
    }

    /** Forgets a root output. */
    record RemoveOutput(String name) implements StateChange {
        public RemoveOutput {
            Objects.requireNonNull(name, "name");
        }
    }
}
