package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Fields;
import io.netform.nsxt.schema.JsonNodes;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.Nesting;
import io.netform.wire.SchemaAttribute;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nsxt_policy_segment}: an overlay segment (logical switch), attached to a gateway through
 * {@code connectivity_path}, with its subnets ({@code cidr} is the gateway address, NSX derives
 * the network) and advanced settings.
 */
final class Segment extends PolicyResource {

    static final Fields<ObjectNode> SUBNET = Fields.builder(JsonNodes.OBJECTS)
            .add(
                    SchemaAttribute.string("cidr")
                            .required()
                            .describedAs("The gateway address with its prefix length, e.g. 10.1.1.1/24."),
                    "gateway_address")
            .add(SchemaAttribute.of("dhcp_ranges", Type.list(Type.STRING))
                    .optional()
                    .describedAs("DHCP ranges, as start-end or CIDR."))
            .add(SchemaAttribute.string("network").computed().describedAs("The subnet's network, derived from cidr."))
            .build();

    static final Fields<ObjectNode> ADVANCED = Fields.builder(JsonNodes.OBJECTS)
            .add(SchemaAttribute.string("connectivity").optionalComputed().describedAs("ON or OFF."))
            .add(
                    SchemaAttribute.of("address_pool_paths", Type.list(Type.STRING))
                            .optional(),
                    "address_pool_paths")
            .add(SchemaAttribute.bool("hybrid").optionalComputed())
            .add(SchemaAttribute.bool("local_egress").optionalComputed())
            .add(SchemaAttribute.string("uplink_teaming_policy").optional(), "uplink_teaming_policy_name")
            .add(SchemaAttribute.string("urpf_mode").optionalComputed().describedAs("NONE or STRICT."))
            .build();

    static final Fields<ObjectNode> FIELDS = CommonFields.builder()
            .add(SchemaAttribute.string("connectivity_path")
                    .optional()
                    .describedAs("The tier-1 or tier-0 gateway the segment is attached to."))
            .add(SchemaAttribute.string("transport_zone_path")
                    .optionalComputed()
                    .forceNew()
                    .describedAs("The overlay transport zone."))
            .add(SchemaAttribute.string("domain_name").optional())
            .add(SchemaAttribute.string("overlay_id").optionalComputed())
            .add(SchemaAttribute.of("vlan_ids", Type.list(Type.STRING)).optional())
            .add(SchemaAttribute.string("replication_mode")
                    .withDefault(Value.string("MTEP"))
                    .describedAs("MTEP or SOURCE."))
            .block(Nesting.LIST, "subnet", SUBNET, "subnets")
            .oneObject("advanced_config", ADVANCED, "advanced_config")
            .build();

    Segment(ResourceContext context) {
        super(
                PolicyObject.of(
                        "nsxt_policy_segment",
                        "An overlay segment with its subnets.",
                        "Segment",
                        "/infra/segments/{id}",
                        FIELDS),
                context);
    }

    @Override
    public Value customizePlan(Value prior, Value planned, Value config) {
        Value customized = super.customizePlan(prior, planned, config);
        if (prior.isNull()
                || customized.isNull()
                || !customized.getAttr("subnet").isKnown()) {
            return customized;
        }
        // A changed cidr moves the network NSX derives from it.
        List<Value> subnets = new ArrayList<>();
        List<Value> before = prior.getAttr("subnet").isNull()
                ? List.of()
                : prior.getAttr("subnet").elements();
        List<Value> after = customized.getAttr("subnet").isNull()
                ? List.of()
                : customized.getAttr("subnet").elements();
        for (int i = 0; i < after.size(); i++) {
            Value subnet = after.get(i);
            boolean same = i < before.size() && before.get(i).getAttr("cidr").equals(subnet.getAttr("cidr"));
            subnets.add(same ? subnet : with(subnet, "network", Value.unknown(Type.STRING)));
        }
        return customized.getAttr("subnet").isNull()
                ? customized
                : with(customized, "subnet", Value.list(SUBNET.block().impliedType(), subnets));
    }
}
