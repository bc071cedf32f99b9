package io.netform.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.addrs.InstanceKey;
import io.netform.addrs.ModuleInstance;
import io.netform.addrs.ProviderConfig;
import io.netform.addrs.Resource;
import io.netform.addrs.ResourceInstance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of Terraform's state and plan JSON documents that name resources: an instance's
 * address fields, and the module tree ({@code root_module} with nested {@code child_modules})
 * that resource entries are grouped in.
 */
public final class ResourceJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Comparator<ModuleInstance> BY_ADDRESS = Comparator.comparing(ModuleInstance::toString);

    private ResourceJson() {}

    /** {@code address}, {@code mode}, {@code type}, {@code name} and, when the instance has a key, {@code index}. */
    public static ObjectNode header(ResourceInstance instance) {
        ObjectNode out = NODES.objectNode();
        Resource resource = instance.resource().resource();
        out.put("address", instance.toString());
        out.put("mode", resource.mode().stateName());
        out.put("type", resource.type());
        out.put("name", resource.name());
        JsonNode index = index(instance.key());
        if (index != null) {
            out.set("index", index);
        }
        return out;
    }

    /** The header plus {@code provider_name}, the provider's source address. */
    public static ObjectNode header(ResourceInstance instance, ProviderConfig provider) {
        ObjectNode out = header(instance);
        out.put("provider_name", provider.source().toString());
        return out;
    }

    /** The instance key as JSON: a number, a string, or null for none. */
    public static JsonNode index(InstanceKey key) {
        Object value = key.stateValue();
        if (value instanceof Integer n) {
            return NODES.numberNode(n);
        }
        return value instanceof String s ? NODES.textNode(s) : null;
    }

    /**
     * The {@code root_module} object: the resources of each module instance under that module's
     * entry, with every module on the way from the root present even if it holds no resources.
     * Modules are ordered by address; resource entries keep the order given.
     */
    public static ObjectNode moduleTree(Map<ModuleInstance, List<ObjectNode>> resourcesByModule) {
        Map<ModuleInstance, List<ModuleInstance>> children = new TreeMap<>(BY_ADDRESS);
        for (ModuleInstance module : resourcesByModule.keySet()) {
            for (ModuleInstance m = module; !m.isRoot(); m = m.parent()) {
                List<ModuleInstance> siblings = children.computeIfAbsent(m.parent(), k -> new ArrayList<>());
                if (!siblings.contains(m)) {
                    siblings.add(m);
                }
            }
        }
        return module(ModuleInstance.ROOT, resourcesByModule, children);
    }

    private static ObjectNode module(
            ModuleInstance module,
            Map<ModuleInstance, List<ObjectNode>> resources,
            Map<ModuleInstance, List<ModuleInstance>> children) {
        ObjectNode out = NODES.objectNode();
        List<ObjectNode> own = resources.getOrDefault(module, List.of());
        if (!own.isEmpty()) {
            out.putArray("resources").addAll(own);
        }
        if (!module.isRoot()) {
            out.put("address", module.toString());
        }
        List<ModuleInstance> kids = new ArrayList<>(children.getOrDefault(module, List.of()));
        if (!kids.isEmpty()) {
            kids.sort(BY_ADDRESS);
            ArrayNode array = out.putArray("child_modules");
            kids.forEach(k -> array.add(module(k, resources, children)));
        }
        return out;
    }
}
