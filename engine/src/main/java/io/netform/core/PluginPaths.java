package io.netform.core;

import io.netform.plugins.DependencyLockFile;
import io.netform.plugins.Platform;
import io.netform.plugins.PluginDirectories;
import io.netform.plugins.PluginHashes;
import io.netform.plugins.ProviderInstaller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where provider plugins are looked for, in order: the directories {@code init -plugin-dir} recorded
 * in {@code .netform/plugin_path}, the distribution's bundled plugins, then {@code ~/.netform/plugins}.
 */
public final class PluginPaths {

    private PluginPaths() {}

    /** The file where init records its -plugin-dir options for later commands. */
    public static Path recordFile(Path dir) {
        return dir.resolve(".netform").resolve("plugin_path");
    }

    /**
     * The installer for the configuration in {@code dir}: plugins on its search path, its lock file,
     * and plugin hashes remembered in {@code .netform/plugin_hashes} between commands.
     */
    public static ProviderInstaller installer(Path dir) {
        return new ProviderInstaller(
                new PluginDirectories(searchPath(dir), Platform.current()),
                dir.resolve(DependencyLockFile.FILE_NAME),
                PluginHashes.rememberedIn(dir.resolve(".netform").resolve("plugin_hashes")));
    }

    /** The directories searched, in order. */
    public static List<Path> searchPath(Path dir) {
        List<Path> paths = new ArrayList<>();
        Path record = recordFile(dir);
        if (Files.isRegularFile(record)) {
            try {
                for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        paths.add(Path.of(line.strip()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + record, e);
            }
        }
        String home = System.getProperty("netform.home");
        if (home != null) {
            paths.add(Path.of(home, "plugins"));
        }
        paths.add(Path.of(System.getProperty("user.home"), ".netform", "plugins"));
        return paths;
    }

    /** Records {@code init -plugin-dir}'s directories for later commands (none: forgets them). */
    public static void record(Path dir, List<Path> pluginDirs) {
        Path record = recordFile(dir);
        try {
            if (pluginDirs.isEmpty()) {
                Files.deleteIfExists(record);
                return;
            }
            Files.createDirectories(record.getParent());
            List<String> lines = pluginDirs.stream()
                    .map(p -> dir.resolve(p).toAbsolutePath().normalize().toString())
                    .toList();
            Files.write(record, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + record, e);
        }
    }
}
