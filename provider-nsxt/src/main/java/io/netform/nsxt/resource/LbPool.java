package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Fields;
import io.netform.nsxt.schema.JsonNodes;
import io.netform.nsxt.schema.JsonValues;
import io.netform.provider.DiagnosticException;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.Nesting;
import io.netform.wire.SchemaAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code nsxt_policy_lb_pool}: the servers a virtual server balances over, as static members or a
 * group's addresses, with health monitors and source NAT. Created with PATCH and replaced with PUT
 * and the revision on update, as terraform-provider-nsxt writes pools.
 */
final class LbPool extends PolicyResource {

    private static final String MONITORS = "active_monitor_paths";

    static final Fields<ObjectNode> MEMBER = Fields.builder(JsonNodes.OBJECTS)
            .add(SchemaAttribute.string("ip_address").required().describedAs("The member's IP address."))
            .add(SchemaAttribute.string("port")
                    .optional()
                    .describedAs("The member's port; unset: the port the client connected to."))
            .add(SchemaAttribute.number("weight")
                    .withDefault(Value.number(1))
                    .describedAs("The member's weight (1-256) for the weighted algorithms."))
            .add(SchemaAttribute.string("admin_state")
                    .withDefault(Value.string("ENABLED"))
                    .describedAs("ENABLED, DISABLED or GRACEFUL_DISABLED."))
            .add(SchemaAttribute.bool("backup_member")
                    .withDefault(Value.FALSE)
                    .describedAs("Whether the member only takes traffic when the others are down."))
            .add(SchemaAttribute.string("display_name").optional())
            .add(SchemaAttribute.number("max_concurrent_connections")
                    .optional()
                    .describedAs("The most connections the member takes; unset: unlimited."))
            .build();

    static final Fields<ObjectNode> MEMBER_GROUP = Fields.builder(JsonNodes.OBJECTS)
            .add(SchemaAttribute.string("group_path")
                    .required()
                    .describedAs("The group whose addresses are the members."))
            // NSX keeps both flags in one ip_revision_filter; allow_ipv6 is written after allow_ipv4 and refines it.
            .custom(
                    SchemaAttribute.bool("allow_ipv4")
                            .withDefault(Value.TRUE)
                            .describedAs("Use the group's IPv4 addresses."),
                    (value, json) -> json.put("ip_revision_filter", value.asBoolean() ? "IPV4" : "IPV6"),
                    json -> {},
                    json -> Value.bool(
                            json.path("ip_revision_filter").asText("IPV4").startsWith("IPV4")))
            .custom(
                    SchemaAttribute.bool("allow_ipv6")
                            .withDefault(Value.FALSE)
                            .describedAs("Use the group's IPv6 addresses."),
                    (value, json) -> {
                        if (value.asBoolean()
                                && json.path("ip_revision_filter").asText().equals("IPV4")) {
                            json.put("ip_revision_filter", "IPV4_IPV6");
                        }
                    },
                    json -> {},
                    json -> Value.bool(
                            json.path("ip_revision_filter").asText("IPV4").endsWith("IPV6")))
            .add(SchemaAttribute.number("max_ip_list_size")
                    .optional()
                    .describedAs("The most members taken from the group."))
            .custom(
                    SchemaAttribute.string("port").optional().describedAs("The port of every member."),
                    (value, json) -> json.put("port", Integer.parseInt(value.asString())),
                    json -> json.putNull("port"),
                    json -> json.hasNonNull("port")
                            ? Value.string(json.get("port").asText())
                            : Value.nullOf(Type.STRING))
            .build();

    static final Fields<ObjectNode> SNAT = Fields.builder(JsonNodes.OBJECTS)
            .custom(
                    SchemaAttribute.string("type")
                            .withDefault(Value.string("AUTOMAP"))
                            .describedAs("AUTOMAP, IPPOOL or DISABLED."),
                    (value, json) -> json.put("type", SnatType.nsxName(value.asString())),
                    json -> {},
                    json -> Value.string(
                            SnatType.terraformName(json.path("type").asText())))
            .custom(
                    SchemaAttribute.of("ip_pool_addresses", Type.list(Type.STRING))
                            .optional()
                            .describedAs("For IPPOOL: the addresses, as IPs, ranges or CIDRs."),
                    LbPool::writeSnatAddresses,
                    json -> json.remove("ip_addresses"),
                    LbPool::readSnatAddresses)
            .build();

    static final Fields<ObjectNode> FIELDS = CommonFields.builder()
            .block(Nesting.LIST, "member", MEMBER, "members")
            .oneObject("member_group", MEMBER_GROUP, "member_group")
            .custom(
                    SchemaAttribute.of(MONITORS, Type.list(Type.STRING))
                            .optional()
                            .describedAs("The active health monitors."),
                    (value, json) -> json.set(MONITORS, JsonValues.toJson(value)),
                    LbPool::clearMonitors,
                    json -> JsonValues.fromJson(json.get(MONITORS), Type.list(Type.STRING)))
            // Deprecated in terraform-provider-nsxt for active_monitor_paths; held in the same NSX list.
            .custom(
                    SchemaAttribute.string("active_monitor_path")
                            .optional()
                            .describedAs("Deprecated: one active health monitor; use active_monitor_paths."),
                    (value, json) -> {
                        if (json.path(MONITORS).isEmpty()) {
                            json.putArray(MONITORS).add(value.asString());
                        }
                    },
                    LbPool::clearMonitors,
                    json -> Value.nullOf(Type.STRING))
            .add(SchemaAttribute.string("algorithm")
                    .withDefault(Value.string("ROUND_ROBIN"))
                    .describedAs("ROUND_ROBIN, WEIGHTED_ROUND_ROBIN, LEAST_CONNECTION, WEIGHTED_LEAST_CONNECTION "
                            + "or IP_HASH."))
            .add(SchemaAttribute.number("min_active_members")
                    .withDefault(Value.number(1))
                    .describedAs("Below this many healthy members the pool is down."))
            .add(SchemaAttribute.string("passive_monitor_path").optional().describedAs("The passive health monitor."))
            .add(SchemaAttribute.bool("tcp_multiplexing_enabled").withDefault(Value.FALSE))
            .add(SchemaAttribute.number("tcp_multiplexing_number")
                    .optional()
                    .describedAs("The most idle connections kept per member for multiplexing."))
            .oneObject("snat", SNAT, "snat_translation")
            .build();

