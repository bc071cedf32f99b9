package io.netform.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.addrs.AbsResource;
import io.netform.addrs.AddressParser;
import io.netform.addrs.InstanceKey;
import io.netform.addrs.ModuleInstance;
import io.netform.addrs.ProviderConfig;
import io.netform.addrs.Resource;
import io.netform.addrs.ResourceMode;
import io.netform.json.ExactJson;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Terraform's state format version 4 as JSON, both ways. */
public final class StateCodec {

    private static final ObjectMapper JSON = ExactJson.MAPPER;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator("")));

    private StateCodec() {}

    /** The state as the indented JSON document Terraform writes, ending in a newline. */
    public static byte[] encode(State state) {
        try {
            return (PRETTY.writeValueAsString(toJson(state)) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("state could not be encoded", e);
        }
    }

    /**
     * Reads a v4 state document.
     *
     * @param source names the document in errors (a file path, "stdin", …)
     * @throws StateFormatException naming {@code source} and the offending part
     */
    public static State decode(byte[] bytes, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new StateFormatException(source + ": the state is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (java.io.IOException e) {
            throw new StateFormatException(source + ": the state could not be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new StateFormatException(source + ": the state must be a JSON object");
        }
        if (root.hasNonNull("encryption_version")) {
            throw new StateFormatException(source + ": the state is encrypted (OpenTofu's state encryption); "
                    + "configure terraform { encryption { ... } } (or TF_ENCRYPTION) with its key to read it");
        }
        int version = root.path("version").asInt(-1);
        if (version != State.FORMAT_VERSION) {
            throw new StateFormatException(source + ": unsupported state format version " + root.path("version")
                    + "; Netform reads version " + State.FORMAT_VERSION + " (Terraform 0.12 and later)");
        }
        String lineage = text(root, "lineage", source);
        TreeMap<String, OutputState> outputs = new TreeMap<>();
        root.path("outputs")
                .properties()
                .forEach(e -> outputs.put(
                        e.getKey(),
                        new OutputState(
                                e.getValue().path("value"),
                                e.getValue().path("type"),
                                e.getValue().path("sensitive").asBoolean())));
        TreeMap<AbsResource, ResourceState> resources = new TreeMap<>();
        for (JsonNode r : root.path("resources")) {
            ResourceState resource = resourceFromJson(r, source);
            ResourceState previous = resources.get(resource.address());
            if (previous != null) {
                List<InstanceObject> merged = new ArrayList<>(previous.instances());
                merged.addAll(resource.instances());
                resource = new ResourceState(resource.address(), resource.provider(), merged);
            }
            resources.put(resource.address(), resource);
        }
        return new State(
                root.path("terraform_version").asText(""), root.path("serial").asLong(0), lineage, outputs, resources);
    }

    private static ResourceState resourceFromJson(JsonNode r, String source) {
        String where = source + ": resource " + r.path("type").asText("?") + "."
                + r.path("name").asText("?");
        try {
            ModuleInstance module = r.hasNonNull("module")
                    ? AddressParser.parseModule(r.get("module").asText())
                    : ModuleInstance.ROOT;
            Resource resource = new Resource(
                    ResourceMode.fromStateName(text(r, "mode", where)), text(r, "type", where), text(r, "name", where));
            ProviderConfig provider = ProviderConfig.parse(text(r, "provider", where));
            List<InstanceObject> instances = new ArrayList<>();
            for (JsonNode i : r.path("instances")) {
                instances.add(instanceFromJson(i, where));
            }
            return new ResourceState(resource.in(module), provider, instances);
        } catch (IllegalArgumentException e) {
            throw new StateFormatException(where + ": " + e.getMessage(), e);
        }
    }

    private static InstanceObject instanceFromJson(JsonNode i, String where) {
        JsonNode keyNode = i.path("index_key");
        InstanceKey key;
        if (keyNode.isMissingNode() || keyNode.isNull()) {
            key = InstanceKey.NONE;
        } else if (keyNode.isIntegralNumber()) {
            key = InstanceKey.of(keyNode.asInt());
        } else if (keyNode.isTextual()) {
            key = InstanceKey.of(keyNode.asText());
        } else {
            throw new StateFormatException(where + ": index_key must be a number or a string, not " + keyNode);
        }
        JsonNode attributes = i.path("attributes");
        if (!attributes.isObject()) {
            throw new StateFormatException(where + key.suffix() + ": attributes must be a JSON object"
                    + (i.has("attributes_flat") ? " (legacy attributes_flat state is not supported)" : ""));
        }
        List<String> dependencies = new ArrayList<>();
        i.path("dependencies").forEach(d -> dependencies.add(d.asText()));
        JsonNode sensitive = i.path("sensitive_attributes");
        return new InstanceObject(
                key,
                i.hasNonNull("deposed") ? i.get("deposed").asText() : null,
                "tainted".equals(i.path("status").asText()),
                i.path("schema_version").asLong(0),
                attributes,
                sensitive.isArray() ? sensitive : NODES.arrayNode(),
                i.hasNonNull("private") ? i.get("private").asText() : null,
                dependencies,
                i.path("create_before_destroy").asBoolean(false));
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new StateFormatException(where + ": \"" + field + "\" is missing or not a string");
        }
        return value.asText();
    }

    private static ObjectNode toJson(State state) {
        ObjectNode root = NODES.objectNode();
        root.put("version", State.FORMAT_VERSION);
        root.put("terraform_version", state.terraformVersion());
        root.put("serial", state.serial());
        root.put("lineage", state.lineage());
        ObjectNode outputs = root.putObject("outputs");
        state.outputs().forEach((name, output) -> {
            ObjectNode o = outputs.putObject(name);
            o.set("value", output.value());
            o.set("type", output.type());
            if (output.sensitive()) {
                o.put("sensitive", true);
            }
        });
        ArrayNode resources = root.putArray("resources");
        for (ResourceState resource : state.resources().values()) {
            resources.add(resourceToJson(resource));
        }
        root.putArray("check_results");
        return root;
    }

    static ObjectNode resourceToJson(ResourceState resource) {
        ObjectNode r = NODES.objectNode();
        if (!resource.address().module().isRoot()) {
            r.put("module", resource.address().module().toString());
        }
        Resource res = resource.address().resource();
        r.put("mode", res.mode().stateName());
        r.put("type", res.type());
        r.put("name", res.name());
        r.put("provider", resource.provider().toString());
        ArrayNode instances = r.putArray("instances");
        resource.instances().forEach(i -> instances.add(instanceToJson(i)));
        return r;
    }

    static ObjectNode instanceToJson(InstanceObject i) {
        ObjectNode o = NODES.objectNode();
        Object key = i.key().stateValue();
        if (key instanceof Integer n) {
            o.put("index_key", n);
        } else if (key instanceof String s) {
            o.put("index_key", s);
        }
        if (i.tainted()) {
            o.put("status", "tainted");
        }
        if (i.deposed() != null) {
            o.put("deposed", i.deposed());
        }
        o.put("schema_version", i.schemaVersion());
        o.set("attributes", i.attributes());
        o.set("sensitive_attributes", i.sensitiveAttributes());
        if (i.privateData() != null) {
            o.put("private", i.privateData());
        }
        if (!i.dependencies().isEmpty()) {
            ArrayNode deps = o.putArray("dependencies");
            i.dependencies().forEach(deps::add);
        }
        if (i.createBeforeDestroy()) {
            o.put("create_before_destroy", true);
        }
        return o;
    }

    static InstanceObject instanceFromJson(JsonNode node) {
        return instanceFromJson(node, "journal");
    }

    static ObjectMapper mapper() {
        return JSON;
    }
}
