package io.netform.cli;

import io.netform.addrs.ProviderSource;
import io.netform.config.LoadResult;
import io.netform.config.Module;
import io.netform.config.ModuleLoader;
import io.netform.config.ProviderRequirement;
import io.netform.core.GoDurations;
import io.netform.core.PluginPaths;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.SourceRange;
import io.netform.plugins.ProviderException;
import io.netform.plugins.ProviderInstaller;
import io.netform.plugins.ProviderSelection;
import io.netform.plugins.VersionConstraint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code netform init}: installs the modules the configuration calls from git repositories, then
 * selects the provider plugins it needs and records them in the lock file.
 */
@Command(name = "init", description = "Prepare your working directory for other commands.")
final class InitCommand implements Callable<Integer> {

    /** What to do next, for a person at a terminal (left out in automation, as Terraform does). */
    @ParentCommand
    private NetformCommand netform;

    @Option(
            names = "-plugin-dir",
            paramLabel = "DIR",
            description = "Directory containing plugin binaries, searched "
                    + "before the bundled plugins. May be given more than once.")
    private List<Path> pluginDirs = new ArrayList<>();

    @Option(
            names = "-upgrade",
            description = "Fetch every git module again, and select the newest allowed version "
                    + "of each provider, ignoring the versions in the lock file.")
    private boolean upgrade;

    @Option(names = "-no-color", description = "Disable coloured output.")
    private boolean noColor;

    @Option(
            names = "-input",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "BOOL",
            description = "Ask for input if necessary (Netform never asks; accepted for compatibility).")
    private boolean input = true;

    @Option(
            names = "-backend",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "BOOL",
            description = "Configure the backend (default true); false leaves the backend recorded before as it is.")
    private boolean backend = true;

    @Option(
            names = "-backend-config",
            paramLabel = "KEY=VALUE|FILE",
            description = "A backend setting (KEY=VALUE) or a file of settings (HCL attributes), merged over the "
                    + "backend block in the order given. May be given more than once.")
    private List<String> backendConfig = new ArrayList<>();

    @Option(
            names = "-reconfigure",
            description = "Use the backend configuration as it is now, without copying the state of the backend "
                    + "recorded before.")
    private boolean reconfigure;

    @Option(
            names = "-migrate-state",
            description = "Copy every workspace's state from the backend recorded before to the one configured now, "
                    + "after asking.")
    private boolean migrateState;

    @Option(names = "-force-copy", description = "Copy the state when migrating without asking (answers yes).")
    private boolean forceCopy;

    @Option(
            names = "-lock-timeout",
            paramLabel = "DURATION",
            description = "How long to wait for the state locks a migration takes (default 0s).")
    private String lockTimeout = "0s";

    @Option(
            names = "-json",
            description = "Print machine-readable output: one JSON object per line, in "
                    + "Terraform's UI format 1.3 (init_output messages with a message_code).")
    private boolean json;

