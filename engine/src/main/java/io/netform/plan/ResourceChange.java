package io.netform.plan;

import io.netform.addrs.ProviderConfig;
import io.netform.addrs.ResourceInstance;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * The planned change of one resource instance object.
 *
 * @param deposed      the deposed key when the change is about an object left by create_before_destroy, else null
 * @param type         the object type of the resource's schema
 * @param before       the object as it is now (null value for a create), marked where sensitive
 * @param after        the object as planned (null value for a delete), unknown where known only after apply,
 *                     marked where sensitive
 * @param replacePaths the attributes whose change forces replacement
 * @param privateData  the provider's opaque plan data, handed back at apply
 */
public record ResourceChange(
        ResourceInstance address,
        String deposed,
        ProviderConfig provider,
        Action action,
        ActionReason reason,
        Type type,
        Value before,
        Value after,
        List<AttributePath> replacePaths,
        byte[] privateData) {

    public ResourceChange {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        replacePaths = List.copyOf(replacePaths);
        privateData = privateData == null ? new byte[0] : privateData.clone();
    }

    /** The provider's private plan data (a copy). */
    @Override
    public byte[] privateData() {
        return privateData.clone();
    }

    /** The address as the UI shows it, with the deposed key when there is one. */
    public String displayAddress() {
        return deposed == null ? address.toString() : address + " (deposed object " + deposed + ")";
    }
}
