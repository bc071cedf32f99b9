package io.netform.cli;

import io.netform.addrs.AddressParser;
import io.netform.addrs.ProviderSource;
import io.netform.addrs.ResourceInstance;
import io.netform.apply.ApplyHooks;
import io.netform.apply.ApplyResult;
import io.netform.apply.Applier;
import io.netform.config.LoadResult;
import io.netform.config.Module;
import io.netform.config.ModuleLoader;
import io.netform.config.ProviderRequirement;
import io.netform.config.VariableInputs;
import io.netform.goplugin.PluginLogSink;
import io.netform.graph.ConfigGraph;
import io.netform.graph.ConfigGraphBuilder;
import io.netform.graph.CycleException;
import io.netform.hcl.Diagnostic;
import io.netform.lang.TemplateFiles;
import io.netform.lang.function.FunctionRegistry;
import io.netform.lang.function.FunctionTable;
import io.netform.plan.Plan;
import io.netform.plan.PlanOptions;
import io.netform.plan.PlanResult;
import io.netform.plan.Planner;
import io.netform.plan.Providers;
import io.netform.plan.ScopeBuilder;
import io.netform.plan.WalkContext;
import io.netform.plan.WalkValues;
import io.netform.providers.PluginDirectories;
import io.netform.providers.Platform;
import io.netform.providers.ProviderException;
import io.netform.providers.ProviderInstaller;
import io.netform.providers.ProviderLauncher;
import io.netform.providers.VersionConstraint;
import io.netform.state.LocalStateFile;
import io.netform.state.LockInfo;
import io.netform.state.State;
import io.netform.state.StateJournal;
import io.netform.state.StateLock;
import io.netform.state.StateLockedException;
import io.netform.state.WorkingState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One plan or apply from the command line: loads the configuration and its variables, builds the
 * graph, locks and reads state, starts providers, plans, and applies with every completed
 * operation journaled. Prints diagnostics as it goes; each step returns null or false after an error.
 */
final class Operation implements AutoCloseable {

    private final NetformCommand netform;
    private final OperationFlags flags;
    private final Ui ui;
    private final Path dir;
    private LoadResult loaded;
    private ConfigGraph graph;
    private FunctionTable functions;
    private Map<String, io.netform.value.Value> variables;
    private LocalStateFile stateFile;
    private StateLock lock;
    private State state;
    private ProviderInstaller installer;
    private ProviderLauncher launcher;
    private final List<Providers> providers = new ArrayList<>();
    private List<AddressParser.Target> targets = List.of();
    private List<AddressParser.Target> excludes = List.of();

    Operation(NetformCommand netform, OperationFlags flags) {
        this.netform = netform;
        this.flags = flags;
        this.ui = flags.noColor ? netform.ui().withoutColor() : netform.ui();
        this.dir = netform.workingDir();
    }

    Ui ui() {
        return ui;
    }

    /** Loads the configuration, the variables and the graph; false after printing errors. */
    boolean load() {
        loaded = ModuleLoader.load(dir);
        if (printer().print(loaded.diagnostics())) {
            return false;
        }
        functions = new FunctionTable(FunctionRegistry.terraform(dir, new TemplateFiles()));
        var inputs = VariableInputs.resolve(loaded.root(), dir, System.getenv(), flags.variables, functions);
        if (printer().print(inputs.diagnostics())) {
            return false;
        }
        variables = inputs.values();
        List<Diagnostic> diagnostics = new ArrayList<>();
        try {
            graph = ConfigGraphBuilder.build(loaded.root(), diagnostics);
        } catch (CycleException e) {
            diagnostics.add(Diagnostic.error("Cycle in the configuration", e.getMessage(), null));
        }
        return !printer().print(diagnostics) && graph != null;
    }

    DiagnosticPrinter printer() {
        return new DiagnosticPrinter(ui, loaded == null ? Map.of() : loaded.sources());
    }

    /** Locks (unless -lock=false) and reads state, replaying a journal left by an interrupted apply. */
    State lockAndRead(String operation) {
        Module root = loaded.root();
        Path path = flags.state != null ? dir.resolve(flags.state)
                : dir.resolve(root.settings().backendConfig().getOrDefault("path", "terraform.tfstate"));
        stateFile = new LocalStateFile(path);
        try {
            if (flags.lock) {
                lock = StateLock.acquire(path, LockInfo.forOperation(operation, BuildInfo.version(),
                        path.toString()), flags.lockTimeout());
            }
            boolean recovering = stateFile.hasJournal();
            state = stateFile.read(BuildInfo.version());
            if (recovering) {
                ui.err().println(ui.yellow("Recovered the changes of an interrupted apply from "
                        + stateFile.journalPath().getFileName() + " into the state."));
            }
            return state;
        } catch (StateLockedException e) {
            ui.err().println("\n" + ui.red(ui.bold("Error: ")) + e.getMessage());
            return null;
        } catch (RuntimeException e) {
            ui.err().println("\n" + ui.red(ui.bold("Error: ")) + "Failed to load state: " + e.getMessage());
            return null;
        }
    }

