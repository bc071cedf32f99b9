package io.netform.walk;

import io.netform.addrs.ProviderSource;
import io.netform.plugins.ProviderClient;

/** Starts the providers of a walk, by source; the engine gives one from its {@code core.ProviderFactory}. */
@FunctionalInterface
public interface ProviderStarter {

    /** A new running instance of the provider from {@code source}. */
    ProviderClient start(ProviderSource source);
}
