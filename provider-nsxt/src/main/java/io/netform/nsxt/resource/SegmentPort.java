package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Fields;
import io.netform.nsxt.schema.JsonNodes;
import io.netform.wire.Nesting;
import io.netform.wire.SchemaAttribute;

/**
 * {@code nsxt_policy_segment_port}: a port of a segment, with the static address bindings
 * (address, MAC, VLAN) that NSX's spoof guard and discovery trust.
 */
final class SegmentPort extends PolicyResource {

    static final Fields<ObjectNode> ADDRESS_BINDING = Fields.builder(JsonNodes.OBJECTS)
            .add(SchemaAttribute.string("ip_address").optional().describedAs("The port's IP address."))
            .add(SchemaAttribute.string("mac_address").optional().describedAs("The port's MAC address."))
            .add(SchemaAttribute.number("vlan_id").optional().describedAs("The VLAN of the binding."))
            .build();

    static final Fields<ObjectNode> FIELDS = CommonFields.builder()
            .local(SchemaAttribute.string("segment_path")
                    .required()
                    .forceNew()
                    .describedAs("The segment the port is on."))
            .block(Nesting.LIST, "address_binding", ADDRESS_BINDING, "address_bindings")
            .build();

    SegmentPort(ResourceContext context) {
        super(
                PolicyObject.of(
                        "nsxt_policy_segment_port",
                        "A port of a segment.",
                        "SegmentPort",
                        "{segment_path}/ports/{id}",
                        FIELDS),
                context);
    }
}
