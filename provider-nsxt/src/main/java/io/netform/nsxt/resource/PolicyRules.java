package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Fields;
import io.netform.nsxt.schema.JsonNodes;
import io.netform.nsxt.schema.JsonValues;
import io.netform.provider.DiagnosticException;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code rule} blocks of a security policy and their NSX Rule JSON, as terraform-provider-nsxt
 * maps them: empty group and service lists travel as {@code ["ANY"]} and read back unset,
 * {@code ip_version} is NSX's {@code ip_protocol} ("NONE": unset), {@code log_label} its
 * {@code tag}; sequence numbers are 1, 2, 3, ... in list order unless the user gives increasing ones.
 */
final class PolicyRules {

    static final String ANY = "ANY";
    private static final List<String> ANY_WHEN_EMPTY =
            List.of("source_groups", "destination_groups", "services", "scope", "profiles");
    /** The attributes NSX assigns to a rule; unknown until the rule is written. */
    private static final Map<String, Type> ASSIGNED =
            Map.of("nsx_id", Type.STRING, "rule_id", Type.NUMBER, "path", Type.STRING, "revision", Type.NUMBER);

    static final Fields<ObjectNode> FIELDS = fields();

    private PolicyRules() {}

    private static Fields<ObjectNode> fields() {
        Fields.Builder<ObjectNode> builder = Fields.builder(JsonNodes.OBJECTS)
                .custom(
                        SchemaAttribute.string("nsx_id").computed().describedAs("The NSX ID of the rule."),
                        null,
                        json -> {},
                        json -> JsonValues.fromJson(json.get("id"), Type.STRING))
                .add(SchemaAttribute.string("display_name").required().describedAs("Display name of the rule."))
                .add(SchemaAttribute.string("description").optional())
                .custom(
                        SchemaAttribute.string("path").computed().describedAs("The NSX policy path of the rule."),
                        null,
                        json -> {},
                        json -> JsonValues.fromJson(json.get("path"), Type.STRING))
                .custom(
                        SchemaAttribute.number("revision").computed(),
                        null,
                        json -> {},
                        json -> JsonValues.fromJson(json.get("_revision"), Type.NUMBER));
        for (String name : ANY_WHEN_EMPTY) {
            builder.custom(
                    SchemaAttribute.of(name, Type.set(Type.STRING))
                            .optional()
                            .describedAs("Policy paths; unset or empty: any."),
                    (value, json) -> json.set(name, JsonValues.toJson(value)),
                    json -> json.putArray(name).add(ANY),
                    json -> anyAsUnset(json.get(name)));
        }
        return builder.add(SchemaAttribute.string("action")
                        .withDefault(Value.string("ALLOW"))
                        .describedAs("ALLOW, DROP, REJECT or JUMP_TO_APPLICATION."))
                .add(SchemaAttribute.string("direction")
                        .withDefault(Value.string("IN_OUT"))
                        .describedAs("IN, OUT or IN_OUT."))
                .custom(
                        SchemaAttribute.string("ip_version")
                                .withDefault(Value.string("IPV4_IPV6"))
                                .describedAs("IPV4, IPV6, IPV4_IPV6 or NONE."),
                        (value, json) -> {
                            if (value.asString().equals("NONE")) {
                                json.putNull("ip_protocol");
                            } else {
                                json.put("ip_protocol", value.asString());
                            }
                        },
                        json -> json.putNull("ip_protocol"),
                        json -> Value.string(
                                json.hasNonNull("ip_protocol")
                                        ? json.get("ip_protocol").asText()
                                        : "NONE"))
                .add(SchemaAttribute.bool("logged").withDefault(Value.FALSE).describedAs("Whether packets are logged."))
                .add(
                        SchemaAttribute.string("log_label").optional().describedAs("A label in the rule's log lines."),
                        "tag")
                .add(SchemaAttribute.string("notes").optional())
                .add(SchemaAttribute.bool("disabled").withDefault(Value.FALSE))
                .add(SchemaAttribute.bool("sources_excluded")
                        .withDefault(Value.FALSE)
                        .describedAs("Match every source except source_groups."))
                .add(SchemaAttribute.bool("destinations_excluded")
                        .withDefault(Value.FALSE)
                        .describedAs("Match every destination except destination_groups."))
                .add(SchemaAttribute.number("sequence_number")
                        .optionalComputed()
                        .describedAs("Order in the policy; by default 1, 2, 3, ... in the order of the rule blocks."))
                .custom(
                        SchemaAttribute.number("rule_id").computed().describedAs("The number NSX gives the rule."),
                        null,
                        json -> {},
                        json -> JsonValues.fromJson(json.get("rule_id"), Type.NUMBER))
                .block(NestedBlock.set("tag", CommonFields.TAG.block()).withItems(0, 30), CommonFields.TAG, "tags")
                .build();
    }

    /** NSX's ANY (or no list) reads back as unset, which stands for an empty list as well. */
    private static Value anyAsUnset(JsonNode node) {
        Value paths = JsonValues.fromJson(node, Type.set(Type.STRING));
        if (paths.isNull()
                || paths.length() == 0
                || paths.length() == 1 && paths.elements().get(0).asString().equals(ANY)) {
            return Value.nullOf(Type.set(Type.STRING));
        }
        return paths;
    }

