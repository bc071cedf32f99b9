package io.netform.walk;

import io.netform.addrs.ModuleInstance;
import io.netform.addrs.ResourceInstance;
import io.netform.hcl.SourceRange;
import io.netform.plugins.ProviderClient;
import io.netform.value.Value;

/**
 * Chooses the provider that answers for each resource instance: its configuration's own, unless whoever runs
 * the walk stands something else in for it (netform test's override_resource and override_data); and which
 * module instances are not walked at all, given outputs standing in for them (netform test's override_module).
 */
@FunctionalInterface
public interface InstanceProviders {

    /** Every instance answered by its configuration's provider. */
    InstanceProviders CONFIGURED = (address, provider) -> provider;

    /** The provider that answers for {@code address}, whose configuration's provider is {@code provider}. */
    ProviderClient of(ResourceInstance address, ProviderClient provider);

    /** The outputs standing in for module instance {@code module}, or null to walk it as configured. */
    default StandIn standInFor(ModuleInstance module) {
        return null;
    }

    /**
     * Output values that replace a module instance: its resources, data sources and nested calls are neither
     * planned nor applied.
     *
     * @param outputs an object of output values by name; a declared output not in it is null
     * @param range   where the stand-in was written, for errors about it
     */
    record StandIn(Value outputs, SourceRange range) {}
}
