package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Fields;
import io.netform.nsxt.schema.JsonNodes;
import io.netform.nsxt.schema.JsonValues;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.SchemaAttribute;
import java.util.List;

/**
 * One kind of service entry: the {@code nsxt_policy_service} block that configures it (e.g.
 * {@code l4_port_set_entry}), NSX's resource_type for it (e.g. {@code L4PortSetServiceEntry}) and
 * the mapping of the block's attributes to the entry's JSON.
 */
record ServiceEntryKind(String block, String resourceType, Fields<ObjectNode> fields) {

    /** Every kind, in the order terraform-provider-nsxt lists them. */
    static final List<ServiceEntryKind> ALL = List.of(
            new ServiceEntryKind(
                    "icmp_entry",
                    "ICMPTypeServiceEntry",
                    named().add(SchemaAttribute.string("protocol").required().describedAs("ICMPv4 or ICMPv6."))
                            .custom(
                                    SchemaAttribute.string("icmp_type")
                                            .optional()
                                            .describedAs("ICMP message type, 0-255."),
                                    (value, json) -> json.put("icmp_type", Integer.parseInt(value.asString())),
                                    json -> json.putNull("icmp_type"),
                                    json -> numberAsText(json.get("icmp_type")))
                            .custom(
                                    SchemaAttribute.string("icmp_code")
                                            .optional()
                                            .describedAs("ICMP message code, 0-255."),
                                    (value, json) -> json.put("icmp_code", Integer.parseInt(value.asString())),
                                    json -> json.putNull("icmp_code"),
                                    json -> numberAsText(json.get("icmp_code")))
                            .build()),
            new ServiceEntryKind(
                    "l4_port_set_entry",
                    "L4PortSetServiceEntry",
                    named().add(SchemaAttribute.string("protocol").required().describedAs("TCP or UDP."), "l4_protocol")
                            .add(SchemaAttribute.of("destination_ports", Type.set(Type.STRING))
                                    .optional()
                                    .describedAs("Destination ports or ranges, e.g. 443 or 8000-8080."))
                            .add(SchemaAttribute.of("source_ports", Type.set(Type.STRING))
                                    .optional()
                                    .describedAs("Source ports or ranges."))
                            .build()),
            new ServiceEntryKind("igmp_entry", "IGMPTypeServiceEntry", named().build()),
            new ServiceEntryKind(
                    "ether_type_entry",
                    "EtherTypeServiceEntry",
                    named().add(SchemaAttribute.number("ether_type")
                                    .required()
                                    .describedAs("Type of the encapsulated protocol."))
                            .build()),
            new ServiceEntryKind(
                    "ip_protocol_entry",
                    "IPProtocolServiceEntry",
                    named().add(
                                    SchemaAttribute.number("protocol")
                                            .required()
                                            .describedAs("IP protocol number, 0-255."),
                                    "protocol_number")
                            .build()),
            new ServiceEntryKind(
                    "algorithm_entry",
                    "ALGTypeServiceEntry",
                    named().add(
                                    SchemaAttribute.string("algorithm")
                                            .required()
                                            .describedAs(
                                                    "FTP, TFTP, ORACLE_TNS, SUN_RPC_TCP, SUN_RPC_UDP, MS_RPC_TCP, ..."),
                                    "alg")
                            .custom(
                                    SchemaAttribute.string("destination_port")
                                            .required()
                                            .describedAs("A single destination port."),
                                    (value, json) ->
                                            json.putArray("destination_ports").add(value.asString()),
                                    json -> json.putArray("destination_ports"),
                                    json -> json.path("destination_ports").size() == 0
                                            ? Value.nullOf(Type.STRING)
                                            : Value.string(json.path("destination_ports")
                                                    .get(0)
                                                    .asText()))
                            .add(SchemaAttribute.of("source_ports", Type.set(Type.STRING))
                                    .optional()
                                    .describedAs("Source ports or ranges."))
                            .build()),
            new ServiceEntryKind(
                    "nested_service_entry",
                    "NestedServiceServiceEntry",
                    named().add(SchemaAttribute.string("nested_service_path")
                                    .required()
                                    .describedAs("The service to include."))
                            .build()));

    /** The entry's JSON for one block, under a fresh id as terraform-provider-nsxt gives each write. */
    ObjectNode toJson(Value block, String id) {
        ObjectNode json = fields.toJson(block);
        json.put("resource_type", resourceType);
        json.put("id", id);
        return json;
    }

    /**
     * The attributes every entry block has. NSX names an entry without a display name after its
     * id; such a name reads back as unset, so a block without one stays unchanged.
     */
    private static Fields.Builder<ObjectNode> named() {
        return Fields.builder(JsonNodes.OBJECTS)
                .custom(
                        SchemaAttribute.string("display_name").optional().describedAs("Display name of the entry."),
                        (value, json) -> json.put("display_name", value.asString()),
                        json -> {},
                        json -> json.path("display_name")
                                        .asText("")
                                        .equals(json.path("id").asText())
                                ? Value.nullOf(Type.STRING)
                                : JsonValues.fromJson(json.get("display_name"), Type.STRING))
                .add(SchemaAttribute.string("description").optional().describedAs("Description of the entry."));
    }

    private static Value numberAsText(JsonNode node) {
        return node == null || node.isNull() ? Value.nullOf(Type.STRING) : Value.string(node.asText());
    }
}
