package io.netform.core;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.netform.addrs.ProviderSource;
import io.netform.goplugin.PluginLogSink;
import io.netform.plugins.InstalledProvider;
import io.netform.plugins.ProviderConnection;
import io.netform.plugins.ProviderException;
import io.netform.plugins.ProviderInstaller;
import io.netform.plugins.ProviderLauncher;
import io.netform.provider.ProviderService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Providers served in the engine's JVM: each start builds a new provider object and serves the sdk's
 * tfplugin6 service for it over an in-process gRPC channel, so the engine drives it exactly as it
 * drives a plugin process, minus the process. The plugin is still located on the plugin path and
 * checked against the lock file, so versions, hashes and messages stay those of the installed plugin;
 * a source with no provider given here starts as a plugin process.
 */
public final class InProcessProviders implements ProviderFactory {

    private static final AtomicLong SERVERS = new AtomicLong();

    private final Map<ProviderSource, Function<Path, BindableService>> served;

    /** Serves each source in {@code served} with the tfplugin6 service built for the command's working directory. */
    public InProcessProviders(Map<ProviderSource, Function<Path, BindableService>> served) {
        this.served = Map.copyOf(served);
    }

    /** Serves each source in {@code providers} with the sdk's service for a provider built for the command. */
    public static InProcessProviders serving(
            Map<ProviderSource, Function<Path, io.netform.provider.Provider>> providers) {
        Map<ProviderSource, Function<Path, BindableService>> services = new java.util.HashMap<>();
        providers.forEach((source, build) -> services.put(source, dir -> new ProviderService(build.apply(dir))));
        return new InProcessProviders(services);
    }

    @Override
    public Starter forCommand(Path workingDir, PluginLogSink log) {
        ProviderInstaller installer = PluginPaths.installer(workingDir);
        ProviderLauncher launcher = new ProviderLauncher(log, workingDir);
        return (source, constraint) -> {
            InstalledProvider installed = installer.locate(source, constraint);
            var build = served.get(source);
            return build == null
                    ? launcher.start(installed)
                    : launcher.connect(serve(build.apply(workingDir), installed), installed);
        };
    }

    /** A connection to {@code service}, served on a channel of its own. */
    static ProviderConnection serve(BindableService service, InstalledProvider installed) {
        String name = installed.source().display() + "#" + SERVERS.incrementAndGet();
        Server server;
        try {
            server = InProcessServerBuilder.forName(name)
                    .addService(service)
                    .build()
                    .start();
        } catch (IOException e) {
            throw new ProviderException(
                    "Could not serve the provider " + installed.source().display() + " in-process: " + e.getMessage(),
                    e);
        }
        ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
        return new ProviderConnection() {
            @Override
            public String name() {
                return installed.source().display();
            }

            @Override
            public io.grpc.Channel channel() {
                return channel;
            }

            @Override
            public CompletableFuture<Integer> onExit() {
                return new CompletableFuture<>();
            }

            @Override
            public void close() {
                channel.shutdownNow();
                server.shutdownNow();
                // a service that owns its provider ends with the connection, as a plugin process does
                if (service instanceof AutoCloseable owned) {
                    try {
                        owned.close();
                    } catch (Exception e) {
                        throw new ProviderException(
                                "Could not close the provider "
                                        + installed.source().display() + " served in-process: " + e.getMessage(),
                                e);
                    }
                }
            }
        };
    }
}
