package io.netform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.addrs.ModuleInstance;
import io.netform.addrs.ProviderSource;
import io.netform.graph.ConfigGraph;
import io.netform.state.ResourceJson;
import io.netform.state.ResourceSchemaLookup;
import io.netform.state.StateJson;
import io.netform.state.ValueJson;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.TypeJson;
import io.netform.value.Value;
import io.netform.wire.ProviderSchema;
import io.netform.wire.Schema;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plan as Terraform's plan JSON ({@code show -json PLANFILE}, format 1.2), for policy checkers,
 * summarisers and jq scripts written against Terraform. Values are plain JSON: {@code after}
 * leaves out what is known only after apply, and {@code after_unknown} and the
 * {@code *_sensitive} mirrors say where values are unknown or sensitive.
 */
public final class PlanJson {

    /** The {@code format_version} of the documents this class writes. */
    public static final String FORMAT_VERSION = "1.2";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Comparator<ResourceChange> ADDRESS_ORDER = Comparator.comparing(
                    (ResourceChange c) -> c.address().toString())
            .thenComparing(ResourceChange::deposed, Comparator.nullsFirst(Comparator.naturalOrder()));

    private PlanJson() {}

    /**
     * The plan document.
     *
     * @param configuration  the configuration the plan was made from (a plan file's snapshot of it)
     * @param schemas        the schema of each provider the plan or its configuration uses (for schema
     *                       versions, the prior state and the shape of configured blocks)
     * @param netformVersion written as {@code terraform_version}
     * @param timestamp      when the plan was made
     */
    public static ObjectNode encode(
            Plan plan,
            ConfigGraph configuration,
            Map<ProviderSource, ProviderSchema> schemas,
            String netformVersion,
            Instant timestamp) {
        try {
            return document(plan, configuration, schemas, netformVersion, timestamp);
        } catch (IllegalArgumentException noJson) {
            // a value JSON cannot hold (an infinity): Terraform's show -json fails with these words
            throw new IllegalArgumentException("Failed to marshal plan to json: " + noJson.getMessage(), noJson);
        }
    }

    private static ObjectNode document(
            Plan plan,
            ConfigGraph configuration,
            Map<ProviderSource, ProviderSchema> schemas,
            String netformVersion,
            Instant timestamp) {
        List<ResourceChange> changes =
                plan.changes().stream().sorted(ADDRESS_ORDER).toList();
        ObjectNode out = NODES.objectNode();
        out.put("format_version", FORMAT_VERSION);
        out.put("terraform_version", netformVersion);
        ObjectNode variables = out.putObject("variables");
        new TreeMap<>(plan.variables())
                .forEach((name, value) -> variables.putObject(name).set("value", ValueJson.known(value)));
        out.set("planned_values", plannedValues(plan, changes, schemas));
        if (!plan.drift().isEmpty()) {
            out.set(
                    "resource_drift",
                    resourceChanges(plan.drift().stream().sorted(ADDRESS_ORDER).toList(), StateAdoptions.NONE));
        }
        out.set("resource_changes", resourceChanges(changes, plan.adoptions()));
        out.set("output_changes", outputChanges(plan));
        if (plan.priorState() != null) {
            out.set("prior_state", StateJson.encode(plan.priorState(), schemas));
        }
        out.set("configuration", PlanConfigurationJson.encode(configuration, schemas));
        out.putArray("relevant_attributes");
        out.put("timestamp", timestamp.truncatedTo(ChronoUnit.SECONDS).toString());
        out.put("applyable", !plan.errored() && plan.hasChanges());
        out.put("complete", !plan.errored());
        out.put("errored", plan.errored());
        return out;
    }

    /**
     * The plan as Terraform hands it to its renderer ({@code terraform test -verbose -json}'s {@code test_plan}):
     * the changes, drift and output changes, each left out when empty as Terraform does. Netform does not add
     * the providers' schemas ({@code provider_schemas}), which Terraform's renderer reads them from.
     */
    public static ObjectNode forRenderer(Plan plan) {
        ObjectNode out = NODES.objectNode();
        out.put("plan_format_version", FORMAT_VERSION);
        ObjectNode outputs = outputChanges(plan);
        if (!outputs.isEmpty()) {
            out.set("output_changes", outputs);
        }
        List<ResourceChange> changes =
                plan.changes().stream().sorted(ADDRESS_ORDER).toList();
        if (!changes.isEmpty()) {
            out.set("resource_changes", resourceChanges(changes, plan.adoptions()));
        }
        if (!plan.drift().isEmpty()) {
            out.set(
                    "resource_drift",
                    resourceChanges(plan.drift().stream().sorted(ADDRESS_ORDER).toList(), StateAdoptions.NONE));
        }
        out.put("provider_format_version", "1.0");
        return out;
    }

