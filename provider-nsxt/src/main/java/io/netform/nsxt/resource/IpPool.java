package io.netform.nsxt.resource;

import io.netform.nsxt.schema.ObjectFields;
import io.netform.provider.Attribute;

/** {@code nsxt_policy_ip_pool}: an IP pool, whose addresses come from its block and static subnets. */
final class IpPool extends PolicyResource {

    static final ObjectFields FIELDS = CommonFields.builder()
            .add(Attribute.string("realized_id").computed().describedAs("The ID of the realized pool."),
                    "realization_id")
            .build();

    IpPool(ResourceContext context) {
        super(PolicyObject.of("nsxt_policy_ip_pool", "An IP address pool.", "IpAddressPool", "/infra/ip-pools/{id}",
                FIELDS), context);
    }
}
