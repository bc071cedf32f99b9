package io.netform.plugins.builtin;

import io.netform.value.AttributePath;
import io.netform.value.CodecException;
import io.netform.value.CtyJson;
import io.netform.value.Mark;
import io.netform.value.TypeJson;
import io.netform.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which outputs each {@code terraform_remote_state} read found marked sensitive in the other state.
 * tfplugin6 carries no marks, so the data source records them here, beside the wire, by the read's
 * configuration, and {@link TerraformProviderClient} marks them in the value the engine receives.
 */
public final class SensitiveOutputs {

    private final Map<String, Set<String>> byRead = new ConcurrentHashMap<>();

    /** Notes that the read configured by {@code config} found the outputs {@code names} sensitive. */
    void record(Value config, Set<String> names) {
        byRead.put(key(config), Set.copyOf(names));
    }

    /** {@code state}, read with {@code config}, with the outputs its read found sensitive marked. */
    Value mark(Value config, Value state) {
        Set<String> names = byRead.getOrDefault(key(config), Set.of());
        Value outputs = state.getAttr("outputs");
        List<AttributePath> paths = names.stream()
                .filter(outputs::hasAttribute)
                .map(name -> AttributePath.of("outputs", name))
                .toList();
        return paths.isEmpty() ? state : state.markWithPaths(paths, Mark.SENSITIVE);
    }

    /** What identifies a read: the state it reads (backend, config, workspace), as cty JSON. */
    private static String key(Value config) {
        Value identity = Value.object(Map.of(
                "backend", config.getAttr("backend"),
                "config", config.getAttr("config"),
                "workspace", config.getAttr("workspace")));
        try {
            return TypeJson.encode(identity.type()) + CtyJson.encode(identity, identity.type());
        } catch (CodecException e) {
            throw new IllegalArgumentException(
                    "a remote state configuration that cannot be encoded: " + e.getMessage(), e);
        }
    }
}
