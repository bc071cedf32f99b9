package io.netform.plugins;

import io.netform.addrs.ProviderSource;
import io.netform.goplugin.MagicCookie;
import io.netform.goplugin.PluginServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.TreeSet;

/** The {@link FakeProviderService} as a real go-plugin process, and the installed plugin that runs it. */
public final class FakeProviderPlugin {

    private FakeProviderPlugin() {}

    public static void main(String[] args) {
        PluginServer.serve(
                "fake-provider", MagicCookie.TERRAFORM, new TreeSet<>(List.of(6)), List.of(new FakeProviderService()));
    }

    /**
     * Installs the fake as {@code source} {@code version} under {@code root} in the plugin directory
     * layout: a shell script that runs this class in a fresh JVM with the test class path.
     */
    public static InstalledProvider install(Path root, String source, String version) throws IOException {
        ProviderSource parsed = ProviderSource.parse(source);
        Path directory = root.resolve(parsed.toString())
                .resolve(version)
                .resolve(Platform.current().toString());
        Files.createDirectories(directory);
        Path executable = directory.resolve("terraform-provider-" + parsed.type() + "_v" + version);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(
                executable,
                "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC" + " -cp '"
                        + System.getProperty("java.class.path") + "' " + FakeProviderPlugin.class.getName() + "\n");
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new InstalledProvider(parsed, Version.parse(version), directory, executable);
    }
}
