package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Fields;
import io.netform.wire.SchemaAttribute;

/** {@code nsxt_policy_ip_pool}: an IP pool, whose addresses come from its block and static subnets. */
final class IpPool extends PolicyResource {

    /** Where a subnet or allocation of a pool lives: the pool's path, which only Netform's state holds. */
    static final SchemaAttribute POOL_PATH =
            SchemaAttribute.string("pool_path").required().forceNew().describedAs("The path of the pool.");

    static final Fields<ObjectNode> FIELDS = CommonFields.builder()
            .add(
                    SchemaAttribute.string("realized_id").computed().describedAs("The ID of the realized pool."),
                    "realization_id")
            .build();

    IpPool(ResourceContext context) {
        super(
                PolicyObject.of(
                        "nsxt_policy_ip_pool", "An IP address pool.", "IpAddressPool", "/infra/ip-pools/{id}", FIELDS),
                context);
    }
}
