package io.netform.moduletest;

import io.netform.addrs.ModuleInstance;
import io.netform.addrs.ProviderSource;
import io.netform.addrs.ResourceMode;
import io.netform.apply.ApplyHooks;
import io.netform.apply.ApplyResult;
import io.netform.config.LoadResult;
import io.netform.config.Module;
import io.netform.config.ModuleLoader;
import io.netform.config.ProviderRequirement;
import io.netform.config.TestFile;
import io.netform.config.VariableInputs;
import io.netform.core.Cancellation;
import io.netform.core.Engine;
import io.netform.core.MemoryStateBackend;
import io.netform.core.OperationHooks;
import io.netform.core.OperationRequest;
import io.netform.core.Result;
import io.netform.core.Session;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import io.netform.lang.Evaluation;
import io.netform.lang.Evaluator;
import io.netform.lang.Scope;
import io.netform.lang.TemplateFiles;
import io.netform.lang.function.FunctionRegistry;
import io.netform.lang.function.FunctionTable;
import io.netform.plan.Plan;
import io.netform.planner.PlanResult;
import io.netform.state.InstanceObject;
import io.netform.state.ResourceState;
import io.netform.state.State;
import io.netform.value.Value;
import io.netform.walk.Repetition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Runs test files as {@code terraform test} does: each file's run blocks in order, each a plan or a plan and
 * apply of the module under test (or of the run's own module) against in-memory state kept per state key,
 * later runs seeing earlier runs' outputs as {@code run.NAME}; then everything the file applied is destroyed,
 * the states in reverse order of the runs that last used them.
 */
public final class TestRunner {

    /** The errors that make a run fail rather than error: what it checked came out otherwise than asserted. */
    private static final java.util.Set<String> FAILURES =
            java.util.Set.of("Test assertion failed", "Missing expected failure");

    private final Engine engine;
    private final Path moduleDir;
    private final Map<String, String> env;
    private final List<VariableInputs.Argument> variables;
    private final TestProgress progress;
    private final Cancellation cancellation;
    private final FunctionTable functions;

    /**
     * @param moduleDir the module under test; run modules and file names are relative to it
     * @param variables the command line's -var and -var-file, which test files' variables override
     */
    public TestRunner(
            Engine engine,
            Path moduleDir,
            Map<String, String> env,
            List<VariableInputs.Argument> variables,
            TestProgress progress,
            Cancellation cancellation) {
        this.engine = engine;
        this.moduleDir = moduleDir;
        this.env = Map.copyOf(env);
        this.variables = List.copyOf(variables);
        this.progress = progress;
        this.cancellation = cancellation;
        this.functions = FunctionTable.pureOnly(FunctionRegistry.terraform(moduleDir, new TemplateFiles()));
    }

    /** Runs {@code file}, whose text is {@code source}, and cleans up after it. */
    public FileResult run(TestFile file, String source) {
        progress.fileStarted(file.name());
        // Only mocks and file-level overrides need the module under test before a run loads it.
        boolean needsModule = !file.mocks().isEmpty() || !file.overrides().isEmpty();
        LoadResult underTest = needsModule ? ModuleLoader.load(moduleDir) : null;
        FileRun run = new FileRun(file, source, mocked(file, underTest));
        List<RunResult> runs = new ArrayList<>();
        List<Diagnostic> fileDiagnostics = new ArrayList<>(OverrideTargets.unusedInFile(file, moduleDir, underTest));
        Map<String, Value> fileVariables = evaluate(file.variables(), Scope.of(Map.of(), functions), fileDiagnostics);
        boolean errored = fileDiagnostics.stream().anyMatch(Diagnostic::isError);
        for (int i = 0; i < file.runs().size(); i++) {
            TestFile.Run r = file.runs().get(i);
            RunResult result = errored || cancellation.isCancelled()
                    ? RunResult.skipped(r.name())
                    : run.execute(r, i, fileVariables);
            errored |= result.status() == TestStatus.ERROR;
            runs.add(result);
            progress.runCompleted(file.name(), result);
        }
        progress.tearingDown(file.name());
        List<Diagnostic> cleanup = new ArrayList<>();
        List<LeftBehind> leftBehind = run.cleanUp(cleanup);
        TestStatus status = fileDiagnostics.stream().anyMatch(Diagnostic::isError)
                        || cleanup.stream().anyMatch(Diagnostic::isError)
                ? TestStatus.ERROR
                : TestStatus.PASS;
        for (RunResult r : runs) {
            status = status.merge(r.status());
        }
        FileResult result = new FileResult(file.name(), status, runs, fileDiagnostics, cleanup, leftBehind);
        progress.fileCompleted(result);
        return result;
    }

    /**
     * The engine for {@code file}: its mock_provider blocks' providers mocked, each found by its {@code source}
     * or by the module under test's required_providers entry of its name.
     */
    private Engine mocked(TestFile file, LoadResult underTest) {
        if (file.mocks().isEmpty()) {
            return engine;
        }
        Map<ProviderSource, TestFile.MockProvider> mocks = new HashMap<>();
        for (TestFile.MockProvider mock : file.mocks()) {
            ProviderRequirement required = underTest.hasErrors()
                    ? null
                    : underTest.root().settings().requiredProviders().get(mock.name());
            ProviderSource source = mock.source() != null
                    ? ProviderSource.parse(mock.source())
                    : required != null ? required.source() : ProviderSource.implied(mock.name());
            mocks.put(source, mock);
        }
        return engine.withProviders(real -> new MockProviders(real, mocks));
    }

    private Map<String, Value> evaluate(Map<String, Expression> expressions, Scope scope, List<Diagnostic> into) {
        Map<String, Value> values = new LinkedHashMap<>();
        expressions.forEach((name, e) -> {
            Evaluation evaluation = Evaluator.evaluate(e, scope);
            into.addAll(evaluation.diagnostics());
            values.put(name, evaluation.value());
        });
        return values;
    }

    /** One state of a file: where it is, the module and variables of the last run that used it. */
    private static final class StateSlot {
        final MemoryStateBackend backend;
        /** The run's own module directory, or null for the module under test. */
        Path module;

        List<VariableInputs.Argument> arguments;
        /** The last run's override blocks, which its destroy keeps from reaching the providers too. */
        List<TestFile.Override> overrides = List.of();

        int lastRun;

        StateSlot(String name) {
            backend = new MemoryStateBackend(name);
        }
    }

    /** The runs of one file, sharing its states and outputs. */
    private final class FileRun {
        private final TestFile file;
        private final String source;
        private final Map<String, StateSlot> states = new LinkedHashMap<>();
        private final Map<String, Value> outputs = new LinkedHashMap<>();

        private final Engine engine;

        FileRun(TestFile file, String source, Engine engine) {
            this.file = file;
            this.source = source;
            this.engine = engine;
        }

        RunResult execute(TestFile.Run run, int index, Map<String, Value> fileVariables) {
            long started = System.nanoTime();
            List<Diagnostic> diagnostics = new ArrayList<>();
            Scope scope = Scope.of(Map.of("run", Value.object(outputs), "var", Value.object(fileVariables)), functions);
            Map<String, Value> runVariables = evaluate(run.variables(), scope, diagnostics);
            if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
                return done(run, TestStatus.ERROR, diagnostics, started, null, null);
            }
            List<VariableInputs.Argument> arguments = new ArrayList<>(variables);
            fileVariables.forEach((k, v) -> arguments.add(new VariableInputs.Assigned(k, v)));
            runVariables.forEach((k, v) -> arguments.add(new VariableInputs.Assigned(k, v)));
            StateSlot slot = states.computeIfAbsent(run.stateKey(), k -> new StateSlot(stateName(k)));
            slot.module = run.module() == null
                    ? null
                    : moduleDir.resolve(run.module()).normalize();
            slot.arguments = arguments;
            slot.overrides = run.overrides();
            slot.lastRun = index;
            TestFile.PlanOptions options = run.options();
            OperationRequest request = new OperationRequest(
                    moduleDir,
                    env,
                    arguments,
                    options.refresh(),
                    options.replace(),
                    options.target(),
                    List.of(),
                    10,
                    false,
                    "0s");
            ExpectedFailures expected = new ExpectedFailures(run.expectFailures());
            try (Session session = engine.session(request, OperationHooks.NONE, cancellation)) {
                session.useInstanceProviders(new Overrides(run.overrides(), file.overrides()));
                Result<?> loaded = session.load(withFile(slot.module));
                if (loaded.failed()) {
                    diagnostics.addAll(expected.filter(loaded.diagnostics(), rootOf(session), false));
                    return finish(run, expected, diagnostics, started, null, null);
                }
                diagnostics.addAll(loaded.diagnostics());
                diagnostics.addAll(OverrideTargets.unusedInRun(run, session.root()));
                Result<State> read = session.lockAndRead("OperationTypeApply", slot.backend);
                if (read.failed()) {
                    diagnostics.addAll(read.diagnostics());
                    return done(run, TestStatus.ERROR, diagnostics, started, null, null);
                }
                boolean apply = run.command() == TestFile.Command.APPLY;
                Result<PlanResult> planned =
                        session.plan(options.refreshOnly() ? Plan.Mode.REFRESH_ONLY : Plan.Mode.NORMAL);
                diagnostics.addAll(expected.filter(planned.diagnostics(), session.root(), apply));
                if (planned.failed() || planned.value().hasErrors()) {
                    return finish(
                            run,
                            expected,
                            diagnostics,
                            started,
                            planned.value() == null ? null : planned.value().plan(),
                            null);
                }
                Plan plan = planned.value().plan();
                if (apply) {
                    Result<ApplyResult> applied = session.apply(plan, ApplyHooks.NONE);
                    diagnostics.addAll(expected.filter(applied.diagnostics(), session.root(), false));
                    if (applied.hasErrors()) {
                        return finish(run, expected, diagnostics, started, plan, session.state());
                    }
                }
                var walk = session.lastWalk();
                Map<String, Value> runOutputs = walk.values().outputs(ModuleInstance.ROOT);
                Scope values = walk.scopes()
                        .scope(session.root(), ModuleInstance.ROOT, Repetition.NONE, assertExpressions(run))
                        .with("run", Value.object(outputs))
                        .with("output", Value.object(runOutputs));
                new Assertions(run, apply).check(values, diagnostics);
                outputs.put(run.name(), Value.object(runOutputs));
                return finish(run, expected, diagnostics, started, plan, apply ? session.state() : null);
            }
        }

        private List<Expression> assertExpressions(TestFile.Run run) {
            List<Expression> out = new ArrayList<>();
            run.asserts().forEach(a -> {
                out.add(a.condition());
                out.add(a.errorMessage());
            });
            return out;
        }

        /** The run's status from its diagnostics, once the expected failures that did not happen are added. */
        private RunResult finish(
                TestFile.Run run,
                ExpectedFailures expected,
                List<Diagnostic> diagnostics,
                long started,
                Plan plan,
                State state) {
            diagnostics.addAll(expected.missing());
            TestStatus status = TestStatus.PASS;
            for (Diagnostic d : diagnostics) {
                if (d.isError()) {
                    status = status.merge(FAILURES.contains(d.summary()) ? TestStatus.FAIL : TestStatus.ERROR);
                }
            }
            // An expected failure that stopped an apply fails the run; its diagnostic is reported with it.
            if (diagnostics.stream().anyMatch(d -> d.summary().equals("Expected failure while planning"))) {
                status = TestStatus.FAIL;
            }
            return done(run, status, diagnostics, started, plan, state);
        }

        private RunResult done(
                TestFile.Run run,
                TestStatus status,
                List<Diagnostic> diagnostics,
                long started,
                Plan plan,
                State state) {
            return new RunResult(
                    run.name(), status, diagnostics, (System.nanoTime() - started) / 1_000_000, plan, state);
        }

        private String stateName(String key) {
            return key.isEmpty() ? "the state of " + file.name() : "the state \"" + key + "\" of " + file.name();
        }

        /**
         * The configuration to run: the module under test or the run's {@code module}, which works in the module
         * under test's directory as Terraform's do (its providers, lock file and path.root), with the file's
         * provider blocks in place of its own and the file's text for diagnostics.
         */
        private UnaryOperator<LoadResult> withFile(Path module) {
            return underTest -> {
                LoadResult loaded = module == null ? underTest : ModuleLoader.load(module);
                if (loaded.hasErrors()) {
                    return loaded;
                }
                Map<String, String> sources = new HashMap<>(loaded.sources());
                sources.put(file.name(), source);
                Module root = file.providers().isEmpty()
                        ? loaded.root()
                        : loaded.root().withProviders(file.providers());
                return new LoadResult(root, loaded.diagnostics(), sources);
            };
        }

        private Module rootOf(Session session) {
            try {
                return session.root();
            } catch (RuntimeException e) {
                return null;
            }
        }

        /** Destroys every state, in reverse order of its last run; returns the addresses left behind. */
        List<LeftBehind> cleanUp(List<Diagnostic> diagnostics) {
            List<StateSlot> slots = new ArrayList<>(states.values());
            slots.sort((a, b) -> Integer.compare(b.lastRun, a.lastRun));
            List<LeftBehind> left = new ArrayList<>();
            for (StateSlot slot : slots) {
                if (slot.backend.state() == null
                        || slot.backend.state().resources().isEmpty()) {
                    continue;
                }
                diagnostics.addAll(destroy(slot));
                left.addAll(managedAddresses(slot.backend.state()));
            }
            return left;
        }

        private List<Diagnostic> destroy(StateSlot slot) {
            OperationRequest request = new OperationRequest(
                    moduleDir, env, slot.arguments, true, List.of(), List.of(), List.of(), 10, false, "0s");
            // Cleanup runs after an interrupt too: what the file created must not outlive it.
            try (Session session = engine.session(request, OperationHooks.NONE, new Cancellation())) {
                session.useInstanceProviders(new Overrides(slot.overrides, file.overrides()));
                Result<?> loaded = session.load(withFile(slot.module));
                if (loaded.failed()) {
                    return loaded.diagnostics();
                }
                Result<State> read = session.lockAndRead("OperationTypeApply", slot.backend);
                if (read.failed()) {
                    return read.diagnostics();
                }
                Result<PlanResult> planned = session.plan(Plan.Mode.DESTROY);
                if (planned.failed() || planned.value().hasErrors()) {
                    return planned.diagnostics();
                }
                return session.apply(planned.value().plan(), ApplyHooks.NONE).diagnostics();
            }
        }
    }

    /** The managed resource instance objects {@code state} records. */
    static List<LeftBehind> managedAddresses(State state) {
        List<LeftBehind> out = new ArrayList<>();
        for (ResourceState resource : state.resourceStates()) {
            if (resource.address().resource().mode() != ResourceMode.MANAGED) {
                continue;
            }
            for (InstanceObject object : resource.instances()) {
                String address = resource.address().instance(object.key()).toString();
                out.add(new LeftBehind(address, object.isCurrent() ? null : object.deposed()));
            }
        }
        return out;
    }
}