    /** Refuses user sequence numbers that contradict the order of the rule blocks. */
    static void validateSequence(Value rules) {
        if (!rules.isKnown() || rules.isNull()) {
            return;
        }
        long latest = 0;
        List<Value> items = rules.elements();
        for (int i = 0; i < items.size(); i++) {
            Value given = items.get(i).getAttr("sequence_number");
            if (!given.isKnown()) {
                return;
            }
            if (given.isNull() || given.asLong() == 0) {
                latest++;
                continue;
            }
            if (given.asLong() <= latest) {
                throw new DiagnosticException(
                        "Rule order and sequence numbers disagree",
                        "Rule " + i
                                + " has sequence_number " + given.asLong() + ", but the rules before it already reach "
                                + latest
                                + ". Give increasing sequence numbers in the order of the rule blocks, or none.",
                        AttributePath.of("rule").index(i).attr("sequence_number"));
            }
            latest = given.asLong();
        }
    }

    /**
     * The planned rules: sequence numbers assigned in list order; a rule without an NSX ID yet has
     * its assigned attributes unknown; a rule that changes gets an unknown revision.
     */
    static Value plan(Value planned, Value config, Value prior) {
        if (!planned.isKnown() || planned.isNull()) {
            return planned;
        }
        Map<String, Value> priorById = byId(prior);
        List<Value> out = new ArrayList<>();
        long last = 0;
        List<Value> items = planned.elements();
        for (int i = 0; i < items.size(); i++) {
            Map<String, Value> rule = new LinkedHashMap<>(items.get(i).asMap());
            Value configured = config.isKnown() && !config.isNull() && i < config.length()
                    ? config.elements().get(i).getAttr("sequence_number")
                    : Value.nullOf(Type.NUMBER);
            long sequence = configured.isKnown() && !configured.isNull() && configured.asLong() > last
                    ? configured.asLong()
                    : last + 1;
            last = sequence;
            rule.put("sequence_number", Value.number(sequence));
            if (rule.get("nsx_id").isNull()
                    && prior != null
                    && prior.isKnown()
                    && !prior.isNull()
                    && i < prior.length()) {
                // A rule keeps the NSX object of the prior rule at its position, as Terraform's core
                // proposes it; a host that proposes only top-level attributes gets the same plan.
                Value same = prior.elements().get(i);
                ASSIGNED.keySet().forEach(name -> rule.put(name, same.getAttr(name)));
            }
            Value id = rule.get("nsx_id");
            Value before = id.isKnown() && !id.isNull() ? priorById.get(id.asString()) : null;
            if (before == null) {
                ASSIGNED.forEach((name, type) -> rule.put(name, Value.unknown(type)));
            } else if (changed(Value.object(rule), before)) {
                rule.put("revision", Value.unknown(Type.NUMBER));
            }
            out.add(Value.object(rule));
        }
        return Value.list(FIELDS.block().impliedType(), out);
    }

    /** The rules as NSX holds them, each with its NSX-assigned attributes. */
    static Value read(JsonNode rules) {
        List<Value> out = new ArrayList<>();
        for (JsonNode rule : rules == null ? List.<JsonNode>of() : rules) {
            out.add(FIELDS.fromJson(JsonNodes.asObject(rule)));
        }
        return Value.list(FIELDS.block().impliedType(), out);
    }

    /**
     * The ChildRule wrappers of a write: new and changed rules (each new one under a fresh id
     * from {@code newId}), and removed ones marked for delete.
     */
    static ArrayNode children(Value planned, Value prior, Supplier<String> newId) {
        ArrayNode children = JsonNodeFactory.instance.arrayNode();
        Map<String, Value> priorById = byId(prior);
        List<String> kept = new ArrayList<>();
        for (Value rule : planned.isNull() ? List.<Value>of() : planned.elements()) {
            Value id = rule.getAttr("nsx_id");
            Value before = id.isKnown() && !id.isNull() ? priorById.get(id.asString()) : null;
            if (before != null) {
                kept.add(id.asString());
                if (!changed(rule, before)) {
                    continue;
                }
            }
            ObjectNode json = toJson(rule);
            if (before != null) {
                // A child write merges, so what the user removed must be cleared explicitly.
                FIELDS.clearRemoved(before, rule, json);
            }
            json.put("id", before != null ? id.asString() : newId.get());
            children.addObject().put("resource_type", "ChildRule").set("Rule", json);
        }
        priorById.keySet().stream().filter(id -> !kept.contains(id)).forEach(id -> {
            ObjectNode wrapper =
                    children.addObject().put("resource_type", "ChildRule").put("marked_for_delete", true);
            wrapper.putObject("Rule").put("resource_type", "Rule").put("id", id);
        });
        return children;
    }

    /** A rule's JSON as terraform-provider-nsxt sends it: every field, empty lists as ANY. */
    private static ObjectNode toJson(Value rule) {
        ObjectNode json = FIELDS.toJson(rule);
        json.put("resource_type", "Rule");
        for (String name : ANY_WHEN_EMPTY) {
            if (!json.has(name) || json.get(name).isEmpty()) {
                json.putArray(name).add(ANY);
            }
        }
        return json;
    }

    private static boolean changed(Value planned, Value prior) {
        return !toJson(planned).equals(toJson(prior));
    }

    private static Map<String, Value> byId(Value rules) {
        Map<String, Value> byId = new LinkedHashMap<>();
        if (rules != null && rules.isKnown() && !rules.isNull()) {
            for (Value rule : rules.elements()) {
                Value id = rule.getAttr("nsx_id");
                if (id.isKnown() && !id.isNull()) {
                    byId.put(id.asString(), rule);
                }
            }
        }
        return byId;
    }
}
