package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Fields;
import io.netform.nsxt.api.PolicyClient;
import io.netform.nsxt.schema.JsonNodes;
import io.netform.nsxt.schema.JsonValues;
import io.netform.provider.DiagnosticException;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Nesting;
import io.netform.wire.SchemaAttribute;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code nsxt_policy_tier1_gateway}: a tier-1 gateway, written with the hierarchical API together
 * with its locale service {@code default} that holds the edge cluster (and, through a
 * {@code locale_service} block, the preferred edges), as terraform-provider-nsxt writes it.
 */
final class Tier1Gateway extends PolicyResource {

    /** The JSON member the locale_service block passes through on its way to the child objects. */
    private static final String LOCALE_SERVICES = "locale_services";

    private static final String PREFERRED_EDGES = "preferred_edge_paths";

    static final Fields<ObjectNode> LOCALE_SERVICE = Fields.builder(JsonNodes.OBJECTS)
            .add(SchemaAttribute.string("edge_cluster_path")
                    .required()
                    .describedAs("The edge cluster that runs the gateway's service router."))
            .add(SchemaAttribute.of(PREFERRED_EDGES, Type.set(Type.STRING))
                    .optional()
                    .describedAs("Edge nodes of the cluster to place the active (first) and standby contexts on."))
            .add(SchemaAttribute.string("path").computed().describedAs("The policy path of the locale service."))
            .build();

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
            .block(
                    new NestedBlock("locale_service", Nesting.LIST, LOCALE_SERVICE.block(), 0, 1),
                    LOCALE_SERVICE,
                    LOCALE_SERVICES)
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
        JsonNode blocks = body.remove(LOCALE_SERVICES);
        ObjectNode block = blocks == null || blocks.isEmpty() ? null : (ObjectNode) blocks.get(0);
        Value edge = planned.getAttr("edge_cluster_path");
        boolean hadEdge = prior != null && (!prior.getAttr("edge_cluster_path").isNull() || usesLocaleService(prior));
        if (block != null || !edge.isNull() || hadEdge) {
            ObjectNode locale = PolicyClient.object()
                    .put("resource_type", "LocaleServices")
                    .put("id", GatewayEdgeCluster.LOCALE_SERVICE);
            if (block != null) {
                locale.put("edge_cluster_path", block.path("edge_cluster_path").asText());
            } else if (edge.isNull()) {
                locale.putNull("edge_cluster_path");
            } else {
                locale.put("edge_cluster_path", edge.asString());
            }
            // Written in full every time, so dropping preferred_edge_paths lets NSX place freely again.
            locale.set(
                    PREFERRED_EDGES,
                    block != null && block.has(PREFERRED_EDGES)
                            ? block.get(PREFERRED_EDGES)
                            : PolicyClient.object().arrayNode());
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
    public void validate(Value config) {
        Value edge = config.getAttr("edge_cluster_path");
        Value blocks = config.getAttr("locale_service");
        if (!edge.isNull() && blocks.isKnown() && !blocks.isNull() && blocks.length() > 0) {
            throw new DiagnosticException(
                    "Conflicting configuration arguments",
                    "\"edge_cluster_path\": conflicts with locale_service; set the edge cluster in the"
                            + " locale_service block (which also takes preferred_edge_paths) or in edge_cluster_path,"
                            + " not both.",
                    AttributePath.of("edge_cluster_path"));
        }
    }

    @Override
    protected Value stateOf(ObjectNode json, Value base) {
        ObjectNode merged = json.deepCopy();
        String path = pathOf(withPath(base, json));
        if (usesLocaleService(base)) {
            // As terraform-provider-nsxt: with a locale_service block, edge_cluster_path stays unset.
            ArrayNode blocks = merged.putArray(LOCALE_SERVICES);
            GatewayEdgeCluster.localeService(client.get(), path).ifPresent(locale -> {
                ObjectNode block = blocks.addObject();
                block.set("edge_cluster_path", locale.get("edge_cluster_path"));
                block.set("path", locale.get("path"));
                if (!locale.path(PREFERRED_EDGES).isEmpty()) {
                    block.set(PREFERRED_EDGES, locale.get(PREFERRED_EDGES));
                }
            });
        } else {
            GatewayEdgeCluster.of(client.get(), path).ifPresent(edge -> merged.put("edge_cluster_path", edge));
        }
        return super.stateOf(merged, base);
    }

    private static boolean usesLocaleService(Value state) {
        Value blocks = state.getAttr("locale_service");
        return blocks.isKnown() && !blocks.isNull() && blocks.length() > 0;
    }

    private static Value withPath(Value base, ObjectNode json) {
        Map<String, Value> values = new LinkedHashMap<>(base.asMap());
        values.put("id", Value.string(json.path("id").asText()));
        return Value.object(values);
    }
}
