package io.netform.goplugin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How a host launches one plugin: the command, extra environment, the cookie, the protocol
 * versions the host speaks, whether to use AutoMTLS, how long to wait for the handshake and where
 * the plugin's log goes, and the directory it runs in (null: the host's own).
 */
public record PluginLaunch(
        String name,
        List<String> command,
        Map<String, String> environment,
        MagicCookie cookie,
        SortedSet<Integer> versions,
        boolean autoMtls,
        Duration startTimeout,
        PluginLogSink logSink,
        Path workingDirectory) {

    /** go-plugin's default wait for the handshake line. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(1);

    public PluginLaunch {
        Objects.requireNonNull(name, "name");
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("plugin " + name + ": the command is empty");
        }
        environment = Map.copyOf(environment);
        Objects.requireNonNull(cookie, "cookie");
        versions = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(versions));
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("plugin " + name + ": no protocol versions to offer");
        }
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(logSink, "logSink");
    }

    /**
     * A Terraform-style launch: Terraform's cookie, protocol 6, AutoMTLS, a one-minute start
     * timeout, logs to {@link PluginLogSink#systemLogger()}.
     */
    public static PluginLaunch of(String name, List<String> command) {
        return new PluginLaunch(
                name,
                command,
                Map.of(),
                MagicCookie.TERRAFORM,
                new TreeSet<>(List.of(6)),
                true,
                DEFAULT_START_TIMEOUT,
                PluginLogSink.systemLogger(),
                null);
    }

    /** The same launch with extra environment variables for the plugin. */
    public PluginLaunch withEnvironment(Map<String, String> newEnvironment) {
        return new PluginLaunch(
                name, command, newEnvironment, cookie, versions, autoMtls, startTimeout, logSink, workingDirectory);
    }

    /** The same launch offering other protocol versions. */
    public PluginLaunch withVersions(SortedSet<Integer> newVersions) {
        return new PluginLaunch(
                name, command, environment, cookie, newVersions, autoMtls, startTimeout, logSink, workingDirectory);
    }

    /** The same launch with AutoMTLS on or off. */
    public PluginLaunch withAutoMtls(boolean newAutoMtls) {
        return new PluginLaunch(
                name, command, environment, cookie, versions, newAutoMtls, startTimeout, logSink, workingDirectory);
    }

    /** The same launch with another handshake timeout. */
    public PluginLaunch withStartTimeout(Duration newStartTimeout) {
        return new PluginLaunch(
                name, command, environment, cookie, versions, autoMtls, newStartTimeout, logSink, workingDirectory);
    }

    /** The same launch logging elsewhere. */
    public PluginLaunch withLogSink(PluginLogSink newLogSink) {
        return new PluginLaunch(
                name, command, environment, cookie, versions, autoMtls, startTimeout, newLogSink, workingDirectory);
    }

    /** The same launch running the plugin in another directory, as Terraform runs plugins in the working directory. */
    public PluginLaunch withWorkingDirectory(Path directory) {
        return new PluginLaunch(
                name, command, environment, cookie, versions, autoMtls, startTimeout, logSink, directory);
    }
}
