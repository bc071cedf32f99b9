package io.netform.plugins;

import io.netform.addrs.ProviderSource;

/**
 * What {@code netform init} chose for one required provider.
 *
 * @param required  the source the configuration asks for
 * @param installed the plugin selected; its source differs from {@code required} when a bundled
 *                  provider substitutes for it (e.g. {@code netform/nsxt} for {@code vmware/nsxt})
 * @param locked    true when the version was kept from the existing lock file
 */
public record ProviderSelection(ProviderSource required, InstalledProvider installed, boolean locked) {

    /** Whether another provider stands in for the required one. */
    public boolean substituted() {
        return !required.equals(installed.source());
    }
}
