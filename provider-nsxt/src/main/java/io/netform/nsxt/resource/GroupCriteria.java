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

/**
 * A group's {@code criteria} and {@code conjunction} blocks and NSX's flat {@code expression}
 * list, as terraform-provider-nsxt maps them: criteria alternate with ConjunctionOperators; a
 * criterion of several conditions becomes a NestedExpression of them joined by AND.
 */
final class GroupCriteria {

    /** NSX's limits on a group's membership criteria. */
    static final int MAX_CRITERIA = 5;

    static final int MAX_CONDITIONS = 5;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final Fields<ObjectNode> CONDITION = Fields.builder(JsonNodes.OBJECTS)
            .add(SchemaAttribute.string("key").required().describedAs("Tag, Name, OSName, ComputerName, NodeType, ..."))
            .add(SchemaAttribute.string("member_type")
                    .required()
                    .describedAs("VirtualMachine, Segment, SegmentPort, IPSet, Pod, Namespace, ..."))
            .add(SchemaAttribute.string("operator")
                    .required()
                    .describedAs("EQUALS, CONTAINS, STARTSWITH, ENDSWITH, NOTEQUALS, NOTIN, MATCHES or IN."))
            .add(SchemaAttribute.string("value").required().describedAs("The value to match; for Tag, \"scope|tag\"."))
            .build();
    static final Fields<ObjectNode> IP_ADDRESSES = Fields.builder(JsonNodes.OBJECTS)
            .add(SchemaAttribute.of("ip_addresses", Type.set(Type.STRING))
                    .required()
                    .describedAs("IP addresses, ranges (a-b) or CIDRs."))
            .build();
    static final Fields<ObjectNode> MEMBER_PATHS = Fields.builder(JsonNodes.OBJECTS)
            .add(SchemaAttribute.of("member_paths", Type.set(Type.STRING))
                    .required()
                    .describedAs("Policy paths of segments, segment ports or groups that are members."))
            .build();
    // The blocks' JSON is built by toExpression, not by these field mappings.
    static final Fields<ObjectNode> CRITERION = Fields.builder(JsonNodes.OBJECTS)
            .block(
                    NestedBlock.list("condition", CONDITION.block()).withItems(0, MAX_CONDITIONS),
                    CONDITION,
                    "condition")
            .block(
                    NestedBlock.list("ipaddress_expression", IP_ADDRESSES.block())
                            .withItems(0, 1),
                    IP_ADDRESSES,
                    "ipaddress_expression")
            .block(
                    NestedBlock.list("path_expression", MEMBER_PATHS.block()).withItems(0, 1),
                    MEMBER_PATHS,
                    "path_expression")
            .build();
    static final Fields<ObjectNode> CONJUNCTION = Fields.builder(JsonNodes.OBJECTS)
            .add(SchemaAttribute.string("operator").required().describedAs("AND or OR."))
            .build();

    private static final List<String> KINDS = List.of("condition", "ipaddress_expression", "path_expression");

    private GroupCriteria() {}

