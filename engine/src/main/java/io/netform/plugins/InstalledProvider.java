package io.netform.plugins;

import io.netform.addrs.ProviderSource;
import java.nio.file.Path;

/**
 * A provider plugin found on disk.
 *
 * @param source     which provider it is
 * @param version    its version
 * @param directory  the platform directory holding the plugin's files (what the lock file's hash covers)
 * @param executable the program to launch
 */
public record InstalledProvider(ProviderSource source, Version version, Path directory, Path executable) {}
