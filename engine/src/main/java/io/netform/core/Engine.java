package io.netform.core;

import io.netform.config.LoadResult;
import io.netform.config.Module;
import io.netform.config.ModuleLoader;
import io.netform.config.VariableInputs;
import io.netform.goplugin.PluginLogSink;
import io.netform.graph.ConfigGraph;
import io.netform.graph.ConfigGraphBuilder;
import io.netform.hcl.Diagnostic;
import io.netform.lang.TemplateFiles;
import io.netform.lang.function.FunctionRegistry;
import io.netform.lang.function.FunctionTable;
import io.netform.planner.SchemaValidation;
import io.netform.state.encryption.Encryption;
import io.netform.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine's operations: {@link #load} and {@link #validate} a configuration, and {@link #session}
 * for what needs state and running providers (plan, apply, destroy, refresh, import, console). Each
 * returns its value with its diagnostics; nothing is printed.
 */
public final class Engine {

    private final ProviderFactory providers;
    private final PluginLogSink log;
    private final String version;

    /**
     * @param providers where providers come from
     * @param log       where provider plugins' log lines go
     * @param version   the Terraform version Netform implements, recorded in state and plans
     */
    public Engine(ProviderFactory providers, PluginLogSink log, String version) {
        this.providers = providers;
        this.log = log;
        this.version = version;
    }

    /** The configuration in {@code dir} with its dependency graph; bad references and cycles are errors. */
    public Result<Configuration> load(Path dir) {
        return configuration(dir, ModuleLoader.load(dir));
    }

    /** The dependency graph of a configuration already loaded (from a saved plan's snapshot, say). */
    public Result<Configuration> configuration(Path dir, LoadResult loaded) {
        List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
        if (!loaded.hasErrors()) {
            diagnostics.addAll(StateBackends.check(loaded.root().settings().backend()));
        }
        ConfigGraph graph = diagnostics.stream().anyMatch(Diagnostic::isError) ? null : graph(loaded, diagnostics);
        return new Result<>(
                graph == null ? null : new Configuration(dir, loaded, graph), diagnostics, loaded.sources());
    }

    /**
     * The configuration in {@code dir} checked as {@code netform validate} does: {@link #load}, then each
     * resource and data block against its provider's schema (providers started, never configured).
     */
    public Result<Configuration> validate(Path dir) {
        Result<Configuration> loaded = load(dir);
        if (loaded.failed()) {
            return loaded;
        }
        List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
        // Validation reads no remote state, so the built-in provider needs no environment.
        ProviderFactory.Starter starter = providers(dir, Map.of());
        diagnostics.addAll(SchemaValidation.run(
                loaded.value().graph(),
                source -> starter.start(source, io.netform.plugins.VersionConstraint.any()),
                FunctionTable.pureOnly(FunctionRegistry.terraform(dir, new TemplateFiles()))));
        return new Result<>(loaded.value(), diagnostics, loaded.sources());
    }

    /**
     * A session for one plan, apply, refresh, import or console: configuration, state and providers held
     * across its steps; {@code cancellation} stops its work early, {@code hooks} hear of its progress.
     */
    public Session session(OperationRequest request, OperationHooks hooks, Cancellation cancellation) {
        return new Session(this, request, hooks, cancellation);
    }

    /**
     * Starts the providers of one command working in {@code dir} (to read their schemas, say): those the
     * factory gives, and the built-in {@code terraform} provider, whose remote states read {@code env}
     * as backends do.
     */
    public ProviderFactory.Starter providers(Path dir, Map<String, String> env) {
        return new BuiltinProviders(providers.forCommand(dir, log), dir, env, log, version);
    }

    /**
     * How the configuration in {@code dir} stores state and saved plans, for a command that needs no
     * session (state pull, show, output, ...): its encryption block evaluated with the variables
     * {@code variables}, files and {@code env} give, merged with TF_ENCRYPTION. A configuration that does
     * not load gives TF_ENCRYPTION's alone.
     */
    public Result<Encryption> encryption(Path dir, Map<String, String> env, List<VariableInputs.Argument> variables) {
        LoadResult loaded = ModuleLoader.load(dir);
        Module root = loaded.hasErrors() ? null : loaded.root();
        FunctionTable functions = FunctionTable.pureOnly(FunctionRegistry.terraform(dir, new TemplateFiles()));
        // Only the variables the encryption block uses must have values; it reports those that have none.
        Map<String, Value> values = root == null
                ? Map.of()
                : VariableInputs.resolve(root, dir, env, variables, functions).values();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Encryption encryption = EncryptionBuilder.build(root, values, env, functions, diagnostics);
        return new Result<>(encryption, diagnostics, loaded.sources());
    }

    /** This engine with its providers coming from {@code adjust} applied to its own (mocked in tests, say). */
    public Engine withProviders(java.util.function.UnaryOperator<ProviderFactory> adjust) {
        return new Engine(adjust.apply(providers), log, version);
    }

    /** The Terraform version Netform implements. */
    public String version() {
        return version;
    }

    /** The graph of {@code loaded}, or null with the reason added to {@code diagnostics}. */
    static ConfigGraph graph(LoadResult loaded, List<Diagnostic> diagnostics) {
        return ConfigGraphBuilder.build(loaded.root()).into(diagnostics);
    }
}
