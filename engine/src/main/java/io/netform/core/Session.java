package io.netform.core;

import io.netform.addrs.AddressException;
import io.netform.addrs.AddressParser;
import io.netform.addrs.ProviderSource;
import io.netform.addrs.ResourceInstance;
import io.netform.addrs.ResourceMode;
import io.netform.apply.Applier;
import io.netform.apply.ApplyHooks;
import io.netform.apply.ApplyResult;
import io.netform.apply.StateSink;
import io.netform.config.ImportBlock;
import io.netform.config.LoadResult;
import io.netform.config.Module;
import io.netform.config.ModuleLoader;
import io.netform.config.ProviderRequirement;
import io.netform.config.VariableInputs;
import io.netform.graph.ConfigGraph;
import io.netform.hcl.Diagnostic;
import io.netform.lang.TemplateFiles;
import io.netform.lang.function.FunctionRegistry;
import io.netform.lang.function.FunctionTable;
import io.netform.plan.Action;
import io.netform.plan.OutputChange;
import io.netform.plan.Plan;
import io.netform.plan.ResourceChange;
import io.netform.planner.PlanOptions;
import io.netform.planner.PlanResult;
import io.netform.planner.Planner;
import io.netform.plugins.DependencyLockFile;
import io.netform.plugins.ProviderClient;
import io.netform.plugins.ProviderException;
import io.netform.plugins.VersionConstraint;
import io.netform.state.Journal;
import io.netform.state.OutputState;
import io.netform.state.ResourceState;
import io.netform.state.State;
import io.netform.state.StateChange;
import io.netform.state.StateLockedException;
import io.netform.state.WorkingState;
import io.netform.state.encryption.Encryption;
import io.netform.value.CodecException;
import io.netform.value.Value;
import io.netform.walk.InstanceProviders;
import io.netform.walk.ProviderFunctions;
import io.netform.walk.ScopeBuilder;
import io.netform.walk.WalkContext;
import io.netform.walk.WalkProviders;
import io.netform.walk.WalkValues;
import io.netform.wire.SchemaBlock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * One plan, apply, refresh, import or console session: loads the configuration and its variables once,
 * locks and reads state, starts providers as walks reach them, plans, and applies with every completed
 * operation journaled, handing the plan's providers to the apply. Each step returns a {@link Result};
 * on cancellation it starts no new work and says so in the result.
 */
public final class Session implements AutoCloseable {

    private final Engine engine;
    private final OperationRequest request;
    private final OperationHooks hooks;
    private final Cancellation cancellation;
    private final Path dir;
    private LoadResult loaded;
    /** What the configuration read goes through before use: a test file's provider blocks, say. */
    private UnaryOperator<LoadResult> adjust = UnaryOperator.identity();

    private ConfigGraph graph;
    private FunctionTable functions;
    /** The same functions for plan walks, where timestamp() is known only after apply. */
    private FunctionTable planFunctions;

    private Map<String, Value> variables;
    private Encryption encryption = Encryption.NONE;
    /** When the plan this session makes or applies was made: what plantimestamp() gives. */
    private Instant planTimestamp;

    private StateBackend backend;
    private StateBackend.Lock lock;
    private State state;
    private ProviderFactory.Starter starter;
    private final List<WalkProviders> providers = new ArrayList<>();
    private final List<WalkContext> walks = new CopyOnWriteArrayList<>();
    private List<AddressParser.Target> targets = List.of();
    private List<AddressParser.Target> excludes = List.of();
    private InstanceProviders instanceProviders = InstanceProviders.CONFIGURED;

    Session(Engine engine, OperationRequest request, OperationHooks hooks, Cancellation cancellation) {
        this.engine = engine;
        this.request = request;
        this.hooks = hooks;
        this.cancellation = cancellation;
        this.dir = request.dir();
        cancellation.onCancel(() -> walks.forEach(w -> w.stopSignal().stop()));
    }

    /**
     * Has {@code chosen} pick the provider that answers for each resource instance in this session's walks, and
     * the module instances that outputs stand in for, as a test file's override blocks do.
     */
    public void useInstanceProviders(InstanceProviders chosen) {
        this.instanceProviders = chosen;
    }

