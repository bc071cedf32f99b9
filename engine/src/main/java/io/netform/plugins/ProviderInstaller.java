package io.netform.plugins;

import io.netform.addrs.ProviderSource;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.ParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Selects provider versions for {@code netform init} and records them in the dependency lock
 * file; finds the locked plugins for the other commands, refusing any whose files no longer hash
 * to what the lock file recorded.
 */
public final class ProviderInstaller {

    /** Sources of existing configurations that Netform's bundled providers stand in for. */
    private static final Map<ProviderSource, ProviderSource> SUBSTITUTES = Map.of(
            ProviderSource.parse("vmware/nsxt"), ProviderSource.parse("netform/nsxt"),
            ProviderSource.parse("hashicorp/kubernetes"), ProviderSource.parse("netform/kubernetes"));

    private static final Comparator<ProviderSource> BY_ADDRESS = Comparator.comparing(ProviderSource::toString);

    private final PluginDirectories directories;
    private final Path lockFile;
    private final PluginHashes hashes;
    private DependencyLock lock;
    /** Plugins whose hash was checked, so that a command hashes each plugin directory once. */
    private final Map<LockedProvider, InstalledProvider> verified = new HashMap<>();

    /**
     * @param directories where plugins are searched: -plugin-dir, the bundled plugins, ~/.netform/plugins
     * @param lockFile    the configuration's {@value DependencyLockFile#FILE_NAME}
     * @param hashes      where the plugins' hashes are remembered between commands
     */
    public ProviderInstaller(PluginDirectories directories, Path lockFile, PluginHashes hashes) {
        this.directories = directories;
        this.lockFile = lockFile;
        this.hashes = hashes;
    }