    private static ObjectNode plannedValues(
            Plan plan, List<ResourceChange> changes, Map<ProviderSource, ProviderSchema> schemas) {
        ObjectNode out = NODES.objectNode();
        ObjectNode outputs = out.putObject("outputs");
        new TreeMap<>(plan.outputs()).forEach((name, change) -> {
            if (change.action() == Action.DELETE) {
                return;
            }
            ObjectNode o = outputs.putObject(name);
            o.put("sensitive", change.sensitive());
            if (change.after() != null && change.after().isWhollyKnown()) {
                Value after = change.after().unmarkDeep();
                o.set("type", TypeJson.toNode(after.type()));
                o.set("value", ValueJson.known(after));
            }
        });
        Map<ModuleInstance, List<ObjectNode>> byModule = new LinkedHashMap<>();
        for (ResourceChange change : changes) {
            if (change.action() == Action.DELETE || change.deposed() != null) {
                continue;
            }
            ObjectNode r = ResourceJson.header(change.address(), change.provider());
            r.put("schema_version", schemaVersion(change, schemas));
            Value after = shownAfter(change);
            r.set("values", ValueJson.known(after));
            r.set("sensitive_values", ValueJson.sensitiveMirror(after));
            byModule.computeIfAbsent(change.address().module(), m -> new ArrayList<>())
                    .add(r);
        }
        out.set("root_module", ResourceJson.moduleTree(byModule));
        return out;
    }

    private static ArrayNode resourceChanges(List<ResourceChange> changes, StateAdoptions adoptions) {
        ArrayNode out = NODES.arrayNode();
        for (ResourceChange change : changes) {
            ObjectNode header = ResourceJson.header(change.address(), change.provider());
            ObjectNode r = out.addObject();
            r.set("address", header.get("address"));
            if (!change.address().module().isRoot()) {
                r.put("module_address", change.address().module().toString());
            }
            header.properties().forEach(f -> r.set(f.getKey(), f.getValue()));
            if (change.deposed() != null) {
                r.put("deposed", change.deposed());
            }
            var previous = change.deposed() == null ? adoptions.moves().get(change.address()) : null;
            if (previous != null) {
                r.put("previous_address", previous.toString());
            }
            Value after = shownAfter(change);
            ObjectNode c = change(change.action(), change.before(), after);
            String importId = change.deposed() == null ? adoptions.imports().get(change.address()) : null;
            if (importId != null) {
                c.putObject("importing").put("id", importId);
            }
            c.set("before_sensitive", ValueJson.sensitiveMirror(change.before()));
            c.set("after_sensitive", ValueJson.sensitiveMirror(after));
            if (!change.replacePaths().isEmpty()) {
                ArrayNode paths = c.putArray("replace_paths");
                change.replacePaths().forEach(p -> paths.add(path(p)));
            }
            r.set("change", c);
            if (change.reason().jsonName() != null) {
                r.put("action_reason", change.reason().jsonName());
            }
        }
        return out;
    }

    private static ObjectNode outputChanges(Plan plan) {
        ObjectNode out = NODES.objectNode();
        new TreeMap<>(plan.outputs()).forEach((name, change) -> {
            ObjectNode c = change(change.action(), orNull(change.before()), orNull(change.after()));
            BooleanNode sensitive = BooleanNode.valueOf(change.sensitive());
            c.set("before_sensitive", sensitive);
            c.set("after_sensitive", sensitive);
            out.set(name, c);
        });
        return out;
    }

    private static ObjectNode change(Action action, Value before, Value after) {
        ObjectNode c = NODES.objectNode();
        ArrayNode actions = c.putArray("actions");
        action.jsonActions().forEach(actions::add);
        c.set("before", ValueJson.known(before));
        c.set("after", ValueJson.known(after));
        c.set("after_unknown", ValueJson.unknownMirror(after));
        return c;
    }

    /** A path as the plan JSON writes it: attribute names and map keys as strings, list positions as numbers. */
    private static ArrayNode path(AttributePath path) {
        ArrayNode out = NODES.arrayNode();
        for (AttributePath.Step step : path.steps()) {
            if (step instanceof AttributePath.AttributeName a) {
                out.add(a.name());
            } else if (step instanceof AttributePath.StringKey k) {
                out.add(k.key());
            } else {
                out.add(((AttributePath.IntKey) step).index());
            }
        }
        return out;
    }

    private static long schemaVersion(ResourceChange change, Map<ProviderSource, ProviderSchema> schemas) {
        return ResourceSchemaLookup.find(
                        schemas,
                        change.provider().source(),
                        change.address().resource().resource())
                .map(Schema::version)
                .orElse(0L);
    }

    private static Value orNull(Value v) {
        return v == null ? Value.nullOf(Type.DYNAMIC) : v;
    }

    /**
     * The plan document of a saved plan. A plan made with {@code -target} is not complete: like
     * Terraform's, it leaves out changes the configuration asks for.
     */
    public static ObjectNode encode(
            SavedPlan saved, ConfigGraph configuration, Map<ProviderSource, ProviderSchema> schemas) {
        ObjectNode out = encode(saved.plan(), configuration, schemas, saved.netformVersion(), saved.timestamp());
        if (!saved.targets().isEmpty()) {
            out.put("complete", false);
        }
        return out;
    }

    /**
     * The value a resource change shows as {@code after}. A data source read during apply is planned
     * as wholly unknown; like Terraform, the plan JSON shows it as an object whose attributes are
     * unknown, so that readers find an object and an {@code after_unknown} object as the schema has it.
     */
    private static Value shownAfter(ResourceChange change) {
        Value after = change.after();
        if (after.isKnown() || !(after.type() instanceof Type.ObjectType object)) {
            return after;
        }
        Map<String, Value> attributes = new LinkedHashMap<>();
        object.attributeTypes().forEach((name, type) -> attributes.put(name, Value.unknown(type)));
        return Value.object(attributes);
    }

    /** Compact JSON text of a plan document. */
    public static String toText(JsonNode document) {
        return StateJson.toText(document);
    }
}