    /** Plans in {@code mode}; prints diagnostics. */
    PlanResult plan(Plan.Mode mode) {
        Set<ResourceInstance> replace = new HashSet<>();
        for (String address : flags.replace) {
            try {
                replace.add(AddressParser.parseInstance(address));
            } catch (IllegalArgumentException e) {
                ui.err().println("\n" + ui.red(ui.bold("Error: ")) + "Invalid -replace option: " + e.getMessage());
                return null;
            }
        }
        targets = parseTargets("-target", flags.target);
        excludes = parseTargets("-exclude", flags.exclude);
        if (targets == null || excludes == null) {
            return null;
        }
        PlanOptions options = new PlanOptions(mode, flags.refresh, replace, targets, flags.parallelism, excludes);
        PlanResult result = Planner.plan(walkContext(), state, options);
        List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics());
        if (!targets.isEmpty() || !excludes.isEmpty()) {
            diagnostics.add(0, Diagnostic.warning("Resource targeting is in effect", "This plan was made with "
                    + targetingFlags() + ", so it may leave out changes the configuration asks for. "
                    + targetingFlags() + " is meant for exceptional cases, such as recovering from a mistake or an "
                    + "error, not for routine use.", null));
        }
        printer().print(diagnostics);
        return result;
    }

    /** The addresses given to {@code flag}, or null after printing why one is invalid. */
    private List<AddressParser.Target> parseTargets(String flag, List<String> addresses) {
        List<AddressParser.Target> parsed = new ArrayList<>();
        for (String address : addresses) {
            try {
                parsed.add(AddressParser.parse(address));
            } catch (IllegalArgumentException e) {
                ui.err().println("\n" + ui.red(ui.bold("Error: ")) + "Invalid " + flag + " option: "
                        + e.getMessage());
                return null;
            }
        }
        return parsed;
    }

    /** The flags that narrow this operation, as the warnings name them. */
    private String targetingFlags() {
        return targets.isEmpty() ? "-exclude" : excludes.isEmpty() ? "-target" : "-target and -exclude";
    }

    /** Applies {@code plan}, journaling each operation, then writes the state snapshot once. */
    ApplyResult apply(Plan plan, ApplyHooks hooks) {
        // The apply walk starts its own providers, as Terraform does; the planning ones must let go
        // first of what only one process may hold (the embedded NSX simulator's store, say).
        closeProviders();
        WorkingState working = new WorkingState(plan.priorState());
        ApplyResult result;
        try (StateJournal journal = StateJournal.start(stateFile.journalPath(), state)) {
            result = Applier.apply(walkContext(), plan, change -> {
                journal.append(change);
                working.apply(change);
            }, hooks, flags.parallelism, targets, excludes);
        }
        state = stateFile.write(working.snapshot());
        try {
            java.nio.file.Files.deleteIfExists(stateFile.journalPath());
        } catch (java.io.IOException e) {
            ui.err().println("Warning: could not remove the state journal " + stateFile.journalPath());
        }
        List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics());
        if (!targets.isEmpty() || !excludes.isEmpty()) {
            diagnostics.add(Diagnostic.warning("Applied changes may be incomplete", "The plan was made with "
                    + targetingFlags() + ", so changes the configuration asks for may have been left out and "
                    + "outputs may not be up to date. Run plan without " + targetingFlags() + " to see whether "
                    + "other changes are pending.", null));
        }
        printer().print(diagnostics);
        return result;
    }

    /** The schema of the object a change is about, from the provider that planned it. */
    io.netform.providers.BlockSchema schemaOf(io.netform.plan.ResourceChange change) {
        for (Providers p : providers) {
            var provider = p.runningOf(change.provider().source());
            if (provider != null) {
                var schema = provider.schema();
                var types = change.address().resource().resource().mode() == io.netform.addrs.ResourceMode.DATA
                        ? schema.dataSources() : schema.resources();
                var found = types.get(change.address().resource().resource().type());
                if (found != null) {
                    return found.block();
                }
            }
        }
        return io.netform.providers.BlockSchema.empty();
    }

    /** The state as last read or written. */
    State state() {
        return state;
    }

    private WalkContext walkContext() {
        WalkValues values = new WalkValues();
        Providers p = new Providers(graph, this::startProvider);
        providers.add(p);
        return new WalkContext(graph, values, new ScopeBuilder(values, functions, dir, "default"), p, variables,
                BuildInfo.version());
    }

    private io.netform.providers.Provider startProvider(ProviderSource source) {
        if (installer == null) {
            installer = new ProviderInstaller(new PluginDirectories(PluginPaths.searchPath(dir), Platform.current()),
                    dir.resolve(io.netform.providers.DependencyLockFile.FILE_NAME));
            launcher = new ProviderLauncher(pluginLogs(), dir);
        }
        return launcher.start(installer.locate(source, constraintOf(source)));
    }

    private VersionConstraint constraintOf(ProviderSource source) {
        VersionConstraint all = VersionConstraint.any();
        for (ProviderRequirement r : requirements(loaded.root(), new LinkedHashMap<>()).values()) {
            if (r.source().equals(source)) {
                all = all.and(r.version());
            }
        }
        return all;
    }

    static Map<String, ProviderRequirement> requirements(Module m, Map<String, ProviderRequirement> into) {
        m.settings().requiredProviders().forEach((k, v) -> into.merge(m.path() + ":" + k, v, (a, b) -> a));
        m.children().values().forEach(c -> requirements(c, into));
        return into;
    }

    private PluginLogSink pluginLogs() {
        boolean debug = Logging.debugEnabled();
        return (plugin, record) -> {
            if (debug) {
                ui.err().println(plugin + ": " + record.message() + (record.fields().isEmpty() ? ""
                        : " " + record.fields()));
            }
        };
    }

    private void closeProviders() {
        for (Providers p : providers) {
            try {
                p.close();
            } catch (ProviderException e) {
                ui.err().println("Warning: " + e.getMessage());
            }
        }
        providers.clear();
    }

    @Override
    public void close() {
        closeProviders();
        if (lock != null) {
            lock.close();
        }
    }
}
