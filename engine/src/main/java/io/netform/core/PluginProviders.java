package io.netform.core;

import io.netform.addrs.ProviderSource;
import io.netform.goplugin.PluginLogSink;
import io.netform.plugins.GrpcProvider;
import io.netform.plugins.InstalledProvider;
import io.netform.plugins.ProviderClient;
import io.netform.plugins.ProviderException;
import io.netform.plugins.ProviderInstaller;
import io.netform.plugins.ProviderLauncher;
import io.netform.plugins.VersionConstraint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A command's providers as plugin processes: located on the plugin path, checked against the lock file,
 * launched, or taken from those {@link #launchLocked} launched ahead of need.
 */
final class PluginProviders implements ProviderFactory.Starter {

    private final ProviderInstaller installer;
    private final ProviderLauncher launcher;
    /** Plugins launched ahead of need, by the installed plugin they run; each is taken by one start. */
    private final Map<InstalledProvider, CompletableFuture<GrpcProvider>> early = new ConcurrentHashMap<>();

    PluginProviders(Path workingDir, PluginLogSink log) {
        this.installer = PluginPaths.installer(workingDir);
        this.launcher = new ProviderLauncher(log, workingDir);
    }

    @Override
    public void launchLocked() {
        List<ProviderSource> sources;
        try {
            sources = installer.lockedSources();
        } catch (ProviderException e) {
            return; // the start that needs a provider reports the unreadable lock file
        }
        for (ProviderSource source : sources) {
            InstalledProvider installed;
            try {
                installed = installer.locate(source);
            } catch (ProviderException e) {
                continue; // likewise a plugin missing or changed since init
            }
            early.computeIfAbsent(installed, p -> launchInBackground(p));
        }
    }

    /**
     * Launches the plugin on a thread of its own and fetches its schema, which the launcher caches for the
     * command; a schema that fails is fetched again, and its failure reported, where the command needs it.
     */
    private CompletableFuture<GrpcProvider> launchInBackground(InstalledProvider installed) {
        return CompletableFuture.supplyAsync(
                () -> {
                    GrpcProvider provider = launcher.start(installed);
                    try {
                        provider.schema();
                    } catch (RuntimeException e) {
                        // reported by the command's own schema request
                    }
                    return provider;
                },
                task -> {
                    Thread thread =
                            new Thread(task, "launch " + installed.source().display());
                    thread.setDaemon(true);
                    thread.start();
                });
    }

    @Override
    public ProviderClient start(ProviderSource source, VersionConstraint constraint) {
        InstalledProvider installed = installer.locate(source, constraint);
        CompletableFuture<GrpcProvider> launched = early.remove(installed);
        if (launched == null) {
            return launcher.start(installed);
        }
        try {
            return launched.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof ProviderException failed ? failed : e;
        }
    }

    /** Stops the plugins launched ahead that no start took (a configuration with errors, say). */
    @Override
    public void close() {
        List<CompletableFuture<Void>> stopped = new ArrayList<>();
        early.values()
                .forEach(launched ->
                        stopped.add(launched.thenAccept(GrpcProvider::close).exceptionally(e -> null)));
        early.clear();
        stopped.forEach(CompletableFuture::join);
    }
}
