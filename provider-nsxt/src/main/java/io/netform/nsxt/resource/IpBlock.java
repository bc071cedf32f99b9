package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Fields;
import io.netform.wire.SchemaAttribute;

/**
 * {@code nsxt_policy_ip_block}: a range of addresses (one CIDR) that pool subnets are carved from;
 * created with PATCH and, as terraform-provider-nsxt does, updated with PUT and the revision.
 */
final class IpBlock extends PolicyResource {

    static final Fields<ObjectNode> FIELDS = CommonFields.builder()
            .add(SchemaAttribute.string("cidr").optional().describedAs("The block's network, e.g. 10.0.0.0/16."))
            .add(SchemaAttribute.string("visibility")
                    .optional()
                    .describedAs("PRIVATE or EXTERNAL; cannot change once the block is in use."))
            .build();

    IpBlock(ResourceContext context) {
        super(
                PolicyObject.of(
                                "nsxt_policy_ip_block",
                                "An IP address block.",
                                "IpAddressBlock",
                                "/infra/ip-blocks/{id}",
                                FIELDS)
                        .updatedWithPut(),
                context);
    }
}
