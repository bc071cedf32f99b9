package io.netform.plugins;

import io.netform.addrs.ProviderSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Directories of provider plugins in Terraform's filesystem-mirror layout,
 * {@code HOST/NAMESPACE/TYPE/VERSION/OS_ARCH/terraform-provider-TYPE*}, searched in order.
 */
public final class PluginDirectories {

    private final List<Path> roots;
    private final Platform platform;

    /** Searches {@code roots} in order for plugins built for {@code platform}. */
    public PluginDirectories(List<Path> roots, Platform platform) {
        this.roots = List.copyOf(roots);
        this.platform = platform;
    }

    /** The directories searched, in order. */
    public List<Path> roots() {
        return roots;
    }

    /** Every installed version of {@code source} for this platform, newest first, earlier roots winning ties. */
    public List<InstalledProvider> versions(ProviderSource source) {
        List<InstalledProvider> found = new ArrayList<>();
        for (Path root : roots) {
            Path typeDir =
                    root.resolve(source.hostname()).resolve(source.namespace()).resolve(source.type());
            if (!Files.isDirectory(typeDir)) {
                continue;
            }
            try (Stream<Path> versions = Files.list(typeDir)) {
                for (Path versionDir : versions.toList()) {
                    installed(source, versionDir).ifPresent(p -> {
                        if (found.stream().noneMatch(f -> f.version().equals(p.version()))) {
                            found.add(p);
                        }
                    });
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the plugin directory " + typeDir, e);
            }
        }
        found.sort(Comparator.comparing(InstalledProvider::version).reversed());
        return found;
    }

    /** The newest installed version that {@code constraint} allows. */
    public Optional<InstalledProvider> newest(ProviderSource source, VersionConstraint constraint) {
        return versions(source).stream()
                .filter(p -> constraint.allows(p.version()))
                .findFirst();
    }

    /** The installed plugin of exactly {@code version}. */
    public Optional<InstalledProvider> exact(ProviderSource source, Version version) {
        return versions(source).stream()
                .filter(p -> p.version().equals(version))
                .findFirst();
    }

    private Optional<InstalledProvider> installed(ProviderSource source, Path versionDir) throws IOException {
        Version version;
        try {
            version = Version.parse(versionDir.getFileName().toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Path platformDir = versionDir.resolve(platform.toString());
        if (!Files.isDirectory(platformDir)) {
            return Optional.empty();
        }
        String prefix = "terraform-provider-" + source.type();
        try (Stream<Path> files = Files.list(platformDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                            && Files.isExecutable(f)
                            && Files.isRegularFile(f))
                    .sorted()
                    .findFirst()
                    .map(exe -> new InstalledProvider(source, version, platformDir, exe));
        }
    }
}