    @Override
    public Integer call() {
        Ui ui = noColor ? netform.ui().withoutColor() : netform.ui();
        InitView view = InitView.of(ui, json, netform.inAutomation());
        Path dir = netform.workingDir();
        boolean[] modulesAnnounced = {false};
        LoadResult loaded = ModuleLoader.install(dir, upgrade, line -> {
            if (!modulesAnnounced[0]) {
                modulesAnnounced[0] = true;
                view.modulesStarting();
            }
            view.module(line);
        });
        if (modulesAnnounced[0]) {
            view.modulesDone();
        }
        if (view.diagnostics(loaded.diagnostics(), loaded.sources())) {
            return 1;
        }
        if (reconfigure && migrateState) {
            view.diagnostics(
                    List.of(Diagnostic.error(
                            "Invalid init options",
                            "The -migrate-state and -reconfigure options are mutually exclusive.",
                            null)),
                    Map.of());
            return 1;
        }
        if (backend
                && !new BackendInit(
                                netform,
                                ui,
                                view,
                                backendConfig,
                                reconfigure,
                                migrateState || forceCopy,
                                forceCopy,
                                GoDurations.parse(lockTimeout))
                        .run(loaded.root().settings().backend(), loaded.sources())) {
            return 1;
        }
        view.providersStarting();
        PluginPaths.record(dir, pluginDirs);
        ProviderInstaller installer = PluginPaths.installer(dir);
        Map<ProviderSource, VersionConstraint> required = requirements(loaded.root());
        List<Diagnostic> builtIn = new ArrayList<>();
        required.forEach((source, constraint) -> {
            if (source.isBuiltIn()) {
                builtInProvider(source, constraint, requiredAt(loaded.root(), source))
                        .ifPresentOrElse(builtIn::add, () -> view.provider(source + " is built in to Netform"));
            }
        });
        if (view.diagnostics(builtIn, loaded.sources())) {
            return 1;
        }
        required.keySet().removeIf(ProviderSource::isBuiltIn);
        List<ProviderSelection> selected;
        try {
            selected = installer.install(required, upgrade);
        } catch (ProviderException e) {
            view.diagnostics(List.of(Diagnostic.error("Failed to install providers", e.getMessage(), null)), Map.of());
            return 1;
        }
        for (ProviderSelection s : selected) {
            String name =
                    s.installed().source().display() + " v" + s.installed().version();
            view.provider((s.locked() ? "Using previously-installed " : "Installed ")
                    + name
                    + (s.substituted() ? " (for " + s.required().display() + ")" : ""));
        }
        view.initialized();
        return 0;
    }

    /**
     * Why a built-in provider the configuration requires cannot be used, as Terraform's installer says:
     * there is none of that name, or a version constraint is given for it (it has only the engine's own).
     */
    private static Optional<Diagnostic> builtInProvider(
            ProviderSource source, VersionConstraint constraint, SourceRange requiredAt) {
        String problem = !source.equals(ProviderSource.BUILTIN)
                ? "this Netform release has no built-in provider named \"" + source.type() + "\""
                : constraint.toString().isEmpty()
                        ? null
                        : "built-in providers do not support explicit version constraints";
        return Optional.ofNullable(problem)
                .map(p -> Diagnostic.error(
                        "Invalid built-in provider", "Cannot use " + source + ": " + p + ".", requiredAt));
    }

    /** The required_providers entry of a module that requires {@code source}, or null when none names it. */
    private static SourceRange requiredAt(Module m, ProviderSource source) {
        for (ProviderRequirement r : m.settings().requiredProviders().values()) {
            if (r.source().equals(source)) {
                return r.range();
            }
        }
        return m.children().values().stream()
                .map(c -> requiredAt(c, source))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** Every provider the configuration needs, with its constraints from all modules combined. */
    static Map<ProviderSource, VersionConstraint> requirements(Module m) {
        Map<ProviderSource, VersionConstraint> all = new LinkedHashMap<>();
        collect(m, all);
        return all;
    }

    private static void collect(Module m, Map<ProviderSource, VersionConstraint> into) {
        for (ProviderRequirement r : m.settings().requiredProviders().values()) {
            into.merge(r.source(), r.version(), VersionConstraint::and);
        }
        List<String> localNames = new ArrayList<>();
        m.resources().values().forEach(r -> localNames.add(localName(r.provider())));
        m.providers().values().forEach(p -> localNames.add(p.name()));
        for (String local : localNames) {
            if (!m.settings().requiredProviders().containsKey(local)) {
                into.putIfAbsent(ProviderSource.implied(local), VersionConstraint.any());
            }
        }
        m.children().values().forEach(c -> collect(c, into));
    }

    private static String localName(String providerKey) {
        int dot = providerKey.indexOf('.');
        return dot < 0 ? providerKey : providerKey.substring(0, dot);
    }
}
