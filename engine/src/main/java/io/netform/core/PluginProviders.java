package io.netform.core;

import io.netform.addrs.ProviderSource;
import io.netform.goplugin.PluginLogSink;
import io.netform.plugins.ProviderClient;
import io.netform.plugins.ProviderInstaller;
import io.netform.plugins.ProviderLauncher;
import io.netform.plugins.VersionConstraint;
import java.nio.file.Path;

/** A command's providers as plugin processes: located on the plugin path, checked against the lock file, launched. */
final class PluginProviders implements ProviderFactory.Starter {

    private final ProviderInstaller installer;
    private final ProviderLauncher launcher;

    PluginProviders(Path workingDir, PluginLogSink log) {
        this.installer = PluginPaths.installer(workingDir);
        this.launcher = new ProviderLauncher(log, workingDir);
    }

    @Override
    public ProviderClient start(ProviderSource source, VersionConstraint constraint) {
        return launcher.start(installer.locate(source, constraint));
    }
}
