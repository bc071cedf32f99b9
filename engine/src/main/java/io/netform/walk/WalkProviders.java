package io.netform.walk;

import io.netform.addrs.InstanceKey;
import io.netform.addrs.ModuleInstance;
import io.netform.addrs.ProviderConfig;
import io.netform.addrs.ProviderSource;
import io.netform.graph.ConfigGraph;
import io.netform.graph.Node.ProviderNode;
import io.netform.plugins.ProviderClient;
import io.netform.value.Value;
import io.netform.wire.ProviderSchema;
import io.netform.wire.SchemaBlock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The providers of one walk: one running plugin per provider configuration, started when the walk
 * reaches the configuration, and closed together at the end, unless handed over to the command's next
 * walk (an apply after its plan), which keeps each one it configures the same way.
 */
public final class WalkProviders implements AutoCloseable {

    private final ConfigGraph graph;
    private final ProviderStarter factory;
    /** The module path of the stand-in configurations that {@link #unconfigured} starts. */
    private static final String REMOVED = "(removed)";

    private final Map<ProviderNode, ProviderClient> running = new ConcurrentHashMap<>();
    /** The configuration each running provider was configured with. */
    private final Map<ProviderNode, Value> configuredWith = new ConcurrentHashMap<>();
    /** Of the running providers, those a previous walk configured, with the configuration it gave them. */
    private final Map<ProviderNode, Value> inherited = new ConcurrentHashMap<>();
    /** WalkProviders started only to call their functions, which need no configuration. */
    private final Map<ProviderSource, ProviderClient> forFunctions = new ConcurrentHashMap<>();

    public WalkProviders(ConfigGraph graph, ProviderStarter factory) {
        this.graph = graph;
        this.factory = factory;
    }

    /** Where the provider of a configuration comes from: its local name looked up in required_providers. */
    public ProviderSource sourceOf(ProviderNode node) {
        return graph.providerSource(node);
    }

    /**
     * The address state and plans record for the provider configuration {@code node}: in the module whose
     * provider block it is ({@code module.a.provider["…"]}), or the root's for one a module inherits.
     */
    public ProviderConfig addressOf(ProviderNode node) {
        ModuleInstance module = ModuleInstance.ROOT;
        for (String name : node.path()) {
            module = module.child(name, InstanceKey.NONE);
        }
        return new ProviderConfig(
                module,
                sourceOf(node),
                node.key().contains(".") ? node.key().substring(node.key().indexOf('.') + 1) : null);
    }

    /** The provider of a configuration, started on first use. */
    public ProviderClient get(ProviderNode node) {
        return running.computeIfAbsent(node, n -> factory.start(sourceOf(n)));
    }

    /** The running provider of a configuration, or null if it was never started. */
    public ProviderClient started(ProviderNode node) {
        return running.get(node);
    }

    /** The schema of a configuration's provider. */
    public ProviderSchema schema(ProviderNode node) {
        return get(node).schema();
    }

    /** A running provider of {@code source}, any configuration, or null: for schemas and functions. */
    public ProviderClient runningOf(ProviderSource source) {
        for (var e : running.entrySet()) {
            if (runningAddress(e.getKey()).source().equals(source)) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * The configuration a running provider serves: its node's, or the default one for a stand-in that
     * {@link #unconfigured} started.
     */
    private ProviderConfig runningAddress(ProviderNode node) {
        return node.path().equals(List.of(REMOVED))
                ? ProviderConfig.root(ProviderSource.parse(node.key()))
                : addressOf(node);
    }

    /**
     * A provider of {@code source} to call functions on: one already running, else one started for
     * that alone and never configured (functions need no configuration, as in Terraform).
     */
    public ProviderClient forFunctions(ProviderSource source) {
        ProviderClient found = runningOf(source);
        return found != null ? found : forFunctions.computeIfAbsent(source, factory::start);
    }

    /**
     * The provider of objects state records under the configuration {@code stored} whose resource has no
     * configured provider (gone from the configuration, or any resource in a destroy plan), resolved as
     * Terraform resolves it: the running provider of exactly that configuration, module and alias included;
     * for the root module's default configuration when nothing configures it, one configured with an empty
     * configuration, as Terraform implies one; and null for any other configuration no longer in the
     * configuration (a module's own provider block, an alias), which Terraform refuses to stand in for
     * ("Provider configuration not present").
     */
    public ProviderClient forStored(ProviderConfig stored, String netformVersion) {
        for (var e : running.entrySet()) {
            if (runningAddress(e.getKey()).equals(stored)) {
                return e.getValue();
            }
        }
        return stored.module().isRoot() && stored.alias() == null
                ? unconfigured(stored.source(), netformVersion)
                : null;
    }

    /**
     * A provider of {@code source} configured with an empty configuration, for objects in state whose
     * provider configuration is no longer in the configuration.
     */
    private ProviderClient unconfigured(ProviderSource source, String netformVersion) {
        ProviderNode key = new ProviderNode(List.of(REMOVED), source.toString());
        return running.computeIfAbsent(key, k -> {
            ProviderClient p = factory.start(source);
            Value empty = emptyConfig(p.schema().provider().block());
            p.configure(empty, netformVersion);
            configuredWith.put(k, empty);
            return p;
        });
    }

    private static Value emptyConfig(SchemaBlock schema) {
        return ConfigDecoder.decode(
                        new io.netform.hcl.Body(List.of(), null),
                        schema,
                        io.netform.lang.Scope.of(Map.of(), io.netform.lang.function.Functions.NONE))
                .value()
                .unmarkDeep();
    }

    /** Notes that {@code node}'s provider is configured with {@code config}. */
    public void configured(ProviderNode node, Value config) {
        configuredWith.put(node, config);
    }

    /**
     * Whether {@code node}'s provider, handed over by a previous walk, was configured with {@code config}
     * there, so that it needs no configuring again. One configured differently is closed: {@link #get}
     * then starts a new process, as a provider is configured once in its life.
     */
    public boolean configuredAlready(ProviderNode node, Value config) {
        Value before = inherited.remove(node);
        if (before == null) {
            return false;
        }
        if (before.equals(config)) {
            configuredWith.put(node, config);
            return true;
        }
        ProviderClient stale = running.remove(node);
        configuredWith.remove(node);
        if (stale != null) {
            stale.close();
        }
        return false;
    }

    /**
     * Hands this walk's configured providers to {@code next}, the same command's next walk, and closes
     * the others. A plugin process then serves the plan and the apply, warm, and started once, unless the
     * apply configures it differently (a configuration that depended on values known only after apply).
     */
    public void handOver(WalkProviders next) {
        running.forEach((node, provider) -> {
            Value config = configuredWith.get(node);
            if (config == null) {
                provider.close();
            } else {
                next.running.put(node, provider);
                next.inherited.put(node, config);
            }
        });
        next.forFunctions.putAll(forFunctions);
        running.clear();
        configuredWith.clear();
        inherited.clear();
        forFunctions.clear();
    }

    /** Asks every running provider to stop its work (Ctrl-C). */
    public void stopAll() {
        running.values().forEach(ProviderClient::stop);
    }

    @Override
    public void close() {
        running.values().forEach(ProviderClient::close);
        forFunctions.values().forEach(ProviderClient::close);
        forFunctions.clear();
        running.clear();
        configuredWith.clear();
        inherited.clear();
    }
}