    /**
     * Selects a version of every required provider, keeping a locked version that still satisfies
     * the constraints unless {@code upgrade}, and rewrites the lock file with the selections.
     *
     * @param required the constraints per source, already combined over every module
     * @throws ProviderException listing every provider that cannot be selected; the lock file is then left as it was
     */
    public synchronized List<ProviderSelection> install(
            Map<ProviderSource, VersionConstraint> required, boolean upgrade) {
        DependencyLock previous = lock();
        Map<ProviderSource, List<ProviderSource>> byUsedSource = new TreeMap<>(BY_ADDRESS);
        required.keySet().stream()
                .sorted(BY_ADDRESS)
                .forEach(source -> byUsedSource
                        .computeIfAbsent(usedSource(source), s -> new ArrayList<>())
                        .add(source));
        List<ProviderSelection> selections = new ArrayList<>();
        List<LockedProvider> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        byUsedSource.forEach((used, requiredAs) -> {
            // A stand-in's version numbers are its own: constraints written for the original do not apply.
            VersionConstraint constraint = required.getOrDefault(used, VersionConstraint.any());
            try {
                Selected selected = select(used, constraint, previous.get(used), upgrade, requiredAs, required);
                entries.add(selected.entry());
                requiredAs.forEach(
                        source -> selections.add(new ProviderSelection(source, selected.installed(), selected.kept())));
            } catch (ProviderException e) {
                problems.add(e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new ProviderException(String.join("\n\n", problems));
        }
        lock = DependencyLock.of(entries);
        verified.clear();
        DependencyLockFile.write(lockFile, lock);
        return List.copyOf(selections);
    }

    /**
     * The sources the lock file has entries for, in its order.
     *
     * @throws ProviderException when the lock file cannot be read
     */
    public synchronized List<ProviderSource> lockedSources() {
        return lock().providers().stream().map(LockedProvider::source).toList();
    }

    /** The locked plugin of {@code source}, for a configuration that places no constraint on its version. */
    public InstalledProvider locate(ProviderSource source) {
        return locate(source, VersionConstraint.any());
    }

    /**
     * The plugin the lock file selected for {@code source}, checked against its recorded hashes.
     *
     * @throws ProviderException naming the provider and telling to run {@code netform init} when the
     *     lock file has no entry for it, the entry no longer satisfies {@code constraint}, the plugin
     *     is not installed or its files do not hash to a recorded hash
     */
    public synchronized InstalledProvider locate(ProviderSource source, VersionConstraint constraint) {
        DependencyLock current = lock();
        LockedProvider entry = current.get(source)
                .or(() -> Optional.ofNullable(SUBSTITUTES.get(source))
                        .filter(s -> directories.versions(source).isEmpty())
                        .flatMap(current::get))
                .orElseThrow(() -> inconsistent("the provider " + source.display()
                        + " is required by the configuration but has no entry in the lock file."));
        if (entry.source().equals(source) && !constraint.allows(entry.version())) {
            throw inconsistent("the lock file selects " + source.display() + " v" + entry.version()
                    + ", which does not satisfy the configured constraint \"" + constraint + "\".");
        }
        InstalledProvider known = verified.get(entry);
        if (known != null) {
            return known;
        }
        InstalledProvider installed = directories
                .exact(entry.source(), entry.version())
                .orElseThrow(() -> notInstalled(entry, "run \"netform init\" to select an installed version"));
        String hash = hashes.h1(installed.directory());
        if (!entry.hashes().contains(hash)) {
            throw hashMismatch(entry, installed, hash, "Netform refuses to start it");
        }
        verified.put(entry, installed);
        return installed;
    }

    /** A selection and the lock entry recording it. */
    private record Selected(LockedProvider entry, InstalledProvider installed, boolean kept) {}

    private Selected select(
            ProviderSource used,
            VersionConstraint constraint,
            Optional<LockedProvider> locked,
            boolean upgrade,
            List<ProviderSource> requiredAs,
            Map<ProviderSource, VersionConstraint> required) {
        String comment = standInComment(used, requiredAs, required);
        String constraintText = required.containsKey(used) ? constraint.toString() : "";
        if (!upgrade && locked.isPresent() && constraint.allows(locked.get().version())) {
            LockedProvider entry = locked.get();
            InstalledProvider installed = directories
                    .exact(used, entry.version())
                    .orElseThrow(() -> notInstalled(
                            entry, "install it, or run \"netform init -upgrade\" to select another version"));
            String hash = hashes.h1(installed.directory());
            if (!entry.hashes().contains(hash)) {
                throw hashMismatch(entry, installed, hash, "Netform keeps the recorded hashes");
            }
            return new Selected(
                    new LockedProvider(used, entry.version(), constraintText, entry.hashes(), comment),
                    installed,
                    true);
        }
        InstalledProvider installed =
                directories.newest(used, constraint).orElseThrow(() -> noMatch(used, constraint, requiredAs));
        return new Selected(
                new LockedProvider(
                        used, installed.version(), constraintText, List.of(hashes.h1(installed.directory())), comment),
                installed,
                false);
    }

    /** The source whose plugin is used for {@code source}: a stand-in only when no plugin of its own is installed. */
    private ProviderSource usedSource(ProviderSource source) {
        ProviderSource substitute = SUBSTITUTES.get(source);
        return substitute == null || !directories.versions(source).isEmpty() ? source : substitute;
    }

    private static String standInComment(
            ProviderSource used, List<ProviderSource> requiredAs, Map<ProviderSource, VersionConstraint> required) {
        return requiredAs.stream()
                .filter(source -> !source.equals(used))
                .map(source -> "Stands in for " + source.display() + ": no plugin for " + source.display()
                        + " is installed"
                        + (required.get(source).toString().isEmpty()
                                ? "."
                                : "; its constraint \"" + required.get(source) + "\" does not apply to "
                                        + used.display() + "."))
                .collect(Collectors.joining("\n"));
    }

    private DependencyLock lock() {
        if (lock == null) {
            ParseResult<DependencyLock> read = DependencyLockFile.read(lockFile);
            if (read.hasErrors()) {
                throw new ProviderException("The dependency lock file cannot be read:\n"
                        + read.diagnostics().stream()
                                .filter(Diagnostic::isError)
                                .map(d -> "  " + d.subject() + ": " + d.summary() + ": " + d.detail())
                                .collect(Collectors.joining("\n"))
                        + "\nFix or delete it, then run \"netform init\".");
            }
            lock = read.value();
        }
        return lock;
    }

    private ProviderException inconsistent(String problem) {
        return new ProviderException("Inconsistent dependency lock file: " + problem + " The lock file "
                + lockFile + " must record a version of every provider the configuration uses; run \"netform init\""
                + " to update it.");
    }

    private ProviderException notInstalled(LockedProvider entry, String remedy) {
        return new ProviderException(
                "The lock file " + lockFile + " selects " + entry.source().display() + " v" + entry.version()
                        + ", which is not installed in any of " + searched() + "; " + remedy + ".");
    }

    private ProviderException hashMismatch(
            LockedProvider entry, InstalledProvider installed, String actual, String consequence) {
        return new ProviderException("The plugin of " + entry.source().display() + " v" + entry.version() + " in "
                + installed.directory() + " does not match the lock file " + lockFile + ": its files hash to "
                + actual + ", but the lock file expects " + String.join(" or ", entry.hashes()) + ". "
                + consequence + ". If the plugin was changed on purpose (e.g. rebuilt), run \"netform init"
                + " -upgrade\" to record its new hash.");
    }

    private ProviderException noMatch(
            ProviderSource used, VersionConstraint constraint, List<ProviderSource> requiredAs) {
        String name = requiredAs.contains(used)
                ? used.display()
                : requiredAs.get(0).display() + " (or its stand-in " + used.display() + ")";
        List<InstalledProvider> versions = directories.versions(used);
        if (versions.isEmpty()) {
            return new ProviderException("No plugin for the provider " + name + " is installed in any of " + searched()
                    + " (laid out as HOST/NAMESPACE/TYPE/VERSION/OS_ARCH/terraform-provider-TYPE).");
        }
        return new ProviderException("No installed version of the provider " + name + " satisfies the constraint \""
                + constraint + "\"; installed: "
                + versions.stream().map(p -> p.version().toString()).collect(Collectors.joining(", ")) + " (in "
                + searched() + ").");
    }

    private String searched() {
        return directories.roots().stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