    /** Loads the configuration, the variables and the graph for a new plan made now. */
    public Result<Configuration> load() {
        return load(null, Instant.now());
    }

    /**
     * Loads the configuration as {@link #load()} does, with {@code adjust} applied to it first (a test file
     * replaces the root module's provider blocks with its own, and adds its text to the sources).
     */
    public Result<Configuration> load(UnaryOperator<LoadResult> adjust) {
        this.adjust = adjust;
        return load();
    }

    /**
     * Loads the configuration and the graph with the variable values a saved plan was made with, or,
     * when {@code savedVariables} is null, with those the request, files and environment give;
     * plantimestamp() gives {@code planTimestamp}, when the plan was (or is being) made.
     */
    public Result<Configuration> load(Map<String, Value> savedVariables, Instant planTimestamp) {
        this.planTimestamp = planTimestamp;
        // The plugins start while the configuration loads, which is most of a short command's wait.
        starter().launchLocked();
        loaded = ModuleLoader.load(dir);
        if (!loaded.hasErrors()) {
            loaded = adjust.apply(loaded);
        }
        List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
        if (!loaded.hasErrors()) {
            diagnostics.addAll(StateBackends.check(loaded.root().settings().backend()));
        }
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return failed(diagnostics);
        }
        FunctionRegistry registry =
                FunctionRegistry.terraform(dir, new TemplateFiles(), Clock.systemUTC(), Optional.of(planTimestamp));
        functions = new FunctionTable(registry);
        planFunctions = FunctionTable.pureOnly(registry);
        if (savedVariables != null) {
            variables = savedVariables;
        } else {
            var inputs = VariableInputs.resolve(loaded.root(), dir, request.env(), request.variables(), functions);
            diagnostics.addAll(inputs.diagnostics());
            if (inputs.diagnostics().stream().anyMatch(Diagnostic::isError)) {
                return failed(diagnostics);
            }
            variables = inputs.values();
        }
        encryption = EncryptionBuilder.build(loaded.root(), variables, request.env(), functions, diagnostics);
        if (encryption == null) {
            return failed(diagnostics);
        }
        graph = Engine.graph(loaded, diagnostics);
        return graph == null ? failed(diagnostics) : result(new Configuration(dir, loaded, graph), diagnostics);
    }

    /** Locks (unless the request says not to) and reads the state {@code backend} keeps, for {@code operation}. */
    public Result<State> lockAndRead(String operation, StateBackend backend) {
        this.backend = backend;
        try {
            if (request.lock()) {
                lock = backend.lock(
                        operation, engine.version(), GoDurations.parse(request.lockTimeout()), hooks::stateLockWaiting);
            }
            StateBackend.Read read = backend.read(engine.version());
            state = read.state();
            read.recoveredFrom()
                    .ifPresent(journal -> hooks.stateRecovered(
                            "Recovered the changes of an " + "interrupted apply from " + journal + " into the state."));
            return result(state, List.of());
        } catch (StateLockedException e) {
            return failed(List.of(Result.message(e.getMessage())));
        } catch (RuntimeException e) {
            return failed(List.of(Result.message("Failed to load state: " + e.getMessage())));
        }
    }

    /** Plans in {@code mode}. */
    public Result<PlanResult> plan(Plan.Mode mode) {
        return plan(mode, List.of(), null);
    }

    /**
     * Plans in {@code mode} with {@code imports} besides the configuration's; {@code fixedTargets}, when
     * not null, replaces the request's targets (a command's own narrowing, so no warning about it). The
     * result holds the plan even when planning found errors, as a saved plan keeps them.
     */
    public Result<PlanResult> plan(Plan.Mode mode, List<ImportBlock> imports, List<AddressParser.Target> fixedTargets) {
        if (!request.replace().isEmpty() && mode != Plan.Mode.NORMAL) {
            // Only a normal plan has no-op and update actions that -replace could turn into replacements.
            return failed(List.of(Diagnostic.error(
                    "Unsupported plan mode",
                    "Forcing resource instance replacement (with -replace=...) is allowed only in normal planning mode.",
                    null)));
        }
        Set<ResourceInstance> replace = new HashSet<>();
        for (String address : request.replace()) {
            try {
                replace.add(AddressParser.parseInstance(address));
            } catch (IllegalArgumentException e) {
                return failed(List.of(Result.message("Invalid -replace option: " + e.getMessage())));
            }
        }
        Result<List<AddressParser.Target>> parsedTargets =
                fixedTargets != null ? result(fixedTargets, List.of()) : parseTargets("-target", request.targets());
        Result<List<AddressParser.Target>> parsedExcludes = parseTargets("-exclude", request.excludes());
        if (parsedTargets.failed()) {
            return failed(parsedTargets.diagnostics());
        }
        if (parsedExcludes.failed()) {
            return failed(parsedExcludes.diagnostics());
        }
        targets = parsedTargets.value();
        excludes = parsedExcludes.value();
        PlanOptions options =
                new PlanOptions(mode, request.refresh(), replace, targets, request.parallelism(), excludes, imports);
        PlanResult planned = Planner.plan(walkContext(planFunctions), state, options);
        if (cancellation.isCancelled()) {
            return failed(List.of(Diagnostic.error(
                    "Operation interrupted",
                    "Netform stopped planning on the " + "interrupt. Nothing was changed.",
                    null)));
        }
        List<Diagnostic> diagnostics = new ArrayList<>(planned.diagnostics());
        if ((!targets.isEmpty() && fixedTargets == null) || !excludes.isEmpty()) {
            diagnostics.add(
                    0,
                    Diagnostic.warning(
                            "Resource targeting is in effect",
                            "This plan was made with "
                                    + targetingFlags() + ", so it may leave out changes the configuration asks for. "
                                    + targetingFlags()
                                    + " is meant for exceptional cases, such as recovering from a mistake or an "
                                    + "error, not for routine use.",
                            null));
        }
        return result(planned, diagnostics);
    }

    /** Applies with the targets a saved plan was made with. */
    public Result<List<AddressParser.Target>> useTargets(List<String> addresses) {
        Result<List<AddressParser.Target>> parsed = parseTargets("-target", addresses);
        if (!parsed.failed()) {
            targets = parsed.value();
        }
        return parsed;
    }

    /** The addresses given to {@code flag}, parsed. */
    private Result<List<AddressParser.Target>> parseTargets(String flag, List<String> addresses) {
        List<AddressParser.Target> parsed = new ArrayList<>();
        for (String address : addresses) {
            try {
                parsed.add(AddressParser.parse(address));
            } catch (IllegalArgumentException e) {
                return failed(List.of(Result.message("Invalid " + flag + " option: " + e.getMessage())));
            }
        }
        return result(parsed, List.of());
    }

    /** The flags that narrow this operation, as the warnings name them. */
    private String targetingFlags() {
        return targets.isEmpty() ? "-exclude" : excludes.isEmpty() ? "-target" : "-target and -exclude";
    }

    /**
     * Applies {@code plan}, journaling each operation, then writes the state snapshot once; a
     * refresh-only plan changes nothing remote and only records what it read, with the root outputs.
     */
    public Result<ApplyResult> apply(Plan plan, ApplyHooks applyHooks) {
        if (plan.mode() == Plan.Mode.REFRESH_ONLY) {
            Recorded recorded = record(plan);
            List<Diagnostic> warnings = recorded.unstored().stream()
                    .map(text -> Diagnostic.warning("Output not stored", text, null))
                    .toList();
            return result(new ApplyResult(0, 0, 0, List.of(), List.of()), warnings);
        }
        // The plan's providers serve the apply, warm, where it configures them the same way; the
        // others must let go of what only one process may hold (the embedded NSX simulator's store,
        // say) before the apply starts its own.
        WalkProviders planning = providers.isEmpty() ? null : providers.remove(providers.size() - 1);
        closeProviders();
        WalkContext applying = walkContext(functions);
        if (planning != null) {
            planning.handOver(applying.providers());
        }
        WorkingState working = new WorkingState(plan.priorState());
        List<RuntimeException> journalFailures = new CopyOnWriteArrayList<>();
        ApplyResult applied;
        Journal started;
        try {
            started = backend.startJournal(state);
        } catch (RuntimeException e) {
            return failed(List.of(Result.message("Failed to start the state journal: " + e.getMessage())));
        }
        try (Journal journal = started) {
            StateSink sink = new StateSink() {
                @Override
                public void record(StateChange change) {
                    // The working state first: what completed reaches the final snapshot even if the journal fails.
                    working.apply(change);
                    journaled(() -> journal.append(change));
                }

                @Override
                public void flush() {
                    journaled(journal::sync);
                }

                /** A journal that fails (a lost database connection) stops new work: nothing more is durable. */
                private void journaled(Runnable step) {
                    try {
                        step.run();
                    } catch (RuntimeException e) {
                        if (journalFailures.isEmpty()) {
                            walks.forEach(w -> w.stopSignal().stop());
                        }
                        journalFailures.add(e);
                        throw e;
                    }
                }
            };
            applied = Applier.apply(applying, plan, sink, applyHooks, request.parallelism(), targets, excludes);
        }
        List<Diagnostic> diagnostics = new ArrayList<>(applied.diagnostics());
        if (!journalFailures.isEmpty()) {
            diagnostics.add(Result.message("Apply stopped: the state journal failed\n\n"
                    + journalFailures.get(0).getMessage()));
        }
        State snapshot = working.snapshot();
        try {
            state = backend.write(snapshot);
        } catch (RuntimeException e) {
            diagnostics.add(unpersisted(snapshot, e));
            return result(applied, diagnostics);
        }
        try {
            backend.clearJournal();
        } catch (UncheckedIOException e) {
            hooks.warning(e.getMessage());
        }
        if (cancellation.isCancelled()) {
            diagnostics.add(Diagnostic.error(
                    "Operation interrupted",
                    "Netform started no new work after the "
                            + "interrupt and let the operations in progress finish. The state records everything that was "
                            + "done; run apply again to make the remaining changes.",
                    null));
        }
        if (!targets.isEmpty() || !excludes.isEmpty()) {
            diagnostics.add(Diagnostic.warning(
                    "Applied changes may be incomplete",
                    "The plan was made with "
                            + targetingFlags() + ", so changes the configuration asks for may have been left out and "
                            + "outputs may not be up to date. Run plan without " + targetingFlags() + " to see whether "
                            + "other changes are pending.",
                    null));
        }
        return result(applied, diagnostics);
    }

    /**
     * The error for a final snapshot the backend could not take: as Terraform does, the state goes to
     * {@code errored.tfstate} in the working directory, to push once the backend is back; stored as the
     * backend stores state (encrypted when the configuration encrypts state), which state push reads.
     */
    private Diagnostic unpersisted(State snapshot, RuntimeException e) {
        Path errored = dir.resolve("errored.tfstate");
        String saved;
        try {
            Files.write(errored, backend.codec().encode(snapshot));
            saved = "To allow for recovery, the state has been written to the file \"" + errored + "\". The operations "
                    + "the journal recorded are replayed by the next command that takes the lock; to keep the others, "
                    + "push this file once the backend is reachable again:\n    netform state push " + errored;
        } catch (IOException io) {
            saved = "Writing the state to " + errored + " failed too: " + io.getMessage();
        }
        return Diagnostic.error(
                "Failed to persist state to backend",
                "The error below has prevented Netform from writing the updated state to " + backend.describe()
                        + ".\n\n" + e.getMessage() + "\n\n" + saved,
                null);
    }

    /**
     * Reads every object in state and records what changed outside Netform, with the root outputs,
     * changing nothing remote (Terraform's {@code apply -refresh-only -auto-approve}).
     */
    public Result<Refreshed> refresh() {
        Result<PlanResult> planned = plan(Plan.Mode.REFRESH_ONLY);
        if (planned.failed() || planned.value().hasErrors()) {
            return failed(planned.diagnostics());
        }
        Plan plan = planned.value().plan();
        Recorded recorded = record(plan);
        return result(new Refreshed(recorded.state(), plan.drift(), recorded.unstored()), planned.diagnostics());
    }

    /** Writes what a refresh-only plan read, with its root outputs, as the new state snapshot. */
    private Recorded record(Plan plan) {
        WorkingState next = new WorkingState(plan.priorState());
        List<String> unstored = new ArrayList<>();
        for (OutputChange output : plan.outputs().values()) {
            if (output.action() == Action.DELETE || output.after().isNull()) {
                next.apply(new StateChange.RemoveOutput(output.name()));
            } else if (output.after().isWhollyKnown() && output.action() != Action.NO_OP) {
                try {
                    next.apply(new StateChange.PutOutput(
                            output.name(), OutputState.of(output.after(), output.sensitive())));
                } catch (CodecException e) {
                    unstored.add("output " + output.name() + " cannot be stored: " + e.getMessage());
                }
            }
        }
        return new Recorded(write(next.snapshot()), unstored);
    }

    /** The state a refresh-only plan's recording wrote, and the outputs it could not store. */
    private record Recorded(State state, List<String> unstored) {}

    /** What refresh recorded: the state written, the objects changed outside Netform, outputs it could not store. */
    public record Refreshed(State state, List<ResourceChange> drift, List<String> unstored) {}

    /**
     * The resource instance {@code address} names, as import needs it: a managed resource whose block
     * the loaded configuration declares.
     */
    public Result<ResourceInstance> importTarget(String address) {
        ResourceInstance target;
        try {
            target = AddressParser.parseInstance(address);
        } catch (AddressException e) {
            return failed(List.of(Diagnostic.error("Invalid address", e.getMessage(), null)));
        }
        if (target.resource().resource().mode() == ResourceMode.DATA) {
            return failed(List.of(Diagnostic.error(
                    "Invalid address",
                    "A managed resource address is required; " + address
                            + " is a data source, which Netform reads rather than imports.",
                    null)));
        }
        Module m = loaded.root().descendant(target.module().configPath());
        var resource = target.resource().resource();
        if (m != null && m.resources().containsKey(resource)) {
            return result(target, List.of());
        }
        String where = target.module().isRoot() ? "the root module" : "module " + target.module();
        return failed(List.of(Diagnostic.error(
                "Configuration for import target does not exist",
                "The resource "
                        + "address \"" + target.resource()
                        + "\" does not exist in the configuration.\n\nBefore importing "
                        + "this resource, please create its configuration in " + where + ". For example:\n\nresource \""
                        + resource.type() + "\" \"" + resource.name() + "\" {\n  # (resource arguments)\n}",
                null)));
    }

    /**
     * Adopts the existing object {@code id} into state at {@code target} (from {@link #importTarget}):
     * its provider imports and reads it; nothing else is planned or changed.
     */
    public Result<Imported> importObject(ResourceInstance target, String id) {
        if (state.current(target).isPresent()) {
            return failed(List.of(Diagnostic.error(
                    "Resource already managed by Netform",
                    "Netform is already "
                            + "managing a remote object for " + target
                            + ". To import to this address you must first remove "
                            + "the existing object from the state.",
                    null)));
        }
        Result<PlanResult> planned = plan(
                Plan.Mode.NORMAL,
                List.of(ImportBlock.of(target, id, null)),
                List.of(new AddressParser.ResourceInstanceTarget(target)));
        if (planned.failed() || planned.value().hasErrors()) {
            return failed(planned.diagnostics());
        }
        State prior = planned.value().plan().priorState();
        ResourceState imported = prior.resources().get(target.resource());
        var object = prior.current(target).orElseThrow();
        WorkingState next = new WorkingState(state);
        next.apply(new StateChange.PutObject(target, imported.provider(), object));
        write(next.snapshot());
        return result(new Imported(target, object.attributes().path("id").asText(id)), planned.diagnostics());
    }

    /** An object import adopted at {@code address}, whose {@code id} attribute is {@code objectId}. */
    public record Imported(ResourceInstance address, String objectId) {}

    /** The schema of the object a change is about, from the provider that planned it. */
    public SchemaBlock schemaOf(ResourceChange change) {
        for (WalkProviders p : providers) {
            var provider = p.runningOf(change.provider().source());
            if (provider != null) {
                var schema = provider.schema();
                var types = change.address().resource().resource().mode() == ResourceMode.DATA
                        ? schema.dataSources()
                        : schema.resources();
                var found = types.get(change.address().resource().resource().type());
                if (found != null) {
                    return found.block();
                }
            }
        }
        return SchemaBlock.empty();
    }

    /** The text of every configuration file loaded, by the name diagnostics use. */
    public Map<String, String> sources() {
        return loaded == null ? Map.of() : loaded.sources();
    }

    /** The dependency lock file's text, empty when there is none. */
    public String lockFileText() {
        Path lockFile = dir.resolve(DependencyLockFile.FILE_NAME);
        try {
            return Files.isRegularFile(lockFile) ? Files.readString(lockFile) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + lockFile + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code next} as the new state snapshot (the serial goes up if the content changed). */
    public State write(State next) {
        state = backend.write(next);
        return state;
    }

    /** When the plan this session makes or applies was made. */
    public Instant planTimestamp() {
        return planTimestamp;
    }

    /** The functions for evaluating for real, as apply and the console do (timestamp() known). */
    public FunctionTable functions() {
        return functions;
    }

    /**
     * How state and saved plans are stored, as the configuration's encryption block and TF_ENCRYPTION say
     * (known once {@link #load} succeeded).
     */
    public Encryption encryption() {
        return encryption;
    }

    /** The loaded configuration's root module. */
    public Module root() {
        return loaded.root();
    }

    /** The state as last read or written. */
    public State state() {
        return state;
    }

    /** Whether the session was cancelled; its work stopped early. */
    public boolean wasCancelled() {
        return cancellation.isCancelled();
    }

    /** The last walk of the configuration (plan or apply), with the values it computed; null before any. */
    public WalkContext lastWalk() {
        return walks.isEmpty() ? null : walks.get(walks.size() - 1);
    }

    /** A walk's context; plan walks get a pure-only function table, as Terraform's (timestamp() known after apply). */
    private WalkContext walkContext(FunctionTable walkFunctions) {
        WalkValues values = new WalkValues();
        WalkProviders p = new WalkProviders(graph, this::startProvider);
        providers.add(p);
        WalkContext context = new WalkContext(
                graph,
                values,
                new ScopeBuilder(
                        values, walkFunctions, dir, backend.workspace(), new ProviderFunctions(p::forFunctions)),
                p,
                variables,
                engine.version());
        context.onRefresh(hooks);
        context.onInstances(instanceProviders);
        walks.add(context);
        if (cancellation.isCancelled()) {
            context.stopSignal().stop();
        }
        return context;
    }

    private ProviderClient startProvider(ProviderSource source) {
        return starter().start(source, constraintOf(source));
    }

    private ProviderFactory.Starter starter() {
        if (starter == null) {
            starter = engine.providers(dir, request.env());
        }
        return starter;
    }

    private VersionConstraint constraintOf(ProviderSource source) {
        VersionConstraint all = VersionConstraint.any();
        for (ProviderRequirement r :
                requirements(loaded.root(), new LinkedHashMap<>()).values()) {
            if (r.source().equals(source)) {
                all = all.and(r.version());
            }
        }
        return all;
    }

    /** Every module's required_providers, by module path and local name. */
    private static Map<String, ProviderRequirement> requirements(Module m, Map<String, ProviderRequirement> into) {
        m.settings().requiredProviders().forEach((k, v) -> into.merge(m.path() + ":" + k, v, (a, b) -> a));
        m.children().values().forEach(c -> requirements(c, into));
        return into;
    }

    private void closeProviders() {
        for (WalkProviders p : providers) {
            try {
                p.close();
            } catch (ProviderException e) {
                hooks.warning(e.getMessage());
            }
        }
        providers.clear();
    }

    private <T> Result<T> result(T value, List<Diagnostic> diagnostics) {
        return new Result<>(value, diagnostics, sources());
    }

    private <T> Result<T> failed(List<Diagnostic> diagnostics) {
        return Result.failed(diagnostics, sources());
    }

    /** Stops the providers and releases the state lock. */
    @Override
    public void close() {
        closeProviders();
        if (starter != null) {
            starter.close();
        }
        try {
            if (lock != null) {
                lock.release(hooks::stateUnlockWaiting);
            }
        } finally {
            if (backend != null) {
                backend.close();
            }
        }
    }
}
