package io.netform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.addrs.AddressParser;
import io.netform.addrs.ProviderConfig;
import io.netform.addrs.ResourceInstance;
import io.netform.state.AttributePathJson;
import io.netform.state.State;
import io.netform.value.AttributePath;
import io.netform.value.CodecException;
import io.netform.value.TypeJson;
import io.netform.value.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code plan.json} entry of a plan file: everything of a {@link SavedPlan} but its prior state
 * and files (including what it imports and moves), with each value in {@link PlanValueJson}'s exact form.
 */
final class PlanDocument {

    /** Raised when this format changes incompatibly; a reader refuses other versions. */
    static final int FORMAT_VERSION = 1;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlanDocument() {}

    static ObjectNode encode(SavedPlan saved) throws CodecException {
        Plan plan = saved.plan();
        ObjectNode out = NODES.objectNode();
        out.put("format_version", FORMAT_VERSION);
        out.put("netform_version", saved.netformVersion());
        out.put("timestamp", saved.timestamp().toString());
        out.put("mode", plan.mode().name());
        out.put("errored", plan.errored());
        ArrayNode targets = out.putArray("targets");
        saved.targets().forEach(targets::add);
        ObjectNode variables = out.putObject("variables");
        for (var e : new TreeMap<>(plan.variables()).entrySet()) {
            variables.set(e.getKey(), PlanValueJson.encode(e.getValue()));
        }
        out.set("changes", changes(plan.changes()));
        out.set("drift", changes(plan.drift()));
        out.set("adoptions", adoptions(plan.adoptions()));
        ObjectNode outputs = out.putObject("outputs");
        for (OutputChange o : new TreeMap<>(plan.outputs()).values()) {
            ObjectNode n = outputs.putObject(o.name());
            n.put("action", o.action().name());
            n.put("sensitive", o.sensitive());
            if (o.before() != null) {
                n.set("before", PlanValueJson.encode(o.before()));
            }
            if (o.after() != null) {
                n.set("after", PlanValueJson.encode(o.after()));
            }
        }
        return out;
    }

    /** The imports (address to id) and moves (address to the address before), which state records on apply. */
    private static ObjectNode adoptions(StateAdoptions adoptions) {
        ObjectNode out = NODES.objectNode();
        ObjectNode imports = out.putObject("imports");
        adoptions.imports().forEach((address, id) -> imports.put(address.toString(), id));
        ObjectNode moves = out.putObject("moves");
        adoptions.moves().forEach((address, previous) -> moves.put(address.toString(), previous.toString()));
        return out;
    }

    private static StateAdoptions adoptions(JsonNode node) {
        Map<ResourceInstance, String> imports = new LinkedHashMap<>();
        node.path("imports")
                .properties()
                .forEach(e -> imports.put(
                        AddressParser.parseInstance(e.getKey()), e.getValue().asText()));
        Map<ResourceInstance, ResourceInstance> moves = new LinkedHashMap<>();
        node.path("moves")
                .properties()
                .forEach(e -> moves.put(
                        AddressParser.parseInstance(e.getKey()),
                        AddressParser.parseInstance(e.getValue().asText())));
        return new StateAdoptions(imports, moves);
    }

    private static ArrayNode changes(List<ResourceChange> changes) throws CodecException {
        ArrayNode out = NODES.arrayNode();
        for (ResourceChange c : changes) {
            ObjectNode n = out.addObject();
            n.put("address", c.address().toString());
            if (c.deposed() != null) {
                n.put("deposed", c.deposed());
            }
            n.put("provider", c.provider().toString());
            n.put("action", c.action().name());
            n.put("reason", c.reason().name());
            n.set("type", TypeJson.toNode(c.type()));
            n.set("before", PlanValueJson.encode(c.before()));
            n.set("after", PlanValueJson.encode(c.after()));
            ArrayNode paths = n.putArray("replace_paths");
            c.replacePaths().forEach(p -> paths.add(AttributePathJson.encode(p)));
            n.put("private", Base64.getEncoder().encodeToString(c.privateData()));
        }
        return out;
    }

    static SavedPlan decode(JsonNode doc, State prior, Map<String, String> configuration, String lockFile)
            throws CodecException {
        int version = doc.path("format_version").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("its format version is " + version + ", and this Netform reads "
                    + "version " + FORMAT_VERSION + " only");
        }
        Map<String, Value> variables = new LinkedHashMap<>();
        for (var e : doc.path("variables").properties()) {
            variables.put(e.getKey(), PlanValueJson.decode(e.getValue()));
        }
        Map<String, OutputChange> outputs = new LinkedHashMap<>();
        for (var e : doc.path("outputs").properties()) {
            JsonNode o = e.getValue();
            outputs.put(
                    e.getKey(),
                    new OutputChange(
                            e.getKey(),
                            Action.valueOf(o.path("action").asText()),
                            o.has("before") ? PlanValueJson.decode(o.get("before")) : null,
                            o.has("after") ? PlanValueJson.decode(o.get("after")) : null,
                            o.path("sensitive").asBoolean()));
        }
        Plan plan = new Plan(
                Plan.Mode.valueOf(doc.path("mode").asText()),
                changes(doc.path("changes")),
                changes(doc.path("drift")),
                outputs,
                prior,
                variables,
                doc.path("errored").asBoolean(),
                adoptions(doc.path("adoptions")));
        List<String> targets = new ArrayList<>();
        doc.path("targets").forEach(t -> targets.add(t.asText()));
        return new SavedPlan(
                plan,
                targets,
                configuration,
                lockFile,
                doc.path("netform_version").asText(),
                Instant.parse(doc.path("timestamp").asText()));
    }

    private static List<ResourceChange> changes(JsonNode array) throws CodecException {
        List<ResourceChange> out = new ArrayList<>();
        for (JsonNode n : array) {
            List<AttributePath> replacePaths = new ArrayList<>();
            n.path("replace_paths").forEach(p -> replacePaths.add(AttributePathJson.decodePath(p)));
            out.add(new ResourceChange(
                    AddressParser.parseInstance(n.path("address").asText()),
                    n.hasNonNull("deposed") ? n.get("deposed").asText() : null,
                    ProviderConfig.parse(n.path("provider").asText()),
                    Action.valueOf(n.path("action").asText()),
                    ActionReason.valueOf(n.path("reason").asText()),
                    TypeJson.fromNode(n.path("type")),
                    PlanValueJson.decode(n.path("before")),
                    PlanValueJson.decode(n.path("after")),
                    replacePaths,
                    Base64.getDecoder().decode(n.path("private").asText())));
        }
        return out;
    }
}
