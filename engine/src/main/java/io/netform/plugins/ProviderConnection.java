package io.netform.plugins;

import io.grpc.Channel;
import io.netform.goplugin.PluginClient;
import java.util.concurrent.CompletableFuture;

/** The gRPC connection a provider is driven over: a plugin process, or a provider served in the engine's JVM. */
public interface ProviderConnection extends AutoCloseable {

    /** The name the provider's log lines go under, e.g. {@code netform/testing}. */
    String name();

    /** The channel its tfplugin6 service answers on. */
    Channel channel();

    /** Completes with the exit status once the provider's process has exited; never for one in-process. */
    CompletableFuture<Integer> onExit();

    @Override
    void close();

    /** The connection to a launched plugin process. */
    static ProviderConnection of(PluginClient plugin) {
        return new ProviderConnection() {
            @Override
            public String name() {
                return plugin.name();
            }

            @Override
            public Channel channel() {
                return plugin.channel();
            }

            @Override
            public CompletableFuture<Integer> onExit() {
                return plugin.onExit();
            }

            @Override
            public void close() {
                plugin.close();
            }
        };
    }
}
