package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Fields;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code nsxt_policy_group}: a group of a domain whose members are given by criteria (conditions
 * on tags or names, IP addresses, member paths) joined by conjunctions; NSX holds them as one flat
 * expression list (see {@link GroupCriteria}).
 */
final class Group extends PolicyResource {

    static final Fields<ObjectNode> FIELDS = CommonFields.builder()
            .local(SchemaAttribute.string("domain")
                    .withDefault(Value.string("default"))
                    .forceNew()
                    .describedAs("The domain the group belongs to."))
            .custom(
                    SchemaAttribute.string("group_type")
                            .optional()
                            .forceNew()
                            .describedAs("IPAddress, ANTREA or BAREMETALSERVER; unset: a generic group."),
                    (value, json) -> json.putArray("group_type").add(value.asString()),
                    json -> json.putArray("group_type"),
                    json -> json.path("group_type").size() == 0
                            ? Value.nullOf(Type.STRING)
                            : Value.string(json.path("group_type").get(0).asText()))
            .block(NestedBlock.list("criteria", GroupCriteria.CRITERION.block()), GroupCriteria.CRITERION, "criteria")
            .block(
                    NestedBlock.list("conjunction", GroupCriteria.CONJUNCTION.block()),
                    GroupCriteria.CONJUNCTION,
                    "conjunction")
            .build();

    Group(ResourceContext context) {
        super(
                PolicyObject.of(
                                "nsxt_policy_group",
                                "A group whose members are given by criteria.",
                                "Group",
                                "/infra/domains/{domain}/groups/{id}",
                                FIELDS)
                        .deletedWith(Map.of("force", "true", "fail_if_subtree_exists", "false")),
                context);
    }

    @Override
    public void validate(Value config) {
        GroupCriteria.validate(config.getAttr("criteria"), config.getAttr("conjunction"));
    }

    @Override
    protected ObjectNode body(Value planned, Value prior) {
        ObjectNode json = super.body(planned, prior);
        // criteria and conjunction travel together as NSX's expression list, not as fields of their own.
        json.remove("criteria");
        json.remove("conjunction");
        json.set("expression", GroupCriteria.toExpression(planned.getAttr("criteria"), planned.getAttr("conjunction")));
        return json;
    }

    @Override
    protected Value stateOf(ObjectNode json, Value base) {
        Map<String, Value> values =
                new LinkedHashMap<>(super.stateOf(json, base).asMap());
        values.putAll(GroupCriteria.fromExpression(json.get("expression")));
        return Value.object(values);
    }
}
