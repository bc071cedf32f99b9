package io.netform.plan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.addrs.ProviderConfig;
import io.netform.addrs.Resource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code configuration} part of the plan JSON, as far as a plan knows it: the provider
 * configurations and, per module, the resources that are configured. Expressions, module sources
 * and variables are not recorded in a plan, so {@code expressions} is empty.
 */
final class PlanConfigurationJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlanConfigurationJson() {
    }

    static ObjectNode encode(List<ResourceChange> changes) {
        ObjectNode out = NODES.objectNode();
        Map<String, ObjectNode> providers = new TreeMap<>();
        ModuleEntry root = new ModuleEntry();
        for (ResourceChange change : changes) {
            if (change.reason() == ActionReason.DELETE_BECAUSE_NO_RESOURCE_CONFIG
                    || change.reason() == ActionReason.DELETE_BECAUSE_NO_MODULE) {
                continue;
            }
            String key = providerKey(change.provider());
            providers.computeIfAbsent(key, k -> provider(change.provider()));
            ModuleEntry module = root;
            for (String call : change.address().module().configPath()) {
                module = module.calls.computeIfAbsent(call, c -> new ModuleEntry());
            }
            Resource resource = change.address().resource().resource();
            module.resources.computeIfAbsent(resource.toString(), a -> resource(resource, key));
        }
        ObjectNode providerConfig = out.putObject("provider_config");
        providers.forEach(providerConfig::set);
        out.set("root_module", root.toJson());
        return out;
    }

    private static String providerKey(ProviderConfig provider) {
        String local = provider.source().type() + (provider.alias() == null ? "" : "." + provider.alias());
        return provider.module().isRoot() ? local : String.join(".", provider.module().configPath()
                .stream().map(m -> "module." + m).toList()) + ":" + local;
    }

    private static ObjectNode provider(ProviderConfig provider) {
        ObjectNode p = NODES.objectNode();
        p.put("name", provider.source().type());
        p.put("full_name", provider.source().toString());
        if (provider.alias() != null) {
            p.put("alias", provider.alias());
        }
        return p;
    }

    private static ObjectNode resource(Resource resource, String providerKey) {
        ObjectNode r = NODES.objectNode();
        r.put("address", resource.toString());
        r.put("mode", resource.mode().stateName());
        r.put("type", resource.type());
        r.put("name", resource.name());
        r.put("provider_config_key", providerKey);
        r.putObject("expressions");
        return r;
    }

    /** The resources and module calls of one module, collected before they are written. */
    private static final class ModuleEntry {
        final Map<String, ObjectNode> resources = new TreeMap<>();
        final Map<String, ModuleEntry> calls = new TreeMap<>();

        ObjectNode toJson() {
            ObjectNode m = NODES.objectNode();
            if (!resources.isEmpty()) {
                m.putArray("resources").addAll(resources.values());
            }
            if (!calls.isEmpty()) {
                ObjectNode moduleCalls = m.putObject("module_calls");
                calls.forEach((name, call) -> moduleCalls.putObject(name).set("module", call.toJson()));
            }
            return m;
        }
    }
}
