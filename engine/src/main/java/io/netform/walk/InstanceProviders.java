package io.netform.walk;

import io.netform.addrs.ResourceInstance;
import io.netform.plugins.ProviderClient;

/**
 * Chooses the provider that answers for each resource instance: its configuration's own, unless whoever runs
 * the walk stands something else in for it (netform test's override_resource and override_data).
 */
@FunctionalInterface
public interface InstanceProviders {

    /** Every instance answered by its configuration's provider. */
    InstanceProviders CONFIGURED = (address, provider) -> provider;

    /** The provider that answers for {@code address}, whose configuration's provider is {@code provider}. */
    ProviderClient of(ResourceInstance address, ProviderClient provider);
}
