package io.netform.plan;

import io.netform.addrs.ProviderSource;
import io.netform.providers.Provider;

/** Starts provider plugins for a command; the CLI gives one backed by the installed plugins. */
@FunctionalInterface
public interface ProviderFactory {

    /** A new running instance of the provider from {@code source}. */
    Provider start(ProviderSource source);
}
