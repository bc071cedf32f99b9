package io.netform.core;

import io.netform.addrs.ProviderSource;
import io.netform.goplugin.PluginLogSink;
import io.netform.plugins.ProviderClient;
import io.netform.plugins.VersionConstraint;
import java.nio.file.Path;

/**
 * Where an operation's providers come from: plugin processes ({@link #plugins()}), or providers
 * served in the engine's JVM over an in-process gRPC channel ({@link InProcessProviders}).
 */
public interface ProviderFactory {

    /** The providers of one command working in {@code workingDir}; their log lines go to {@code log}. */
    Starter forCommand(Path workingDir, PluginLogSink log);

    /** The installed plugins, each started as its own process. */
    static ProviderFactory plugins() {
        return PluginProviders::new;
    }

    /** Starts the providers of one command; each provider's schema is fetched once however often it starts. */
    interface Starter extends AutoCloseable {

        /** A new running instance of the provider {@code source} names, in a version {@code constraint} allows. */
        ProviderClient start(ProviderSource source, VersionConstraint constraint);

        /**
         * Begins, in the background, to start one instance of each provider the lock file names, so that
         * the command's first {@link #start} of it finds it running; none for starters that start at once.
         */
        default void launchLocked() {}

        /** Stops what {@link #launchLocked} started and no {@link #start} took. */
        @Override
        default void close() {}
    }
}
