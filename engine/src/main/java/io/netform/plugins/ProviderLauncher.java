package io.netform.plugins;

import io.netform.goplugin.PluginClient;
import io.netform.goplugin.PluginLaunch;
import io.netform.goplugin.PluginLogSink;
import io.netform.goplugin.PluginStartException;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts provider plugins for one command: each as a go-plugin process speaking tfplugin6, its log
 * sent to the command's log sink under the provider's name, and each provider's schema fetched once
 * however many configurations of it are started.
 */
public final class ProviderLauncher {

    private final PluginLogSink logSink;
    private final Path workingDirectory;
    private final SchemaCache schemas = new SchemaCache();

    /**
     * @param logSink          where the plugins' stderr lines and lifecycle events go, named by provider
     *                         (e.g. {@code netform/nsxt})
     * @param workingDirectory the directory plugins run in: the command's working directory, as in Terraform
     */
    public ProviderLauncher(PluginLogSink logSink, Path workingDirectory) {
        this.logSink = logSink;
        this.workingDirectory = workingDirectory;
    }

    /**
     * Launches the plugin and connects to it; the caller closes the provider when the command ends.
     *
     * @throws ProviderException naming the provider and quoting its last stderr lines when it cannot be started
     */
    public GrpcProvider start(InstalledProvider provider) {
        PluginLogTail log = new PluginLogTail(logSink);
        PluginLaunch launch = PluginLaunch.of(
                        provider.source().display(),
                        List.of(provider.executable().toString()))
                .withLogSink(log)
                .withWorkingDirectory(workingDirectory);
        try {
            return connect(ProviderConnection.of(PluginClient.launch(launch)), provider, log);
        } catch (PluginStartException e) {
            throw new ProviderException(
                    "Could not start the provider " + provider.source().display() + " v" + provider.version() + " ("
                            + provider.executable() + "): " + e.getMessage(),
                    e);
        }
    }

    /**
     * Drives {@code provider} over {@code connection}, a provider already serving (in-process, say), as
     * a launched plugin is driven: its schema from this launcher's cache, its log under its name.
     */
    public GrpcProvider connect(ProviderConnection connection, InstalledProvider provider) {
        return connect(connection, provider, new PluginLogTail(logSink));
    }

    private GrpcProvider connect(ProviderConnection connection, InstalledProvider provider, PluginLogTail log) {
        return new GrpcProvider(connection, provider, schemas, log);
    }
}
