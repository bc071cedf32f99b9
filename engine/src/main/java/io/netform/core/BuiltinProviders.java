package io.netform.core;

import io.netform.addrs.ProviderSource;
import io.netform.goplugin.PluginLogSink;
import io.netform.plugins.InstalledProvider;
import io.netform.plugins.ProviderClient;
import io.netform.plugins.ProviderException;
import io.netform.plugins.ProviderLauncher;
import io.netform.plugins.Version;
import io.netform.plugins.VersionConstraint;
import io.netform.plugins.builtin.RemoteStateBackend;
import io.netform.plugins.builtin.TerraformProvider;
import io.netform.provider.ProviderService;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command's providers with the built-in {@code terraform} provider ({@code terraform.io/builtin/terraform})
 * among them: it is never installed or locked, and is served in the engine's JVM over an in-process gRPC
 * channel, so the engine drives it through tfplugin6 as any other; every other source starts as
 * {@code installed} starts it.
 */
final class BuiltinProviders implements ProviderFactory.Starter {

    private final ProviderFactory.Starter installed;
    private final Path workingDir;
    private final Map<String, String> env;
    private final ProviderLauncher launcher;
    private final InstalledProvider builtIn;

    /**
     * @param installed  how the command starts the providers it installs
     * @param workingDir the command's working directory, which relative remote state paths start from
     * @param env        the command's environment variables, which backends read for settings a remote
     *                   state's {@code config} leaves out (PG_CONN_STR, PGPASSWORD, ...)
     * @param version    the engine's version, which is the built-in provider's
     */
    BuiltinProviders(
            ProviderFactory.Starter installed,
            Path workingDir,
            Map<String, String> env,
            PluginLogSink log,
            String version) {
        this.installed = installed;
        this.workingDir = workingDir;
        this.env = Map.copyOf(env);
        this.launcher = new ProviderLauncher(log, workingDir);
        this.builtIn = new InstalledProvider(ProviderSource.BUILTIN, Version.parse(version), null, null);
    }

    @Override
    public ProviderClient start(ProviderSource source, VersionConstraint constraint) {
        if (!source.isBuiltIn()) {
            return installed.start(source, constraint);
        }
        if (!source.equals(ProviderSource.BUILTIN)) {
            throw new ProviderException("This Netform release has no built-in provider named \"" + source.type()
                    + "\" (" + source + "); its only built-in provider is " + ProviderSource.BUILTIN + ".");
        }
        ProviderService service = new ProviderService(new TerraformProvider(remoteStateBackends()));
        return launcher.connect(InProcessProviders.serve(service, builtIn), builtIn);
    }

    @Override
    public void launchLocked() {
        installed.launchLocked();
    }

    @Override
    public void close() {
        installed.close();
    }

    /**
     * The backend types terraform_remote_state reads, by the name its {@code backend} argument gives:
     * every type {@link StateBackends} opens, in its order, so a backend type added there is readable here.
     */
    private Map<String, RemoteStateBackend> remoteStateBackends() {
        Map<String, RemoteStateBackend> backends = new LinkedHashMap<>();
        for (String type : StateBackends.TYPES) {
            backends.put(type, new BackendRemoteState(type, workingDir, env));
        }
        return backends;
    }
}
