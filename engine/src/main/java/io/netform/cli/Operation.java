package io.netform.cli;

import io.netform.addrs.AddressParser;
import io.netform.addrs.ProviderSource;
import io.netform.addrs.ResourceInstance;
import io.netform.apply.ApplyHooks;
import io.netform.apply.ApplyResult;
import io.netform.apply.Applier;
import io.netform.apply.StateSink;
import io.netform.config.LoadResult;
import io.netform.config.Module;
import io.netform.config.ModuleLoader;
import io.netform.config.ProviderRequirement;
import io.netform.config.VariableInputs;
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
import io.netform.plan.ProviderFunctions;
import io.netform.plan.Providers;
import io.netform.plan.ScopeBuilder;
import io.netform.plan.WalkContext;
import io.netform.plan.WalkValues;
import io.netform.providers.ProviderException;
import io.netform.providers.ProviderInstaller;
import io.netform.providers.ProviderLauncher;
import io.netform.providers.VersionConstraint;
import io.netform.state.LocalStateFile;
import io.netform.state.LockInfo;
import io.netform.state.State;
import io.netform.state.StateChange;
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
    /** The same functions for plan walks, where timestamp() is known only after apply. */
    private FunctionTable planFunctions;
    private Map<String, io.netform.value.Value> variables;
    /** When the plan this operation makes or applies was made: what plantimestamp() gives. */
    private java.time.Instant planTimestamp;
    private Workspaces workspaces;
    private String workspace;
    private LocalStateFile stateFile;
    private StateLock lock;
    private State state;
    private ProviderInstaller installer;
    private ProviderLauncher launcher;
    private final List<Providers> providers = new ArrayList<>();
    private final List<WalkContext> walks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
    private final Thread interruptHook = new Thread(this::interrupted, "netform-interrupt");
    private volatile boolean interrupted;
    private List<AddressParser.Target> targets = List.of();
    private final JsonUiStream json;
    private List<AddressParser.Target> excludes = List.of();

    /** Starts an operation; with -json, the machine-readable stream starts with its version message. */
    Operation(NetformCommand netform, OperationFlags flags) {
        this.netform = netform;
        this.flags = flags;
        this.ui = flags.noColor ? netform.ui().withoutColor() : netform.ui();
        this.dir = netform.workingDir();
        this.json = flags.json ? new JsonUiStream(ui.out(), java.time.Clock.systemUTC()) : null;
        if (json != null) {
            json.version(BuildInfo.version());
        }
        Runtime.getRuntime().addShutdownHook(interruptHook);
    }

    /**
     * Ctrl-C (or SIGTERM): start no new work, ask providers to stop theirs, and hold the JVM until
     * the operations in progress have finished and the state is written.
     */
    private void interrupted() {
        interrupted = true;
        ui.err().println("\n" + ui.bold("Interrupt received.") + "\nPlease wait for Netform to exit or data loss "
                + "may occur.\nGracefully shutting down...");
        ui.err().flush();
        walks.forEach(w -> w.stopSignal().stop());
        try {
            finished.await(5, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the operation was interrupted; its work stopped early. */
    boolean wasInterrupted() {
        return interrupted;
    }

    Ui ui() {
        return ui;
    }

    /** The machine-readable UI stream with -json, else null. */
    JsonUiStream json() {
        return json;
    }

    /** Reports an error that has no place in the configuration: its first line is the summary. */
    void error(String message) {
        if (json == null) {
            ui.err().println("\n" + ui.red(ui.bold("Error: ")) + message);
            return;
        }
        int newline = message.indexOf('\n');
        printer().print(List.of(Diagnostic.error(newline < 0 ? message : message.substring(0, newline),
                newline < 0 ? "" : message.substring(newline + 1).strip(), null)));
    }

    /** Loads the configuration, the variables and the graph for a new plan made now; false after printing errors. */
    boolean load() {
        return load(null, java.time.Instant.now());
    }

    /**
     * Loads the configuration and the graph with the variable values a saved plan was made with, or,
     * when {@code savedVariables} is null, with those the flags, files and environment give;
     * plantimestamp() gives {@code planTimestamp}, when the plan was (or is being) made.
     */
    boolean load(Map<String, io.netform.value.Value> savedVariables, java.time.Instant planTimestamp) {
        this.planTimestamp = planTimestamp;
        loaded = ModuleLoader.load(dir);
        if (printer().print(loaded.diagnostics())) {
            return false;
        }
        workspaces = Workspaces.of(netform, loaded.root());
        workspace = workspaces.current();
        FunctionRegistry registry = FunctionRegistry.terraform(dir, new TemplateFiles(), java.time.Clock.systemUTC(),
                java.util.Optional.of(planTimestamp));
        functions = new FunctionTable(registry);
        planFunctions = FunctionTable.pureOnly(registry);
        if (savedVariables != null) {
            variables = savedVariables;
        } else {
            var inputs = VariableInputs.resolve(loaded.root(), dir, netform.env(), flags.variables, functions);
            if (printer().print(inputs.diagnostics())) {
                return false;
            }
            variables = inputs.values();
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        try {
            graph = ConfigGraphBuilder.build(loaded.root(), diagnostics);
        } catch (CycleException e) {
            diagnostics.add(Diagnostic.error("Cycle in the configuration", e.getMessage(), null));
        }
        return !printer().print(diagnostics) && graph != null;
    }

    DiagnosticPrinter printer() {
        return new DiagnosticPrinter(ui, loaded == null ? Map.of() : loaded.sources(), json, flags.compactWarnings);
    }

    /** Locks (unless -lock=false) and reads state, replaying a journal left by an interrupted apply. */
    State lockAndRead(String operation) {
        Path path = flags.state != null ? dir.resolve(flags.state) : workspaces.statePath(workspace);
        stateFile = new LocalStateFile(path);
        try {
            if (flags.lock) {
                lock = StateLock.acquire(path, LockInfo.forOperation(operation, BuildInfo.version(),
                        path.toString()), flags.lockTimeout());
            }
            boolean recovering = stateFile.hasJournal();
            state = stateFile.read(BuildInfo.version());
            if (recovering) {
                String text = "Recovered the changes of an interrupted apply from "
                        + stateFile.journalPath().getFileName() + " into the state.";
                if (json != null) {
                    json.log("warn", text);
                } else {
                    ui.err().println(ui.yellow(text));
                }
            }
            return state;
        } catch (StateLockedException e) {
            error(e.getMessage());
            return null;
        } catch (RuntimeException e) {
            error("Failed to load state: " + e.getMessage());
            return null;
        }
    }

    /** Plans in {@code mode}; prints diagnostics. */
    PlanResult plan(Plan.Mode mode) {
        return plan(mode, List.of(), null);
    }

    /**
     * Plans in {@code mode} with {@code imports} besides the configuration's; {@code fixedTargets}, when
     * not null, replaces -target (a command's own narrowing, so no warning about it); prints diagnostics.
     */
    PlanResult plan(Plan.Mode mode, List<io.netform.config.ImportBlock> imports,
            List<AddressParser.Target> fixedTargets) {
        Set<ResourceInstance> replace = new HashSet<>();
        for (String address : flags.replace) {
            try {
                replace.add(AddressParser.parseInstance(address));
            } catch (IllegalArgumentException e) {
                error("Invalid -replace option: " + e.getMessage());
                return null;
            }
        }
        targets = fixedTargets != null ? fixedTargets : parseTargets("-target", flags.target);
        excludes = parseTargets("-exclude", flags.exclude);
        if (targets == null || excludes == null) {
            return null;
        }
        PlanOptions options = new PlanOptions(mode, flags.refresh, replace, targets, flags.parallelism, excludes,
                imports);
        PlanResult result = Planner.plan(walkContext(planFunctions), state, options);
        if (interrupted) {
            printer().print(List.of(Diagnostic.error("Operation interrupted", "Netform stopped planning on the "
                    + "interrupt. Nothing was changed.", null)));
            return null;
        }
        List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics());
        if ((!targets.isEmpty() && fixedTargets == null) || !excludes.isEmpty()) {
            diagnostics.add(0, Diagnostic.warning("Resource targeting is in effect", "This plan was made with "
                    + targetingFlags() + ", so it may leave out changes the configuration asks for. "
                    + targetingFlags() + " is meant for exceptional cases, such as recovering from a mistake or an "
                    + "error, not for routine use.", null));
        }
        printer().print(diagnostics);
        return result;
    }

    /** Applies with the targets a saved plan was made with; false after printing why one is invalid. */
    boolean useTargets(List<String> addresses) {
        targets = parseTargets("-target", addresses);
        return targets != null;
    }

    /** The addresses given to {@code flag}, or null after printing why one is invalid. */
    private List<AddressParser.Target> parseTargets(String flag, List<String> addresses) {
        List<AddressParser.Target> parsed = new ArrayList<>();
        for (String address : addresses) {
            try {
                parsed.add(AddressParser.parse(address));
            } catch (IllegalArgumentException e) {
                error("Invalid " + flag + " option: " + e.getMessage());
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
        // The plan's providers serve the apply, warm, where it configures them the same way; the
        // others must let go of what only one process may hold (the embedded NSX simulator's store,
        // say) before the apply starts its own.
        Providers planning = providers.isEmpty() ? null : providers.remove(providers.size() - 1);
        closeProviders();
        WalkContext applying = walkContext(functions);
        if (planning != null) {
            planning.handOver(applying.providers());
        }
        WorkingState working = new WorkingState(plan.priorState());
        ApplyResult result;
        try (StateJournal journal = StateJournal.start(stateFile.journalPath(), state)) {
            StateSink sink = new StateSink() {
                @Override
                public void record(StateChange change) {
                    journal.append(change);
                    working.apply(change);
                }

                @Override
                public void flush() {
                    journal.sync();
                }
            };
            result = Applier.apply(applying, plan, sink, hooks, flags.parallelism, targets, excludes);
        }
        state = stateFile.write(working.snapshot());
        try {
            java.nio.file.Files.deleteIfExists(stateFile.journalPath());
        } catch (java.io.IOException e) {
            ui.err().println("Warning: could not remove the state journal " + stateFile.journalPath());
        }
        List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics());
        if (interrupted) {
            diagnostics.add(Diagnostic.error("Operation interrupted", "Netform started no new work after the "
                    + "interrupt and let the operations in progress finish. The state records everything that was "
                    + "done; run apply again to make the remaining changes.", null));
        }
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

    /** The text of every configuration file loaded, by the name diagnostics use. */
    Map<String, String> sources() {
        return loaded.sources();
    }

    /** The dependency lock file's text, empty when there is none. */
    String lockFileText() {
        Path lockFile = dir.resolve(io.netform.providers.DependencyLockFile.FILE_NAME);
        try {
            return java.nio.file.Files.isRegularFile(lockFile) ? java.nio.file.Files.readString(lockFile) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not read " + lockFile + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code next} as the new state snapshot (the serial goes up if the content changed). */
    State write(State next) {
        state = stateFile.write(next);
        return state;
    }

    /** When the plan this operation makes or applies was made. */
    java.time.Instant planTimestamp() {
        return planTimestamp;
    }

    /** The functions for evaluating for real, as apply and the console do (timestamp() known). */
    FunctionTable functions() {
        return functions;
    }

    /** The loaded configuration's root module. */
    Module root() {
        return loaded.root();
    }

    /** The state as last read or written. */
    State state() {
        return state;
    }

    /** The last walk of the configuration (plan or apply), with the values it computed; null before any. */
    WalkContext lastWalk() {
        return walks.isEmpty() ? null : walks.get(walks.size() - 1);
    }

    /** A walk's context; plan walks get a pure-only function table, as Terraform's (timestamp() known after apply). */
    private WalkContext walkContext(FunctionTable functions) {
        WalkValues values = new WalkValues();
        Providers p = new Providers(graph, this::startProvider);
        providers.add(p);
        WalkContext context = new WalkContext(graph, values,
                new ScopeBuilder(values, functions, dir, workspace, new ProviderFunctions(p::forFunctions)), p,
                variables, BuildInfo.version());
        if (json != null) {
            context.onRefresh(new JsonRefreshView(json));
        }
        walks.add(context);
        if (interrupted) {
            context.stopSignal().stop();
        }
        return context;
    }

    private io.netform.providers.Provider startProvider(ProviderSource source) {
        if (installer == null) {
            installer = PluginPaths.installer(dir);
            launcher = new ProviderLauncher(netform.log().pluginSink(), dir);
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
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(interruptHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running; it returns now that the work is done.
        }
    }
}
