package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Fields;
import io.netform.nsxt.api.PolicyClient;
import io.netform.nsxt.schema.JsonValues;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.SchemaAttribute;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code nsxt_policy_tier1_gateway}: a tier-1 gateway, written with the hierarchical API together
 * with its implicit locale service {@code default} that holds the edge cluster, as
 * terraform-provider-nsxt writes it.
 */
final class Tier1Gateway extends PolicyResource {

    static final Fields<ObjectNode> FIELDS = CommonFields.builder()
            .add(SchemaAttribute.string("tier0_path")
                    .optional()
                    .describedAs("The tier-0 gateway this gateway connects to."))
            .add(SchemaAttribute.string("failover_mode")
                    .withDefault(Value.string("PREEMPTIVE"))
                    .describedAs("PREEMPTIVE or NON_PREEMPTIVE."))
            .add(SchemaAttribute.bool("default_rule_logging").withDefault(Value.FALSE))
            .custom(
                    SchemaAttribute.bool("enable_firewall").withDefault(Value.TRUE),
                    (value, json) -> json.put("disable_firewall", !value.asBoolean()),
                    json -> json.put("disable_firewall", false),
                    json -> Value.bool(!json.path("disable_firewall").asBoolean(false)))
            .add(SchemaAttribute.bool("enable_standby_relocation").withDefault(Value.FALSE))
            .add(SchemaAttribute.of("route_advertisement_types", Type.set(Type.STRING))
                    .optional()
                    .describedAs("TIER1_CONNECTED, TIER1_STATIC_ROUTES, TIER1_NAT, TIER1_LB_VIP, TIER1_LB_SNAT, ..."))
            .add(SchemaAttribute.string("pool_allocation")
                    .withDefault(Value.string("ROUTING"))
                    .forceNew()
                    .describedAs("ROUTING, LB_SMALL, LB_MEDIUM, LB_LARGE or LB_XLARGE."))
            .add(SchemaAttribute.string("ha_mode").optionalComputed().describedAs("ACTIVE_STANDBY or ACTIVE_ACTIVE."))
            .add(SchemaAttribute.string("type").optionalComputed().describedAs("ROUTED, ISOLATED or NATTED."))
            .custom(
                    SchemaAttribute.string("dhcp_config_path").optional(),
                    (value, json) -> json.putArray("dhcp_config_paths").add(value.asString()),
                    json -> json.putArray("dhcp_config_paths"),
                    json -> json.path("dhcp_config_paths").size() == 0
                            ? Value.nullOf(Type.STRING)
                            : Value.string(json.path("dhcp_config_paths").get(0).asText()))
            // Held by the gateway's locale service, read and written with it.
            .custom(
                    SchemaAttribute.string("edge_cluster_path")
                            .optional()
                            .describedAs("The edge cluster that runs the gateway's services (NAT, load balancing)."),
                    (value, json) -> {},
                    json -> {},
                    json -> JsonValues.fromJson(json.get("edge_cluster_path"), Type.STRING))
            .build();

    Tier1Gateway(ResourceContext context) {
        super(
                PolicyObject.of(
                        "nsxt_policy_tier1_gateway",
                        "A tier-1 gateway (router).",
                        "Tier1",
                        "/infra/tier-1s/{id}",
                        FIELDS),
                context);
    }

    @Override
    protected void write(String path, ObjectNode body, Value prior, Value planned) {
        ObjectNode infra = PolicyClient.object().put("resource_type", "Infra");
        ArrayNode children = infra.putArray("children");
        ObjectNode child = children.addObject().put("resource_type", "ChildTier1");
        child.set("Tier1", body);
        Value edge = planned.getAttr("edge_cluster_path");
        boolean hadEdge = prior != null && !prior.getAttr("edge_cluster_path").isNull();
        if (!edge.isNull() || hadEdge) {
            ObjectNode locale = PolicyClient.object()
                    .put("resource_type", "LocaleServices")
                    .put("id", GatewayEdgeCluster.LOCALE_SERVICE);
            if (edge.isNull()) {
                locale.putNull("edge_cluster_path");
            } else {
                locale.put("edge_cluster_path", edge.asString());
            }
            body.putArray("children")
                    .addObject()
                    .put("resource_type", "ChildLocaleServices")
                    .set("LocaleServices", locale);
        }
        if (prior != null) {
            body.put("_revision", prior.getAttr("revision").asLong());
        }
        client.get().patchInfra(infra, prior != null);
    }

    @Override
    protected Value stateOf(ObjectNode json, Value base) {
        ObjectNode merged = json.deepCopy();
        GatewayEdgeCluster.of(client.get(), pathOf(withPath(base, json)))
                .ifPresent(edge -> merged.put("edge_cluster_path", edge));
        return super.stateOf(merged, base);
    }

    private static Value withPath(Value base, ObjectNode json) {
        Map<String, Value> values = new LinkedHashMap<>(base.asMap());
        values.put("id", Value.string(json.path("id").asText()));
        return Value.object(values);
    }
}