    LbPool(ResourceContext context) {
        super(
                PolicyObject.of(
                                "nsxt_policy_lb_pool",
                                "A load balancer server pool.",
                                "LBPool",
                                "/infra/lb-pools/{id}",
                                FIELDS)
                        .updatedWithPut()
                        .deletedWith(LbService.FORCE),
                context);
    }

    @Override
    public void validate(Value config) {
        Value monitors = config.getAttr(MONITORS);
        boolean listed = !monitors.isNull() && (!monitors.isKnown() || monitors.length() > 0);
        if (listed && !config.getAttr("active_monitor_path").isNull()) {
            throw new DiagnosticException(
                    "Conflicting arguments",
                    "Set active_monitor_paths or the deprecated " + "active_monitor_path, not both.",
                    AttributePath.of("active_monitor_path"));
        }
        Value snat = config.getAttr("snat");
        if (snat.isNull() || !snat.isKnown() || snat.length() == 0) {
            return;
        }
        Value type = snat.elements().get(0).getAttr("type");
        Value addresses = snat.elements().get(0).getAttr("ip_pool_addresses");
        AttributePath at = AttributePath.of("snat").index(0);
        if (!type.isKnown()) {
            return;
        }
        String name = type.isNull() ? "AUTOMAP" : type.asString();
        if (SnatType.nsxName(name).equals(name)) {
            throw new DiagnosticException(
                    "Invalid SNAT type",
                    "snat type must be AUTOMAP, IPPOOL or DISABLED, not \"" + name + "\".",
                    at.attr("type"));
        }
        if (!name.equals("IPPOOL") && !addresses.isNull() && addresses.isKnown() && addresses.length() > 0) {
            throw new DiagnosticException(
                    "Invalid SNAT addresses",
                    "ip_pool_addresses only applies to snat type " + "IPPOOL, not " + name + ".",
                    at.attr("ip_pool_addresses"));
        }
    }

    @Override
    protected Value stateOf(ObjectNode json, Value base) {
        Map<String, Value> values =
                new LinkedHashMap<>(super.stateOf(json, base).asMap());
        // Without a snat block NSX applies automap, its default: that is no difference from the configuration.
        Value snat = values.get("snat");
        boolean hadSnat = !base.getAttr("snat").isNull()
                && base.getAttr("snat").isKnown()
                && base.getAttr("snat").length() > 0;
        if (!hadSnat
                && snat.length() == 1
                && snat.elements().get(0).getAttr("type").asString().equals("AUTOMAP")) {
            values.put("snat", Value.list(SNAT.block().impliedType(), List.of()));
        }
        // The deprecated single monitor reads back as itself, not as the list.
        if (!base.getAttr("active_monitor_path").isNull()) {
            Value monitors = values.get(MONITORS);
            values.put(
                    "active_monitor_path",
                    monitors.isNull() || monitors.length() == 0
                            ? Value.nullOf(Type.STRING)
                            : monitors.elements().get(0));
            values.put(MONITORS, Value.nullOf(Type.list(Type.STRING)));
        }
        return Value.object(values);
    }

    private static void clearMonitors(ObjectNode json) {
        if (!json.has(MONITORS)) {
            json.putArray(MONITORS);
        }
    }

    private static void writeSnatAddresses(Value value, ObjectNode json) {
        ArrayNode addresses = json.putArray("ip_addresses");
        for (Value address : value.elements()) {
            String text = address.asString();
            int slash = text.indexOf('/');
            ObjectNode element = addresses.addObject();
            if (slash < 0) {
                element.put("ip_address", text);
            } else {
                element.put("ip_address", text.substring(0, slash));
                element.put("prefix_length", Integer.parseInt(text.substring(slash + 1)));
            }
        }
    }

    private static Value readSnatAddresses(JsonNode json) {
        JsonNode addresses = json.get("ip_addresses");
        if (addresses == null || !addresses.isArray() || addresses.isEmpty()) {
            return Value.nullOf(Type.list(Type.STRING));
        }
        List<Value> texts = new ArrayList<>();
        for (JsonNode element : addresses) {
            String ip = element.path("ip_address").asText();
            texts.add(Value.string(
                    element.hasNonNull("prefix_length")
                            ? ip + "/" + element.get("prefix_length").asText()
                            : ip));
        }
        return Value.list(Type.STRING, texts);
    }

    /** terraform-provider-nsxt's SNAT type names and NSX's snat_translation types. */
    private enum SnatType {
        AUTOMAP("LBSnatAutoMap"),
        IPPOOL("LBSnatIpPool"),
        DISABLED("LBSnatDisabled");

        private final String nsx;

        SnatType(String nsx) {
            this.nsx = nsx;
        }

        static String nsxName(String terraform) {
            for (SnatType type : values()) {
                if (type.name().equals(terraform)) {
                    return type.nsx;
                }
            }
            // NSX names the value it does not know in its refusal.
            return terraform;
        }

        static String terraformName(String nsx) {
            for (SnatType type : values()) {
                if (type.nsx.equals(nsx)) {
                    return type.name();
                }
            }
            return nsx;
        }
    }
}
