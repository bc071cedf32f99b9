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

    /**
     * Makes the current object of an instance a deposed one under the 8-hex key {@code deposed}, in one
     * step so that no crash can leave the object both current and deposed: the start of a
     * create_before_destroy replacement.
     */
    record DeposeObject(ResourceInstance address, String deposed) implements StateChange {
        public DeposeObject {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(deposed, "deposed");
        }
    }

    /**
     * Makes the deposed object {@code deposed} current again, if the instance has no current object:
     * its replacement was never created, so the old object goes on serving, as in Terraform.
     */
    record RestoreDeposed(ResourceInstance address, String deposed) implements StateChange {
        public RestoreDeposed {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(deposed, "deposed");
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
