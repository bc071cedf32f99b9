package io.netform.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.addrs.InstanceKey;
import java.util.List;
import java.util.Objects;

/**
 * One remote object recorded for a resource instance: its attributes as the provider last reported
 * them (JSON in the provider's schema), and what Terraform's v4 format keeps beside them.
 * The JSON trees are never mutated once an instance object holds them.
 *
 * @param key                 the instance key
 * @param deposed             the 8-hex key of an object left behind by create_before_destroy, or null for the current one
 * @param tainted             whether the object must be replaced at the next apply
 * @param schemaVersion       the provider's schema version the attributes are written in
 * @param attributes          the attributes, a JSON object
 * @param sensitiveAttributes the paths of sensitive attributes, a JSON array in the v4 path form
 * @param privateData         the provider's opaque private bytes, base64, or null
 * @param dependencies        the addresses of the resources this object depended on when it was last applied
 * @param createBeforeDestroy whether the object was created under create_before_destroy
 */
public record InstanceObject(
        InstanceKey key,
        String deposed,
        boolean tainted,
        long schemaVersion,
        JsonNode attributes,
        JsonNode sensitiveAttributes,
        String privateData,
        List<String> dependencies,
        boolean createBeforeDestroy) {

    public InstanceObject {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(sensitiveAttributes, "sensitiveAttributes");
        dependencies = List.copyOf(dependencies);
    }

    /** Whether this is the instance's current object rather than a deposed one. */
    public boolean isCurrent() {
        return deposed == null;
    }
}