    /** Refuses criteria NSX or terraform-provider-nsxt would refuse, naming the offending block. */
    static void validate(Value criteria, Value conjunctions) {
        if (!criteria.isKnown() || criteria.isNull() || !conjunctions.isKnown()) {
            return;
        }
        List<Value> items = criteria.elements();
        if (items.size() > MAX_CRITERIA) {
            throw new DiagnosticException(
                    "Too many criteria",
                    "A group has at most " + MAX_CRITERIA + " criteria blocks; this one has " + items.size() + ".",
                    AttributePath.of("criteria"));
        }
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            kinds.add(kindOf(items.get(i), AttributePath.of("criteria").index(i)));
        }
        int given = conjunctions.isNull() ? 0 : conjunctions.length();
        int needed = Math.max(0, items.size() - 1);
        if (given != needed) {
            throw new DiagnosticException(
                    "Wrong number of conjunctions",
                    "Criteria blocks are joined by conjunction"
                            + " blocks, one between each two: " + items.size() + " criteria need " + needed
                            + " conjunction blocks, but " + given + " are given.",
                    AttributePath.of("conjunction"));
        }
        for (int i = 0; i < given; i++) {
            Value operator = conjunctions.elements().get(i).getAttr("operator");
            if (operator.isKnown()
                    && "AND".equals(operator.asString())
                    && kinds.get(i) != null
                    && kinds.get(i + 1) != null
                    && !kinds.get(i).equals(kinds.get(i + 1))) {
                throw new DiagnosticException(
                        "Mixed criteria joined by AND",
                        "An AND conjunction joins criteria of"
                                + " the same kind, but criteria " + i + " is a " + kinds.get(i) + " and criteria "
                                + (i + 1)
                                + " a " + kinds.get(i + 1) + "; use OR or the same kind.",
                        AttributePath.of("conjunction").index(i).attr("operator"));
            }
        }
    }

    /** The kind of a criterion (null while unknown); it must hold exactly one kind of expression. */
    private static String kindOf(Value criterion, AttributePath at) {
        String found = null;
        for (String kind : KINDS) {
            Value blocks = criterion.getAttr(kind);
            if (!blocks.isKnown()) {
                return null;
            }
            if (blocks.isNull() || blocks.length() == 0) {
                continue;
            }
            if (found != null) {
                throw new DiagnosticException(
                        "Mixed criteria block",
                        "A criteria block holds one kind of expression"
                                + ", but this one has both " + found + " and " + kind
                                + "; put them in separate criteria"
                                + " blocks joined by a conjunction.",
                        at);
            }
            if (kind.equals("condition") && blocks.length() > MAX_CONDITIONS) {
                throw new DiagnosticException(
                        "Too many conditions",
                        "A criteria block holds at most " + MAX_CONDITIONS + " conditions; this one has "
                                + blocks.length() + ".",
                        at.attr(kind));
            }
            found = kind;
        }
        if (found == null) {
            throw new DiagnosticException(
                    "Empty criteria block",
                    "A criteria block needs a condition, an " + "ipaddress_expression or a path_expression.",
                    at);
        }
        return found;
    }

    /** NSX's expression list for the blocks. */
    static ArrayNode toExpression(Value criteria, Value conjunctions) {
        ArrayNode expression = NODES.arrayNode();
        List<Value> items = criteria.isNull() ? List.of() : criteria.elements();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                expression.add(conjunction(
                        conjunctions.elements().get(i - 1).getAttr("operator").asString()));
            }
            expression.add(criterion(items.get(i)));
        }
        return expression;
    }

    private static ObjectNode criterion(Value criterion) {
        List<Value> conditions = elements(criterion.getAttr("condition"));
        if (conditions.size() == 1) {
            return condition(conditions.get(0));
        }
        if (conditions.size() > 1) {
            ObjectNode nested = NODES.objectNode().put("resource_type", "NestedExpression");
            ArrayNode inner = nested.putArray("expressions");
            for (int i = 0; i < conditions.size(); i++) {
                if (i > 0) {
                    inner.add(conjunction("AND"));
                }
                inner.add(condition(conditions.get(i)));
            }
            return nested;
        }
        List<Value> addresses = elements(criterion.getAttr("ipaddress_expression"));
        if (!addresses.isEmpty()) {
            ObjectNode node = NODES.objectNode().put("resource_type", "IPAddressExpression");
            node.set("ip_addresses", JsonValues.toJson(addresses.get(0).getAttr("ip_addresses")));
            return node;
        }
        ObjectNode node = NODES.objectNode().put("resource_type", "PathExpression");
        node.set(
                "paths",
                JsonValues.toJson(
                        elements(criterion.getAttr("path_expression")).get(0).getAttr("member_paths")));
        return node;
    }

    private static ObjectNode condition(Value condition) {
        ObjectNode node = NODES.objectNode().put("resource_type", "Condition");
        for (String name : List.of("key", "member_type", "operator", "value")) {
            node.put(name, condition.getAttr(name).asString());
        }
        return node;
    }

    private static ObjectNode conjunction(String operator) {
        return NODES.objectNode().put("resource_type", "ConjunctionOperator").put("conjunction_operator", operator);
    }

    /** The criteria and conjunction blocks an expression list reads back as. */
    static Map<String, Value> fromExpression(JsonNode expression) {
        List<Value> criteria = new ArrayList<>();
        List<Value> conjunctions = new ArrayList<>();
        String pending = null;
        for (JsonNode item : expression == null ? NODES.arrayNode() : expression) {
            if (item.path("resource_type").asText().equals("ConjunctionOperator")) {
                pending = item.path("conjunction_operator").asText();
                continue;
            }
            Value criterion = readCriterion(item);
            if (criterion == null) {
                pending = null;
                continue;
            }
            if (!criteria.isEmpty()) {
                conjunctions.add(Value.object(Map.of("operator", Value.string(pending == null ? "OR" : pending))));
            }
            criteria.add(criterion);
            pending = null;
        }
        Map<String, Value> out = new LinkedHashMap<>();
        out.put("criteria", Value.list(CRITERION.block().impliedType(), criteria));
        out.put("conjunction", Value.list(CONJUNCTION.block().impliedType(), conjunctions));
        return out;
    }

    /** One criterion read back; null for an expression kind this resource does not manage. */
    private static Value readCriterion(JsonNode item) {
        List<Value> conditions = new ArrayList<>();
        List<Value> addresses = new ArrayList<>();
        List<Value> paths = new ArrayList<>();
        switch (item.path("resource_type").asText()) {
            case "Condition":
                conditions.add(readCondition(item));
                break;
            case "NestedExpression":
                for (JsonNode inner : item.path("expressions")) {
                    if (inner.path("resource_type").asText().equals("Condition")) {
                        conditions.add(readCondition(inner));
                    }
                }
                break;
            case "IPAddressExpression":
                addresses.add(Value.object(
                        Map.of("ip_addresses", JsonValues.fromJson(item.get("ip_addresses"), Type.set(Type.STRING)))));
                break;
            case "PathExpression":
                paths.add(Value.object(
                        Map.of("member_paths", JsonValues.fromJson(item.get("paths"), Type.set(Type.STRING)))));
                break;
            default:
                return null;
        }
        Map<String, Value> criterion = new LinkedHashMap<>();
        criterion.put("condition", Value.list(CONDITION.block().impliedType(), conditions));
        criterion.put("ipaddress_expression", Value.list(IP_ADDRESSES.block().impliedType(), addresses));
        criterion.put("path_expression", Value.list(MEMBER_PATHS.block().impliedType(), paths));
        return Value.object(criterion);
    }

    private static Value readCondition(JsonNode node) {
        Map<String, Value> condition = new LinkedHashMap<>();
        for (String name : List.of("key", "member_type", "operator", "value")) {
            condition.put(name, JsonValues.fromJson(node.get(name), Type.STRING));
        }
        return Value.object(condition);
    }

    private static List<Value> elements(Value blocks) {
        return blocks.isNull() ? List.of() : blocks.elements();
    }
}
