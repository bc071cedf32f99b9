package io.netform.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.addrs.ProviderSource;
import io.netform.addrs.ResourceMode;
import io.netform.config.Module;
import io.netform.config.ModuleCall;
import io.netform.config.Output;
import io.netform.config.ProviderBlock;
import io.netform.config.ProviderRequirement;
import io.netform.config.ResourceConfig;
import io.netform.config.Variable;
import io.netform.graph.ConfigGraph;
import io.netform.graph.Node.ProviderNode;
import io.netform.graph.Node.ResourceNode;
import io.netform.hcl.Expression;
import io.netform.state.ResourceSchemaLookup;
import io.netform.state.ValueJson;
import io.netform.wire.ProviderSchema;
import io.netform.wire.Schema;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code configuration} part of the plan JSON, from the configuration the plan was made from:
 * every provider configuration (keyed {@code name}, {@code name.alias} or {@code module.x:name}), and per
 * module its outputs, resources, module calls and variables, with their expressions unevaluated.
 * Each resource's {@code provider_config_key} names the configuration it really uses, also when that is
 * inherited from or passed by a calling module.
 */
final class PlanConfigurationJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Comparator<ResourceConfig> RESOURCE_ORDER = Comparator.comparing(
                    (ResourceConfig r) -> r.address().mode() == ResourceMode.DATA)
            .thenComparing(r -> r.address().toString());

    private final ConfigGraph config;
    private final Map<ProviderSource, ProviderSchema> schemas;
    private final Map<String, ObjectNode> providers = new TreeMap<>();

    private PlanConfigurationJson(ConfigGraph config, Map<ProviderSource, ProviderSchema> schemas) {
        this.config = config;
        this.schemas = schemas;
    }

    /**
     * The configuration document.
     *
     * @param schemas the schemas of the providers that could be started: they decide which arguments and
     *                nested blocks are written, in which shape, and the schema versions
     */
    static ObjectNode encode(ConfigGraph config, Map<ProviderSource, ProviderSchema> schemas) {
        PlanConfigurationJson encoder = new PlanConfigurationJson(config, schemas);
        Module root = config.module(List.of());
        encoder.declaredProviders(root, Set.of());
        config.providers().values().forEach(encoder::usedProvider);
        ObjectNode out = NODES.objectNode();
        ObjectNode providerConfig = out.putObject("provider_config");
        encoder.providers.forEach(providerConfig::set);
        out.set("root_module", encoder.module(root));
        return out;
    }

    /**
     * The provider blocks of {@code m} and its descendants, and the required providers that no calling
     * module configures ({@code inherited} holds the local names a module gets from its caller).
     */
    private void declaredProviders(Module m, Set<String> inherited) {
        for (ProviderBlock block : m.providers().values()) {
            ProviderNode node = new ProviderNode(m.path(), block.key());
            ObjectNode entry = entry(node);
            providers.put(key(m.path(), block.key()), entry);
            ProviderSchema schema = schemas.get(config.providerSource(node));
            ObjectNode expressions = ConfigExpressionJson.body(
                    block.config(), schema == null ? null : schema.provider().block());
            if (!expressions.isEmpty()) {
                entry.set("expressions", expressions);
            }
        }
        Set<String> available = new HashSet<>(inherited);
        m.providers().values().forEach(b -> available.add(b.name()));
        for (String local : m.settings().requiredProviders().keySet()) {
            if (m.isRoot() || !inherited.contains(local)) {
                providers.computeIfAbsent(key(m.path(), local), k -> entry(new ProviderNode(m.path(), local)));
            }
            available.add(local);
        }
        for (ModuleCall call : m.calls().values()) {
            Module child = m.children().get(call.name());
            if (child != null) {
                Set<String> passed = new HashSet<>(available);
                call.providers().keySet().forEach(passed::add);
                declaredProviders(child, passed);
            }
        }
    }

    /** Makes sure the configuration a resource uses is listed, also when it is only implied by the resource type. */
    private void usedProvider(ProviderNode node) {
        providers.computeIfAbsent(key(node.path(), node.key()), k -> entry(node));
    }

    /** A provider configuration's entry, without expressions. */
    private ObjectNode entry(ProviderNode node) {
        int dot = node.key().indexOf('.');
        String local = dot < 0 ? node.key() : node.key().substring(0, dot);
        ObjectNode p = NODES.objectNode();
        p.put("name", local);
        p.put("full_name", config.providerSource(node).toString());
        if (dot >= 0) {
            p.put("alias", node.key().substring(dot + 1));
        }
        ProviderRequirement required =
                config.module(node.path()).settings().requiredProviders().get(local);
        if (required != null
                && required.version() != null
                && !required.version().toString().isEmpty()) {
            p.put("version_constraint", required.version().toString());
        }
        if (!node.path().isEmpty()) {
            p.put("module_address", moduleAddress(node.path()));
        }
        return p;
    }

    private ObjectNode module(Module m) {
        ObjectNode out = NODES.objectNode();
        if (!m.outputs().isEmpty()) {
            ObjectNode outputs = out.putObject("outputs");
            new TreeMap<>(m.outputs()).forEach((name, o) -> outputs.set(name, output(o)));
        }
        if (!m.resources().isEmpty()) {
            ArrayNode resources = out.putArray("resources");
            m.resources().values().stream().sorted(RESOURCE_ORDER).forEach(r -> resources.add(resource(m, r)));
        }
        if (!m.calls().isEmpty()) {
            ObjectNode calls = out.putObject("module_calls");
            new TreeMap<>(m.calls())
                    .forEach((name, call) ->
                            calls.set(name, call(call, m.children().get(name))));
        }
        if (!m.variables().isEmpty()) {
            ObjectNode variables = out.putObject("variables");
            new TreeMap<>(m.variables()).forEach((name, v) -> variables.set(name, variable(v)));
        }
        return out;
    }

    private static ObjectNode output(Output o) {
        ObjectNode out = NODES.objectNode();
        if (o.sensitive()) {
            out.put("sensitive", true);
        }
        out.set("expression", ConfigExpressionJson.expression(o.value()));
        dependsOn(out, o.dependsOn());
        if (o.description() != null && !o.description().isEmpty()) {
            out.put("description", o.description());
        }
        return out;
    }

    private ObjectNode resource(Module m, ResourceConfig r) {
        ObjectNode out = NODES.objectNode();
        out.put("address", r.address().toString());
        out.put("mode", r.address().mode().stateName());
        out.put("type", r.address().type());
        out.put("name", r.address().name());
        ProviderNode provider = config.providers().get(new ResourceNode(m.path(), r.address()));
        Optional<Schema> schema = provider == null
                ? Optional.empty()
                : ResourceSchemaLookup.find(schemas, config.providerSource(provider), r.address());
        out.put(
                "provider_config_key",
                provider == null ? key(m.path(), r.provider()) : key(provider.path(), provider.key()));
        ObjectNode expressions =
                ConfigExpressionJson.body(r.config(), schema.map(Schema::block).orElse(null));
        if (!expressions.isEmpty()) {
            out.set("expressions", expressions);
        }
        out.put("schema_version", schema.map(Schema::version).orElse(0L));
        repetition(out, r.count(), r.forEach());
        dependsOn(out, r.dependsOn());
        return out;
    }

    private ObjectNode call(ModuleCall call, Module child) {
        ObjectNode out = NODES.objectNode();
        if (child == null) {
            return out;
        }
        out.put("source", call.source());
        ObjectNode expressions = NODES.objectNode();
        new TreeMap<>(call.inputs()).forEach((name, input) -> {
            if (child.variables().containsKey(name)) {
                expressions.set(name, ConfigExpressionJson.expression(input.expression()));
            }
        });
        if (!expressions.isEmpty()) {
            out.set("expressions", expressions);
        }
        repetition(out, call.count(), call.forEach());
        out.set("module", module(child));
        dependsOn(out, call.dependsOn());
        return out;
    }

    private static ObjectNode variable(Variable v) {
        ObjectNode out = NODES.objectNode();
        if (v.defaultValue() != null) {
            out.set("default", ValueJson.known(v.defaultValue()));
        }
        if (v.description() != null && !v.description().isEmpty()) {
            out.put("description", v.description());
        }
        if (v.sensitive()) {
            out.put("sensitive", true);
        }
        return out;
    }

    /** {@code count_expression}, or else {@code for_each_expression}, when one says something. */
    private static void repetition(ObjectNode out, Expression count, Expression forEach) {
        ObjectNode countJson = count == null ? NODES.objectNode() : ConfigExpressionJson.expression(count);
        if (!countJson.isEmpty()) {
            out.set("count_expression", countJson);
            return;
        }
        ObjectNode forEachJson = forEach == null ? NODES.objectNode() : ConfigExpressionJson.expression(forEach);
        if (!forEachJson.isEmpty()) {
            out.set("for_each_expression", forEachJson);
        }
    }

    private static void dependsOn(ObjectNode out, List<Expression> entries) {
        if (!entries.isEmpty()) {
            out.set("depends_on", ConfigExpressionJson.dependsOn(entries));
        }
    }

    /** A provider configuration's opaque key: {@code name[.alias]}, prefixed {@code module.a.module.b:} in a child. */
    private static String key(List<String> path, String providerKey) {
        return path.isEmpty() ? providerKey : moduleAddress(path) + ":" + providerKey;
    }

    private static String moduleAddress(List<String> path) {
        return "module." + String.join(".module.", path);
    }
}
